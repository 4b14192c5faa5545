import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { parentPort, workerData } from 'node:worker_threads';

/**
 * One thread of the two-core SHA-256 ceiling: reads the bodies of positions (from, to] into memory
 * (as the one-core ceiling has them paged in), says it is ready, hashes them on 'go', reports.
 */
const { source, from, to } = workerData as { source: string; from: number; to: number };
const db = new Database(source, { readonly: true });
const read = () =>
  db
    .prepare<[number, number], { body: string }>(
      'SELECT body FROM events WHERE position > ? AND position <= ? ORDER BY position',
    )
    .iterate(from, to);
for (const row of read()) createHash('sha256').update(row.body).digest('hex');
parentPort?.postMessage('ready');
parentPort?.once('message', () => {
  let n = 0;
  for (const row of read()) {
    createHash('sha256').update(row.body).digest('hex');
    n++;
  }
  db.close();
  parentPort?.postMessage(n);
});
