import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { WalSync } from '@sunshine/event-store';

/**
 * What must never enter the log: bearer tokens (kept only as SHA-256 hashes) and the
 * per-subject keys of personal data (destroyed on erasure). Kept in its own file so a backup
 * policy can treat it apart from the log.
 */
export class SecretStore {
  private readonly db: Database.Database;
  private readonly statements;
  /** Commits reach the disk off the event loop (see WalSync). */
  private readonly walSync?: WalSync;
  /** The last committed keys on their way to the disk. */
  private keysSynced: Promise<void> = Promise.resolve();

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
    this.walSync = WalSync.attach(this.db);
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

  /** Gives the user this token (replacing any other it had); resolves once that is durable. */
  async setToken(userId: string, token: string): Promise<void> {
    this.commitKeys();
    this.db.transaction(() => {
      this.statements.deleteTokensOf.run(userId);
      this.statements.putToken.run(SecretStore.hashToken(token), userId);
    })();
    await this.synced();
  }

  /** The subject's key; undefined when it never existed, null once destroyed. */
  subjectKey(subjectId: string): Buffer | null | undefined {
    const row = this.statements.key.get(subjectId);
    return row === undefined ? undefined : row.key;
  }

  /**
   * Stores a new key unless the subject already has one (or had one, since destroyed). Keys
   * made in one turn of the event loop share one commit. An event sealed with a key is appended
   * only once `keysDurable()` resolved, so the log never holds data whose key a crash lost.
   */
  putSubjectKey(subjectId: string, key: Buffer): void {
    if (!this.db.inTransaction) {
      this.db.exec('BEGIN IMMEDIATE');
      setImmediate(() => this.commitKeys());
    }
    this.statements.putKey.run(subjectId, key);
  }

  /** Resolves once every key stored so far is on disk; rejects if it cannot be. */
  keysDurable(): Promise<void> {
    this.commitKeys();
    return this.keysSynced;
  }

  /** Commits the keys made so far; they are durable once `keysDurable()` resolves. */
  commitKeys(): void {
    if (!this.db.open || !this.db.inTransaction) return;
    this.db.exec('COMMIT');
    this.keysSynced = this.synced();
    // Whoever waits is told; a failure nobody waits for must not go unhandled.
    this.keysSynced.catch(() => undefined);
  }

  /** Destroys the subject's key for good; resolves once that is durable. */
  async destroySubjectKey(subjectId: string): Promise<void> {
    this.commitKeys();
    this.statements.destroyKey.run(subjectId);
    await this.synced();
  }

  private synced(): Promise<void> {
    return this.walSync ? this.walSync.afterCommit() : Promise.resolve();
  }

  async close(): Promise<void> {
    this.commitKeys();
    await this.walSync?.idle();
    this.walSync?.close();
    if (this.db.open) this.db.close();
  }
}
