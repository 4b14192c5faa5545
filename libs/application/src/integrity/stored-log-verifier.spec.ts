import Database from 'better-sqlite3';
import { createPrivateKey, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@sunshine/event-store';
import {
  generateSigningKey,
  LogReport,
  LogVerifier,
  LogVerifierOptions,
  MerkleTree,
  signCheckpoint,
  verifyLog,
} from '@sunshine/integrity';
import { CheckpointStore } from './checkpoint-store';
import { IntegrityService } from './integrity-service';
import { verifiablePages } from './log-pages';
import { storedLogFile, verifyStoredLog } from './stored-log-verifier';

const key = generateSigningKey();
const origin = 'sunshine-ledger/示范镇';
//            1    2    3    4    5    6    7    8    9   10   11   12   13   14   15   16   17   18   19   20   21   22   23   24
const PLAN = [
  'A',
  'B',
  'A',
  'C',
  'B',
  'A',
  'C',
  'A',
  'B',
  'C',
  'D',
  'A',
  'B',
  'D',
  'C',
  'A',
  'B',
  'D',
  'A',
  'C',
  'B',
  'A',
  'D',
  'C',
];

let dir: string;
let options: LogVerifierOptions;

const open = (file: string) => new SqliteEventStore(file);

/** The log as one thread verifies it, from the store's pages of stored bytes. */
const verifiedOnOneThread = async (file: string): Promise<LogReport> => {
  const store = open(file);
  try {
    const events = [];
    for await (const page of verifiablePages(store)) events.push(...page);
    return verifyLog(events, options);
  } finally {
    await store.close();
  }
};

/** The log as the worker threads verify it, in ranges of 5 positions so that many ranges are in flight. */
const verifiedInParallel = async (file: string, progress: number[] = []): Promise<LogReport> => {
  const store = open(file);
  try {
    const head = Number((await store.headPosition()) ?? 0);
    return await verifyStoredLog(storedLogFile(store)!, head, new LogVerifier(options), (n) => progress.push(n), 5);
  } finally {
    await store.close();
  }
};

/** A copy of the log with a change made to its stored rows. */
const tampered = (change: (db: Database.Database) => void): string => {
  const file = join(mkdtempSync(join(dir, 'copy-')), 'events.db');
  const source = new Database(join(dir, 'events.db'));
  source.exec(`VACUUM INTO '${file}'`);
  source.close();
  const db = new Database(file);
  change(db);
  db.close();
  return file;
};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sunshine-verify-'));
  const store = open(join(dir, 'events.db'));
  for (const [i, stream] of PLAN.entries()) {
    const commandId = `cmd-${i}`;
    const metadata = {
      commandId,
      actor: { userId: 'clerk-1', role: 'clerk' },
      occurredOn: '2025-01-01',
      correlationId: commandId,
      causationId: commandId,
      schemaVersion: 1,
    };
    await store.append({
      stream,
      expectedRevision: 'any',
      events: [
        {
          eventId: randomUUID(),
          type: 'FundsReceived',
          data: { amount: { minor: 1000 * (i + 1) }, memo: `第${i}笔拨款` },
          metadata,
        },
      ],
    });
  }
  const tree = new MerkleTree();
  for await (const page of verifiablePages(store)) for (const event of page) tree.appendEventHash(event.metadata.hash);
  await store.close();
  const checkpoints = [8, 16, 24].map((treeSize) =>
    signCheckpoint({ origin, treeSize, rootHex: tree.rootAt(treeSize) }, key.privateKeyPem),
  );
  options = { checkpoints, publicKey: key.publicKeyPem, origin };
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('verifying the stored log on worker threads', () => {
  it('passes the intact log with the report one thread gives, counting progress by range', async () => {
    const progress: number[] = [];
    const report = await verifiedInParallel(join(dir, 'events.db'), progress);
    expect(report).toMatchObject({ ok: true, events: 24, checkpoint: { treeSize: 24 }, eventsAfterCheckpoint: 0 });
    expect(report).toEqual(await verifiedOnOneThread(join(dir, 'events.db')));
    expect(progress).toEqual([5, 10, 15, 20, 24]);
  });

  it.each([
    [
      'a changed byte',
      (db: Database.Database) =>
        db.prepare(`UPDATE events SET body = replace(body, '"minor":', '"minor":9') WHERE position = 13`).run(),
      { reason: 'hash-mismatch', index: 12, position: '13' },
    ],
    [
      'a changed character',
      (db: Database.Database) =>
        db.prepare(`UPDATE events SET body = replace(body, '拨款', '拨欵') WHERE position = 7`).run(),
      { reason: 'hash-mismatch', index: 6 },
    ],
    [
      'a deleted event',
      (db: Database.Database) => db.prepare("DELETE FROM events WHERE stream = 'B' AND revision = 1").run(),
      { reason: 'revision-gap', stream: 'B', revision: 2 },
    ],
    [
      'two events swapped',
      (db: Database.Database) => {
        db.prepare('UPDATE events SET position = -1 WHERE position = 10').run();
        db.prepare('UPDATE events SET position = 10 WHERE position = 11').run();
        db.prepare('UPDATE events SET position = 11 WHERE position = -1').run();
      },
      { reason: 'checkpoint-mismatch', index: 15 },
    ],
    [
      'a stream dropped',
      (db: Database.Database) => db.prepare("DELETE FROM events WHERE stream = 'D'").run(),
      { reason: 'checkpoint-mismatch', index: 15 },
    ],
    [
      'the tail cut',
      (db: Database.Database) => db.prepare('DELETE FROM events WHERE position > 21').run(),
      { reason: 'log-truncated', index: 20, position: '21' },
    ],
    [
      'a hash that is not hex',
      (db: Database.Database) => db.prepare('UPDATE events SET hash = upper(hash) WHERE position = 18').run(),
      { reason: 'malformed-event', index: 17, stream: 'D' },
    ],
    [
      'a prevHash rewritten',
      (db: Database.Database) =>
        db.prepare(`UPDATE events SET body = replace(body, '"prevHash":"', '"prevHash":"x') WHERE position = 20`).run(),
      { reason: 'malformed-event', index: 19 },
    ],
    [
      'a negative revision',
      (db: Database.Database) => db.prepare('UPDATE events SET revision = -3 WHERE position = 22').run(),
      { reason: 'malformed-event', index: 21, revision: -3 },
    ],
  ])('finds %s and names the event one thread names', async (_, change, expected) => {
    const file = tampered(change);
    const report = await verifiedInParallel(file);
    expect(report.ok ? null : report.firstFailure).toMatchObject(expected);
    expect(report).toEqual(await verifiedOnOneThread(file));
  });

  it('is what IntegrityService.verify runs on a store file, reporting as the strict one-thread verify does', async () => {
    const file = tampered((db) =>
      db.prepare(`UPDATE events SET body = replace(body, '"minor":', '"minor":9') WHERE position = 13`).run(),
    );
    const store = open(file);
    const service = new IntegrityService(
      store,
      new CheckpointStore(join(dir, `checkpoints-${randomUUID()}.db`)),
      { privateKey: createPrivateKey(key.privateKeyPem), publicKeyPem: key.publicKeyPem },
      origin,
    );
    try {
      expect(storedLogFile(store)).toBe(file);
      const progress: number[] = [];
      const report = await service.verify({ onProgress: (n) => progress.push(n) });
      expect(report).toMatchObject({ ok: false, firstFailure: { reason: 'hash-mismatch', index: 12, position: '13' } });
      expect(report).toEqual(await service.verify({ strict: true }));
      expect(progress).toEqual([24]);
    } finally {
      service.stop();
      await store.close();
    }
  });

  it('fails, rather than passing, when its threads cannot read the log', async () => {
    const missing = join(dir, 'no-such-dir', 'events.db');
    await expect(verifyStoredLog(missing, 24, new LogVerifier(options), undefined, 5)).rejects.toThrow();
  });

  it('passes an empty log without starting a thread', async () => {
    await expect(verifyStoredLog(join(dir, 'no-such-dir', 'events.db'), 0, new LogVerifier())).resolves.toMatchObject({
      ok: true,
      events: 0,
    });
  });

  it('needs a store file other threads can open', () => {
    expect(storedLogFile(new SqliteEventStore(':memory:'))).toBeUndefined();
    expect(storedLogFile({} as SqliteEventStore)).toBeUndefined();
  });
});
