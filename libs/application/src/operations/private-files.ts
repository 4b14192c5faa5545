import { chmodSync, closeSync, existsSync, mkdirSync, openSync, statSync } from 'node:fs';

/** Files SQLite keeps beside a database: its write-ahead log, shared memory and rollback journal. */
const SQLITE_COMPANIONS = ['-wal', '-shm', '-journal'];

/**
 * The data directory holds the log, the per-person keys that decrypt personal data, the token
 * hashes and the signing key: no other local user may list it (0700). Made so also when it
 * already exists with a looser mode, e.g. created by hand or restored by a tool that kept 0755.
 */
export const privateDirectory = (dir: string): void => {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
};

/** A file only the server's user may read or write (0600), tightened if it exists already. */
export const privateFile = (path: string): void => {
  if (existsSync(path)) {
    if ((statSync(path).mode & 0o777) !== 0o600) chmodSync(path, 0o600);
  } else closeSync(openSync(path, 'a', 0o600));
};

/**
 * An SQLite database file and its companions, 0600. The database is created empty here if new,
 * with that mode: SQLite gives its -wal and -shm files the mode of the database file.
 */
export const privateDatabase = (path: string): void => {
  privateFile(path);
  for (const suffix of SQLITE_COMPANIONS) if (existsSync(path + suffix)) privateFile(path + suffix);
};
