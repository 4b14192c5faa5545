import { KeyObject } from 'node:crypto';
import { Checkpoint, verifyCheckpoint } from './checkpoint';
import { canonicalBody, HashedEventBody, sha256Hex } from './event-hash';
import { ChainFollower, hashMismatch } from './hash-chain';
import { EMPTY_TREE_ROOT, MerkleTree } from './merkle';

/**
 * Verification of a whole log in one pass: every event re-hashed, every stream's chain
 * followed, the global Merkle tree rebuilt, and every signed checkpoint compared with the
 * rebuilt root at its size as soon as the log reaches that size. Memory is the tree
 * (32 bytes per event) plus the last revision and hash of each stream.
 */

/** A stored event as the log hands it out (the event store's StoredEvent fits). */
export interface VerifiableEvent {
  eventId: string;
  type: string;
  stream: string;
  revision: number;
  /** The store's opaque position: reported, never verified (the leaf index is what is signed). */
  position: string;
  data: unknown;
  /** No index signature here, so that the store's own metadata interface fits as it is. */
  metadata: { prevHash: string; hash: string };
  /**
   * The stored canonical bytes of the body (everything but `hash`), when the store keeps
   * them. They are hashed as they are, which spares re-canonicalising: the caller promises
   * the event was parsed from them. With `strict`, that promise is checked too.
   */
  canonical?: string;
}

export type LogFailureReason =
  /** The event lacks a field the hash or the chain needs, or has one of the wrong type. */
  | 'malformed-event'
  /** The stored hash is not the SHA-256 of the event's canonical body: content was altered. */
  | 'hash-mismatch'
  /** Strict mode: the stored bytes are not the canonical form of the event. */
  | 'not-canonical'
  /** The revision is not the stream's previous revision + 1 (0 for a stream's first event). */
  | 'revision-gap'
  /** prevHash is not the hash of the stream's previous event (64 zeros at revision 0). */
  | 'prev-hash-mismatch'
  /** The root of the log's first N events is not the root a signed checkpoint gives for N. */
  | 'checkpoint-mismatch'
  /** The root of the log's first N events is not the root of the previously verified checkpoint. */
  | 'since-inconsistent'
  /** A signed checkpoint (or the previously verified one) covers more events than the log holds. */
  | 'log-truncated'
  /** A checkpoint note is malformed, not signed by the given key, or of another log. */
  | 'checkpoint-invalid';

/**
 * Where verification failed. Event failures name the failing event. A checkpoint that
 * does not match names the event at index treeSize − 1, the last one it covers: the signed
 * root commits to all of its events at once, so the change lies somewhere between the
 * previous matching checkpoint and that event (the `detail` gives the range). A truncated
 * log names its last event. An invalid checkpoint note names no event (all fields null).
 */
export interface LogFailure {
  reason: LogFailureReason;
  detail: string;
  /** The failing event's 0-based index in the log (its Merkle leaf index). */
  index: number | null;
  stream: string | null;
  revision: number | null;
  position: string | null;
}

export type LogReport =
  | {
      ok: true;
      events: number;
      treeSize: number;
      /** The Merkle root of the whole log, hex. */
      root: string;
      /** The verified checkpoint of the largest size, or null when none was given. */
      checkpoint: Checkpoint | null;
      /** Events after that checkpoint: chained, but not yet covered by a signature. */
      eventsAfterCheckpoint: number;
      /** With `since`: the RFC 6962 proof that this log extends it, for third parties. */
      consistency?: { fromSize: number; toSize: number; proof: string[] };
    }
  | { ok: false; events: number; firstFailure: LogFailure };

export interface LogVerifierOptions {
  /** Signed checkpoint notes to hold the log against (any order). */
  checkpoints?: Iterable<string>;
  /** A checkpoint note verified earlier: the log must extend it. */
  since?: string;
  /** The log's Ed25519 public key (SPKI PEM or KeyObject); needed with checkpoints or since. */
  publicKey?: KeyObject | string;
  /** Only signatures under this key name count (default: any name matching the key). */
  keyName?: string;
  /** The origin every checkpoint must carry (default: they must all carry the same one). */
  origin?: string;
  /** Also prove that `canonical` bytes are the canonical form of the event (slower). */
  strict?: boolean;
  /** An empty tree to build, to answer proofs afterwards; a fresh one by default. */
  tree?: MerkleTree;
}

/** An event whose own checks were made on another thread (see `LogVerifier.appendChecked`). */
export interface CheckedEvent {
  stream: string | null;
  revision: number | null;
  position: string | null;
  hash: string;
  prevHash: string;
  /** SHA-256(0x00 ‖ hash bytes), when already computed. */
  leaf?: Uint8Array;
  /** The event's own failure (malformed, or its bytes do not hash to its hash); stream and revision may then be null. */
  problem?: { reason: 'malformed-event' | 'hash-mismatch'; detail: string };
}

interface Target extends Checkpoint {
  since: boolean;
}

