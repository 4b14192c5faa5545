import { Position, StoredEvent, Subscription } from './event-store.port';

/**
 * Catch up, then follow: reads pages after the last delivered position, and when a page comes
 * back empty waits for the adapter's signal that more may be there. Shared by adapters whose
 * store offers no push of its own.
 */
export const followLog = (source: {
  after?: Position;
  readPage: (after: Position | undefined) => Promise<StoredEvent[]>;
  waitForMore: (signal: AbortSignal) => Promise<void>;
}): Subscription => {
  const stop = new AbortController();
  let after = source.after;
  async function* events(): AsyncGenerator<StoredEvent> {
    while (!stop.signal.aborted) {
      const page = await source.readPage(after);
      for (const event of page) {
        if (stop.signal.aborted) return;
        after = event.position;
        yield event;
      }
      if (page.length === 0) await source.waitForMore(stop.signal);
    }
  }
  const iterator = events();
  return {
    [Symbol.asyncIterator]: () => iterator,
    close: async () => {
      stop.abort();
    },
  };
};
