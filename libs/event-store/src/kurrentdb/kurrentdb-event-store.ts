import { randomUUID } from 'node:crypto';
import {
  AllStreamResolvedEvent,
  AppendStreamState,
  BACKWARDS,
  END,
  FORWARDS,
  KurrentDBClient,
  NO_STREAM,
  ResolvedEvent,
  START,
} from '@kurrent/kurrentdb-client';
import { canonicalJson, chainEvents } from '@sunshine/integrity';
import {
  AppendOutcome,
  AppendRequest,
  AppendResult,
  CommandReceipt,
  EventMetadata,
  EventStore,
  Position,
  ReadAllOptions,
  satisfies,
  StoredEvent,
  Subscription,
  WrongExpectedRevision,
} from '../event-store.port';
import {
  comparePositions,
  decodePosition,
  EventEnvelope,
  isStreamNotFound,
  isUnsupported,
  isWrongExpectedVersion,
  logFilter,
  RECEIPT_EVENT_TYPE,
  RECEIPT_STREAM_PREFIX,
  ReceiptData,
  toEventData,
  toStoredEvent,
  toStreamState,
  translateAppendError,
} from './kurrentdb-codec';

/** The part of the KurrentDB client this adapter uses: the seam its unit tests replace. */
export type KurrentDbClient = Pick<
  KurrentDBClient,
  'appendToStream' | 'multiStreamAppend' | 'readStream' | 'readAll' | 'subscribeToAll' | 'dispose'
>;

export interface KurrentDbEventStoreOptions {
  /** The transaction-time clock; injectable for tests. */
  clock?: () => Date;
  /**
   * Keeps this store's log apart inside a shared server: every stream is stored as
   * `<streamPrefix><stream>` and reads see only those streams (the contract suite gives each test
   * its own prefix). Hashes cover the stream name without the prefix, so the log verifies the same.
   */
  streamPrefix?: string;
}

/** How often an append whose caller accepts any revision re-reads a head another writer moved. */
const CONFLICT_RETRIES = 5;
const PAGE = 1000;

interface StreamHead {
  revision: number;
  hash: string;
  recordedAt: string;
}

/**
 * The event store on KurrentDB. Each append computes the hash chain on the client from the
 * stream's head and appends at exactly that head's revision, so a concurrent writer makes one of
 * them fail instead of forking the chain. A command is remembered by a receipt in the stream
 * `$sunshine-command-<commandId>`, appended atomically with the events (KurrentDB 25.1+).
 *
 * Appends of one process run one at a time: `recordedAt` is clamped to never go below the last
 * value this process wrote, and only one append in flight makes the commit order match it.
 * Across several writer processes the clamp is per process: each stream's recordedAt still never
 * decreases (an append is computed from the stream's head and lands at exactly that revision),
 * but along the whole log KurrentDB's commit order is authoritative and neighbouring events of
 * two processes may differ by their clocks' skew.
 */
export class KurrentDbEventStore implements EventStore {
  private readonly clock: () => Date;
  private readonly prefix: string;
  private readonly filter;
  private lastRecordedAt = '';
  /** Unknown until the first command append asks the server; false on servers before 25.1. */
  private atomicReceipts: boolean | undefined;
  private lane: Promise<unknown> = Promise.resolve();
  /** How to stop each open subscription, so that close ends them as their own close would. */
  private readonly subscriptions = new Set<() => Promise<void>>();
  private closed = false;

  constructor(
    private readonly client: KurrentDbClient,
    options: KurrentDbEventStoreOptions = {},
  ) {
    this.clock = options.clock ?? (() => new Date());
    this.prefix = options.streamPrefix ?? '';
    if (this.prefix.startsWith('$'))
      throw new Error('a stream prefix may not start with $, which marks system streams');
    this.filter = logFilter(this.prefix);
  }

  /** Connects and reads the head of the log, so an unreachable server fails the start. */
  static async connect(
    connectionString: string,
    options: KurrentDbEventStoreOptions = {},
  ): Promise<KurrentDbEventStore> {
    const client = KurrentDBClient.connectionString(connectionString);
    const store = new KurrentDbEventStore(client, options);
    try {
      const head = await store.lastEventOfLog();
      store.lastRecordedAt = head?.metadata.recordedAt ?? '';
    } catch (error) {
      await client.dispose();
      throw error;
    }
    return store;
  }