const HEX_64 = /^[0-9a-f]{64}$/;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const shapeProblem = (event: VerifiableEvent): string | undefined => {
  if (!isObject(event)) return 'not an object';
  for (const field of ['eventId', 'type', 'stream'] as const)
    if (typeof event[field] !== 'string') return `${field} is not a string`;
  if (!Number.isSafeInteger(event.revision) || event.revision < 0) return 'revision is not a whole number ≥ 0';
  if (!isObject(event.metadata)) return 'metadata is not an object';
  if (typeof event.metadata.hash !== 'string' || !HEX_64.test(event.metadata.hash))
    return 'metadata.hash is not 64 lowercase hex digits';
  if (typeof event.metadata.prevHash !== 'string' || !HEX_64.test(event.metadata.prevHash))
    return 'metadata.prevHash is not 64 lowercase hex digits';
  if (event.canonical !== undefined && typeof event.canonical !== 'string') return 'canonical is not a string';
  return undefined;
};

/** The body the hash covers: the event without `hash`, `position` and `canonical`. */
export const hashedBodyOf = (event: VerifiableEvent): HashedEventBody => {
  const { hash: _hash, ...metadata } = event.metadata;
  return {
    eventId: event.eventId,
    stream: event.stream,
    revision: event.revision,
    type: event.type,
    data: event.data,
    metadata,
  };
};

/**
 * Verifies a log incrementally: `append` each event in log order, then `finish`. Stops at
 * the first failure (later appends are ignored) so that the failure reported is the first
 * in log order.
 */
export class LogVerifier {
  readonly tree: MerkleTree;
  private readonly strict: boolean;
  private readonly chains = new ChainFollower();
  /** Checkpoints not reached yet, smallest size first. */
  private readonly targets: Target[] = [];
  private latestCheckpoint: Checkpoint | null = null;
  private sinceSize: number | null = null;
  /** Size of the last checkpoint the log matched: a mismatch lies after it. */
  private lastMatchedSize = 0;
  private last: Pick<LogFailure, 'stream' | 'revision' | 'position'> = { stream: null, revision: null, position: null };
  private failure: LogFailure | undefined;

  constructor(options: LogVerifierOptions = {}) {
    this.tree = options.tree ?? new MerkleTree();
    if (this.tree.size !== 0) throw new RangeError('the tree to build must start empty');
    this.strict = options.strict ?? false;
    const notes = [...(options.checkpoints ?? [])].map((note) => ({ note, since: false }));
    if (options.since !== undefined) notes.push({ note: options.since, since: true });
    if (notes.length > 0 && options.publicKey === undefined)
      throw new TypeError('checking checkpoints needs the public key');

    const invalid = this.acceptCheckpoints(notes, options);
    if (invalid)
      this.fail({
        reason: 'checkpoint-invalid',
        detail: invalid,
        index: null,
        stream: null,
        revision: null,
        position: null,
      });
    else this.checkReachedCheckpoints();
  }

  /** Verifies the notes and queues their sizes; returns why one cannot be used, if so. */
  private acceptCheckpoints(
    notes: { note: string; since: boolean }[],
    options: LogVerifierOptions,
  ): string | undefined {
    let origin = options.origin;
    for (const [i, { note, since }] of notes.entries()) {
      const what = since ? 'the previously verified checkpoint' : `checkpoint ${i + 1}`;
      const verified = verifyCheckpoint(note, options.publicKey!, options.keyName);
      if (!verified.ok) return `${what}: ${verified.reason}: ${verified.detail}`;
      const { treeSize, rootHex } = verified.checkpoint;
      origin ??= verified.checkpoint.origin;
      if (verified.checkpoint.origin !== origin)
        return `${what} is for log "${verified.checkpoint.origin}", not "${origin}"`;
      this.targets.push({ origin, treeSize, rootHex, since });
      if (since) this.sinceSize = treeSize;
      else if (!this.latestCheckpoint || treeSize > this.latestCheckpoint.treeSize)
        this.latestCheckpoint = { origin, treeSize, rootHex };
    }
    this.targets.sort((a, b) => a.treeSize - b.treeSize);
    return undefined;
  }

  /** The last event that passed, as a failure would name it (all null before the first). */
  get lastEvent(): Pick<LogFailure, 'index' | 'stream' | 'revision' | 'position'> {
    return { index: this.tree.size > 0 ? this.tree.size - 1 : null, ...this.last };
  }

  /** The failure found so far, if any. */
  get failed(): LogFailure | undefined {
    return this.failure;
  }

