import { LocalDate } from '../shared';

/** Days since 1970-01-01 of a `YYYY-MM-DD` date (proleptic Gregorian, integers only, any year). */
export const dayNumber = (date: LocalDate): number => {
  const digit = (i: number) => date.charCodeAt(i) - 48;
  const month = digit(5) * 10 + digit(6);
  const year = digit(0) * 1000 + digit(1) * 100 + digit(2) * 10 + digit(3) - (month <= 2 ? 1 : 0);
  const era = Math.floor(year / 400);
  const yearOfEra = year - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + digit(8) * 10 + digit(9) - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
};

/** The `YYYY-MM-DD` date of a day number; the inverse of `dayNumber`. */
export const dateOfDay = (day: number): LocalDate => {
  const shifted = day + 719468;
  const era = Math.floor(shifted / 146097);
  const dayOfEra = shifted - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  const dayOfMonth = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(dayOfMonth).padStart(2, '0')}`;
};

/** A lowest end-of-day balance and the first day it stands on. */
export interface LowestBalance {
  minor: number;
  day: number;
}

const FIRST_SPAN = 64;

/**
 * End-of-day cash balances over calendar days: a segment tree over each day's net movement, where
 * a node holds the sum of its days and the lowest running sum within them. Recording a movement
 * and asking for the lowest balance from a day on both cost O(log days), whatever the number of
 * entries; the span of days covered doubles as dates outside it arrive. Mutable.
 */
export class DailyBalances {
  /** The day of leaf 0. */
  private first = 0;
  /** Leaves, a power of two; 0 while nothing was recorded. */
  private leaves = 0;
  private sum = new Float64Array(0);
  private low = new Float64Array(0);

  add(day: number, minor: number): void {
    if (minor === 0) return;
    this.cover(day);
    let node = this.leaves + day - this.first;
    this.sum[node] += minor;
    this.low[node] = this.sum[node];
    for (node >>= 1; node >= 1; node >>= 1) this.pull(node);
  }

  /** The lowest end-of-day balance on `day` or any later day; on a tie, the earliest such day. */
  lowestFrom(day: number): LowestBalance {
    const leaf = day - this.first;
    if (this.leaves === 0 || leaf >= this.leaves) return { minor: this.total, day };
    if (leaf < 0) {
      // Nothing was recorded up to `day`: it stands at zero, and the covered span after it may go lower.
      return this.low[1] < 0 ? this.descend(1, 0) : { minor: 0, day };
    }
    let running = this.sumBefore(leaf);
    let best: { node: number; before: number } | undefined;
    // The nodes covering [leaf, end), left to right; the right edge is the end, so none come from it.
    for (let node = leaf + this.leaves, end = 2 * this.leaves; node < end; node >>= 1, end >>= 1) {
      if (node & 1) {
        if (!best || running + this.low[node] < best.before + this.low[best.node]) best = { node, before: running };
        running += this.sum[node];
        node++;
      }
    }
    return best ? this.descend(best.node, best.before) : { minor: running, day };
  }

  get total(): number {
    return this.leaves === 0 ? 0 : this.sum[1];
  }

  /** The earliest leaf under `node` where the running balance reaches the node's lowest. */
  private descend(node: number, before: number): LowestBalance {
    const target = before + this.low[node];
    while (node < this.leaves) {
      const left = 2 * node;
      if (before + this.low[left] === target) node = left;
      else {
        before += this.sum[left];
        node = left + 1;
      }
    }
    return { minor: target, day: this.first + node - this.leaves };
  }

  private sumBefore(leaf: number): number {
    let before = 0;
    for (let node = leaf + this.leaves; node > 1; node >>= 1) if (node & 1) before += this.sum[node - 1];
    return before;
  }

  private pull(node: number): void {
    const left = 2 * node;
    this.sum[node] = this.sum[left] + this.sum[left + 1];
    this.low[node] = Math.min(this.low[left], this.sum[left] + this.low[left + 1]);
  }

  /** Doubles the span (towards `day`) until it covers `day`, then rebuilds the inner nodes once. */
  private cover(day: number): void {
    if (this.leaves === 0) {
      this.first = day - FIRST_SPAN / 2;
      this.leaves = FIRST_SPAN;
      this.sum = new Float64Array(2 * FIRST_SPAN);
      this.low = new Float64Array(2 * FIRST_SPAN);
      return;
    }
    let [first, leaves] = [this.first, this.leaves];
    while (day < first || day >= first + leaves) {
      if (day < first) first -= leaves;
      leaves *= 2;
    }
    if (leaves === this.leaves) return;
    const [sum, low] = [new Float64Array(2 * leaves), new Float64Array(2 * leaves)];
    const offset = leaves + this.first - first;
    sum.set(this.sum.subarray(this.leaves), offset);
    low.set(this.low.subarray(this.leaves), offset);
    [this.first, this.leaves, this.sum, this.low] = [first, leaves, sum, low];
    for (let node = leaves - 1; node >= 1; node--) this.pull(node);
  }
}