  append(request: AppendRequest): Promise<AppendOutcome> {
    if (this.closed) return Promise.reject(new Error('the event store is closed'));
    if (request.events.length === 0) return Promise.reject(new Error('an append needs at least one event'));
    const outcome = this.lane.then(() => this.appendInLane(request));
    this.lane = outcome.catch(() => undefined);
    return outcome;
  }

  private async appendInLane(request: AppendRequest): Promise<AppendOutcome> {
    const { stream, expectedRevision, command } = request;
    for (let attempt = 1; ; attempt++) {
      if (command) {
        const receipt = await this.findCommand(command.commandId);
        if (receipt) return { status: 'duplicate', receipt };
      }
      const head = await this.streamHead(stream);
      if (!satisfies(expectedRevision, head?.revision))
        throw new WrongExpectedRevision(stream, expectedRevision, head?.revision);

      const { events, recordedAt } = this.chain(request, head);
      // Whatever the caller accepts, the chain is computed on this head: append at exactly it.
      const state = toStreamState(head === undefined ? 'no_stream' : head.revision);
      // Raised before the write: should it land unacknowledged, the next append still stays above it.
      this.lastRecordedAt = recordedAt;
      try {
        await this.write(stream, events, state, command && this.receipt(command, stream, events));
      } catch (error) {
        if (!isWrongExpectedVersion(error)) throw error;
        const retry = attempt < CONFLICT_RETRIES;
        // The receipt stream exists: the same command was accepted meanwhile; the next round finds it.
        if (command && error.streamName === this.receiptStream(command.commandId) && retry) continue;
        // Another writer moved the head; the caller's 'any' or 'stream_exists' may still hold.
        if ((expectedRevision === 'any' || expectedRevision === 'stream_exists') && retry) continue;
        throw translateAppendError(error, stream, expectedRevision);
      }
      const appended = await this.readBack(stream, events);
      const result: AppendResult = {
        ...(command ? { commandId: command.commandId } : {}),
        stream,
        revision: appended[appended.length - 1].revision,
        position: appended[appended.length - 1].position,
        events: appended.map((e) => ({ eventId: e.eventId, type: e.type, revision: e.revision, position: e.position })),
      };
      return { status: 'appended', result };
    }
  }

  /** The events chained on the stream's head, recorded no earlier than this process's last append and the head. */
  private chain(request: AppendRequest, head: StreamHead | undefined) {
    const notBefore = head && head.recordedAt > this.lastRecordedAt ? head.recordedAt : this.lastRecordedAt;
    const { recordedAt, links } = chainEvents({
      stream: request.stream,
      head,
      now: this.clock().toISOString(),
      notBefore,
      // Stored as the JSON it is hashed as, so a read re-hashes to the same bytes.
      events: request.events.map((event) => ({ ...event, data: JSON.parse(canonicalJson(event.data)) as unknown })),
    });
    const events = links.map(({ body, hash }) => ({
      eventId: body.eventId,
      type: body.type,
      revision: body.revision,
      data: body.data,
      metadata: { ...body.metadata, hash } as EventMetadata,
    }));
    return { events, recordedAt };
  }

  private receipt(
    command: { commandId: string; fingerprint: string },
    stream: string,
    events: { eventId: string; type: string; revision: number }[],
  ) {
    const data: ReceiptData = {
      commandId: command.commandId,
      fingerprint: command.fingerprint,
      stream,
      events: events.map(({ eventId, type, revision }) => ({ eventId, type, revision })),
    };
    return {
      stream: this.receiptStream(command.commandId),
      event: {
        id: randomUUID(),
        contentType: 'application/json' as const,
        type: RECEIPT_EVENT_TYPE,
        data: { ...data },
        metadata: undefined,
      },
    };
  }

