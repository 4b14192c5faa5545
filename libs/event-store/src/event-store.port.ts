/**
 * The event store port. Shaped after what KurrentDB offers (appendToStream with a stream
 * state, readStream, readAll, subscribeToAll) so that every adapter can be faithful to it.
 * Positions are opaque strings outside the adapter: clients only pass back values they received.
 */

export type Position = string;

/** `any`, `no_stream`, `stream_exists`, or the exact revision of the stream's last event. */
export type ExpectedRevision = 'any' | 'no_stream' | 'stream_exists' | number;

export interface EventActor {
  userId: string;
  role: string;
}

/** Every field here is inside the hash, so every field exists from the first event on. */
export interface EventMetadata {
  commandId: string;
  actor: EventActor;
  /** Transaction time, UTC, set inside the append and never decreasing along the log. */
  recordedAt: string;
  /** Valid time: the business date (Asia/Shanghai) the event is about. */
  occurredOn: string;
  /** The eventId this event corrects, when it is a correction. */
  corrects?: string;
  correlationId: string;
  causationId: string;
  schemaVersion: number;
  prevHash: string;
  hash: string;
}

export interface StoredEvent<Data = unknown> {
  eventId: string;
  type: string;
  stream: string;
  revision: number;
  position: Position;
  data: Data;
  metadata: EventMetadata;
}

/** An event to append: the store sets revision, position, recordedAt, prevHash and hash. */
export interface NewEvent {
  eventId: string;
  type: string;
  data: unknown;
  metadata: Omit<EventMetadata, 'recordedAt' | 'prevHash' | 'hash'>;
}

/** What a command appended; remembered under its commandId so a repeat returns it. */
export interface AppendResult {
  commandId?: string;
  stream: string;
  /** The stream's revision after the append (its last event's revision). */
  revision: number;
  /** The position of the last appended event. */
  position: Position;
  events: { eventId: string; type: string; revision: number; position: Position }[];
}

export interface CommandReceipt {
  commandId: string;
  /** SHA-256 of the canonical `{type, data}` of the command, to tell a repeat from a reuse. */
  fingerprint: string;
  result: AppendResult;
}

export interface AppendRequest {
  stream: string;
  expectedRevision: ExpectedRevision;
  events: NewEvent[];
  /** When given, the command is remembered in the same transaction as its events. */
  command?: { commandId: string; fingerprint: string };
}

export type AppendOutcome =
  | { status: 'appended'; result: AppendResult }
  /** The commandId was already used: nothing was appended; the first receipt is returned. */
  | { status: 'duplicate'; receipt: CommandReceipt };

export interface ReadAllOptions {
  /** Read events strictly after this position; from the start when absent. */
  after?: Position;
  limit: number;
}

export interface Subscription extends AsyncIterable<StoredEvent> {
  close(): Promise<void>;
}

export interface EventStore {
  /**
   * Appends atomically and durably: when the promise resolves the events survive a crash.
   * Rejects with WrongExpectedRevision when the stream is not as expected.
   */
  append(request: AppendRequest): Promise<AppendOutcome>;

  /**
   * Optional, for stores that apply an append at once in this process and make it durable a
   * moment later (group commit): throws at once when refused; `durable` resolves once the append
   * survives a crash. Lets a bulk import decide its next command while the last one commits.
   */
  appendNow?(request: AppendRequest): { outcome: AppendOutcome; durable: Promise<void> };

  /**
   * With appendNow: resolves once everything applied so far is durable. What this process reads
   * back (a command's receipt, a stream) may not be durable yet; an answer built on it waits.
   */
  flushed?(): Promise<void>;

  /** The revision of the stream's last event, or undefined when the stream does not exist. */
  streamRevision(stream: string): Promise<number | undefined>;

  readStream(stream: string, options?: { fromRevision?: number; limit?: number }): Promise<StoredEvent[]>;

  /** One page of the global log in order, strictly after `after`. */
  readAll(options: ReadAllOptions): Promise<StoredEvent[]>;

  /** Catches up from `after`, then follows the log live, until closed. */
  subscribeToAll(options?: { after?: Position }): Subscription;

  findCommand(commandId: string): Promise<CommandReceipt | undefined>;

  findEvent(eventId: string): Promise<StoredEvent | undefined>;

  /** The position of the last event in the log, or undefined for an empty log. */
  headPosition(): Promise<Position | undefined>;

  /** Orders two positions this store handed out (negative, zero, positive). */
  comparePositions(a: Position, b: Position): number;

  close(): Promise<void>;
}

export class WrongExpectedRevision extends Error {
  constructor(
    readonly stream: string,
    readonly expected: ExpectedRevision,
    readonly actual: number | undefined,
  ) {
    super(
      `stream ${stream} is at ${actual === undefined ? 'no stream' : `revision ${actual}`}, expected ${String(expected)}`,
    );
    this.name = 'WrongExpectedRevision';
  }
}

export const satisfies = (expected: ExpectedRevision, actual: number | undefined): boolean => {
  switch (expected) {
    case 'any':
      return true;
    case 'no_stream':
      return actual === undefined;
    case 'stream_exists':
      return actual !== undefined;
    default:
      return actual === expected;
  }
};

/** A position this store never handed out. */
export class InvalidPosition extends Error {
  constructor(readonly position: string) {
    super(`"${position}" is not a position of this log`);
    this.name = 'InvalidPosition';
  }
}
