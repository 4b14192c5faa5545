import { canonicalBody, GENESIS_HASH, hashEventBody } from '../event-hash';
import { ChainHead, chainEvents } from '../hash-chain';
import { hashedBodyOf, VerifiableEvent } from '../log-verifier';
import { MerkleTree } from '../merkle';
import { signCheckpoint } from '../checkpoint';

/**
 * Logs for integrity specs: events chained per stream exactly as the event store chains
 * them, in the order a plan of stream names gives.
 */

/** One event per entry of `streams`, in that order; position is the 1-based index as text. */
export const sampleLog = (streams: string[]): VerifiableEvent[] => {
  const heads = new Map<string, ChainHead>();
  return streams.map((stream, i) => {
    const { links } = chainEvents({
      stream,
      head: heads.get(stream),
      now: new Date(Date.UTC(2025, 0, 1) + i * 1000).toISOString(),
      notBefore: undefined,
      events: [
        {
          eventId: `evt-${i}`,
          type: 'FundsReceived',
          data: { amount: { CNY: 1000 * (i + 1) }, memo: `第${i}笔拨款` },
          metadata: {
            commandId: `cmd-${i}`,
            actor: { userId: 'clerk-1', role: 'clerk' },
            occurredOn: '2025-01-01',
            correlationId: `cmd-${i}`,
            causationId: `cmd-${i}`,
            schemaVersion: 1,
          },
        },
      ],
    });
    const [{ body, hash }] = links;
    heads.set(stream, { revision: body.revision, hash });
    return { ...body, position: String(i + 1), metadata: { ...body.metadata, hash } };
  });
};

/** The same events with their stored canonical bytes, as the SQLite store reads them. */
export const withCanonical = (events: VerifiableEvent[]): VerifiableEvent[] =>
  events.map((e) => ({ ...e, canonical: canonicalBody(hashedBodyOf(e)) }));

/** Re-hashes every event and re-links every stream: what an insider rewriting history would do. */
export const rechain = (events: VerifiableEvent[]): VerifiableEvent[] => {
  const heads = new Map<string, string>();
  return events.map((e) => {
    const metadata = { ...e.metadata, prevHash: heads.get(e.stream) ?? GENESIS_HASH };
    const hash = hashEventBody(hashedBodyOf({ ...e, metadata: { ...metadata, hash: '' } }));
    heads.set(e.stream, hash);
    return { ...e, metadata: { ...metadata, hash } };
  });
};

/** Signed checkpoints of the log at the given sizes. */
export const checkpointsOf = (
  events: VerifiableEvent[],
  sizes: number[],
  privateKey: string,
  origin: string,
): string[] => {
  const tree = new MerkleTree();
  for (const e of events) tree.appendEventHash(e.metadata.hash);
  return sizes.map((treeSize) => signCheckpoint({ origin, treeSize, rootHex: tree.rootAt(treeSize) }, privateKey));
};
