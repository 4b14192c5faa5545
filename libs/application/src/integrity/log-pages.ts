import { EventStore, Position, StoredEvent } from '@sunshine/event-store';
import { VerifiableEvent } from '@sunshine/integrity';

/** A store that can hand out its stored bytes (the embedded one). */
interface RawReader {
  readRaw(options: { after?: Position; limit: number }): { position: string; body: string; hash: string }[];
}

const hasRaw = (store: EventStore): store is EventStore & RawReader => typeof (store as Partial<RawReader>).readRaw === 'function';

const PAGE = 5000;

/**
 * The whole log in order, page by page, as the verifier takes it: with the stored canonical
 * bytes where the store keeps them, so verification hashes exactly what is on disk.
 */
export async function* verifiablePages(store: EventStore, after?: Position): AsyncGenerator<VerifiableEvent[]> {
  for (;;) {
    let page: VerifiableEvent[];
    if (hasRaw(store)) {
      page = store.readRaw({ after, limit: PAGE }).map((row) => {
        let event: StoredEvent;
        try {
          event = JSON.parse(row.body) as StoredEvent;
        } catch {
          // Bytes that are no longer JSON: the verifier names this event as malformed.
          return { eventId: '', type: '', stream: '', revision: -1, position: row.position, data: null, metadata: { prevHash: '', hash: row.hash }, canonical: row.body };
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

/** Only the hashes and positions, for keeping the Merkle tree in step. */
export async function* hashPages(store: EventStore, after?: Position): AsyncGenerator<{ position: string; hash: string }[]> {
  for (;;) {
    const page = hasRaw(store)
      ? store.readRaw({ after, limit: PAGE })
      : (await store.readAll({ after, limit: PAGE })).map((e) => ({ position: e.position, hash: e.metadata.hash }));
    if (page.length === 0) return;
    yield page;
    after = page[page.length - 1].position;
  }
}
