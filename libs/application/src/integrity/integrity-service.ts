import { KeyObject } from 'node:crypto';
import { notFound, ValidationFailed } from '@sunshine/domain';
import { EventStore, Position } from '@sunshine/event-store';
import { LogReport, LogVerifier, MerkleTree, signCheckpoint, verifyInclusion } from '@sunshine/integrity';
import { CheckpointStore, StoredCheckpoint } from './checkpoint-store';
import { hashPages, verifiablePages } from './log-pages';
import { storedLogFile, verifyStoredLog } from './stored-log-verifier';

export interface IntegrityOptions {
  /** Sign a checkpoint once this many events are not yet covered by one. */
  every?: number;
  /** …and at least this often while the log grows (default: daily). */
  maxAgeMs?: number;
  clock?: () => Date;
}

interface DenseStore {
  leafIndexOf(position: Position): number;
}

const badSize = (path: string, zh: string, en: string) => new ValidationFailed([{ path, zh, en }]);

/**
 * Keeps the global RFC 6962 Merkle tree in step with the log, signs checkpoints (every N events
 * and at least daily), answers inclusion and consistency proofs, and verifies the stored log.
 */
export class IntegrityService {
  private readonly tree = new MerkleTree();
  private readonly verificationListeners = new Set<(report: LogReport) => void>();
  private after: Position | undefined;
  /** Leaf index of each position, for stores whose positions are not dense. */
  private readonly indexOf = new Map<string, number>();
  private readonly every: number;
  private readonly maxAgeMs: number;
  private readonly clock: () => Date;
  private timer?: NodeJS.Timeout;
  private syncing?: Promise<void>;

  constructor(
    private readonly events: EventStore,
    private readonly checkpoints: CheckpointStore,
    private readonly key: { privateKey: KeyObject; publicKeyPem: string },
    readonly origin: string,
    options: IntegrityOptions = {},
  ) {
    this.every = options.every ?? 1000;
    this.maxAgeMs = options.maxAgeMs ?? 24 * 3600_000;
    this.clock = options.clock ?? (() => new Date());
  }

  get publicKeyPem(): string {
    return this.key.publicKeyPem;
  }

  async start(): Promise<void> {
    await this.sync();
    await this.maybeSign();
    this.timer = setInterval(() => void this.notify(), 60_000);
    this.timer.unref();
  }

