import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore, StoredEvent } from '@sunshine/event-store';
import { newEvent } from '@sunshine/event-store/contract/event-store.contract';
import { Projection } from '../projection';
import { MemoryProjectionStore } from '../memory/memory-projection-store';
import { SqliteProjectionStore } from '../sqlite/sqlite-projection-store';
import { ProjectionStore } from '../store/projection-store.port';
import { ProjectionRunner, ProjectionsBehind } from './projection-runner';

/** Counts events per stream; `seen` records every event it was fed, to catch double feeding. */
const counting = (version: number, seen: string[] = []): Projection => ({
  name: 'counts',
  version,
  categories: ['count'],
  keysOf: (event: StoredEvent) => [{ key: `count/${event.stream}`, category: 'count' }],
  evolve: (doc, event) => {
    seen.push(event.eventId);
    return { n: ((doc as { n?: number } | undefined)?.n ?? 0) + 1 };
  },
});

/** Counts per stream, and a per-stream "latest" document that every third event removes. */
const tallying = (failAt?: number): Projection => ({
  name: 'tally',
  version: 1,
  categories: ['tally', 'latest'],
  keysOf: (event: StoredEvent) => [
    { key: `tally/${event.stream}`, category: 'tally' },
    { key: `latest/${event.stream}`, category: 'latest' },
  ],
  evolve: (doc, event, key) => {
    if (Number(event.position) === failAt) throw new Error('the process stops here');
    if (key.category === 'latest')
      return event.revision % 3 === 2 ? undefined : { eventId: event.eventId, after: doc ?? null };
    return { n: ((doc as { n?: number } | undefined)?.n ?? 0) + 1, last: event.eventId };
  },
});

const everything = async (store: ProjectionStore) => {
  const docs: unknown[] = [];
  for (const category of ['tally', 'latest']) for await (const doc of store.scan(category)) docs.push(doc);
  return docs;
};