  private async write(
    stream: string,
    events: Parameters<typeof toEventData>[0][],
    state: AppendStreamState,
    receipt?: ReturnType<KurrentDbEventStore['receipt']>,
  ): Promise<void> {
    const physical = this.prefix + stream;
    const data: EventEnvelope[] = events.map(toEventData);
    if (!receipt) {
      await this.client.appendToStream(physical, data, { streamState: state });
      return;
    }
    if (this.atomicReceipts !== false && typeof this.client.multiStreamAppend === 'function') {
      try {
        await this.client.multiStreamAppend([
          { streamName: physical, events: data, expectedState: state },
          { streamName: receipt.stream, events: [receipt.event], expectedState: NO_STREAM },
        ]);
        this.atomicReceipts = true;
        return;
      } catch (error) {
        if (!isUnsupported(error)) throw error;
        this.atomicReceipts = false;
      }
    }
    // A server before 25.1 cannot append to two streams at once: the receipt follows the events.
    // Crash window: a process that dies between the two appends leaves the events without their
    // receipt, and the same command sent again is applied again. Within one process a repeat
    // waits in the append lane, so it always finds the receipt; two processes sending the same
    // command at the same moment can both apply it (the second receipt append is then refused
    // and the first receipt stays the one remembered).
    await this.client.appendToStream(physical, data, { streamState: state });
    try {
      await this.client.appendToStream(receipt.stream, receipt.event, { streamState: NO_STREAM });
    } catch (error) {
      if (!isWrongExpectedVersion(error)) throw error;
    }
  }

  /** The appended events as stored, for their positions; checked to be the ones just written. */
  private async readBack(stream: string, events: { eventId: string; revision: number }[]): Promise<StoredEvent[]> {
    const stored = await this.readStream(stream, { fromRevision: events[0].revision, limit: events.length });
    events.forEach((event, i) => {
      if (stored[i]?.eventId !== event.eventId)
        throw new Error(
          `stream ${stream} holds ${stored[i]?.eventId ?? 'nothing'} at revision ${event.revision}, not the appended ${event.eventId}`,
        );
    });
    return stored;
  }

  private receiptStream(commandId: string): string {
    return `${RECEIPT_STREAM_PREFIX}${this.prefix}${commandId}`;
  }

  private async streamHead(stream: string): Promise<StreamHead | undefined> {
    const [last] = await this.collect(
      this.client.readStream(this.prefix + stream, {
        direction: BACKWARDS,
        fromRevision: END,
        maxCount: 1,
        requiresLeader: true,
      }),
    );
    if (!last) return undefined;
    return { revision: last.revision, hash: last.metadata.hash, recordedAt: last.metadata.recordedAt };
  }

  async streamRevision(stream: string): Promise<number | undefined> {
    return (await this.streamHead(stream))?.revision;
  }

  async readStream(stream: string, options: { fromRevision?: number; limit?: number } = {}): Promise<StoredEvent[]> {
    if (options.limit === 0) return [];
    return this.collect(
      this.client.readStream(this.prefix + stream, {
        direction: FORWARDS,
        fromRevision: options.fromRevision === undefined ? START : BigInt(options.fromRevision),
        ...(options.limit === undefined ? {} : { maxCount: options.limit }),
        requiresLeader: true,
      }),
    );
  }

  /** Reads a stream's events; a stream that does not exist reads as empty. */
  private async collect(read: AsyncIterable<ResolvedEvent | AllStreamResolvedEvent>): Promise<StoredEvent[]> {
    const events: StoredEvent[] = [];
    try {
      for await (const resolved of read) {
        const event = toStoredEvent(resolved.event, this.prefix);
        if (event) events.push(event);
      }
    } catch (error) {
      if (isStreamNotFound(error)) return [];
      throw error;
    }
    return events;
  }

  async readAll({ after, limit }: ReadAllOptions): Promise<StoredEvent[]> {
    if (limit <= 0) return [];
    // KurrentDB reads from a position inclusively: ask for one more and drop the event at `after`.
    const events = await this.collect(
      this.client.readAll({
        direction: FORWARDS,
        fromPosition: after === undefined ? START : decodePosition(after),
        maxCount: limit + 1,
        filter: this.filter,
      }),
    );
    return (after === undefined ? events : events.filter((e) => comparePositions(e.position, after) > 0)).slice(
      0,
      limit,
    );
  }