  /** Stops signing and closes the checkpoint store (at shutdown). */
  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.checkpoints.close();
  }

  /** The log grew: catch the tree up and sign when a checkpoint is due. */
  async notify(): Promise<void> {
    await this.sync();
    await this.maybeSign();
  }

  /** Appends every event not yet in the tree (one sync at a time). */
  sync(): Promise<void> {
    this.syncing ??= (async () => {
      try {
        const dense = typeof (this.events as Partial<DenseStore>).leafIndexOf === 'function';
        for await (const page of hashPages(this.events, this.after)) {
          for (const { position, hash } of page) {
            if (!dense) this.indexOf.set(position, this.tree.size);
            this.tree.appendEventHash(hash);
          }
          this.after = page[page.length - 1].position;
        }
      } finally {
        this.syncing = undefined;
      }
    })();
    return this.syncing;
  }

  latest(): StoredCheckpoint | undefined {
    return this.checkpoints.latest();
  }

  /** Signs a checkpoint of the whole log as it stands (if it grew since the last one). */
  async seal(): Promise<StoredCheckpoint | undefined> {
    await this.sync();
    const latest = this.checkpoints.latest();
    if (this.tree.size === 0 || latest?.treeSize === this.tree.size) return latest;
    return this.sign();
  }

  private async maybeSign(): Promise<void> {
    const latest = this.checkpoints.latest();
    const uncovered = this.tree.size - (latest?.treeSize ?? 0);
    if (uncovered <= 0) return;
    const age = latest ? this.clock().getTime() - Date.parse(latest.signedAt) : Infinity;
    if (uncovered >= this.every || age >= this.maxAgeMs) this.sign();
  }

  private sign(): StoredCheckpoint {
    const treeSize = this.tree.size;
    const rootHex = this.tree.root();
    const note = signCheckpoint({ origin: this.origin, treeSize, rootHex }, this.key.privateKey);
    const checkpoint = { treeSize, rootHex, note, signedAt: this.clock().toISOString() };
    this.checkpoints.put(checkpoint);
    return checkpoint;
  }

  /** An RFC 6962 inclusion proof of one event in the tree of `treeSize` (default: the latest checkpoint's). */
  async inclusion(eventId: string, treeSize?: number) {
    await this.sync();
    const event = await this.events.findEvent(eventId);
    if (!event) throw notFound({ zh: '事件', en: 'Event' }, eventId, 'eventId');
    const dense = this.events as Partial<DenseStore>;
    const leafIndex = dense.leafIndexOf ? dense.leafIndexOf(event.position) : this.indexOf.get(event.position);
    if (leafIndex === undefined || leafIndex >= this.tree.size)
      throw notFound({ zh: '事件', en: 'Event' }, eventId, 'eventId');
    const size = treeSize ?? this.checkpoints.latest()?.treeSize ?? this.tree.size;
    if (size <= leafIndex || size > this.tree.size)
      throw badSize(
        'treeSize',
        `应在 ${leafIndex + 1} 与 ${this.tree.size} 之间`,
        `must lie between ${leafIndex + 1} and ${this.tree.size}`,
      );
    const proof = this.tree.inclusionProof(leafIndex, size);
    const rootHex = this.tree.rootAt(size);
    const leafHash = this.tree.leafHash(leafIndex);
    return {
      eventId,
      position: event.position,
      leafIndex,
      treeSize: size,
      leafHash,
      rootHex,
      proof,
      verified: verifyInclusion(leafHash, leafIndex, size, proof, rootHex),
      checkpoint: this.checkpoints.at(size)?.note ?? null,
    };
  }

  /** An RFC 6962 consistency proof that the tree of `to` extends the tree of `from`. */
  async consistency(from: number, to?: number) {
    await this.sync();
    const toSize = to ?? this.checkpoints.latest()?.treeSize ?? this.tree.size;
    if (!(from >= 1 && from <= toSize))
      throw badSize('from', `应在 1 与 ${toSize} 之间`, `must lie between 1 and ${toSize}`);
    if (toSize > this.tree.size)
      throw badSize('to', `不能超过日志长度 ${this.tree.size}`, `must not exceed the log's ${this.tree.size} events`);
    return {
      fromSize: from,
      toSize,
      fromRoot: this.tree.rootAt(from),
      toRoot: this.tree.rootAt(toSize),
      proof: this.tree.consistencyProof(from, toSize),
      checkpoints: { from: this.checkpoints.at(from)?.note ?? null, to: this.checkpoints.at(toSize)?.note ?? null },
    };
  }

  /**
   * Re-reads the stored log from the start: re-hashes every event's stored bytes, follows every
   * chain and holds the rebuilt tree against every signed checkpoint. Names the first failure.
   */
  /** Calls `listener` with the report of every verification from now on; returns the unsubscribe. */
  observeVerifications(listener: (report: LogReport) => void): () => void {
    this.verificationListeners.add(listener);
    return () => this.verificationListeners.delete(listener);
  }

  async verify(options: { strict?: boolean; onProgress?: (events: number) => void } = {}): Promise<LogReport> {
    const report = await this.verifyLog(options);
    for (const listener of this.verificationListeners) listener(report);
    return report;
  }

  private async verifyLog(options: { strict?: boolean; onProgress?: (events: number) => void }): Promise<LogReport> {
    const { strict = false, onProgress } = options;
    const notes = this.checkpoints.upTo(Number.MAX_SAFE_INTEGER).map((c) => c.note);
    const verifier = new LogVerifier({
      checkpoints: notes,
      publicKey: this.key.publicKeyPem,
      origin: this.origin,
      strict,
    });
    // The embedded store's file is read and hashed on every core; strict re-canonicalises here.
    const file = strict ? undefined : storedLogFile(this.events);
    if (file) return verifyStoredLog(file, Number((await this.events.headPosition()) ?? 0), verifier, onProgress);
    let count = 0;
    for await (const page of verifiablePages(this.events, undefined, { parse: strict })) {
      for (const event of page) if (verifier.append(event)) break;
      if (verifier.failed) break;
      count += page.length;
      onProgress?.(count);
    }
    return verifier.finish();
  }

  /**
   * The tree over the log up to and including `position` (a report's provenance stamp): its size
   * and RFC 6962 root; size 0 and no root before the first event.
   */
  async treeHeadAt(position: Position | null): Promise<{ treeSize: number; rootHex: string | null }> {
    if (position === null) return { treeSize: 0, rootHex: null };
    await this.sync();
    const dense = this.events as Partial<DenseStore>;
    const leafIndex = dense.leafIndexOf ? dense.leafIndexOf(position) : this.indexOf.get(position);
    if (leafIndex === undefined || leafIndex >= this.tree.size)
      throw new RangeError(`position ${position} is not in the log the tree follows`);
    return { treeSize: leafIndex + 1, rootHex: this.tree.rootAt(leafIndex + 1) };
  }

  /** The signed checkpoints up to a size, oldest first (for an export). */
  checkpointsUpTo(treeSize: number): StoredCheckpoint[] {
    return this.checkpoints.upTo(treeSize);
  }
}
