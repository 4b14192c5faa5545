import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';

/**
 * What must never enter the log: bearer tokens (kept only as SHA-256 hashes) and the
 * per-subject keys of personal data (destroyed on erasure). Kept in its own file so a backup
 * policy can treat it apart from the log.
 */
export class SecretStore {
  private readonly db: Database.Database;
  private readonly statements;

  constructor(file: string) {
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS tokens (token_hash TEXT PRIMARY KEY, user_id TEXT NOT NULL) STRICT;
      CREATE INDEX IF NOT EXISTS tokens_by_user ON tokens (user_id);
      CREATE TABLE IF NOT EXISTS subject_keys (subject_id TEXT PRIMARY KEY, key BLOB) STRICT;
    `);
    this.statements = {
      userOf: this.db.prepare<[string], { user_id: string }>('SELECT user_id FROM tokens WHERE token_hash = ?'),
      putToken: this.db.prepare('INSERT INTO tokens (token_hash, user_id) VALUES (?, ?) ON CONFLICT (token_hash) DO UPDATE SET user_id = excluded.user_id'),
      tokensOf: this.db.prepare<[string], { token_hash: string }>('SELECT token_hash FROM tokens WHERE user_id = ?'),
      deleteTokensOf: this.db.prepare('DELETE FROM tokens WHERE user_id = ?'),
      key: this.db.prepare<[string], { key: Buffer | null }>('SELECT key FROM subject_keys WHERE subject_id = ?'),
      putKey: this.db.prepare('INSERT INTO subject_keys (subject_id, key) VALUES (?, ?) ON CONFLICT (subject_id) DO NOTHING'),
      destroyKey: this.db.prepare('INSERT INTO subject_keys (subject_id, key) VALUES (?, NULL) ON CONFLICT (subject_id) DO UPDATE SET key = NULL'),
    };
  }

  static hashToken(token: string): string {
    return createHash('sha256').update(token).digest('hex');
  }

  userOfToken(token: string): string | undefined {
    return this.statements.userOf.get(SecretStore.hashToken(token))?.user_id;
  }

  hasTokens(userId: string): boolean {
    return this.statements.tokensOf.all(userId).length > 0;
  }

  /** Gives the user this token (replacing any other it had). */
  setToken(userId: string, token: string): void {
    this.commitKeys();
    this.db.transaction(() => {
      this.statements.deleteTokensOf.run(userId);
      this.statements.putToken.run(SecretStore.hashToken(token), userId);
    })();
  }

  /** The subject's key; undefined when it never existed, null once destroyed. */
  subjectKey(subjectId: string): Buffer | null | undefined {
    const row = this.statements.key.get(subjectId);
    return row === undefined ? undefined : row.key;
  }

  /**
   * Stores a new key unless the subject already has one (or had one, since destroyed). Keys
   * made in one turn of the event loop share one durable commit. The event store calls
   * `commitKeys` just before it commits (see openLedger), so a key is on disk before any event
   * sealed with it; should that commit fail, the event store's commit does not happen.
   */
  putSubjectKey(subjectId: string, key: Buffer): void {
    if (!this.db.inTransaction) {
      this.db.exec('BEGIN IMMEDIATE');
      setImmediate(() => this.commitKeys());
    }
    this.statements.putKey.run(subjectId, key);
  }

  /** Makes the keys made so far durable (before the events sealed with them commit). */
  commitKeys(): void {
    if (this.db.open && this.db.inTransaction) this.db.exec('COMMIT');
  }

  destroySubjectKey(subjectId: string): void {
    this.commitKeys();
    this.statements.destroyKey.run(subjectId);
  }

  close(): void {
    this.commitKeys();
    if (this.db.open) this.db.close();
  }
}
