import Database from 'better-sqlite3';
import { createHash, randomUUID } from 'node:crypto';
import { DataSync, WalSync } from '@sunshine/event-store';
import { newSubjectKey } from '../personal-data/seal';

/** Spare subjects are made this many at a time, when fewer than SPARE_LOW are left. */
const SPARE_BATCH = 256;
const SPARE_LOW = 64;

/**
 * What must never enter the log: bearer tokens (kept only as SHA-256 hashes), password hashes
 * (salted scrypt) and the per-subject keys of personal data (destroyed on erasure). Kept in its own file so a backup
 * policy can treat it apart from the log.
 */
export class SecretStore {
  private readonly db: Database.Database;
  private readonly statements;
  /** Commits reach the disk off the event loop (see WalSync). */
  private readonly walSync?: WalSync;
  /** Subjects whose keys are in the open transaction, and those whose commit is being synced. */
  private unsynced = new Set<string>();
  private readonly syncing = new Map<string, Promise<void>>();
  /** Subjects made ahead whose keys are on disk, for parties new to the ledger. */
  private readonly spares: string[] = [];
  /** Subjects made ahead and not handed out (yet): no one knows of them. */
  private readonly unknown = new Set<string>();
  private refilling = false;

  constructor(file: string, options: { dataSync?: DataSync } = {}) {
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS tokens (token_hash TEXT PRIMARY KEY, user_id TEXT NOT NULL) STRICT;
      CREATE INDEX IF NOT EXISTS tokens_by_user ON tokens (user_id);
      CREATE TABLE IF NOT EXISTS subject_keys (subject_id TEXT PRIMARY KEY, key BLOB) STRICT;
      CREATE TABLE IF NOT EXISTS passwords (user_id TEXT PRIMARY KEY, hash TEXT NOT NULL) STRICT;
    `);
    this.statements = {
      userOf: this.db.prepare<[string], { user_id: string }>('SELECT user_id FROM tokens WHERE token_hash = ?'),
      putToken: this.db.prepare(
        'INSERT INTO tokens (token_hash, user_id) VALUES (?, ?) ON CONFLICT (token_hash) DO UPDATE SET user_id = excluded.user_id',
      ),
      tokensOf: this.db.prepare<[string], { token_hash: string }>('SELECT token_hash FROM tokens WHERE user_id = ?'),
      deleteTokensOf: this.db.prepare('DELETE FROM tokens WHERE user_id = ?'),
      passwordOf: this.db.prepare<[string], { hash: string }>('SELECT hash FROM passwords WHERE user_id = ?'),
      putPassword: this.db.prepare(
        'INSERT INTO passwords (user_id, hash) VALUES (?, ?) ON CONFLICT (user_id) DO UPDATE SET hash = excluded.hash',
      ),
      deletePassword: this.db.prepare('DELETE FROM passwords WHERE user_id = ?'),
      key: this.db.prepare<[string], { key: Buffer | null }>('SELECT key FROM subject_keys WHERE subject_id = ?'),
      putKey: this.db.prepare(
        'INSERT INTO subject_keys (subject_id, key) VALUES (?, ?) ON CONFLICT (subject_id) DO NOTHING',
      ),
      destroyKey: this.db.prepare(
        'INSERT INTO subject_keys (subject_id, key) VALUES (?, NULL) ON CONFLICT (subject_id) DO UPDATE SET key = NULL',
      ),
    };
    this.walSync = WalSync.attach(this.db, options.dataSync);
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

  /** The user's password hash (see password-hash.ts), or undefined when it has none. */
  passwordHash(userId: string): string | undefined {
    return this.statements.passwordOf.get(userId)?.hash;
  }

  /** Stores the user's password hash, replacing any earlier one; resolves once that is durable. */
  async setPasswordHash(userId: string, hash: string): Promise<void> {
    this.commitKeys();
    this.statements.putPassword.run(userId, hash);
    await this.synced();
  }

  /** Forgets the user's password (an admin's reset); resolves once that is durable. */
  async clearPassword(userId: string): Promise<void> {
    this.commitKeys();
    this.statements.deletePassword.run(userId);
    await this.synced();
  }

  /** The subject's key; undefined when it never existed, null once destroyed. */
  subjectKey(subjectId: string): Buffer | null | undefined {
    if (this.unknown.has(subjectId)) return undefined;
    const row = this.statements.key.get(subjectId);
    return row === undefined ? undefined : row.key;
  }

  /**
   * Stores a new key unless the subject already has one (or had one, since destroyed). Keys
   * made in one turn of the event loop share one commit. An event sealed with a key is appended
   * only once `whenKeyDurable()` says its key is on disk, so the log never holds data whose key a crash lost.
   */
  putSubjectKey(subjectId: string, key: Buffer): void {
    this.begin();
    this.statements.putKey.run(subjectId, key);
    this.unsynced.add(subjectId);
  }

  /**
   * A new subject whose key is already on disk, or undefined when none is ready (then a random
   * id and `putSubjectKey` do). Subjects are made ahead in batches with one sync, so a command
   * naming a new party does not wait for a key to reach the disk.
   */
  freshSubject(): string | undefined {
    if (this.spares.length < SPARE_LOW && !this.refilling) this.refill();
    const subjectId = this.spares.pop();
    if (subjectId !== undefined) this.unknown.delete(subjectId);
    return subjectId;
  }

  /** Undefined once the subject's key is on disk; else resolves when it is. */
  whenKeyDurable(subjectId: string): Promise<void> | undefined {
    if (this.unsynced.has(subjectId)) this.commitKeys();
    return this.syncing.get(subjectId);
  }

  private refill(): void {
    this.refilling = true;
    this.begin();
    const made = Array.from({ length: SPARE_BATCH }, () => randomUUID());
    for (const subjectId of made) {
      this.statements.putKey.run(subjectId, newSubjectKey());
      this.unknown.add(subjectId);
    }
    (this.commitKeys() ?? Promise.resolve())
      .then(
        () => this.spares.push(...made),
        () => undefined,
      )
      .finally(() => (this.refilling = false));
  }

  private begin(): void {
    if (this.db.inTransaction) return;
    this.db.exec('BEGIN IMMEDIATE');
    setImmediate(() => this.commitKeys());
  }

  /** Commits the keys made so far; the promise (and `whenKeyDurable`, per key) tells when they are on disk. */
  commitKeys(): Promise<void> | undefined {
    if (!this.db.open || !this.db.inTransaction) return undefined;
    this.db.exec('COMMIT');
    const synced = this.synced();
    const subjects = this.unsynced;
    this.unsynced = new Set();
    for (const subjectId of subjects) this.syncing.set(subjectId, synced);
    const settle = () => {
      for (const subjectId of subjects) if (this.syncing.get(subjectId) === synced) this.syncing.delete(subjectId);
    };
    // Whoever waits is told; a failure nobody waits for must not go unhandled.
    synced.then(settle, settle);
    return synced;
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
