import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { migrate } from '@sunshine/event-store/sqlite/schema';
import { syncLoop, ThroughputResult, timed } from '../harness/measure';
import { cycledRow, loadRows, StoredRow } from './stored-rows';

/**
 * The physical ceilings: raw better-sqlite3 on the same disk, the same table and pragmas as our
 * store (its own migrate: WAL, synchronous=FULL), the same stored event bytes, none of our code.
 */

const openFresh = (dir: string, name: string) => {
  const db = new Database(join(dir, name));
  migrate(db);
  return db;
};

const inserter = (db: Database.Database) => {
  const insert = db.prepare(
    'INSERT INTO events (position, event_id, stream, revision, type, recorded_at, body, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  return (row: StoredRow, position: number) =>
    insert.run(position, row.event_id, row.stream, row.revision, row.type, row.recorded_at, row.body, row.hash);
};

export interface CeilingInput {
  source: string;
  dir: string;
  warmupOps: number;
  seconds: number;
}

/** One durable transaction per event, one caller: what an fsync-bound append can do at best. */
export const onePerTransaction = (input: CeilingInput): ThroughputResult & { pragmas: string } => {
  const rows = loadRows(input.source);
  const db = openFresh(input.dir, 'ceiling-one.db');
  const insert = inserter(db);
  const begin = db.prepare('BEGIN IMMEDIATE');
  const commit = db.prepare('COMMIT');
  const result = syncLoop({
    warmupOps: input.warmupOps,
    seconds: input.seconds,
    op: (i) => {
      begin.run();
      insert(cycledRow(rows, i), i + 1);
      commit.run();
      return true;
    },
  });
  const pragmas = `journal_mode=${db.pragma('journal_mode', { simple: true })}, synchronous=${db.pragma('synchronous', { simple: true })}`;
  db.close();
  return { ...result, pragmas };
};

/** A hundred events per durable transaction: the batch ceiling an import is held to. */
export const hundredPerTransaction = (input: CeilingInput): ThroughputResult => {
  const rows = loadRows(input.source);
  const db = openFresh(input.dir, 'ceiling-hundred.db');
  const insert = inserter(db);
  const batch = db.transaction((from: number) => {
    for (let i = from; i < from + 100; i++) insert(cycledRow(rows, i), i + 1);
  });
  const result = syncLoop({
    warmupOps: Math.ceil(input.warmupOps / 100),
    seconds: input.seconds,
    op: (i) => {
      batch(i * 100);
      return true;
    },
  });
  db.close();
  // Operations were transactions of 100 events; the figure is events.
  return { ...result, perSecond: result.perSecond * 100, ops: result.ops * 100 };
};

/** The whole log in order, each body parsed: the least any consumer of events must do. */
export const readLog = async (input: { source: string }) => {
  const db = new Database(input.source, { readonly: true });
  const statement = db.prepare<[], { position: number; body: string; hash: string }>(
    'SELECT position, body, hash FROM events ORDER BY position',
  );
  // A first pass warms the page cache, as our read does after its own warm-up.
  let bytesOnly = 0;
  for (const row of statement.iterate()) bytesOnly += row.body.length;
  const plain = await timed(() => {
    let n = 0;
    for (const row of statement.iterate()) n += row.body.length > 0 ? 1 : 0;
    return n;
  });
  const parsed = await timed(() => {
    let n = 0;
    for (const row of statement.iterate()) {
      const event = JSON.parse(row.body) as { revision: number };
      n += event.revision >= 0 ? 1 : 0;
    }
    return n;
  });
  db.close();
  return {
    events: parsed.result,
    bytes: bytesOnly,
    parsedPerSecond: parsed.result / parsed.seconds,
    rowsPerSecond: plain.result / plain.seconds,
  };
};

/** Plain SHA-256 over every stored event body, in order, on one core: the floor of any verification. */
export const hashLog = async (input: { source: string }) => {
  const db = new Database(input.source, { readonly: true });
  const statement = db.prepare<[], { body: string }>('SELECT body FROM events ORDER BY position');
  for (const row of statement.iterate()) createHash('sha256').update(row.body).digest('hex');
  const run = await timed(() => {
    let n = 0;
    for (const row of statement.iterate()) {
      createHash('sha256').update(row.body).digest('hex');
      n++;
    }
    return n;
  });
  db.close();
  const parallel = await hashLogOnCores({ source: input.source, workers: 2 });
  return { events: run.result, perSecond: run.result / run.seconds, twoCoresPerSecond: parallel.perSecond };
};

/** The same on both cores: two threads, each hashing half of the log (timed from a common start). */
export const hashLogOnCores = async (input: { source: string; workers: number }) => {
  const db = new Database(input.source, { readonly: true });
  const count = (db.prepare('SELECT max(position) AS n FROM events').get() as { n: number | null }).n ?? 0;
  db.close();
  const per = Math.ceil(count / input.workers);
  const workers = Array.from(
    { length: input.workers },
    (_, i) =>
      new Worker(join(__dirname, 'hash-worker.js'), {
        workerData: { source: input.source, from: i * per, to: (i + 1) * per },
      }),
  );
  const next = (worker: Worker) =>
    new Promise<unknown>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
  await Promise.all(workers.map(next));
  const run = await timed(() => {
    const done = workers.map(next);
    for (const worker of workers) worker.postMessage('go');
    return Promise.all(done) as Promise<number[]>;
  });
  await Promise.all(workers.map((w) => w.terminate()));
  const events = run.result.reduce((a, b) => a + b, 0);
  return { events, perSecond: events / run.seconds };
};
