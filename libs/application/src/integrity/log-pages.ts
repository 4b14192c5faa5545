import { EventStore, Position, RawEvent, StoredEvent } from '@sunshine/event-store';
import { VerifiableEvent } from '@sunshine/integrity';

/** A store that can hand out its stored bytes (the embedded one). */
interface RawReader {
  readRaw(options: { after?: Position; limit: number }): RawEvent[];
}

const PREV_HASH = '"prevHash":"';

/**
 * The prevHash inside stored canonical bytes, without parsing them: keys are sorted, so the
 * metadata's `prevHash` is the last one in the body (what follows it — recordedAt,
 * schemaVersion, revision, stream, type — holds no such key). Bytes changed anywhere fail
 * their hash anyway.
 */
const prevHashIn = (body: string): string => {
  const at = body.lastIndexOf(PREV_HASH);
  return at < 0 ? '' : body.slice(at + PREV_HASH.length, at + PREV_HASH.length + 64);
};

const hasRaw = (store: EventStore): store is EventStore & RawReader =>
  typeof (store as Partial<RawReader>).readRaw === 'function';

const PAGE = 5000;

/**
 * The whole log in order, page by page, as the verifier takes it: with the stored canonical
 * bytes where the store keeps them, so verification hashes exactly what is on disk.
 */
export async function* verifiablePages(
  store: EventStore,
  after?: Position,
  options: { parse?: boolean } = {},
): AsyncGenerator<VerifiableEvent[]> {
  for (;;) {
    let page: VerifiableEvent[];
    if (hasRaw(store) && !options.parse) {
      // Hash the stored bytes as they are; the chain's fields come from the indexed columns.
      page = store.readRaw({ after, limit: PAGE }).map((row) => ({
        eventId: row.eventId,
        type: row.type,
        stream: row.stream,
        revision: row.revision,
        position: row.position,
        data: undefined,
        metadata: { prevHash: prevHashIn(row.body), hash: row.hash },
        canonical: row.body,
      }));
    } else if (hasRaw(store)) {
      page = store.readRaw({ after, limit: PAGE }).map((row) => {
        let event: StoredEvent;
        try {
          event = JSON.parse(row.body) as StoredEvent;
        } catch {
          // Bytes that are no longer JSON: the verifier names this event as malformed.
          return {
            eventId: '',
            type: '',
            stream: '',
            revision: -1,
            position: row.position,
            data: null,
            metadata: { prevHash: '', hash: row.hash },
            canonical: row.body,
          };
        }
        event.metadata = { ...event.metadata, hash: row.hash };
        return { ...event, position: row.position, canonical: row.body };
      });
    } else page = await store.readAll({ after, limit: PAGE });
    if (page.length === 0) return;
    yield page;
    after = page[page.length - 1].position;
  }
}

interface HashReader {
  readHashes(options: { after?: Position; limit: number }): { position: string; hash: string }[];
}

const hasHashes = (store: EventStore): store is EventStore & HashReader =>
  typeof (store as Partial<HashReader>).readHashes === 'function';

/** Only the hashes and positions, for keeping the Merkle tree in step. */
export async function* hashPages(
  store: EventStore,
  after?: Position,
): AsyncGenerator<{ position: string; hash: string }[]> {
  for (;;) {
    const page = hasHashes(store)
      ? store.readHashes({ after, limit: PAGE })
      : hasRaw(store)
        ? store.readRaw({ after, limit: PAGE })
        : (await store.readAll({ after, limit: PAGE })).map((e) => ({ position: e.position, hash: e.metadata.hash }));
    if (page.length === 0) return;
    yield page;
    after = page[page.length - 1].position;
  }
}
