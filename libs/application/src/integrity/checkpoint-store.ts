import Database from 'better-sqlite3';

export interface StoredCheckpoint {
  treeSize: number;
  rootHex: string;
  note: string;
  signedAt: string;
}

/**
 * The signed checkpoints this server made. They are worth most when copies also live outside
 * the operator's reach (published, or handed to auditors): see the README.
 */
export class CheckpointStore {
  private readonly db: Database.Database;
  private readonly statements;

  /** With `readonly`, the checkpoints another process signs are read beside it; nothing is created. */
  constructor(file: string, options: { readonly?: boolean } = {}) {
    this.db = new Database(file, options.readonly ? { readonly: true, fileMustExist: true } : undefined);
    if (options.readonly) this.db.pragma('busy_timeout = 5000');
    else {
      this.db.pragma('journal_mode = WAL');
      this.db.pragma('synchronous = FULL');
      this.db.exec(
        'CREATE TABLE IF NOT EXISTS checkpoints (tree_size INTEGER PRIMARY KEY, root TEXT NOT NULL, note TEXT NOT NULL, signed_at TEXT NOT NULL) STRICT',
      );
    }
    this.statements = {
      put: this.db.prepare(
        'INSERT INTO checkpoints (tree_size, root, note, signed_at) VALUES (?, ?, ?, ?) ON CONFLICT (tree_size) DO NOTHING',
      ),
      latest: this.db.prepare<[], Row>(
        'SELECT tree_size, root, note, signed_at FROM checkpoints ORDER BY tree_size DESC LIMIT 1',
      ),
      at: this.db.prepare<[number], Row>(
        'SELECT tree_size, root, note, signed_at FROM checkpoints WHERE tree_size = ?',
      ),
      upTo: this.db.prepare<[number], Row>(
        'SELECT tree_size, root, note, signed_at FROM checkpoints WHERE tree_size <= ? ORDER BY tree_size',
      ),
    };
  }

  put(checkpoint: StoredCheckpoint): void {
    this.statements.put.run(checkpoint.treeSize, checkpoint.rootHex, checkpoint.note, checkpoint.signedAt);
  }

  latest(): StoredCheckpoint | undefined {
    return toCheckpoint(this.statements.latest.get());
  }

  at(treeSize: number): StoredCheckpoint | undefined {
    return toCheckpoint(this.statements.at.get(treeSize));
  }

  upTo(treeSize: number): StoredCheckpoint[] {
    return this.statements.upTo.all(treeSize).map((row) => toCheckpoint(row) as StoredCheckpoint);
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}

interface Row {
  tree_size: number;
  root: string;
  note: string;
  signed_at: string;
}

const toCheckpoint = (row: Row | undefined): StoredCheckpoint | undefined =>
  row && { treeSize: row.tree_size, rootHex: row.root, note: row.note, signedAt: row.signed_at };