  /** Checks the next event of the log. Returns the failure when this event is where the log fails. */
  append(event: VerifiableEvent): LogFailure | undefined {
    if (this.failure) return undefined;
    const at = {
      index: this.tree.size,
      stream: typeof event?.stream === 'string' ? event.stream : null,
      revision: typeof event?.revision === 'number' ? event.revision : null,
      position: typeof event?.position === 'string' ? event.position : null,
    };
    const problem = shapeProblem(event);
    if (problem) return this.fail({ reason: 'malformed-event', detail: problem, ...at });

    const { hash, prevHash } = event.metadata;
    let canonical = event.canonical;
    if (canonical === undefined) canonical = canonicalBody(hashedBodyOf(event));
    else if (this.strict && canonical !== canonicalBody(hashedBodyOf(event)))
      return this.fail({
        reason: 'not-canonical',
        detail: 'the stored bytes are not the canonical JSON of the event',
        ...at,
      });
    const actual = sha256Hex(canonical);
    if (actual !== hash) return this.fail({ reason: 'hash-mismatch', detail: hashMismatch(actual, hash), ...at });
    return this.link(event.stream, event.revision, at.position, hash, prevHash, undefined);
  }

  /**
   * Checks the next event of the log whose own checks (shape, hash, leaf) were made elsewhere,
   * on another thread: only what needs the log's order is done here. `problem` is that event's
   * own failure, if it had one; `leaf` its RFC 6962 leaf hash (computed here when omitted).
   */
  appendChecked(event: CheckedEvent): LogFailure | undefined {
    if (this.failure) return undefined;
    const { stream, revision, position, problem } = event;
    if (problem) return this.fail({ ...problem, index: this.tree.size, stream, revision, position });
    return this.link(stream!, revision!, position, event.hash, event.prevHash, event.leaf);
  }

  /** Follows the event's stream chain, appends its leaf and holds the tree against due checkpoints. */
  private link(
    stream: string,
    revision: number,
    position: string | null,
    hash: string,
    prevHash: string,
    leaf: Uint8Array | undefined,
  ) {
    const broken = this.chains.link(stream, revision, prevHash, hash);
    if (broken) {
      const { reason, detail } = broken;
      return this.fail({ reason, detail, index: this.tree.size, stream, revision, position });
    }
    if (leaf) this.tree.appendLeafHash(leaf);
    else this.tree.appendEventHash(hash);
    this.last = { stream, revision, position };
    return this.checkReachedCheckpoints();
  }

  /** Ends the log: checks checkpoints it never reached and reports. */
  finish(): LogReport {
    const size = this.tree.size;
    if (!this.failure && this.targets.length > 0) {
      const target = this.targets[this.targets.length - 1];
      const whose = target.since ? 'the previously verified checkpoint' : 'a signed checkpoint';
      this.fail({
        reason: 'log-truncated',
        detail:
          `the log holds ${size} events but ${whose} covers ${target.treeSize}: ` +
          `events were cut (the log last matched a checkpoint at ${this.lastMatchedSize} events)`,
        index: size > 0 ? size - 1 : null,
        ...this.last,
      });
    }
    if (this.failure) return { ok: false, events: size, firstFailure: this.failure };
    const report: LogReport = {
      ok: true,
      events: size,
      treeSize: size,
      root: this.tree.root(),
      checkpoint: this.latestCheckpoint,
      eventsAfterCheckpoint: size - (this.latestCheckpoint?.treeSize ?? 0),
    };
    if (this.sinceSize !== null && this.sinceSize > 0)
      report.consistency = {
        fromSize: this.sinceSize,
        toSize: size,
        proof: this.tree.consistencyProof(this.sinceSize, size),
      };
    return report;
  }

  private checkReachedCheckpoints(): LogFailure | undefined {
    const size = this.tree.size;
    while (this.targets.length > 0 && this.targets[0].treeSize === size) {
      const target = this.targets.shift()!;
      const root = size === 0 ? EMPTY_TREE_ROOT : this.tree.root();
      if (root !== target.rootHex) {
        const range = `the log differs from it among events ${this.lastMatchedSize}..${size - 1}`;
        return this.fail({
          reason: target.since ? 'since-inconsistent' : 'checkpoint-mismatch',
          detail: `the first ${size} events have root ${root}, the ${target.since ? 'previously verified' : 'signed'} checkpoint says ${target.rootHex}: ${range}`,
          index: size > 0 ? size - 1 : null,
          ...this.last,
        });
      }
      this.lastMatchedSize = size;
    }
    return undefined;
  }

  private fail(failure: LogFailure): LogFailure {
    this.failure ??= failure;
    return failure;
  }
}

/** Verifies a whole log held in an iterable, in log order. */
export const verifyLog = (events: Iterable<VerifiableEvent>, options: LogVerifierOptions = {}): LogReport => {
  const verifier = new LogVerifier(options);
  for (const event of events) {
    verifier.append(event);
    if (verifier.failed) break;
  }
  return verifier.finish();
};

/** Verifies a log read asynchronously (pages from a store, lines from a file), in log order. */
export const verifyLogAsync = async (
  events: AsyncIterable<VerifiableEvent> | Iterable<VerifiableEvent>,
  options: LogVerifierOptions = {},
): Promise<LogReport> => {
  const verifier = new LogVerifier(options);
  for await (const event of events) {
    verifier.append(event);
    if (verifier.failed) break;
  }
  return verifier.finish();
};
