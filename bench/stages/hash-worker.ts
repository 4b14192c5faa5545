import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { parentPort, workerData } from 'node:worker_threads';

/** One thread of the two-core SHA-256 ceiling: hashes the bodies of positions (from, to]. */
const { source, from, to } = workerData as { source: string; from: number; to: number };
const db = new Database(source, { readonly: true });
let n = 0;
for (const row of db.prepare<[number, number], { body: string }>('SELECT body FROM events WHERE position > ? AND position <= ? ORDER BY position').iterate(from, to)) {
  createHash('sha256').update(row.body).digest('hex');
  n++;
}
db.close();
parentPort?.postMessage(n);