describe('the projection runner', () => {
  let dir: string;
  let events: SqliteEventStore;
  let reads: SqliteProjectionStore;
  const append = (stream: string, count: number) =>
    events.append({ stream, expectedRevision: 'any', events: Array.from({ length: count }, () => newEvent()) });

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'sunshine-runner-'));
    events = new SqliteEventStore(join(dir, 'events.db'), { pollIntervalMs: 10 });
    reads = new SqliteProjectionStore(join(dir, 'reads.db'));
  });
  afterEach(async () => {
    await events.close();
    await reads.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('catches up with a log prefix that holds no event yet (as known before the first record)', async () => {
    await append('a', 3);
    const nothingYet = Object.assign(Object.create(events) as SqliteEventStore, { readAll: async () => [] });
    const memory = new MemoryProjectionStore();
    await new ProjectionRunner(nothingYet, memory, [counting(1)]).catchUp();
    expect(await memory.get('count/a')).toBeUndefined();
  });

  it('resumes from its checkpoint after a restart, feeding no event twice', async () => {
    await append('a', 5);
    const seen: string[] = [];
    await new ProjectionRunner(events, reads, [counting(1, seen)], { batchSize: 2 }).catchUp();
    await append('a', 3);
    await append('b', 1);
    await new ProjectionRunner(events, reads, [counting(1, seen)], { batchSize: 2 }).catchUp();
    expect(seen).toHaveLength(9);
    expect(new Set(seen).size).toBe(9);
    expect(await reads.get('count/a')).toEqual({ n: 8 });
    expect(await reads.checkpoint('counts')).toEqual({ position: '9', version: 1 });
  });

  it('rebuilds a projection from the start when its version changed', async () => {
    await append('a', 4);
    await new ProjectionRunner(events, reads, [counting(1)]).catchUp();
    await reads.commit('counts', [{ key: 'count/stale', category: 'count', doc: { n: 99 } }], {
      position: '4',
      version: 1,
    });
    const seen: string[] = [];
    const runner = new ProjectionRunner(events, reads, [counting(2, seen)]);
    await runner.start();
    await runner.stop();
    expect(seen).toHaveLength(4);
    expect(await reads.get('count/stale')).toBeUndefined();
    expect(await reads.checkpoint('counts')).toEqual({ position: '4', version: 2 });
  });

  it('follows the log live and lets a reader wait for a position', async () => {
    const runner = new ProjectionRunner(events, reads, [counting(1)], { pollIntervalMs: 10 });
    await runner.start();
    const outcome = await append('c', 2);
    if (outcome.status !== 'appended') throw new Error('appended');
    runner.notify();
    await runner.waitFor(outcome.result.position, 2000);
    expect(await reads.get('count/c')).toEqual({ n: 2 });
    await expect(runner.waitFor('999', 50)).rejects.toBeInstanceOf(ProjectionsBehind);
    expect(await runner.caughtUp()).toBe(true);
    await runner.stop();
  });

  it('rebuilds everything on request', async () => {
    await append('a', 3);
    const runner = new ProjectionRunner(events, reads, [counting(1)]);
    await runner.catchUp();
    await reads.commit('counts', [{ key: 'count/a', category: 'count', doc: { n: 1000 } }], {
      position: '3',
      version: 1,
    });
    await runner.rebuild();
    expect(await reads.get('count/a')).toEqual({ n: 3 });
  });

  describe.each([
    ['aside (sqlite)', () => new SqliteProjectionStore(join(dir, 'rebuilt.db'))],
    ['in place (memory)', () => new MemoryProjectionStore()],
  ])('rebuilding %s', (_, open: () => ProjectionStore) => {
    it('gives the read models that following the log gives, though few documents stay in memory', async () => {
      for (let i = 0; i < 12; i++) await append(`s${i % 5}`, (i % 3) + 1);
      await new ProjectionRunner(events, reads, [tallying()], { batchSize: 2 }).catchUp();
      const rebuilt = open();
      await new ProjectionRunner(events, rebuilt, [tallying()], { batchSize: 2 }).catchUp();
      await rebuilt.commit('tally', [{ key: 'tally/s0', category: 'tally', doc: { n: -1 } }], {
        position: '1',
        version: 1,
      });
      await new ProjectionRunner(events, rebuilt, [tallying()], { batchSize: 3, cachedDocuments: 4 }).rebuild();
      expect(await everything(rebuilt)).toEqual(await everything(reads));
      expect((await everything(reads)).length).toBeGreaterThan(5);
      expect(await rebuilt.checkpoint('tally')).toEqual(await reads.checkpoint('tally'));
      await rebuilt.close();
    });
  });

  it('serves the old read models while a rebuild runs, and if it stops part-way, rebuilds them on the next start', async () => {
    await append('a', 6);
    await new ProjectionRunner(events, reads, [tallying()]).catchUp();
    await reads.commit('tally', [{ key: 'tally/a', category: 'tally', doc: { n: 1000 } }], {
      position: '6',
      version: 1,
    });
    await append('b', 4);
    await expect(
      new ProjectionRunner(events, reads, [tallying(8)], { batchSize: 2, cachedDocuments: 1 }).rebuild(),
    ).rejects.toThrow('the process stops here');
    expect(await reads.get('tally/a')).toEqual({ n: 1000 });
    expect(await reads.get('tally/b')).toBeUndefined();
    const restarted = new ProjectionRunner(events, reads, [tallying()]);
    await restarted.catchUp();
    expect(await reads.get('tally/a')).toMatchObject({ n: 6 });
    expect(await reads.get('tally/b')).toMatchObject({ n: 4 });
    expect(await reads.checkpoint('tally')).toEqual({ position: '10', version: 1 });
  });

  it('rebuilds on the next start what a crash interrupted mid-rebuild, feeding every event once', async () => {
    await append('a', 5);
    await new ProjectionRunner(events, reads, [counting(1)]).catchUp();
    const interrupted = await reads.rebuildAside([counting(1)]);
    await interrupted.commit('counts', [{ key: 'count/a', category: 'count', doc: { n: 2 } }], {
      position: '2',
      version: 1,
    });
    await reads.close();
    reads = new SqliteProjectionStore(join(dir, 'reads.db'));
    expect(await reads.get('count/a')).toEqual({ n: 5 });
    const seen: string[] = [];
    await new ProjectionRunner(events, reads, [counting(1, seen)]).catchUp();
    expect(seen).toHaveLength(5);
    expect(await reads.get('count/a')).toEqual({ n: 5 });
    expect(await reads.checkpoint('counts')).toEqual({ position: '5', version: 1 });
  });
});
