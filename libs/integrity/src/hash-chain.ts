import { GENESIS_HASH, hashEventBody, HashedEventBody } from './event-hash';

/** An event as it can be checked: its body and the hash stored beside it. */
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
 * Checks one stream's events, in revision order from revision 0: each hash must match the
 * re-canonicalised body, each prevHash the hash before it, and revisions must be dense.
 * Returns the first failure, or undefined when the chain is intact.
 */
export const verifyChain = (stream: string, events: Iterable<ChainedEvent>): ChainFailure | undefined => {
  let expectedRevision = 0;
  let prevHash = GENESIS_HASH;
  for (const event of events) {
    const at = { stream, revision: event.revision };
    if (event.stream !== stream)
      return { ...at, reason: 'wrong-stream', detail: `event belongs to stream ${event.stream}` };
    if (event.revision !== expectedRevision)
      return {
        ...at,
        reason: 'revision-gap',
        detail: `expected revision ${expectedRevision}, found ${event.revision}`,
      };
    if (event.metadata.prevHash !== prevHash)
      return {
        ...at,
        reason: 'prev-hash-mismatch',
        detail: `prevHash does not match the hash of revision ${expectedRevision - 1}`,
      };
    const actual = hashEventBody(withoutHash(event));
    if (actual !== event.metadata.hash)
      return {
        ...at,
        reason: 'hash-mismatch',
        detail: `content hashes to ${actual}, stored hash is ${event.metadata.hash}`,
      };
    prevHash = event.metadata.hash;
    expectedRevision++;
  }
  return undefined;
};
