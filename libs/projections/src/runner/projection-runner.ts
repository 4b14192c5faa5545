import { EventStore, Position, StoredEvent } from '@sunshine/event-store';
import { DocumentWrite, ProjectionStore } from '../store/projection-store.port';
import { Projection } from '../projection';

export interface RunnerOptions {
  batchSize?: number;
  /** How often the runner looks for events appended by another process. */
  pollIntervalMs?: number;
  onProgress?: (processed: number, position: Position) => void;
}

export class ProjectionsBehind extends Error {
  constructor(readonly wanted: Position, readonly reached: Position | undefined) {
    super(`read models reached position ${reached ?? 'none'}, not ${wanted}`);
    this.name = 'ProjectionsBehind';
  }
}

/**
 * Feeds the log to the projections: catches up from each checkpoint, then follows. Each batch of
 * document writes commits with its checkpoint, so a crash resumes exactly where it stopped.
 */
export class ProjectionRunner {
  private readonly batchSize: number;
  private readonly pollIntervalMs: number;
  private processed: Position | undefined;
  private running = false;
  private loop?: Promise<void>;
  private wake?: () => void;
  private kicked = false;
  private readonly waiters: { position: Position; resolve: () => void }[] = [];
  private failure?: unknown;

  constructor(
    private readonly events: EventStore,
    private readonly store: ProjectionStore,
    private readonly projections: Projection[],
    private readonly options: RunnerOptions = {},
  ) {
    this.batchSize = options.batchSize ?? 2000;
    this.pollIntervalMs = options.pollIntervalMs ?? 250;
  }

  /** Rebuilds projections whose version changed, catches up, then follows the log. */
  async start(): Promise<void> {
    await this.resetChangedVersions();
    await this.catchUp();
    this.running = true;
    this.loop = this.follow();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
  }

  /** Tells the runner the log has grown (an append in this process); it looks at once. */
  notify(): void {
    this.kicked = true;
    this.wake?.();
  }

  /** The log position every projection has reached. */
  position(): Position | undefined {
    return this.processed;
  }

  /** True once the projections have processed the whole log as it stands now. */
  async caughtUp(): Promise<boolean> {
    const head = await this.events.headPosition();
    return head === undefined || (this.processed !== undefined && this.events.comparePositions(this.processed, head) >= 0);
  }

  /** Resolves once the read models include `position`; rejects with ProjectionsBehind after the timeout. */
  async waitFor(position: Position, timeoutMs = 5000): Promise<void> {
    if (this.reached(position)) return;
    if (this.failure) throw this.failure;
    this.notify();
    await new Promise<void>((resolve, reject) => {
      const waiter = { position, resolve: () => (clearTimeout(timer), resolve()) };
      const timer = setTimeout(() => {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        reject(new ProjectionsBehind(position, this.processed));
      }, timeoutMs);
      this.waiters.push(waiter);
    });
  }

  /** Drops every projection's documents and replays the whole log. */
  async rebuild(): Promise<void> {
    this.store.bulkLoad?.(true);
    try {
      for (const p of this.projections) await this.store.reset(p.name, p.categories);
      this.processed = undefined;
      await this.catchUp();
    } finally {
      this.store.bulkLoad?.(false);
    }
  }

  private reached(position: Position): boolean {
    return this.processed !== undefined && this.events.comparePositions(this.processed, position) >= 0;
  }

  private async resetChangedVersions(): Promise<void> {
    for (const p of this.projections) {
      const checkpoint = await this.store.checkpoint(p.name);
      if (checkpoint && checkpoint.version !== p.version) await this.store.reset(p.name, p.categories);
    }
  }

  /** Processes pages until the log is exhausted. */
  async catchUp(): Promise<void> {
    const checkpoints = await Promise.all(this.projections.map((p) => this.store.checkpoint(p.name)));
    const positions = checkpoints.map((c) => c?.position);
    // Start from the least advanced projection; the others skip what they already have.
    let after =
      this.processed ??
      (positions.length === 0 || positions.some((p) => p === undefined)
        ? undefined
        : positions.reduce((a, b) => (this.events.comparePositions(a as string, b as string) <= 0 ? a : b)));
    if (after !== undefined) this.advance(after);
    let total = 0;
    for (;;) {
      const page = await this.events.readAll({ after, limit: this.batchSize });
      if (page.length === 0) break;
      await this.applyBatch(page, positions);
      after = page[page.length - 1].position;
      for (let i = 0; i < positions.length; i++) positions[i] = after;
      this.advance(after);
      total += page.length;
      this.options.onProgress?.(total, after);
    }
  }

  private async follow(): Promise<void> {
    while (this.running) {
      this.kicked = false;
      try {
        await this.catchUp();
        this.failure = undefined;
      } catch (error) {
        this.failure = error;
      }
      if (!this.running) break;
      if (this.kicked) continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, this.pollIntervalMs);
        function done() {
          clearTimeout(timer);
          resolve();
        }
        this.wake = done;
      });
    }
  }

  private async applyBatch(page: StoredEvent[], positions: (Position | undefined)[]): Promise<void> {
    for (const [i, projection] of this.projections.entries()) {
      const from = positions[i];
      const docs = new Map<string, DocumentWrite>();
      for (const event of page) {
        if (from !== undefined && this.events.comparePositions(event.position, from) <= 0) continue;
        for (const key of projection.keysOf(event)) {
          const current = docs.has(key.key) ? docs.get(key.key)?.doc : await this.store.get(key.key);
          docs.set(key.key, { key: key.key, category: key.category, doc: projection.evolve(current, event, key) });
        }
      }
      await this.store.commit(projection.name, [...docs.values()], { position: page[page.length - 1].position, version: projection.version });
    }
  }

  private advance(position: Position): void {
    this.processed = position;
    for (let i = this.waiters.length - 1; i >= 0; i--)
      if (this.reached(this.waiters[i].position)) this.waiters.splice(i, 1)[0].resolve();
  }
}
