import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { newEvent } from '../contract/event-store.contract';
import { SqliteEventStore } from './sqlite-event-store';
import { DataSync, SyncFailed } from './wal-sync';

/** A disk whose syncs finish only when the test says so (the real fdatasync runs in the contract suite). */
const heldDisk = () => {
  const held: { fd: number; done: (error: NodeJS.ErrnoException | null) => void }[] = [];
  const sync: DataSync = (fd, done) => held.push({ fd, done });
  return { sync, held };
};

const settledYet = async (promise: Promise<unknown>): Promise<boolean> => {
  let settled = false;
  promise.then(
    () => (settled = true),
    () => (settled = true),
  );
  await new Promise((resolve) => setImmediate(resolve));
  return settled;
};

const turn = () => new Promise((resolve) => setImmediate(resolve));

describe('durable commits off the event loop', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'sunshine-walsync-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('acknowledges an append only once the WAL file is synced, and readers see it only then', async () => {
    const disk = heldDisk();
    const store = new SqliteEventStore(join(dir, 'events.db'), { dataSync: disk.sync });
    const appended = store.append({ stream: 'a', expectedRevision: 'no_stream', events: [newEvent()] });
    await turn();
    expect(disk.held).toHaveLength(1);
    expect(await settledYet(appended)).toBe(false);
    expect(await store.readAll({ limit: 10 })).toEqual([]);
    expect(await store.headPosition()).toBeUndefined();

    disk.held[0].done(null);
    await expect(appended).resolves.toMatchObject({ status: 'appended' });
    expect((await store.readAll({ limit: 10 })).map((e) => e.position)).toEqual(['1']);
    await store.close();
  });

  it('covers every commit made while a sync runs with the next single sync', async () => {
    const disk = heldDisk();
    const store = new SqliteEventStore(join(dir, 'events.db'), { dataSync: disk.sync });
    const first = store.append({ stream: 'a', expectedRevision: 'any', events: [newEvent()] });
    await turn();
    // Three more groups commit while the first sync is still running.
    const later: Promise<unknown>[] = [];
    for (let group = 0; group < 3; group++) {
      later.push(store.append({ stream: 'a', expectedRevision: 'any', events: [newEvent()] }));
      await turn();
    }
    expect(disk.held).toHaveLength(1);
    disk.held[0].done(null);
    await first;
    expect(await settledYet(Promise.all(later))).toBe(false);
    await turn();
    expect(disk.held).toHaveLength(2);
    disk.held[1].done(null);
    await Promise.all(later);
    expect(await store.readAll({ limit: 10 })).toHaveLength(4);
    await store.close();
  });

  it('answers a repeated command only once its first answer is durable', async () => {
    const disk = heldDisk();
    const store = new SqliteEventStore(join(dir, 'events.db'), { dataSync: disk.sync });
    const command = { commandId: 'c-1', fingerprint: 'f' };
    const first = store.append({ stream: 'a', expectedRevision: 'any', events: [newEvent()], command });
    await turn();
    // The receipt is readable at once, but not yet on disk.
    expect(await store.findCommand('c-1')).toBeDefined();
    const flushed = store.flushed();
    expect(await settledYet(flushed)).toBe(false);
    disk.held[0].done(null);
    await Promise.all([first, flushed]);
    await store.close();
  });

  it('refuses every later append once the disk failed to sync: nothing is acknowledged that may be lost', async () => {
    const disk = heldDisk();
    const store = new SqliteEventStore(join(dir, 'events.db'), { dataSync: disk.sync });
    const appended = store.append({ stream: 'a', expectedRevision: 'any', events: [newEvent()] });
    await turn();
    const waiting = store.append({ stream: 'b', expectedRevision: 'any', events: [newEvent()] });
    await turn();
    disk.held[0].done(Object.assign(new Error('EIO: i/o error, fdatasync'), { code: 'EIO' }));
    await expect(appended).rejects.toBeInstanceOf(SyncFailed);
    await expect(waiting).rejects.toBeInstanceOf(SyncFailed);
    await expect(store.append({ stream: 'c', expectedRevision: 'any', events: [newEvent()] })).rejects.toBeInstanceOf(
      SyncFailed,
    );
    await expect(store.flushed()).rejects.toBeInstanceOf(SyncFailed);
    expect(await store.readAll({ limit: 10 })).toEqual([]);
    await store.close();
  });

  it('syncs the WAL file of the store it serves', async () => {
    const disk = heldDisk();
    const store = new SqliteEventStore(join(dir, 'events.db'), { dataSync: disk.sync });
    const appended = store.append({ stream: 'a', expectedRevision: 'any', events: [newEvent()] });
    await turn();
    const { readlinkSync } = await import('node:fs');
    expect(readlinkSync(`/proc/self/fd/${disk.held[0].fd}`)).toBe(join(dir, 'events.db-wal'));
    disk.held[0].done(null);
    await appended;
    await store.close();
  });
});
