/** What the main thread asks of a worker: the stored events at positions from < p ≤ to. */
export interface RangeRequest {
  from: number;
  to: number;
}

/**
 * One range of the stored log, each event checked on its own (everything but what needs log
 * order). Events are in position order; `leaves` holds 32 bytes per event (zeros where the
 * event has a problem). A problem is `[i, reason, detail]`; for a hash mismatch the detail is
 * the hash the stored bytes give.
 */
export interface CheckedRange {
  positions: Float64Array;
  streams: string[];
  revisions: Float64Array;
  hashes: string[];
  prevHashes: string[];
  leaves: Uint8Array;
  problems: [number, 'malformed-event' | 'hash-mismatch', string][];
}

export interface RangeWorkerData {
  /** The event store's database file, opened read-only. */
  file: string;
  /** Where better-sqlite3 resolves from the main thread (a worker evaluated from text resolves from the cwd). */
  driver: string;
}

/**
 * A verifying thread: reads ranges of the stored log over its own read-only connection and makes
 * each event's own checks — its shape, the SHA-256 of its stored bytes against its stored hash,
 * its RFC 6962 leaf — so that reading and hashing, most of the cost, run on every core. Which
 * checks and in what order follows `LogVerifier.append` over `verifiablePages` exactly (the
 * specs compare the two on tampered logs); the table is STRICT, so ids, type and stream are
 * always text and revision an integer.
 *
 * It runs from its source text (`new Worker(source, { eval: true })`), the same in the build and
 * under Jest, so it must name nothing outside its own body.
 */
export function storedRangeWorker(): void {
  const { parentPort, workerData } = require('node:worker_threads') as typeof import('node:worker_threads');
  const { hash } = require('node:crypto') as typeof import('node:crypto');
  const { file, driver } = workerData as RangeWorkerData;
  const Database = require(driver) as typeof import('better-sqlite3');
  const db = new Database(file, { readonly: true, fileMustExist: true });
  const select = db.prepare<
    [number, number],
    { position: number; stream: string; revision: number; body: string; hash: string }
  >('SELECT position, stream, revision, body, hash FROM events WHERE position > ? AND position <= ? ORDER BY position');
  const HEX_64 = /^[0-9a-f]{64}$/;
  // Keys are sorted in the canonical body, so the metadata's prevHash is the last such key.
  const PREV_HASH = '"prevHash":"';
  const leafInput = Buffer.alloc(33);

  parentPort!.on('message', ({ from, to }: RangeRequest) => {
    const rows = select.all(from, to);
    const n = rows.length;
    const leafBytes = new ArrayBuffer(32 * n);
    const range: CheckedRange = {
      positions: new Float64Array(n),
      streams: new Array<string>(n),
      revisions: new Float64Array(n),
      hashes: new Array<string>(n),
      prevHashes: new Array<string>(n),
      leaves: new Uint8Array(leafBytes),
      problems: [],
    };
    for (let i = 0; i < n; i++) {
      const row = rows[i];
      const at = row.body.lastIndexOf(PREV_HASH);
      const prevHash = at < 0 ? '' : row.body.slice(at + PREV_HASH.length, at + PREV_HASH.length + 64);
      range.positions[i] = row.position;
      range.streams[i] = row.stream;
      range.revisions[i] = row.revision;
      range.hashes[i] = row.hash;
      range.prevHashes[i] = prevHash;
      const actual = hash('sha256', row.body, 'hex');
      let problem: string | undefined;
      if (!Number.isSafeInteger(row.revision) || row.revision < 0) problem = 'revision is not a whole number ≥ 0';
      // A stored hash equal to the digest is 64 lowercase hex digits already.
      else if (actual !== row.hash && !HEX_64.test(row.hash)) problem = 'metadata.hash is not 64 lowercase hex digits';
      else if (!HEX_64.test(prevHash)) problem = 'metadata.prevHash is not 64 lowercase hex digits';
      if (problem !== undefined) {
        range.problems.push([i, 'malformed-event', problem]);
        continue;
      }
      if (actual !== row.hash) {
        range.problems.push([i, 'hash-mismatch', actual]);
        continue;
      }
      leafInput.write(row.hash, 1, 'hex');
      range.leaves.set(hash('sha256', leafInput, 'buffer'), 32 * i);
    }
    parentPort!.postMessage(range, [leafBytes]);
  });
}
