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

export interface ScanOptions {
  prefix?: string;
  /** Only documents whose key sorts after this one. */
  after?: string;
}

export interface Checkpoint {
  position: Position;
  version: number;
}

/** What a projection owns in the store: its checkpoint (by name) and its categories of documents. */
export interface ProjectionSpace {
  name: string;
  categories: string[];
}

/**
 * Read models being rebuilt from the start, written where readers cannot see them until
 * `complete` puts them in place whole. The documents of the rebuilt projections start empty.
 */
export interface RebuildTarget {
  /** A document written to the rebuild so far. */
  get<Doc>(key: string): Promise<Doc | undefined>;
  /** Writes documents of the rebuild and the position they reflect, as `ProjectionStore.commit`. */
  commit(projection: string, writes: DocumentWrite[], checkpoint: Checkpoint): Promise<void>;
  /** Replaces the projections' documents and checkpoints with the rebuilt ones, atomically. */
  complete(): Promise<void>;
  /** Drops the rebuild; the projections stay as they were (marked stale, so the next start rebuilds them). */
  abandon(): Promise<void>;
}

export interface ProjectionStore {
  get<Doc>(key: string): Promise<Doc | undefined>;

  /**
   * Every document of a category, in key order, read in pages (never loading the whole store);
   * with `prefix` only keys that start with it, with `after` only keys after it (a list's next page).
   */
  scan<Doc>(category: string, options?: ScanOptions): AsyncIterable<Doc>;

  checkpoint(projection: string): Promise<Checkpoint | undefined>;

  /** Applies the writes and moves the projection's checkpoint, atomically. */
  commit(projection: string, writes: DocumentWrite[], checkpoint: Checkpoint): Promise<void>;

  /**
   * Optional: starts rebuilding these projections aside. Their checkpoints are marked stale at
   * once (version -1), so a rebuild cut short by a crash is begun again on the next start, while
   * readers keep the documents as they were until `complete`. Without it, the runner resets the
   * projections and rebuilds them in place, committing a checkpoint with each flush.
   */
  rebuildAside?(projections: ProjectionSpace[]): Promise<RebuildTarget>;

  /** Removes every document of the given categories and the projection's checkpoint (for a rebuild). */
  reset(projection: string, categories: string[]): Promise<void>;

  close(): Promise<void>;
}
