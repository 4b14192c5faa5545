import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Database } from 'better-sqlite3';
import { EventStore } from '@sunshine/event-store';
import { CheckedEvent, hashMismatch, LogReport, LogVerifier } from '@sunshine/integrity';
import { CheckedRange, RangeRequest, RangeWorkerData, storedRangeWorker } from './stored-range-worker';

/** Positions per range a worker reads and checks at a time (by default). */
const RANGE = 4096;
/** Ranges asked for per worker ahead of the one being linked: enough to keep every core busy, and memory flat. */
const AHEAD = 2;
const WORKER_SOURCE = `(${storedRangeWorker.toString()})()`;

/** The file of an embedded store that other threads can open too (not an in-memory one). */
export const storedLogFile = (store: EventStore): string | undefined => {
  const db = (store as { db?: Partial<Database> }).db;
  return db && db.memory === false && typeof db.name === 'string' && db.name !== '' ? db.name : undefined;
};

/** A worker thread checking ranges, answering them in the order asked. */
class RangeChecker {
  private readonly worker: Worker;
  private readonly waiting: { resolve: (range: CheckedRange) => void; reject: (error: unknown) => void }[] = [];
  private failure: unknown;

  constructor(data: RangeWorkerData) {
    this.worker = new Worker(WORKER_SOURCE, { eval: true, workerData: data });
    this.worker.on('message', (range: CheckedRange) => this.waiting.shift()?.resolve(range));
    const fail = (error: unknown) => {
      this.failure ??= error;
      for (const waiter of this.waiting.splice(0)) waiter.reject(error);
    };
    this.worker.on('error', fail);
    this.worker.on('exit', (code) => fail(new Error(`a verifying thread ended (exit code ${code})`)));
  }

  check(request: RangeRequest): Promise<CheckedRange> {
    if (this.failure) return Promise.reject(this.failure);
    this.worker.postMessage(request);
    return new Promise((resolve, reject) => this.waiting.push({ resolve, reject }));
  }

  async stop(): Promise<void> {
    this.worker.removeAllListeners('exit');
    await this.worker.terminate();
  }
}

/**
 * Verifies the stored log up to `head` (its durable head position) with one worker thread per
 * core reading and hashing ranges, while this thread follows the chains, builds the tree and
 * checks the signed checkpoints in log order. The report is the one `verifier.append` over the
 * store's pages would give, first failure included; memory is the tree plus a few ranges.
 */
export const verifyStoredLog = async (
  file: string,
  head: number,
  verifier: LogVerifier,
  onProgress?: (events: number) => void,
  rangeSize = RANGE,
): Promise<LogReport> => {
  if (head === 0) return verifier.finish();
  const threads = Math.max(1, Math.min(availableParallelism(), Math.ceil(head / rangeSize), 4));
  const data: RangeWorkerData = { file, driver: require.resolve('better-sqlite3') };
  const checkers = Array.from({ length: threads }, () => new RangeChecker(data));
  const pending: Promise<CheckedRange>[] = [];
  let asked = 0;
  let ranges = 0;
  const askNext = () => {
    if (asked >= head) return;
    const request = { from: asked, to: Math.min(asked + rangeSize, head) };
    const checked = checkers[ranges++ % threads].check(request);
    // Awaited in order later; a thread failing meanwhile must not count as unhandled.
    checked.catch(() => undefined);
    pending.push(checked);
    asked = request.to;
  };
  try {
    for (let i = 0; i < threads * AHEAD; i++) askNext();
    let events = 0;
    while (pending.length > 0 && !verifier.failed) {
      const range = await pending.shift()!;
      askNext();
      linkRange(verifier, range);
      events += range.positions.length;
      onProgress?.(events);
    }
    return verifier.finish();
  } finally {
    // Ranges still being read after a failure are dropped with their threads.
    await Promise.all(checkers.map((c) => c.stop()));
  }
};

/** Hands one checked range to the verifier, event by event in log order, until one fails. */
const linkRange = (verifier: LogVerifier, range: CheckedRange): void => {
  const { positions, streams, revisions, hashes, prevHashes, problems } = range;
  const leaves = Buffer.from(range.leaves.buffer, range.leaves.byteOffset, range.leaves.byteLength);
  let next = 0;
  for (let i = 0; i < positions.length; i++) {
    let problem: CheckedEvent['problem'];
    if (next < problems.length && problems[next][0] === i) {
      const [, reason, detail] = problems[next++];
      problem = { reason, detail: reason === 'hash-mismatch' ? hashMismatch(detail, hashes[i]) : detail };
    }
    verifier.appendChecked({
      stream: streams[i],
      revision: revisions[i],
      position: String(positions[i]),
      hash: hashes[i],
      prevHash: prevHashes[i],
      leaf: problem ? undefined : leaves.subarray(32 * i, 32 * i + 32),
      problem,
    });
    if (verifier.failed) return;
  }
};
