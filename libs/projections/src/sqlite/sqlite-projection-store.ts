import { closeSync, existsSync, fsyncSync, openSync, renameSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import {
  Checkpoint,
  DocumentWrite,
  ProjectionSpace,
  ProjectionStore,
  RebuildTarget,
  ScanOptions,
} from '../store/projection-store.port';
import { asideFileOf, SqliteRebuild } from './sqlite-rebuild';
import { CATEGORY_INDEX, commitWrites, documentStatements, removeDatabase, TABLES } from './sqlite-schema';

const PAGE = 1000;
/** The checkpoint version of a projection whose rebuild has begun: never a projection's own. */
const STALE = -1;

const prepare = (db: Database.Database) => ({
  ...documentStatements(db),
  page: db.prepare<[string, string, string], { key: string; doc: string }>(
    'SELECT key, doc FROM documents WHERE category = ? AND key > ? AND key >= ? ORDER BY key LIMIT ' + PAGE,
  ),
  checkpoint: db.prepare<[string], Checkpoint>('SELECT position, version FROM checkpoints WHERE projection = ?'),
  markStale: db.prepare<[string]>(`UPDATE checkpoints SET version = ${STALE} WHERE projection = ?`),
  deleteCategory: db.prepare<[string]>('DELETE FROM documents WHERE category = ?'),
  deleteCheckpoint: db.prepare<[string]>('DELETE FROM checkpoints WHERE projection = ?'),
});

/** The embedded read store: one table of JSON documents, one of checkpoints, in one file. */
export class SqliteProjectionStore implements ProjectionStore {
  private database!: Database.Database;
  private statements!: ReturnType<typeof prepare>;

  /**
   * With `readonly`, an existing store is read beside the process that writes it (a CLI report
   * while the server runs): nothing is created, removed or written.
   */
  constructor(
    private readonly file: string,
    private readonly options: { readonly?: boolean } = {},
  ) {
    // A rebuild cut short leaves its file; the read models it was to replace are marked stale.
    if (!options.readonly) removeDatabase(asideFileOf(file));
    this.open();
  }

  get db(): Database.Database {
    return this.database;
  }

  private open(): void {
    if (this.options.readonly) {
      this.database = new Database(this.file, { readonly: true, fileMustExist: true });
      this.database.pragma('busy_timeout = 5000');
      this.statements = prepare(this.database);
      return;
    }
    this.database = new Database(this.file);
    this.database.pragma('journal_mode = WAL');
    // Read models can always be rebuilt from the log: NORMAL keeps them consistent, not fsynced per batch.
    this.database.pragma('synchronous = NORMAL');
    this.database.pragma('busy_timeout = 5000');
    this.database.exec(TABLES + CATEGORY_INDEX);
    this.statements = prepare(this.database);
  }

  async get<Doc>(key: string): Promise<Doc | undefined> {
    const row = this.statements.get.get(key);
    return row ? (JSON.parse(row.doc) as Doc) : undefined;
  }

  async *scan<Doc>(category: string, options: ScanOptions = {}): AsyncIterable<Doc> {
    const prefix = options.prefix ?? '';
    let after = options.after ?? '';
    for (;;) {
      // Keyset pages: no statement stays open across the awaits in between.
      const rows = this.statements.page.all(category, after, prefix);
      for (const row of rows) {
        if (prefix && !row.key.startsWith(prefix)) return;
        yield JSON.parse(row.doc) as Doc;
      }
      if (rows.length < PAGE) return;
      after = rows[rows.length - 1].key;
    }
  }

  async checkpoint(projection: string) {
    return this.statements.checkpoint.get(projection);
  }

  async commit(projection: string, writes: DocumentWrite[], checkpoint: Checkpoint): Promise<void> {
    commitWrites(this.database, this.statements, projection, writes, checkpoint);
  }

  async rebuildAside(projections: ProjectionSpace[]): Promise<RebuildTarget> {
    this.database.transaction(() => {
      for (const p of projections) this.statements.markStale.run(p.name);
    })();
    return new SqliteRebuild(asideFileOf(this.file), this.file, projections, (rebuilt) => this.replaceWith(rebuilt));
  }

  /** Puts a complete, durable rebuilt file in the place of this store's file. */
  private replaceWith(rebuilt: string): void {
    // Closing the last connection folds the WAL into the file and removes it; a WAL still there
    // belongs to another connection, and would be replayed onto the new file.
    this.database.close();
    if (existsSync(`${this.file}-wal`)) {
      this.open();
      removeDatabase(rebuilt);
      throw new Error(`the read store ${this.file} is open elsewhere; the rebuild was not put in place`);
    }
    renameSync(rebuilt, this.file);
    const dir = openSync(dirname(this.file), 'r');
    try {
      fsyncSync(dir);
    } finally {
      closeSync(dir);
    }
    this.open();
  }

  async reset(projection: string, categories: string[]): Promise<void> {
    this.database.transaction(() => {
      for (const category of categories) this.statements.deleteCategory.run(category);
      this.statements.deleteCheckpoint.run(projection);
    })();
  }

  async close(): Promise<void> {
    if (this.database.open) this.database.close();
  }
}
