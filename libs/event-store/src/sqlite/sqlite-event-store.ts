import Database from 'better-sqlite3';
import { EventEmitter } from 'node:events';
import { chainEvents } from '@sunshine/integrity';
import {
  AppendOutcome,
  AppendRequest,
  AppendResult,
  CommandReceipt,
  EventStore,
  InvalidPosition,
  Position,
  ReadAllOptions,
  satisfies,
  StoredEvent,
  Subscription,
  WrongExpectedRevision,
} from '../event-store.port';
import { followLog } from '../follow-log';
import { migrate } from './schema';
import { DataSync, WalSync } from './wal-sync';

interface Row {
  position: number;
  body: string;
  hash: string;
}

interface Pending {
  appended: boolean;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/** A stored row as it is: the indexed columns, the canonical body the hash covers, the hash. */
export interface RawEvent {
  position: string;
  eventId: string;
  stream: string;
  revision: number;
  type: string;
  body: string;
  hash: string;
}

export interface SqliteEventStoreOptions {
  /** The transaction-time clock; injectable for tests. */
  clock?: () => Date;
  /** How often a follower looks for events written by another process. */
  pollIntervalMs?: number;
  /**
   * Runs just before each group commit; if it throws, nothing of the group commits and every
   * append of the group is refused (how a failed commit is exercised in tests).
   */
  beforeCommit?: () => void;
  /** How the WAL file reaches the disk (fdatasync on libuv's thread pool); for tests. */
  dataSync?: DataSync;
  /**
   * Open an existing log to read it beside the process that writes it (SQLite readers are safe
   * beside a WAL writer): nothing is created or migrated, and every append is refused.
   */
  readonly?: boolean;
}

const toEvent = (row: Row): StoredEvent => {
  const body = JSON.parse(row.body) as StoredEvent;
  body.position = String(row.position);
  body.metadata.hash = row.hash;
  return body;
};

/**
 * The embedded event store. Appends made in one turn of the event loop are committed together
 * (group commit): one durable transaction, each append inside its own savepoint so that one
 * refused append leaves the others whole.
 */
export class SqliteEventStore implements EventStore {
  readonly db: Database.Database;
  private readonly clock: () => Date;
  private readonly pollIntervalMs: number;
  private readonly beforeCommit?: () => void;
  private readonly appended = new EventEmitter();
  private pending: Pending[] = [];
  private readonly appendInSavepoint: (request: AppendRequest) => AppendOutcome;
  /** The last position known to be committed; readers of the log never see past it. */
  private durableHead: number;
  private readonly walSync?: WalSync;
  private closed = false;
  /** The log's last position and recordedAt, read once per group transaction (no other writer gets in while it is open). */
  private tail: { position: number; recordedAt: string } | undefined;
  /** The last group's way to the disk. */
  private syncing: Promise<void> = Promise.resolve();
  private readonly statements;

