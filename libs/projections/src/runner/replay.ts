import { EventStore, Position } from '@sunshine/event-store';
import { Projection } from '../projection';
import { DocumentWrite, ProjectionStore, RebuildTarget } from '../store/projection-store.port';

export interface ReplayOptions {
  batchSize: number;
  /** How many documents stay in memory between writes (bounds memory, however long the log). */
  cachedDocuments: number;
  onProgress?: (processed: number, position: Position) => void;
}

/** For a store that cannot rebuild aside: reset, then each flush commits with its checkpoint, so a crash resumes from the last flush. */
const inPlace = async (store: ProjectionStore, projections: Projection[]): Promise<RebuildTarget> => {
  for (const p of projections) await store.reset(p.name, p.categories);
  return {
    get: (key) => store.get(key),
    commit: (projection, writes, checkpoint) => store.commit(projection, writes, checkpoint),
    complete: async () => undefined,
    abandon: async () => undefined,
  };
};

/**
 * Replays the whole log into fresh read models of `projections`.
 * Documents evolve in memory and are written when the cache is full and at the end, each flush
 * with the position it reflects: a document many events touch is written once per flush, not once
 * per page, and read back only if a flush evicted it.
 */
export const replayFromStart = async (
  events: EventStore,
  store: ProjectionStore,
  projections: Projection[],
  options: ReplayOptions,
): Promise<void> => {
  const target = store.rebuildAside ? await store.rebuildAside(projections) : await inPlace(store, projections);
  try {
    const caches = projections.map(() => new Map<string, DocumentWrite>());
    let cached = 0;
    // Until the first flush the target holds nothing of these projections: a miss is a new document.
    let flushed = false;
    const flush = async (position: Position) => {
      for (const [i, p] of projections.entries()) {
        await target.commit(p.name, [...caches[i].values()], { position, version: p.version });
        caches[i].clear();
      }
      cached = 0;
      flushed = true;
    };
    let after: Position | undefined;
    let total = 0;
    for (;;) {
      const page = await events.readAll({ after, limit: options.batchSize });
      if (page.length === 0) break;
      for (const [i, projection] of projections.entries()) {
        const cache = caches[i];
        for (const event of page)
          for (const key of projection.keysOf(event)) {
            let write = cache.get(key.key);
            if (write === undefined) {
              write = { key: key.key, category: key.category, doc: flushed ? await target.get(key.key) : undefined };
              cache.set(key.key, write);
              cached++;
            }
            write.category = key.category;
            write.doc = projection.evolve(write.doc, event, key);
          }
      }
      after = page[page.length - 1].position;
      total += page.length;
      if (cached >= options.cachedDocuments) await flush(after);
      options.onProgress?.(total, after);
    }
    if (after !== undefined) await flush(after);
    await target.complete();
  } catch (error) {
    await target.abandon();
    throw error;
  }
};
