import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore, StoredEvent } from '@sunshine/event-store';
import { newEvent } from '@sunshine/event-store/contract/event-store.contract';
import { Projection } from '../projection';
import { SqliteProjectionStore } from '../sqlite/sqlite-projection-store';
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
    await reads.commit('counts', [{ key: 'count/stale', category: 'count', doc: { n: 99 } }], { position: '4', version: 1 });
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
    await reads.commit('counts', [{ key: 'count/a', category: 'count', doc: { n: 1000 } }], { position: '3', version: 1 });
    await runner.rebuild();
    expect(await reads.get('count/a')).toEqual({ n: 3 });
  });
});
