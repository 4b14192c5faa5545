import { ScanOptions } from '../store/projection-store.port';

/** Where summaries and ledgers read the records projection: a ProjectionStore, or a MemoryProjectionStore replayed "as known at". */
export interface RecordSource {
  scan<Doc>(category: string, options?: ScanOptions): AsyncIterable<Doc>;
}

const DECIMAL = /^\d+$/;

/** Log order of positions: decimal integers (the SQLite store's) by value, anything else as text. */
export const compareLogPositions = (a: string, b: string): number => {
  if (DECIMAL.test(a) && DECIMAL.test(b)) {
    const [x, y] = [BigInt(a), BigInt(b)];
    return x < y ? -1 : x > y ? 1 : 0;
  }
  return a < b ? -1 : a > b ? 1 : 0;
};
