/** A small seeded generator (mulberry32): the same seed makes the same township, byte for byte. */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  /** Whole yuan spread evenly on a log scale between two bounds, in fen. */
  yuanLog(minYuan: number, maxYuan: number, roundTo = 10_000): number {
    const value = Math.exp(Math.log(minYuan) + this.next() * (Math.log(maxYuan) - Math.log(minYuan)));
    return Math.max(roundTo, Math.round(value / roundTo) * roundTo) * 100;
  }
}

/** Days are handled as UTC midnights; output is `YYYY-MM-DD`. */
export const addDays = (date: string, days: number): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

export const daysBetween = (from: string, to: string): number =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

export const minDate = (a: string, b: string): string => (a <= b ? a : b);
