import { Position } from '@sunshine/event-store';
import { DocumentWrite, ProjectionStore, ScanOptions } from '../store/projection-store.port';

/** Keys in the order the stored adapters keep them: by their UTF-8 bytes (binary collation). */
const compareKeys = (a: string, b: string): number => Buffer.compare(Buffer.from(a), Buffer.from(b));

/**
 * Documents in a Map. Used to replay the log "as known at" an instant without touching the
 * stored read models, and in specs of pure projections.
 */
export class MemoryProjectionStore implements ProjectionStore {
  private readonly docs = new Map<string, { category: string; doc: unknown }>();
  private readonly checkpoints = new Map<string, { position: Position; version: number }>();

  async get<Doc>(key: string): Promise<Doc | undefined> {
    return this.docs.get(key)?.doc as Doc | undefined;
  }

  getSync<Doc>(key: string): Doc | undefined {
    return this.docs.get(key)?.doc as Doc | undefined;
  }

  async *scan<Doc>(category: string, options: ScanOptions = {}): AsyncIterable<Doc> {
    const { prefix, after } = options;
    const keys = [...this.docs.entries()]
      .filter(
        ([key, entry]) =>
          entry.category === category &&
          (!prefix || key.startsWith(prefix)) &&
          (after === undefined || compareKeys(key, after) > 0),
      )
      .map(([key]) => key)
      .sort(compareKeys);
    for (const key of keys) {
      const entry = this.docs.get(key);
      if (entry) yield entry.doc as Doc;
    }
  }

  async checkpoint(projection: string) {
    return this.checkpoints.get(projection);
  }

  async commit(
    projection: string,
    writes: DocumentWrite[],
    checkpoint: { position: Position; version: number },
  ): Promise<void> {
    this.apply(writes);
    this.checkpoints.set(projection, checkpoint);
  }

  apply(writes: DocumentWrite[]): void {
    // Copy every document first: one that cannot be stored fails the commit before anything changes.
    const copies = writes.map((write) => (write.doc === undefined ? undefined : structuredClone(write.doc)));
    writes.forEach((write, i) => {
      if (write.doc === undefined) this.docs.delete(write.key);
      else this.docs.set(write.key, { category: write.category, doc: copies[i] });
    });
  }

  async reset(projection: string, categories: string[]): Promise<void> {
    for (const [key, entry] of this.docs) if (categories.includes(entry.category)) this.docs.delete(key);
    this.checkpoints.delete(projection);
  }

  async close(): Promise<void> {}
}
