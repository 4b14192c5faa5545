import {
  ANY,
  AppendStreamState,
  ErrorType,
  Filter,
  JSONEventData,
  JSONType,
  NO_STREAM,
  Position as KurrentPosition,
  RecordedEvent,
  STREAM_EXISTS,
  streamNameFilter,
} from '@kurrent/kurrentdb-client';
import { EventMetadata, ExpectedRevision, Position, StoredEvent, WrongExpectedRevision } from '../event-store.port';
import { InvalidPosition } from '../event-store.port';

/**
 * The pure half of the KurrentDB adapter: how our positions, expected revisions, errors, event
 * envelopes and log filter map onto KurrentDB's. Kept apart so that it is tested without a server.
 */

/** Digits of one half of a position: an unsigned 64-bit number has at most 20. */
const DIGITS = 20;
const POSITION = /^(\d{20})-(\d{20})$/;

/**
 * `<commit>-<prepare>`, each zero-padded to 20 digits, so that comparing the strings orders them
 * as KurrentDB orders its log (by commit position, then prepare position).
 */
export const encodePosition = ({ commit, prepare }: KurrentPosition): Position => {
  if (commit < 0n || prepare < 0n) throw new RangeError(`KurrentDB position ${commit}/${prepare} is negative`);
  return `${commit.toString().padStart(DIGITS, '0')}-${prepare.toString().padStart(DIGITS, '0')}`;
};

export const decodePosition = (position: Position): KurrentPosition => {
  const match = POSITION.exec(position);
  if (!match) throw new InvalidPosition(position);
  return { commit: BigInt(match[1]), prepare: BigInt(match[2]) };
};

export const comparePositions = (a: Position, b: Position): number => {
  const x = decodePosition(a);
  const y = decodePosition(b);
  if (x.commit !== y.commit) return x.commit < y.commit ? -1 : 1;
  if (x.prepare !== y.prepare) return x.prepare < y.prepare ? -1 : 1;
  return 0;
};

/** Our expected revision as KurrentDB's stream state. */
export const toStreamState = (expected: ExpectedRevision): AppendStreamState => {
  switch (expected) {
    case 'any':
      return ANY;
    case 'no_stream':
      return NO_STREAM;
    case 'stream_exists':
      return STREAM_EXISTS;
    default:
      if (!Number.isSafeInteger(expected) || expected < 0)
        throw new RangeError(`expected revision ${expected} is not a revision`);
      return BigInt(expected);
  }
};

/** The physical stream that remembers a command: `$`-prefixed, so it never shows in the log. */
export const RECEIPT_STREAM_PREFIX = '$sunshine-command-';
export const RECEIPT_EVENT_TYPE = 'SunshineCommandAccepted';

/** What a receipt event holds; positions are read back from the events themselves. */
export interface ReceiptData {
  commandId: string;
  fingerprint: string;
  stream: string;
  events: { eventId: string; type: string; revision: number }[];
}

/**
 * Translates a refusal of KurrentDB into the port's error, reporting the revision the caller
 * expected (not the exact head the adapter appended at). Any other error passes through.
 */
export const translateAppendError = (error: unknown, stream: string, expected: ExpectedRevision): unknown => {
  if (!isWrongExpectedVersion(error)) return error;
  return new WrongExpectedRevision(stream, expected, actualRevision(error.actualState));
};

export const isWrongExpectedVersion = (
  error: unknown,
): error is { type: ErrorType.WRONG_EXPECTED_VERSION; streamName: string; actualState: 'no_stream' | bigint } =>
  typeof error === 'object' &&
  error !== null &&
  (error as { type?: unknown }).type === ErrorType.WRONG_EXPECTED_VERSION;

export const isUnsupported = (error: unknown): boolean =>
  typeof error === 'object' && error !== null && (error as { type?: unknown }).type === ErrorType.UNSUPPORTED;

export const isStreamNotFound = (error: unknown): boolean =>
  typeof error === 'object' && error !== null && (error as { type?: unknown }).type === ErrorType.STREAM_NOT_FOUND;

/** KurrentDB reports a missing stream as `no_stream`, and deleted ones (v2 protocol) as negative revisions. */
const actualRevision = (state: 'no_stream' | bigint): number | undefined =>
  typeof state === 'bigint' && state >= 0n ? Number(state) : undefined;

const escapeRegex = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The server-side filter for every read of `$all`: our streams only. Without a prefix that is
 * every stream not starting with `$`, which leaves out KurrentDB's system streams (`$stats-…`,
 * `$$…` metadata, `$ce-…` projections) and our command receipts (`$sunshine-command-…`). With a
 * prefix (a store sharing a server), only that prefix's streams; the receipts start with `$`.
 */
export const logFilter = (streamPrefix: string): Filter =>
  streamNameFilter({ regex: streamPrefix ? `^${escapeRegex(streamPrefix)}` : '^[^$]' });

/**
 * KurrentDB 25.1's atomic multi-stream append only takes metadata as string keys with string
 * values, so our metadata travels as one JSON string under one key, the same for every append.
 */
export const METADATA_KEY = 'sunshine';

export type EventEnvelope = JSONEventData & { metadata: Record<string, string> };

export const toEventData = (event: {
  eventId: string;
  type: string;
  data: unknown;
  metadata: EventMetadata;
}): EventEnvelope => ({
  id: event.eventId,
  contentType: 'application/json',
  type: event.type,
  data: event.data as JSONType,
  metadata: { [METADATA_KEY]: JSON.stringify(event.metadata) },
});

export class ForeignEvent extends Error {
  constructor(
    readonly stream: string,
    readonly eventId: string,
    reason: string,
  ) {
    super(`event ${eventId} in stream ${stream} was not written by Sunshine Ledger: ${reason}`);
    this.name = 'ForeignEvent';
  }
}

/**
 * A recorded KurrentDB event as ours, or undefined for what is not part of our log (system
 * streams and event types, other prefixes). An event inside our streams without our metadata is
 * an error, not something to skip: the log would silently lose a record.
 */
export const toStoredEvent = (recorded: RecordedEvent | undefined, streamPrefix: string): StoredEvent | undefined => {
  if (!recorded) return undefined;
  const { streamId, type } = recorded;
  if (streamId.startsWith('$') || type.startsWith('$') || !streamId.startsWith(streamPrefix)) return undefined;
  const stream = streamId.slice(streamPrefix.length);
  const envelope = recorded.metadata as Record<string, unknown> | undefined;
  const encoded = envelope && !(envelope instanceof Uint8Array) ? envelope[METADATA_KEY] : undefined;
  if (typeof encoded !== 'string') throw new ForeignEvent(stream, recorded.id, 'it carries no sunshine metadata');
  if (!recorded.isJson) throw new ForeignEvent(stream, recorded.id, 'its data is not JSON');
  if (!recorded.position)
    throw new ForeignEvent(
      stream,
      recorded.id,
      'the server did not return its position (KurrentDB 22.6 or later is needed)',
    );
  return {
    eventId: recorded.id,
    type,
    stream,
    revision: Number(recorded.revision),
    position: encodePosition(recorded.position),
    data: recorded.data,
    metadata: JSON.parse(encoded) as EventMetadata,
  };
};