  subscribeToAll(options: { after?: Position } = {}): Subscription {
    const { after } = options;
    const native = this.client.subscribeToAll({
      fromPosition: after === undefined ? START : decodePosition(after),
      filter: this.filter,
    });
    let closing = false;
    const prefix = this.prefix;
    const stop = async () => {
      if (closing) return;
      closing = true;
      this.subscriptions.delete(stop);
      await native.unsubscribe();
      // A cancelled gRPC stream does not end the readable piped from it: end it here.
      native.destroy();
    };
    async function* events(): AsyncGenerator<StoredEvent> {
      try {
        for await (const resolved of native) {
          const event = toStoredEvent((resolved as AllStreamResolvedEvent).event, prefix);
          if (!event || (after !== undefined && comparePositions(event.position, after) <= 0)) continue;
          yield event;
        }
      } catch (error) {
        // Destroying the readable while it is read ends the loop with a premature-close error.
        if (!closing) throw error;
      } finally {
        await stop();
      }
    }
    this.subscriptions.add(stop);
    const iterator = events();
    return { [Symbol.asyncIterator]: () => iterator, close: stop };
  }

  async findCommand(commandId: string): Promise<CommandReceipt | undefined> {
    const [last] = await this.collectRaw(
      this.client.readStream(this.receiptStream(commandId), {
        direction: BACKWARDS,
        fromRevision: END,
        maxCount: 1,
        requiresLeader: true,
      }),
    );
    if (!last) return undefined;
    const receipt = last.data as unknown as ReceiptData;
    const events = await this.readStream(receipt.stream, {
      fromRevision: receipt.events[0].revision,
      limit: receipt.events.length,
    });
    if (events.length !== receipt.events.length || events.some((e, i) => e.eventId !== receipt.events[i].eventId))
      throw new Error(`the events of command ${commandId} are not where its receipt says, in stream ${receipt.stream}`);
    // The receipt was written with the events, before their positions existed: read them back.
    const result: AppendResult = {
      commandId: receipt.commandId,
      stream: receipt.stream,
      revision: events[events.length - 1].revision,
      position: events[events.length - 1].position,
      events: events.map((e) => ({ eventId: e.eventId, type: e.type, revision: e.revision, position: e.position })),
    };
    return { commandId: receipt.commandId, fingerprint: receipt.fingerprint, result };
  }

  /** Receipt streams are `$`-prefixed, so they are read without the log's decoding. */
  private async collectRaw(read: AsyncIterable<ResolvedEvent>): Promise<NonNullable<ResolvedEvent['event']>[]> {
    const recorded: NonNullable<ResolvedEvent['event']>[] = [];
    try {
      for await (const resolved of read) if (resolved.event) recorded.push(resolved.event);
    } catch (error) {
      if (isStreamNotFound(error)) return [];
      throw error;
    }
    return recorded;
  }

  /**
   * KurrentDB keeps no index by event id: this scans the log. It serves inclusion proofs, which
   * are rare; a ledger that needs them often should keep its own index.
   */
  async findEvent(eventId: string): Promise<StoredEvent | undefined> {
    let after: Position | undefined;
    for (;;) {
      const page = await this.readAll({ after, limit: PAGE });
      const found = page.find((e) => e.eventId === eventId);
      if (found) return found;
      if (page.length < PAGE) return undefined;
      after = page[page.length - 1].position;
    }
  }

  async headPosition(): Promise<Position | undefined> {
    return (await this.lastEventOfLog())?.position;
  }

  private async lastEventOfLog(): Promise<StoredEvent | undefined> {
    const [last] = await this.collect(
      this.client.readAll({ direction: BACKWARDS, fromPosition: END, maxCount: 1, filter: this.filter }),
    );
    return last;
  }

  comparePositions(a: Position, b: Position): number {
    return comparePositions(a, b);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.lane;
    await Promise.all([...this.subscriptions].map((stop) => stop()));
    await this.client.dispose();
  }
}
