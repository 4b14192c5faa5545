import { rmSync } from 'node:fs';
import Database from 'better-sqlite3';
import { Checkpoint, DocumentWrite } from '../store/projection-store.port';

/** The read store's tables. The category index is separate: a rebuild creates it once, at the end. */
export const TABLES = `
  CREATE TABLE IF NOT EXISTS documents (
    key      TEXT PRIMARY KEY,
    category TEXT NOT NULL,
    doc      TEXT NOT NULL
  ) STRICT;
  CREATE TABLE IF NOT EXISTS checkpoints (
    projection TEXT PRIMARY KEY,
    position   TEXT NOT NULL,
    version    INTEGER NOT NULL
  ) STRICT;
`;

export const CATEGORY_INDEX = 'CREATE INDEX IF NOT EXISTS documents_by_category ON documents (category, key);';

/** The statements both the store and a rebuild write documents with. */
export const documentStatements = (db: Database.Database) => ({
  get: db.prepare<[string], { doc: string }>('SELECT doc FROM documents WHERE key = ?'),
  put: db.prepare<[string, string, string]>(
    'INSERT INTO documents (key, category, doc) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET category = excluded.category, doc = excluded.doc',
  ),
  delete: db.prepare<[string]>('DELETE FROM documents WHERE key = ?'),
  setCheckpoint: db.prepare<[string, string, number]>(
    'INSERT INTO checkpoints (projection, position, version) VALUES (?, ?, ?) ON CONFLICT (projection) DO UPDATE SET position = excluded.position, version = excluded.version',
  ),
});

type DocumentStatements = ReturnType<typeof documentStatements>;

/** Writes a batch and moves the checkpoint in one transaction; a document JSON cannot hold fails it whole. */
export const commitWrites = (
  db: Database.Database,
  statements: DocumentStatements,
  projection: string,
  writes: DocumentWrite[],
  checkpoint: Checkpoint,
): void =>
  db.transaction(() => {
    for (const write of writes) {
      if (write.doc === undefined) statements.delete.run(write.key);
      else statements.put.run(write.key, write.category, JSON.stringify(write.doc));
    }
    statements.setCheckpoint.run(projection, checkpoint.position, checkpoint.version);
  })();

/** Removes a database file and what SQLite keeps beside it. */
export const removeDatabase = (file: string): void => {
  for (const suffix of ['', '-journal', '-wal', '-shm']) rmSync(file + suffix, { force: true });
};
