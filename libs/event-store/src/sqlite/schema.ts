import Database from 'better-sqlite3';

/**
 * The log is one table: `position` is dense and 1-based (it is the Merkle leaf index + 1),
 * `body` is the canonical JSON the hash covers, so verification hashes stored bytes.
 */
export const migrate = (db: Database.Database): void => {
  db.pragma('journal_mode = WAL');
  // FULL: a commit is on disk before the append resolves, even on power loss.
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 5000');
  db.exec(`
    CREATE TABLE IF NOT EXISTS events (
      position    INTEGER PRIMARY KEY,
      event_id    TEXT NOT NULL UNIQUE,
      stream      TEXT NOT NULL,
      revision    INTEGER NOT NULL,
      type        TEXT NOT NULL,
      recorded_at TEXT NOT NULL,
      body        TEXT NOT NULL,
      hash        TEXT NOT NULL,
      UNIQUE (stream, revision)
    ) STRICT;
    CREATE TABLE IF NOT EXISTS commands (
      command_id  TEXT PRIMARY KEY,
      fingerprint TEXT NOT NULL,
      result      TEXT NOT NULL
    ) STRICT;
  `);
};
