import { canonicalJson } from './canonical-json';
import { GENESIS_HASH, hashEventBody, HashedEventBody, sha256Hex } from './event-hash';

/**
 * The per-stream hash chain, built and followed in one place: every event store chains its
 * appends with `chainEvents`, and every verification follows chains with a `ChainFollower`.
 *
 * An event's `hash` is the SHA-256 of the RFC 8785 canonical JSON of its body (the event
 * without `hash`); its `prevHash` is the hash of the stream's previous event, 64 zeros at
 * revision 0. Auditors re-hash the stored bytes, so the body built here is the stored format.
 */

/** A stream's last event, onto which the next ones are chained; none for a stream not yet created. */
export interface ChainHead {
  revision: number;
  hash: string;
}

/** An event as a command decided it, before an append gives it its place in the chain. */
export interface UnchainedEvent {
  eventId: string;
  type: string;
  data: unknown;
  /** Everything but recordedAt, prevHash and hash, which chaining sets. */
  metadata: { corrects?: string; [field: string]: unknown };
}

/** The body of a chained event: what its hash covers. */
export interface ChainedBody extends HashedEventBody {
  metadata: { recordedAt: string; prevHash: string; [field: string]: unknown };
}

/** An event in its place in the chain: what a store writes. */
export interface ChainLink {
  body: ChainedBody;
  /** The RFC 8785 bytes of `body`, stored as they are by the stores that keep bytes. */
  canonical: string;
  /** SHA-256 of `canonical`, lowercase hex. */
  hash: string;
}

export interface ChainAppend {
  stream: string;
  head: ChainHead | undefined;
  /** The store's clock at the append, ISO 8601 UTC. */
  now: string;
  /** The latest recordedAt the store already wrote: transaction time never goes back along the log. */
  notBefore: string | undefined;
  events: readonly UnchainedEvent[];
}

/**
 * Chains an append's events onto their stream's head: revisions after the head's, each
 * prevHash the hash before it, one recordedAt for the whole append (the clock, or `notBefore`
 * when the clock is behind it), and each event's canonical bytes and hash.
 */
export const chainEvents = (append: ChainAppend): { recordedAt: string; links: ChainLink[] } => {
  const { stream, head, now, notBefore, events } = append;
  const recordedAt = notBefore !== undefined && notBefore > now ? notBefore : now;
  let revision = head ? head.revision : -1;
  let prevHash = head ? head.hash : GENESIS_HASH;
  // Sized once and indexed: an append allocates no more per event than the links themselves.
  const links = new Array<ChainLink>(events.length);
  for (let i = 0; i < events.length; i++) {
    const event = events[i];
    revision++;
    // `corrects` only when it is there, so that a stored metadata object never holds an undefined.
    const { corrects, ...rest } = event.metadata;
    const body: ChainedBody = {
      eventId: event.eventId,
      stream,
      revision,
      type: event.type,
      data: event.data,
      metadata:
        corrects === undefined ? { ...rest, recordedAt, prevHash } : { ...rest, corrects, recordedAt, prevHash },
    };
    const canonical = canonicalJson(body);
    const hash = sha256Hex(canonical);
    links[i] = { body, canonical, hash };
    prevHash = hash;
  }
  return { recordedAt, links };
};

/** A stored event as it can be checked: its body and the hash stored beside it. */
export interface ChainedEvent extends HashedEventBody {
  metadata: HashedEventBody['metadata'] & { hash: string };
}

export type ChainFailureReason = 'hash-mismatch' | 'prev-hash-mismatch' | 'revision-gap' | 'wrong-stream';

export interface ChainFailure {
  stream: string;
  revision: number;
  reason: ChainFailureReason;
  detail: string;
}

/** A failure of an event's place in its chain, its content aside. */
export interface LinkFailure extends ChainFailure {
  reason: 'prev-hash-mismatch' | 'revision-gap';
}

/** The detail of a hash mismatch, wherever the hash was computed. */
export const hashMismatch = (actual: string, stored: string): string =>
  `the event hashes to ${actual}, its stored hash is ${stored}`;

const withoutHash = (event: ChainedEvent): HashedEventBody => {
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
 * Follows the chains of a log's streams, one event at a time in log order: each stream starts
 * at revision 0 with prevHash 64 zeros, and each event must be its stream's next revision with
 * the hash of its stream's previous event as prevHash. Memory is one head per stream.
 */
export class ChainFollower {
  private readonly heads = new Map<string, ChainHead>();

  /** With `stream`, only that stream's events belong (one stream's events read on their own). */
  constructor(private readonly stream?: string) {}

  /**
   * Links the next event of a stream whose hash was already checked against its content. On
   * success it becomes its stream's head; on failure nothing changes and the failure is returned.
   */
  link(stream: string, revision: number, prevHash: string, hash: string): LinkFailure | undefined {
    const head = this.heads.get(stream);
    const broken = brokenLink(head, stream, revision, prevHash);
    if (broken) return broken;
    this.advance(head, stream, revision, hash);
    return undefined;
  }

  /** Checks a whole event: that it belongs, its place in its chain, then its hash against its body. */
  follow(event: ChainedEvent): ChainFailure | undefined {
    const { stream, revision } = event;
    if (this.stream !== undefined && stream !== this.stream)
      return { stream: this.stream, revision, reason: 'wrong-stream', detail: `event belongs to stream ${stream}` };
    const head = this.heads.get(stream);
    const broken = brokenLink(head, stream, revision, event.metadata.prevHash);
    if (broken) return broken;
    const actual = hashEventBody(withoutHash(event));
    if (actual !== event.metadata.hash)
      return { stream, revision, reason: 'hash-mismatch', detail: hashMismatch(actual, event.metadata.hash) };
    this.advance(head, stream, revision, event.metadata.hash);
    return undefined;
  }

  private advance(head: ChainHead | undefined, stream: string, revision: number, hash: string): void {
    // The head is updated in place: following a long stream allocates nothing per event.
    if (head) {
      head.revision = revision;
      head.hash = hash;
    } else this.heads.set(stream, { revision, hash });
  }
}

const brokenLink = (
  head: ChainHead | undefined,
  stream: string,
  revision: number,
  prevHash: string,
): LinkFailure | undefined => {
  const expectedRevision = head ? head.revision + 1 : 0;
  if (revision !== expectedRevision)
    return {
      stream,
      revision,
      reason: 'revision-gap',
      detail: `stream ${stream} expects revision ${expectedRevision}, found ${revision}`,
    };
  if (prevHash !== (head ? head.hash : GENESIS_HASH)) {
    const expected = head ? `the hash of revision ${head.revision}` : 'genesis (64 zeros)';
    return { stream, revision, reason: 'prev-hash-mismatch', detail: `prevHash is not ${expected}` };
  }
  return undefined;
};

/**
 * Checks one stream's events, in revision order from revision 0. Returns the first failure, or
 * undefined when the chain is intact.
 */
export const verifyChain = (stream: string, events: Iterable<ChainedEvent>): ChainFailure | undefined => {
  const follower = new ChainFollower(stream);
  for (const event of events) {
    const failure = follower.follow(event);
    if (failure) return failure;
  }
  return undefined;
};
