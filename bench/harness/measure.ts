/**
 * Measuring: a warm-up, then a timed run; latencies from per-operation hrtime, throughput from
 * the operations completed inside the timed window.
 */

export const now = (): bigint => process.hrtime.bigint();
export const msSince = (start: bigint): number => Number(process.hrtime.bigint() - start) / 1e6;

/** Latencies in milliseconds, kept compactly so a long run does not disturb the heap it measures. */
export class Latencies {
  private values: Float64Array;
  private count = 0;

  constructor(capacity = 1 << 16) {
    this.values = new Float64Array(capacity);
  }

  record(ms: number): void {
    if (this.count === this.values.length) {
      const grown = new Float64Array(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.count++] = ms;
  }

  get size(): number {
    return this.count;
  }

  /** Percentiles (0–100) by nearest rank. */
  percentiles(...ps: number[]): number[] {
    if (this.count === 0) return ps.map(() => NaN);
    const sorted = this.values.slice(0, this.count).sort();
    return ps.map((p) => sorted[Math.min(this.count - 1, Math.max(0, Math.ceil((p / 100) * this.count) - 1))]);
  }

  summary(): LatencySummary {
    const [p50, p99] = this.percentiles(50, 99);
    return { p50, p99, samples: this.count };
  }
}

export interface LatencySummary {
  p50: number;
  p99: number;
  samples: number;
}

export interface ThroughputResult extends LatencySummary {
  ops: number;
  seconds: number;
  perSecond: number;
}

export interface LoopOptions {
  /** Concurrent workers, each running its operations one after the other. */
  workers: number;
  /** Untimed operations first: the JIT, the page cache and the allocator settle. */
  warmupSeconds: number;
  seconds: number;
  /** Stop early after this many timed operations. */
  maxOps?: number;
  /**
   * Runs one operation of a worker; resolves false when the worker has nothing left to do. Only
   * operations that resolve true are counted and timed.
   */
  op: (worker: number) => Promise<boolean>;
}

/**
 * A closed loop: `workers` callers, each starting its next operation once the last one is
 * acknowledged. Operations begun in the warm-up are not counted; the timed window ends at the
 * deadline (operations still in flight then finish, but do not count).
 */
export const closedLoop = async (options: LoopOptions): Promise<ThroughputResult> => {
  const latencies = new Latencies();
  let phase: 'warmup' | 'timed' | 'done' = options.warmupSeconds > 0 ? 'warmup' : 'timed';
  let timedStart = phase === 'timed' ? now() : 0n;
  let timedEnd = 0n;
  let ops = 0;
  const maxOps = options.maxOps ?? Number.POSITIVE_INFINITY;
  const warmupUntil = Date.now() + options.warmupSeconds * 1000;
  let deadline = phase === 'timed' ? Date.now() + options.seconds * 1000 : Number.POSITIVE_INFINITY;

  const tick = () => {
    if (phase === 'warmup' && Date.now() >= warmupUntil) {
      phase = 'timed';
      timedStart = now();
      deadline = Date.now() + options.seconds * 1000;
    } else if (phase === 'timed' && (Date.now() >= deadline || ops >= maxOps)) {
      phase = 'done';
      timedEnd = now();
    }
  };

  const worker = async (id: number) => {
    for (;;) {
      tick();
      if (phase === 'done') return;
      const counted = phase === 'timed';
      const start = now();
      const more = await options.op(id);
      if (!more) return;
      if (counted && phase === 'timed') {
        latencies.record(msSince(start));
        ops++;
      }
    }
  };
  await Promise.all(Array.from({ length: options.workers }, (_, i) => worker(i)));
  if (timedEnd === 0n) timedEnd = now();
  if (timedStart === 0n) timedStart = timedEnd;
  const seconds = Number(timedEnd - timedStart) / 1e9;
  return { ops, seconds, perSecond: seconds > 0 ? ops / seconds : 0, ...latencies.summary() };
};

/** The same for synchronous operations (raw ceilings): one caller, no event loop in between. */
export const syncLoop = (options: {
  warmupOps: number;
  seconds: number;
  maxOps?: number;
  op: (i: number) => boolean;
}): ThroughputResult => {
  const latencies = new Latencies();
  let i = 0;
  for (; i < options.warmupOps; i++) if (!options.op(i)) break;
  const maxOps = options.maxOps ?? Number.POSITIVE_INFINITY;
  const started = now();
  const deadline = Date.now() + options.seconds * 1000;
  let ops = 0;
  while (ops < maxOps && Date.now() < deadline) {
    const start = now();
    if (!options.op(i++)) break;
    latencies.record(msSince(start));
    ops++;
  }
  const seconds = msSince(started) / 1000;
  return { ops, seconds, perSecond: seconds > 0 ? ops / seconds : 0, ...latencies.summary() };
};

/** Times one piece of work. */
export const timed = async <T>(work: () => Promise<T> | T): Promise<{ result: T; seconds: number }> => {
  const start = now();
  const result = await work();
  return { result, seconds: msSince(start) / 1000 };
};

/** The median of a few repetitions of a measurement (the noisy machine's outliers drop out). */
export const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
