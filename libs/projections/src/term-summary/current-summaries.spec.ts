import { StoredEvent } from '@sunshine/event-store';
import { MemoryProjectionStore } from '../memory/memory-projection-store';
import { recordsProjection } from '../records/records.projection';
import { compareLogPositions, RecordSource } from '../records/record-source';
import { NEXT_TERM, TERM, townshipLog } from '../records/testing/township-log';
import { DocumentChange } from '../runner/projection-runner';
import { CurrentSummaries } from './current-summaries';
import { SummaryTerm, summarizeTerm } from './summarize';
import { recordKey } from './term-figures';

const TERMS: SummaryTerm[] = [TERM, NEXT_TERM];

/** A fixed pseudo-random sequence, so that a failure can be replayed. */
const random = (seed: number) => () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
  return seed / 2 ** 31;
};

/**
 * The township's log with its streams interleaved at random, each stream's own order kept: the
 * order clerks might have recorded it in, amendments, reversals and voids arriving between
 * other records, and records dated in a term recorded long after its end.
 */
const interleaved = (seed: number): StoredEvent[] => {
  const streams = new Map<string, StoredEvent[]>();
  for (const event of townshipLog().log.events)
    streams.set(event.stream, [...(streams.get(event.stream) ?? []), event]);
  const next = random(seed);
  const order: StoredEvent[] = [];
  while (streams.size > 0) {
    const names = [...streams.keys()];
    const stream = names[Math.floor(next() * names.length)];
    const events = streams.get(stream) as StoredEvent[];
    order.push(events.shift() as StoredEvent);
    if (events.length === 0) streams.delete(stream);
  }
  return order.map((event, i) => ({ ...event, position: String(i + 1) }));
};

/** What the runner does with a batch: evolves the documents, tells the listener, then commits. */
const runner = (store: MemoryProjectionStore, summaries: CurrentSummaries) => ({
  changesOf(batch: readonly StoredEvent[]): DocumentChange[] {
    const docs = new Map<string, DocumentChange>();
    for (const event of batch)
      for (const key of recordsProjection.keysOf(event)) {
        const touched = docs.get(key.key);
        const current = touched ? touched.doc : store.getSync(key.key);
        docs.set(key.key, {
          ...key,
          doc: recordsProjection.evolve(current, event, key),
          before: touched ? touched.before : current,
        });
      }
    return [...docs.values()];
  },
  commit(batch: readonly StoredEvent[]): void {
    const changes = this.changesOf(batch);
    summaries.committing(changes, batch[batch.length - 1].position);
    store.apply(changes);
  },
});

const expectSameAsFromScratch = async (summaries: CurrentSummaries, store: MemoryProjectionStore, position: string) => {
  for (const term of TERMS) {
    const current = await summaries.summary(term, position);
    const scratch = await summarizeTerm(term, store, { position, knownAt: null });
    expect(current).toEqual(scratch);
    // The same keys in the same order, as a client receives it.
    expect(JSON.stringify(current)).toBe(JSON.stringify(scratch));
  }
};

/** Reads the store in pages of two documents, as the SQLite store pages, doing `between` after each document. */
const pagedSource = (store: MemoryProjectionStore, between: () => void): RecordSource => ({
  async *scan<Doc>(category: string) {
    let after = '';
    for (;;) {
      const page: Doc[] = [];
      for await (const doc of store.scan<Doc>(category))
        if (recordKey(category, doc) > after && page.length < 2) page.push(structuredClone(doc));
      for (const doc of page) {
        yield doc;
        between();
      }
      if (page.length < 2) return;
      after = recordKey(category, page[page.length - 1]);
    }
  },
});

describe('the current term summaries', () => {
  it.each([1, 2, 3])('equal a summary from scratch after every event of the log (interleaving %i)', async (seed) => {
    const events = interleaved(seed);
    const store = new MemoryProjectionStore();
    const summaries = new CurrentSummaries(store, compareLogPositions);
    const log = runner(store, summaries);
    let changed = 0;
    let last = '';
    for (const event of events) {
      log.commit([event]);
      const summary = JSON.stringify(await summaries.summary(TERM, event.position));
      if (summary.replace(/"position":"\d+"/, '') !== last.replace(/"position":"\d+"/, '')) changed++;
      last = summary;
      await expectSameAsFromScratch(summaries, store, event.position);
    }
    // The sequence moved the figures again and again, so each comparison had something to catch.
    expect(changed).toBeGreaterThan(events.length / 2);
  });

  it('equal a summary from scratch when the runner commits several events of a record at once', async () => {
    const events = interleaved(4);
    const store = new MemoryProjectionStore();
    const summaries = new CurrentSummaries(store, compareLogPositions);
    const log = runner(store, summaries);
    const next = random(4);
    log.commit(events.slice(0, 2));
    await expectSameAsFromScratch(summaries, store, '2');
    for (let from = 2; from < events.length;) {
      const batch = events.slice(from, from + 1 + Math.floor(next() * 12));
      log.commit(batch);
      from += batch.length;
      await expectSameAsFromScratch(summaries, store, batch[batch.length - 1].position);
    }
  });

  const readings = [1, 2, 3, 5, 8].flatMap((every) => [0.2, 0.5].map((share) => [every, share]));
  it.each(readings)(
    'equal a summary from scratch when the runner commits while the first read is under way (every %i documents, from %f of the log)',
    async (every, share) => {
      const events = interleaved(every * 10 + Math.round(share * 10));
      const store = new MemoryProjectionStore();
      const log = runner(store, new CurrentSummaries(store, compareLogPositions));
      const half = Math.floor(events.length * share);
      for (const event of events.slice(0, half)) log.commit([event]);

      // The reading sees documents that changed before it reached them, after it passed them, and new ones.
      let read = 0;
      let next = half;
      let summaries: CurrentSummaries | undefined = undefined;
      const source = pagedSource(store, () => {
        if (++read % every === 0 && next < events.length)
          runner(store, summaries as CurrentSummaries).commit([events[next++]]);
      });
      summaries = new CurrentSummaries(source, compareLogPositions);
      await Promise.all(TERMS.map((term) => (summaries as CurrentSummaries).summary(term, null)));
      expect(next).toBeGreaterThan(half);

      const rest = runner(store, summaries);
      for (const event of events.slice(next)) rest.commit([event]);
      const position = events[events.length - 1].position;
      for (const term of TERMS)
        expect(await summaries.summary(term, position)).toEqual(
          await summarizeTerm(term, store, { position, knownAt: null }),
        );
    },
  );

  it('count a batch once when the runner tells it again after its commit failed', async () => {
    const events = interleaved(6);
    const store = new MemoryProjectionStore();
    const summaries = new CurrentSummaries(store, compareLogPositions);
    const log = runner(store, summaries);
    const half = Math.floor(events.length / 2);
    log.commit(events.slice(0, half));
    await summaries.summary(TERM, null);

    const batch = events.slice(half, half + 10);
    summaries.committing(log.changesOf(batch), batch[batch.length - 1].position);
    // The commit failed: nothing was stored. The runner tries the same batch again.
    log.commit(batch);
    await expectSameAsFromScratch(summaries, store, batch[batch.length - 1].position);
  });
});
