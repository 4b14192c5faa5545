import Database from 'better-sqlite3';
import { closeSync, fdatasync, fsyncSync, openSync } from 'node:fs';
import { dirname } from 'node:path';

/** How a WalSync reaches the disk; injectable so tests can hold a sync back or make it fail. */
export type DataSync = (fd: number, done: (error: NodeJS.ErrnoException | null) => void) => void;

export class SyncFailed extends Error {
  constructor(override readonly cause: unknown) {
    super(
      `the disk refused to sync the log (${cause instanceof Error ? cause.message : String(cause)}); nothing after the last acknowledged command is known to be durable — restart the server`,
    );
  }
}

/**
 * Durable commits without blocking the event loop on the disk.
 *
 * The connection commits with `synchronous = NORMAL`: COMMIT writes the transaction's WAL frames
 * and returns without fsync. `afterCommit()` then runs one `fdatasync` of the WAL file on
 * libuv's thread pool and resolves once it returns — from then on the commit survives a power
 * loss, exactly as a `synchronous = FULL` commit would when it returns. While one sync runs, the
 * main thread decides and commits more; every commit made meanwhile waits for the next sync, so
 * one fdatasync covers all of them (group commit that does not stop the world).
 *
 * A failed fdatasync leaves the file's durable state unknown (the kernel may have dropped the
 * dirty pages), so the sync is poisoned: that commit and every later one reject with SyncFailed.
 */
export class WalSync {
  private readonly fd: number;
  private running: Promise<void> | undefined;
  private waiting: Waiter[] = [];
  private failure: SyncFailed | undefined;

  private constructor(
    walFile: string,
    private readonly sync: DataSync,
  ) {
    this.fd = openSync(walFile, 'r');
  }

  /**
   * Switches a WAL-mode connection on a file to commit without fsync and returns what makes its
   * commits durable; undefined for an in-memory database, which keeps its own settings.
   */
  static attach(db: Database.Database, sync: DataSync = fdatasync): WalSync | undefined {
    if (db.memory || db.pragma('journal_mode', { simple: true }) !== 'wal') return undefined;
    // The WAL file exists once the connection has read the database in WAL mode.
    db.prepare('SELECT count(*) FROM sqlite_schema').get();
    const walSync = new WalSync(`${db.name}-wal`, sync);
    // The WAL file may have just been created: make its directory entry durable too.
    syncDirectory(dirname(db.name));
    db.pragma('synchronous = NORMAL');
    return walSync;
  }

  /** Resolves once everything committed before this call is on disk. */
  afterCommit(): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    const done = new Promise<void>((resolve, reject) => this.waiting.push({ resolve, reject }));
    if (!this.running) this.start();
    return done;
  }

  /** The failure that poisoned this sync, if any: no commit may be acknowledged after it. */
  get failed(): SyncFailed | undefined {
    return this.failure;
  }

  /** Waits for the sync under way, if any. */
  async idle(): Promise<void> {
    while (this.running) await this.running.catch(() => undefined);
  }

  close(): void {
    closeSync(this.fd);
  }

  private start(): void {
    const covered = this.waiting;
    this.waiting = [];
    if (this.failure) {
      for (const waiter of covered) waiter.reject(this.failure);
      return;
    }
    let finished!: () => void;
    this.running = new Promise<void>((resolve) => (finished = resolve));
    // Set up before the sync starts: a sync may call back at once.
    this.sync(this.fd, (error) => {
      if (error && !this.failure) this.failure = new SyncFailed(error);
      for (const waiter of covered) this.failure ? waiter.reject(this.failure) : waiter.resolve();
      this.running = undefined;
      if (this.waiting.length) this.start();
      finished();
    });
  }
}

interface Waiter {
  resolve: () => void;
  reject: (error: unknown) => void;
}

const syncDirectory = (dir: string): void => {
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
};
