import { Position } from '@sunshine/event-store';

/**
 * Where read models live: JSON documents by key, grouped by category, with each projection's
 * checkpoint. A batch of document writes and its checkpoint commit together, so a crash never
 * leaves a document ahead of or behind the checkpoint.
 */
export interface DocumentWrite {
  key: string;
  category: string;
  /** The new document; undefined removes it. */
  doc: unknown | undefined;
}

export interface ProjectionStore {
  get<Doc>(key: string): Promise<Doc | undefined>;

  /** Every document of a category, in key order, read in pages (never loading the whole store). */
  scan<Doc>(category: string, options?: { prefix?: string }): AsyncIterable<Doc>;

  checkpoint(projection: string): Promise<{ position: Position; version: number } | undefined>;

  /** Applies the writes and moves the projection's checkpoint, atomically. */
  commit(projection: string, writes: DocumentWrite[], checkpoint: { position: Position; version: number }): Promise<void>;

  /**
   * Optional: a rebuild is about to write everything anew (true) or is done (false). A store may
   * trade durability for speed meanwhile, since an interrupted rebuild starts over from the log.
   */
  bulkLoad?(on: boolean): void;

  /** Removes every document of the given categories and the projection's checkpoint (for a rebuild). */
  reset(projection: string, categories: string[]): Promise<void>;

  close(): Promise<void>;
}
