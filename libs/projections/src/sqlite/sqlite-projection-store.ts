import Database from 'better-sqlite3';
import { Position } from '@sunshine/event-store';
import { DocumentWrite, ProjectionStore } from '../store/projection-store.port';

const PAGE = 1000;

/** The embedded read store: one table of JSON documents, one of checkpoints, in one file. */
export class SqliteProjectionStore implements ProjectionStore {
  readonly db: Database.Database;
  private readonly statements;

  constructor(file: string) {
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    // Read models can always be rebuilt from the log: NORMAL keeps them consistent, not fsynced per batch.
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS documents (
        key      TEXT PRIMARY KEY,
        category TEXT NOT NULL,
        doc      TEXT NOT NULL
      ) STRICT;
      CREATE INDEX IF NOT EXISTS documents_by_category ON documents (category, key);
      CREATE TABLE IF NOT EXISTS checkpoints (
        projection TEXT PRIMARY KEY,
        position   TEXT NOT NULL,
        version    INTEGER NOT NULL
      ) STRICT;
    `);
    this.statements = {
      get: this.db.prepare<[string], { doc: string }>('SELECT doc FROM documents WHERE key = ?'),
      page: this.db.prepare<[string, string, string], { key: string; doc: string }>(
        'SELECT key, doc FROM documents WHERE category = ? AND key > ? AND key >= ? ORDER BY key LIMIT ' + PAGE,
      ),
      put: this.db.prepare('INSERT INTO documents (key, category, doc) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET category = excluded.category, doc = excluded.doc'),
      delete: this.db.prepare('DELETE FROM documents WHERE key = ?'),
      checkpoint: this.db.prepare<[string], { position: string; version: number }>('SELECT position, version FROM checkpoints WHERE projection = ?'),
      setCheckpoint: this.db.prepare(
        'INSERT INTO checkpoints (projection, position, version) VALUES (?, ?, ?) ON CONFLICT (projection) DO UPDATE SET position = excluded.position, version = excluded.version',
      ),
      deleteCategory: this.db.prepare('DELETE FROM documents WHERE category = ?'),
      deleteCheckpoint: this.db.prepare('DELETE FROM checkpoints WHERE projection = ?'),
    };
  }

  async get<Doc>(key: string): Promise<Doc | undefined> {
    const row = this.statements.get.get(key);
    return row ? (JSON.parse(row.doc) as Doc) : undefined;
  }

  async *scan<Doc>(category: string, options: { prefix?: string } = {}): AsyncIterable<Doc> {
    const prefix = options.prefix ?? '';
    let after = '';
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

  async commit(projection: string, writes: DocumentWrite[], checkpoint: { position: Position; version: number }): Promise<void> {
    this.db.transaction(() => {
      for (const write of writes) {
        if (write.doc === undefined) this.statements.delete.run(write.key);
        else this.statements.put.run(write.key, write.category, JSON.stringify(write.doc));
      }
      this.statements.setCheckpoint.run(projection, checkpoint.position, checkpoint.version);
    })();
  }

  bulkLoad(on: boolean): void {
    // Without fsyncs and WAL checkpoints at every batch, a rebuild stays linear in the log's size.
    this.db.pragma(on ? 'synchronous = OFF' : 'synchronous = NORMAL');
    if (!on) this.db.pragma('wal_checkpoint(TRUNCATE)');
  }

  async reset(projection: string, categories: string[]): Promise<void> {
    this.db.transaction(() => {
      for (const category of categories) this.statements.deleteCategory.run(category);
      this.statements.deleteCheckpoint.run(projection);
    })();
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
