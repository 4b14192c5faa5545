import { closeSync, fsyncSync, openSync } from 'node:fs';
import Database from 'better-sqlite3';
import { Checkpoint, DocumentWrite, ProjectionSpace, RebuildTarget } from '../store/projection-store.port';
import { CATEGORY_INDEX, commitWrites, documentStatements, removeDatabase, TABLES } from './sqlite-schema';

/** Where a rebuild of `file` writes until it is complete. A crash leaves it to be removed on the next open. */
export const asideFileOf = (file: string): string => `${file}.rebuild`;

const byKey = (a: DocumentWrite, b: DocumentWrite): number => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

/**
 * Read models rebuilt into a file of their own. Nobody reads it before it is complete and a crash
 * discards it, so it is written with no journal and no fsyncs; the category index is built once at
 * the end. `complete` copies in what the rebuild does not own (other projections' documents and
 * checkpoints), makes the file durable, and hands it to `install`, which puts it in place.
 */
export class SqliteRebuild implements RebuildTarget {
  private readonly db: Database.Database;
  private readonly statements;

  constructor(
    private readonly file: string,
    private readonly current: string,
    private readonly projections: ProjectionSpace[],
    private readonly install: (file: string) => void,
  ) {
    removeDatabase(file);
    this.db = new Database(file);
    this.db.pragma('journal_mode = OFF');
    this.db.pragma('synchronous = OFF');
    this.db.exec(TABLES);
    this.statements = documentStatements(this.db);
  }

  async get<Doc>(key: string): Promise<Doc | undefined> {
    const row = this.statements.get.get(key);
    return row ? (JSON.parse(row.doc) as Doc) : undefined;
  }

  async commit(projection: string, writes: DocumentWrite[], checkpoint: Checkpoint): Promise<void> {
    // In key order the B-tree grows at its edges instead of splitting pages all over.
    commitWrites(this.db, this.statements, projection, [...writes].sort(byKey), checkpoint);
  }

  async complete(): Promise<void> {
    // Synchronous from the copy to the swap: no write to the current store can slip in between.
    this.carryOver();
    this.db.exec(CATEGORY_INDEX);
    this.db.close();
    const fd = openSync(this.file, 'r+');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    this.install(this.file);
  }

  async abandon(): Promise<void> {
    if (this.db.open) this.db.close();
    removeDatabase(this.file);
  }

  /** Copies from the current store what the rebuild does not own, as it is now. */
  private carryOver(): void {
    const owned = new Set(this.projections.flatMap((p) => p.categories));
    const names = new Set(this.projections.map((p) => p.name));
    this.db.prepare('ATTACH DATABASE ? AS current').run(this.current);
    try {
      // Category by category through the current store's index (skipping ahead), never a full scan.
      const next = this.db.prepare<[string], { category: string }>(
        'SELECT category FROM current.documents WHERE category > ? ORDER BY category LIMIT 1',
      );
      const copy = this.db.prepare<[string]>(
        'INSERT OR IGNORE INTO main.documents (key, category, doc) SELECT key, category, doc FROM current.documents WHERE category = ?',
      );
      for (let row = next.get(''); row; row = next.get(row.category))
        if (!owned.has(row.category)) copy.run(row.category);
      const checkpoints = this.db
        .prepare<[], { projection: string; position: string; version: number }>(
          'SELECT projection, position, version FROM current.checkpoints',
        )
        .all();
      for (const c of checkpoints)
        if (!names.has(c.projection)) this.statements.setCheckpoint.run(c.projection, c.position, c.version);
    } finally {
      this.db.exec('DETACH DATABASE current');
    }
  }
}
