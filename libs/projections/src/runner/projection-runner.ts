import { EventStore, Position, StoredEvent } from '@sunshine/event-store';
import { DocumentWrite, ProjectionStore } from '../store/projection-store.port';
import { Projection } from '../projection';
import { replayFromStart } from './replay';

export interface RunnerOptions {
  batchSize?: number;
  /** How often the runner looks for events appended by another process. */
  pollIntervalMs?: number;
  onProgress?: (processed: number, position: Position) => void;
  /** How many documents a replay from the start keeps in memory between writes (default 20,000: a 1M-event rebuild then peaks near 300 MB). */
  cachedDocuments?: number;
}

export class ProjectionsBehind extends Error {
  constructor(
    readonly wanted: Position,
    readonly reached: Position | undefined,
  ) {
    super(`read models reached position ${reached ?? 'none'}, not ${wanted}`);
    this.name = 'ProjectionsBehind';
  }
}

/** A document a batch writes, with the document it replaces (undefined: a new one). */
export interface DocumentChange extends DocumentWrite {
  before: unknown | undefined;
}

/**
 * Told what a batch writes to the read store, just before it commits, with the position the
 * batch reaches. A batch told again (the same or an earlier position) means the previous commit
 * failed and is being retried.
 */
export type CommitListener = (projection: string, changes: readonly DocumentChange[], position: Position) => void;

/**
 * Feeds the log to the projections: catches up from each checkpoint, then follows. Each batch of
 * document writes commits with its checkpoint, so a crash resumes exactly where it stopped. A
 * projection with no checkpoint, or one of another version, is replayed from the start (aside,
 * where the store can) before the others catch up. One catch-up or rebuild runs at a time.
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
  /** When a catch-up last found no more events to apply (Date.now()). */
  private levelAtMs?: number;
  private readonly listeners = new Set<CommitListener>();
  private turn: Promise<unknown> = Promise.resolve();

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

  /** Calls `listener` with every batch committed to the read store from now on; returns the unsubscribe. */
  observe(listener: CommitListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The log position every projection has reached. */
  position(): Position | undefined {
    return this.processed;
  }

  /** True once the projections have processed the whole log as it stands now. */
  async caughtUp(): Promise<boolean> {
    const head = await this.events.headPosition();
    return (
      head === undefined || (this.processed !== undefined && this.events.comparePositions(this.processed, head) >= 0)
    );
  }

  /**
   * How long since the read models were last level with the log (0 when they are now), or
   * undefined before the first catch-up ended. A few milliseconds behind after each append is the
   * normal state of a busy server; a lag that grows means the projections cannot keep up.
   */
  async lagMs(now = Date.now()): Promise<number | undefined> {
    if (await this.caughtUp()) return 0;
    return this.levelAtMs === undefined ? undefined : Math.max(0, now - this.levelAtMs);
  }

  /** The error of the last failed catch-up while following, if the next one has not succeeded yet. */
  get failing(): unknown {
    return this.failure;
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

  /** Replaces every projection's documents with a replay of the whole log. */
  async rebuild(): Promise<void> {
    await this.exclusively(async () => {
      await this.replay(this.projections);
      await this.catchUpFromCheckpoints();
    });
  }

  private reached(position: Position): boolean {
    return this.processed !== undefined && this.events.comparePositions(this.processed, position) >= 0;
  }

  /** Processes pages until the log is exhausted. */
  catchUp(): Promise<void> {
    return this.exclusively(() => this.catchUpFromCheckpoints());
  }

  private exclusively(work: () => Promise<void>): Promise<void> {
    const run = this.turn.then(work, work);
    this.turn = run.catch(() => undefined);
    return run;
  }

  private async replay(projections: Projection[]): Promise<void> {
    // What the store holds now is about to be replaced: positions are read from checkpoints again.
    this.processed = undefined;
    await replayFromStart(this.events, this.store, projections, {
      batchSize: this.batchSize,
      cachedDocuments: this.options.cachedDocuments ?? 20_000,
      onProgress: this.options.onProgress,
    });
  }

  private async catchUpFromCheckpoints(replayed = false): Promise<void> {
    const checkpoints = await Promise.all(this.projections.map((p) => this.store.checkpoint(p.name)));
    const stale = this.projections.filter(
      (p, i) => checkpoints[i] !== undefined && checkpoints[i]?.version !== p.version,
    );
    const blank = this.projections.filter((_, i) => checkpoints[i] === undefined);
    // Once is enough: a replay of a log prefix with no event in it leaves no checkpoint behind.
    if (!replayed && (stale.length > 0 || (blank.length > 0 && (await this.events.headPosition()) !== undefined))) {
      await this.replay([...stale, ...blank]);
      return this.catchUpFromCheckpoints(true);
    }
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
      if (page.length === 0) {
        this.levelAtMs = Date.now();
        break;
      }
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
      const docs = new Map<string, DocumentChange>();
      for (const event of page) {
        if (from !== undefined && this.events.comparePositions(event.position, from) <= 0) continue;
        for (const key of projection.keysOf(event)) {
          const touched = docs.get(key.key);
          const current = touched ? touched.doc : await this.store.get(key.key);
          docs.set(key.key, {
            key: key.key,
            category: key.category,
            doc: projection.evolve(current, event, key),
            before: touched ? touched.before : current,
          });
        }
      }
      const position = page[page.length - 1].position;
      const writes = [...docs.values()];
      // Told before the commit, in the same turn: a reader scanning the store meanwhile never sees a write it was not told of.
      for (const listener of this.listeners) listener(projection.name, writes, position);
      await this.store.commit(projection.name, writes, { position, version: projection.version });
    }
  }

  private advance(position: Position): void {
    this.processed = position;
    for (let i = this.waiters.length - 1; i >= 0; i--)
      if (this.reached(this.waiters[i].position)) this.waiters.splice(i, 1)[0].resolve();
  }
}
