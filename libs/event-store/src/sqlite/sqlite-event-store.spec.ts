import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { canonicalize } from 'json-canonicalize';
import { ChainedEvent, verifyChain } from '@sunshine/integrity';
import { eventStoreContract, newEvent } from '../contract/event-store.contract';
import { EventStore } from '../event-store.port';
import { InvalidPosition } from '../event-store.port';
import { SqliteEventStore } from './sqlite-event-store';

const tempFile = () => {
  const dir = mkdtempSync(join(tmpdir(), 'sunshine-es-'));
  return { file: join(dir, 'events.db'), dispose: async () => rmSync(dir, { recursive: true, force: true }) };
};

eventStoreContract('sqlite', () => {
  const { file, dispose } = tempFile();
  return {
    open: async () => new SqliteEventStore(file, { pollIntervalMs: 20 }),
    reopen: async (store: EventStore) => {
      await store.close();
      return new SqliteEventStore(file, { pollIntervalMs: 20 });
    },
    dispose,
  };
});

describe('sqlite event store', () => {
  let store: SqliteEventStore;
  let dispose: () => Promise<void>;
  beforeEach(() => {
    const temp = tempFile();
    dispose = temp.dispose;
    store = new SqliteEventStore(temp.file);
  });
  afterEach(async () => {
    await store.close();
    await dispose();
  });

  it('hands out dense positions from 1, the Merkle leaf index plus one', async () => {
    await store.append({ stream: 'a', expectedRevision: 'no_stream', events: [newEvent(), newEvent()] });
    await store.append({ stream: 'b', expectedRevision: 'no_stream', events: [newEvent()] });
    expect((await store.readAll({ limit: 10 })).map((e) => e.position)).toEqual(['1', '2', '3']);
  });

  it('reads positions and hashes alone as the full rows have them, durable ones only', async () => {
    await store.append({ stream: 'a', expectedRevision: 'no_stream', events: [newEvent(), newEvent(), newEvent()] });
    const pending = store.append({ stream: 'b', expectedRevision: 'no_stream', events: [newEvent()] });
    expect(store.readHashes({ limit: 10 })).toEqual(
      store.readRaw({ limit: 10 }).map(({ position, hash }) => ({ position, hash })),
    );
    expect(store.readHashes({ after: '1', limit: 1 })).toHaveLength(1);
    expect(store.readHashes({ limit: 10 })).toHaveLength(3);
    await pending;
    expect(store.readHashes({ after: '3', limit: 10 }).map((e) => e.position)).toEqual(['4']);
  });

  it('refuses a position it never handed out', async () => {
    await expect(store.readAll({ after: 'abc', limit: 1 })).rejects.toBeInstanceOf(InvalidPosition);
    await expect(store.readAll({ after: '-1', limit: 1 })).rejects.toBeInstanceOf(InvalidPosition);
  });

  it('keeps recordedAt from going back when the clock does', async () => {
    let now = new Date('2026-01-02T00:00:00Z');
    const file = join(mkdtempSync(join(tmpdir(), 'sunshine-clock-')), 'e.db');
    const clocked = new SqliteEventStore(file, { clock: () => now });
    await clocked.append({ stream: 'a', expectedRevision: 'any', events: [newEvent()] });
    now = new Date('2026-01-01T00:00:00Z');
    await clocked.append({ stream: 'b', expectedRevision: 'any', events: [newEvent()] });
    const [first, second] = await clocked.readAll({ limit: 2 });
    expect(second.metadata.recordedAt).toBe(first.metadata.recordedAt);
    await clocked.close();
  });

  it('stores each event as its RFC 8785 bytes beside their SHA-256, as an auditor recomputes them', async () => {
    const recordedAt = '2026-01-02T03:04:05.678Z';
    const file = join(mkdtempSync(join(tmpdir(), 'sunshine-bytes-')), 'e.db');
    const clocked = new SqliteEventStore(file, { clock: () => new Date(recordedAt) });
    const events = [newEvent('InvestmentSigned', { investor: '华东汽配有限公司', amount: { minor: 12000000000 } })];
    events.push({
      ...newEvent('InvestmentCorrected', { z: [1, null], a: '第二' }),
      metadata: { ...events[0].metadata, corrects: events[0].eventId },
    });
    await clocked.append({ stream: 'inv', expectedRevision: 'no_stream', events });
    const rows = clocked.readRaw({ limit: 10 });
    let prevHash = '0'.repeat(64);
    rows.forEach((row, revision) => {
      const { eventId, type, data, metadata } = events[revision];
      const body = canonicalize({
        eventId,
        stream: 'inv',
        revision,
        type,
        data,
        metadata: { ...metadata, recordedAt, prevHash },
      });
      expect(row.body).toBe(body);
      expect(row.hash).toBe(createHash('sha256').update(body, 'utf8').digest('hex'));
      prevHash = row.hash;
    });
    expect(rows).toHaveLength(2);
    await clocked.close();
  });

  it('lets the chain check find a changed byte, a dropped event and a reordering in stored rows', async () => {
    await store.append({
      stream: 'inv',
      expectedRevision: 'no_stream',
      events: [newEvent('A', { amount: 100 }), newEvent('B', { amount: 200 }), newEvent('C', { amount: 300 })],
    });
    const chained = async () => (await store.readStream('inv')) as unknown as ChainedEvent[];
    expect(verifyChain('inv', await chained())).toBeUndefined();

    const original = store.db
      .prepare("SELECT body FROM events WHERE stream = 'inv' AND revision = 1")
      .pluck()
      .get() as string;
    store.db
      .prepare("UPDATE events SET body = ? WHERE stream = 'inv' AND revision = 1")
      .run(original.replace('"amount":200', '"amount":201'));
    expect(verifyChain('inv', await chained())).toMatchObject({ revision: 1, reason: 'hash-mismatch' });
    store.db.prepare("UPDATE events SET body = ? WHERE stream = 'inv' AND revision = 1").run(original);

    const events = await chained();
    expect(verifyChain('inv', [events[0], events[2]])).toMatchObject({ revision: 2, reason: 'revision-gap' });
    const swapped = [events[0], { ...events[2], revision: 1 }, { ...events[1], revision: 2 }];
    expect(verifyChain('inv', swapped)).toMatchObject({ revision: 1, reason: 'prev-hash-mismatch' });
  });

  it('commits appends queued together in one transaction, refusing only the broken one', async () => {
    const results = await Promise.allSettled([
      store.append({ stream: 'g1', expectedRevision: 'no_stream', events: [newEvent()] }),
      store.append({ stream: 'g1', expectedRevision: 5, events: [newEvent()] }),
      store.append({ stream: 'g2', expectedRevision: 'no_stream', events: [newEvent()] }),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((await store.readAll({ limit: 10 })).map((e) => e.stream)).toEqual(['g1', 'g2']);
  });

  it('runs beforeCommit before each group commit, and commits nothing when it fails', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'sunshine-before-')), 'e.db');
    const seen: number[] = [];
    let fail = false;
    const hooked: SqliteEventStore = new SqliteEventStore(file, {
      beforeCommit: () => {
        // What is on disk when the hook runs: the group is not committed yet.
        seen.push(new SqliteEventStore(file).db.prepare('SELECT COUNT(*) FROM events').pluck().get() as number);
        if (fail) throw new Error('disk full');
      },
    });
    await hooked.append({ stream: 'a', expectedRevision: 'any', events: [newEvent()] });
    expect(seen).toEqual([0]);
    fail = true;
    await expect(hooked.append({ stream: 'a', expectedRevision: 'any', events: [newEvent()] })).rejects.toThrow(
      'disk full',
    );
    fail = false;
    expect(await hooked.readStream('a')).toHaveLength(1);
    await hooked.close();
  });
});