  constructor(file: string, options: SqliteEventStoreOptions = {}) {
    this.db = new Database(file, options.readonly ? { readonly: true, fileMustExist: true } : undefined);
    if (options.readonly) this.db.pragma('busy_timeout = 5000');
    else migrate(this.db);
    this.clock = options.clock ?? (() => new Date());
    this.pollIntervalMs = options.pollIntervalMs ?? 500;
    this.beforeCommit = options.beforeCommit;
    this.appended.setMaxListeners(0);
    this.statements = {
      head: this.db.prepare<[string], { revision: number; hash: string }>(
        'SELECT revision, hash FROM events WHERE stream = ? ORDER BY revision DESC LIMIT 1',
      ),
      logHead: this.db.prepare<[], { position: number; recorded_at: string }>(
        'SELECT position, recorded_at FROM events ORDER BY position DESC LIMIT 1',
      ),
      insert: this.db.prepare(
        'INSERT INTO events (position, event_id, stream, revision, type, recorded_at, body, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      ),
      command: this.db.prepare<[string], { command_id: string; fingerprint: string; result: string }>(
        'SELECT command_id, fingerprint, result FROM commands WHERE command_id = ?',
      ),
      remember: this.db.prepare('INSERT INTO commands (command_id, fingerprint, result) VALUES (?, ?, ?)'),
      readStream: this.db.prepare<[string, number, number], Row>(
        'SELECT position, body, hash FROM events WHERE stream = ? AND revision >= ? ORDER BY revision LIMIT ?',
      ),
      readAll: this.db.prepare<[number, number], Row>(
        'SELECT position, body, hash FROM events WHERE position > ? ORDER BY position LIMIT ?',
      ),
      byEventId: this.db.prepare<[string], Row>('SELECT position, body, hash FROM events WHERE event_id = ?'),
      hashes: this.db.prepare<[number, number], { position: number; hash: string }>(
        'SELECT position, hash FROM events WHERE position > ? ORDER BY position LIMIT ?',
      ),
      readRaw: this.db.prepare<
        [number, number],
        Row & { event_id: string; stream: string; revision: number; type: string }
      >(
        'SELECT position, event_id, stream, revision, type, body, hash FROM events WHERE position > ? ORDER BY position LIMIT ?',
      ),
    };
    // Called inside the open transaction, better-sqlite3 makes this a savepoint.
    this.appendInSavepoint = this.db.transaction((request: AppendRequest) => this.appendInTransaction(request));
    this.durableHead = this.statements.logHead.get()?.position ?? 0;
    this.walSync = options.readonly ? undefined : WalSync.attach(this.db, options.dataSync);
  }

  /**
   * Applies the append at once inside the open group transaction (so the next command of this
   * process already reads it) and resolves when that transaction has committed durably. Appends
   * made in one turn of the event loop share the commit; each sits in its own savepoint, so a
   * refused append leaves the others whole.
   */
  append(request: AppendRequest): Promise<AppendOutcome> {
    try {
      const { outcome, durable } = this.appendNow(request);
      return durable.then(() => outcome);
    } catch (error) {
      return Promise.reject(error);
    }
  }

  appendNow(request: AppendRequest): { outcome: AppendOutcome; durable: Promise<void> } {
    if (this.closed) throw new Error('the event store is closed');
    if (this.walSync?.failed) throw this.walSync.failed;
    if (!this.db.inTransaction) {
      this.db.exec('BEGIN IMMEDIATE');
      const last = this.statements.logHead.get();
      this.tail = last ? { position: last.position, recordedAt: last.recorded_at } : undefined;
      setImmediate(() => this.commit());
    }
    const outcome = this.appendOnce(request);
    const durable = new Promise<void>((resolve, reject) =>
      this.pending.push({ appended: outcome.status === 'appended', resolve, reject }),
    );
    return { outcome, durable };
  }

  /** Resolves once everything this store has written so far (committed or not yet) is durable. */
  flushed(): Promise<void> {
    if (this.walSync?.failed) return Promise.reject(this.walSync.failed);
    if (this.db.open && this.db.inTransaction)
      return new Promise<void>((resolve, reject) => this.pending.push({ appended: false, resolve, reject }));
    return this.syncing.then(() => {
      if (this.walSync?.failed) throw this.walSync.failed;
    });
  }

  /**
   * Commits the group and resolves its appends once the commit is on disk. The fsync runs off the
   * event loop (see WalSync), so the next group is decided and written meanwhile; readers of the
   * log see a group only once it is durable.
   */
  private commit(): void {
    const batch = this.pending;
    this.pending = [];
    // Already committed (by close), or nothing left to commit.
    if (!this.db.open || !this.db.inTransaction) return;
    try {
      this.beforeCommit?.();
      this.db.exec('COMMIT');
    } catch (error) {
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
      for (const pending of batch) pending.reject(error);
      return;
    }
    const head = this.statements.logHead.get()?.position ?? 0;
    const durable = this.walSync ? this.walSync.afterCommit() : Promise.resolve();
    this.syncing = durable.then(
      () => {
        this.durableHead = Math.max(this.durableHead, head);
        for (const pending of batch) pending.resolve();
        if (batch.some((p) => p.appended)) this.appended.emit('appended');
      },
      (error: unknown) => {
        for (const pending of batch) pending.reject(error);
      },
    );
  }

  /**
   * The usual append has a new commandId: its receipt's primary key proves that, and only when
   * it does not does the receipt get read (after the savepoint took the events back).
   */
  private appendOnce(request: AppendRequest): AppendOutcome {
    try {
      return this.appendInSavepoint(request);
    } catch (error) {
      if (!(error instanceof CommandSeen)) throw error;
      const previous = this.statements.command.get(error.commandId);
      if (!previous) throw error;
      return { status: 'duplicate', receipt: toReceipt(previous) };
    }
  }

  private appendInTransaction(request: AppendRequest): AppendOutcome {
    const head = this.statements.head.get(request.stream);
    if (!satisfies(request.expectedRevision, head?.revision)) {
      // A repeated command is answered as before, whatever the stream became since.
      if (request.command && this.statements.command.get(request.command.commandId))
        throw new CommandSeen(request.command.commandId);
      throw new WrongExpectedRevision(request.stream, request.expectedRevision, head?.revision);
    }
    if (request.events.length === 0) throw new Error('an append needs at least one event');

    const tail = this.tail;
    const { recordedAt, links } = chainEvents({
      stream: request.stream,
      head,
      now: this.clock().toISOString(),
      notBefore: tail?.recordedAt,
      events: request.events,
    });
    let position = tail?.position ?? 0;
    const events: AppendResult['events'] = [];
    for (const { body, canonical, hash } of links) {
      position++;
      this.statements.insert.run(
        position,
        body.eventId,
        body.stream,
        body.revision,
        body.type,
        recordedAt,
        canonical,
        hash,
      );
      events.push({ eventId: body.eventId, type: body.type, revision: body.revision, position: String(position) });
    }
    const revision = links[links.length - 1].body.revision;

    const result: AppendResult = {
      ...(request.command ? { commandId: request.command.commandId } : {}),
      stream: request.stream,
      revision,
      position: String(position),
      events,
    };
    if (request.command) {
      try {
        this.statements.remember.run(request.command.commandId, request.command.fingerprint, JSON.stringify(result));
      } catch (error) {
        if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_PRIMARYKEY')
          throw new CommandSeen(request.command.commandId);
        throw error;
      }
    }
    // Only now, with nothing left to refuse the append, does the tail move.
    this.tail = { position, recordedAt };
    return { status: 'appended', result };
  }

  /**
   * The stored rows as they are: the canonical body and its hash, for verification that hashes
   * the stored bytes and for building the Merkle tree without parsing every event.
   */
  readRaw({ after, limit }: ReadAllOptions): RawEvent[] {
    const from = this.parsePosition(after);
    const upTo = Math.min(limit, Math.max(this.durableHead - from, 0));
    return upTo === 0
      ? []
      : this.statements.readRaw.all(from, upTo).map((row) => ({
          position: String(row.position),
          eventId: row.event_id,
          stream: row.stream,
          revision: row.revision,
          type: row.type,
          body: row.body,
          hash: row.hash,
        }));
  }

  /** Only positions and hashes, for keeping a Merkle tree in step with the log. */
  readHashes({ after, limit }: ReadAllOptions): { position: string; hash: string }[] {
    const from = this.parsePosition(after);
    const upTo = Math.min(limit, Math.max(this.durableHead - from, 0));
    return upTo === 0
      ? []
      : this.statements.hashes.all(from, upTo).map((row) => ({ position: String(row.position), hash: row.hash }));
  }

  /** Positions are dense from 1: an event's Merkle leaf index is its position − 1. */
  leafIndexOf(position: Position): number {
    return this.parsePosition(position) - 1;
  }

  async streamRevision(stream: string): Promise<number | undefined> {
    return this.statements.head.get(stream)?.revision;
  }

  async readStream(stream: string, options: { fromRevision?: number; limit?: number } = {}): Promise<StoredEvent[]> {
    return this.statements.readStream.all(stream, options.fromRevision ?? 0, options.limit ?? -1).map(toEvent);
  }

  async readAll(options: ReadAllOptions): Promise<StoredEvent[]> {
    return this.readAllSync(options);
  }

  /** Synchronous page read, for callers that already run inside this process's turn. */
  readAllSync({ after, limit }: ReadAllOptions): StoredEvent[] {
    const from = this.parsePosition(after);
    // Events of a transaction not yet committed are visible to this connection: hold them back.
    const upTo = Math.min(limit, Math.max(this.durableHead - from, 0));
    return upTo === 0 ? [] : this.statements.readAll.all(from, upTo).map(toEvent);
  }

  subscribeToAll(options: { after?: Position } = {}): Subscription {
    return followLog({
      after: options.after,
      readPage: (after) => this.readAll({ after, limit: 1000 }),
      waitForMore: (signal) => this.waitForAppend(signal),
    });
  }

  private waitForAppend(signal: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.appended.off('appended', done);
        signal.removeEventListener('abort', done);
        resolve();
      };
      // Another process may append to the same file: poll as well as listen.
      const timer = setTimeout(done, this.pollIntervalMs);
      this.appended.on('appended', done);
      signal.addEventListener('abort', done);
    });
  }

  async findCommand(commandId: string): Promise<CommandReceipt | undefined> {
    const row = this.statements.command.get(commandId);
    return row ? toReceipt(row) : undefined;
  }

  async findEvent(eventId: string): Promise<StoredEvent | undefined> {
    const row = this.statements.byEventId.get(eventId);
    return row ? toEvent(row) : undefined;
  }

  async headPosition(): Promise<Position | undefined> {
    return this.durableHead > 0 ? String(this.durableHead) : undefined;
  }

  comparePositions(a: Position, b: Position): number {
    return this.parsePosition(a) - this.parsePosition(b);
  }

  parsePosition(position: Position | undefined): number {
    if (position === undefined) return 0;
    if (!/^(0|[1-9]\d{0,15})$/.test(position)) throw new InvalidPosition(position);
    return Number(position);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    // Let the open group transaction commit before the file closes.
    if (this.db.inTransaction) this.commit();
    await this.syncing;
    this.appended.emit('appended');
    this.walSync?.close();
    this.db.close();
  }
}

/** Thrown inside an append's savepoint so its events are taken back: the command was recorded before. */
class CommandSeen extends Error {
  constructor(readonly commandId: string) {
    super(`command ${commandId} was recorded before`);
  }
}

const toReceipt = (row: { command_id: string; fingerprint: string; result: string }): CommandReceipt => ({
  commandId: row.command_id,
  fingerprint: row.fingerprint,
  result: JSON.parse(row.result) as AppendResult,
});
