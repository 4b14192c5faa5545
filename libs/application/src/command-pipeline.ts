import { randomUUID } from 'node:crypto';
import {
  Actor,
  alreadyVoided,
  AnyContext,
  Conflict,
  contextOf,
  contextOfStream,
  DecisionContext,
  DomainEvent,
  notFound,
  notVoidable,
  RECORD_VOIDED,
  shanghaiDate,
  ValidationFailed,
} from '@sunshine/domain';
import { canonicalJson, sha256Hex } from '@sunshine/integrity';
import {
  AppendRequest,
  AppendResult,
  EventStore,
  NewEvent,
  StoredEvent,
  WrongExpectedRevision,
} from '@sunshine/event-store';
import { capabilityFor, requireCapability, requireVillageScope } from './access-policy';
import { StreamStateCache } from './stream-state-cache';

/** A command as clients send it; its data has passed shape validation. */
export interface CommandEnvelope {
  type: string;
  commandId: string;
  expectedRevision?: number;
  data: Record<string, unknown>;
}

export interface CommandOutcome {
  result: AppendResult;
  /** True when the commandId had been accepted before: nothing was appended. */
  duplicate: boolean;
}

/** Transforms events just before they are hashed and stored (personal data is encrypted here). */
export type EventProtector = (events: NewEvent[], stream: string) => NewEvent[] | Promise<NewEvent[]>;

export interface CommandPipelineOptions {
  clock?: () => Date;
  /** Retries on a concurrent append when the client gave no expectedRevision. */
  maxRetries?: number;
  protect?: EventProtector;
  /** Nothing but this pipeline appends to the store (see StreamStateCache). */
  soleWriter?: boolean;
  /** Ids for new data subjects whose keys are ready (SecretStore.freshSubject); random ones otherwise. */
  freshSubject?: () => string | undefined;
}

export const SCHEMA_VERSION = 1;

export const commandFingerprint = (type: string, data: unknown): string => sha256Hex(canonicalJson({ type, data }));

const unknownCommand = (type: string) =>
  new ValidationFailed([{ path: 'type', zh: `未知的命令类型「${type}」`, en: `unknown command type "${type}"` }]);

/**
 * The whole write path: read the stream → fold → decide → append at the revision decided on.
 * Idempotent by commandId; retried on a concurrent append unless the client named a revision.
 */
export class CommandPipeline {
  private readonly clock: () => Date;
  private readonly maxRetries: number;
  private readonly protect?: EventProtector;
  private readonly newId: () => string;
  private readonly cache: StreamStateCache;

  constructor(
    private readonly store: EventStore,
    options: CommandPipelineOptions = {},
  ) {
    this.clock = options.clock ?? (() => new Date());
    this.maxRetries = options.maxRetries ?? 20;
    this.protect = options.protect;
    const fresh = options.freshSubject;
    this.newId = fresh ? () => fresh() ?? randomUUID() : randomUUID;
    this.cache = new StreamStateCache(undefined, options.soleWriter ?? false);
  }

  async execute(envelope: CommandEnvelope, actor: Actor): Promise<CommandOutcome> {
    return (await this.submit(envelope, actor)).durable;
  }

  /**
   * Decides and appends, resolving as soon as the append is applied; `durable` resolves once it
   * survives a crash. A bulk import submits its next command while the last one commits; only
   * durable results are ever reported as accepted.
   */
  async submit(envelope: CommandEnvelope, actor: Actor): Promise<{ durable: Promise<CommandOutcome> }> {
    const isVoid = envelope.type === 'VoidRecord';
    const context = isVoid ? contextOfStream(String(envelope.data.stream)) : contextOf(envelope.type);
    if (!context && !isVoid) throw unknownCommand(envelope.type);
    requireCapability(actor, capabilityFor(envelope.type));

    const fingerprint = commandFingerprint(envelope.type, envelope.data);
    const previous = await this.store.findCommand(envelope.commandId);
    // The receipt may still be on its way to the disk: the answer waits for it.
    if (previous)
      return {
        durable: this.flushed().then(() =>
          this.repeat(previous.fingerprint, fingerprint, previous.result, envelope.commandId),
        ),
      };

    if (!context) throw notFound({ zh: '记录', en: 'Record' }, String(envelope.data.stream), 'data.stream');
    const spec = isVoid ? undefined : context.commands[envelope.type];
    const stream = spec ? spec.stream(envelope.data) : String(envelope.data.stream);
    if (isVoid && !context.voidable) throw notVoidable(stream);
    if (spec) {
      const village = spec.village?.(envelope.data);
      if (village !== undefined) requireVillageScope(actor, village);
      for (const reference of spec.references?.(envelope.data) ?? [])
        if ((await this.store.streamRevision(reference.stream)) === undefined)
          throw notFound(reference.what, reference.id, reference.field);
    }

    for (let attempt = 0; ; attempt++) {
      const current = await this.cache.load(this.store, stream, context);
      if (current.revision === undefined && !spec?.creates) {
        const idField = spec ? `data.${spec.idField}` : 'data.stream';
        const id = spec ? String(envelope.data[spec.idField]) : stream;
        throw notFound({ zh: context.aggregate.zh, en: context.aggregate.en }, id, idField);
      }
      // A clerk limited to villages learns nothing of another village's record: scope comes first.
      if (!spec || !spec.village?.(envelope.data)) requireVillageScope(actor, context.villageOf?.(current.state));
      if (envelope.expectedRevision !== undefined && envelope.expectedRevision !== (current.revision ?? -1))
        throw staleRevision(stream, envelope.expectedRevision, current.revision);
      if (current.voided) throw alreadyVoided(stream);

      const now = this.clock();
      const decision: DecisionContext = { now, today: shanghaiDate(now), actor, newId: this.newId };
      const decided: DomainEvent[] = isVoid
        ? [{ type: RECORD_VOIDED, data: { stream, reason: envelope.data.reason }, corrects: current.firstEventId }]
        : context.decider.decide({ type: envelope.type, data: envelope.data }, current.state, decision);
      const events = decided.map((event) => this.toNewEvent(event, envelope, actor, decision.today));
      const stored = this.protect ? await this.protect(events, stream) : events;
      const request = {
        stream,
        expectedRevision: current.revision ?? ('no_stream' as const),
        events: stored,
        command: { commandId: envelope.commandId, fingerprint },
      };
      try {
        const { outcome, durable } = this.store.appendNow
          ? this.store.appendNow(request)
          : await appendDurably(this.store, request);
        if (outcome.status === 'duplicate')
          return {
            durable: durable.then(() =>
              this.repeat(outcome.receipt.fingerprint, fingerprint, outcome.receipt.result, envelope.commandId),
            ),
          };
        this.cache.advance(
          stream,
          context,
          current,
          decided.map((e, i) => ({ ...e, eventId: events[i].eventId })),
          outcome.result.revision,
        );
        return {
          durable: durable.then(
            () => ({ result: outcome.result, duplicate: false }),
            (error: unknown) => {
              // The group commit failed: states folded from its events are gone with it.
              this.cache.clear();
              throw error;
            },
          ),
        };
      } catch (error) {
        if (!(error instanceof WrongExpectedRevision)) throw error;
        this.cache.forget(stream);
        if (envelope.expectedRevision !== undefined || attempt >= this.maxRetries)
          throw staleRevision(stream, envelope.expectedRevision ?? current.revision ?? -1, error.actual);
      }
    }
  }

  private flushed(): Promise<void> {
    return this.store.flushed ? this.store.flushed() : Promise.resolve();
  }

  private repeat(stored: string, sent: string, result: AppendResult, commandId: string): CommandOutcome {
    if (stored !== sent)
      throw new Conflict(
        'CONFLICT_COMMAND_ID_REUSED',
        {
          zh: `命令编号「${commandId}」已用于另一条内容不同的命令`,
          en: `commandId ${commandId} was already used for a different command`,
        },
        'commandId',
      );
    return { result, duplicate: true };
  }

  private toNewEvent(event: DomainEvent, envelope: CommandEnvelope, actor: Actor, today: string): NewEvent {
    return {
      eventId: randomUUID(),
      type: event.type,
      data: event.data,
      metadata: {
        commandId: envelope.commandId,
        actor: { userId: actor.userId, role: actor.role },
        occurredOn: event.occurredOn ?? today,
        ...(event.corrects ? { corrects: event.corrects } : {}),
        correlationId: envelope.commandId,
        causationId: envelope.commandId,
        schemaVersion: SCHEMA_VERSION,
      },
    };
  }
}

const appendDurably = async (store: EventStore, request: AppendRequest) => ({
  outcome: await store.append(request),
  durable: Promise.resolve(),
});

const staleRevision = (stream: string, expected: number, actual: number | undefined) =>
  new Conflict(
    'CONFLICT_STREAM_CHANGED',
    {
      zh: `记录「${stream}」已被他人更新（期望版本 ${expected}，实际版本 ${actual ?? '无'}），请刷新后重试`,
      en: `stream ${stream} changed: expected revision ${expected}, found ${actual ?? 'no stream'}`,
    },
    'expectedRevision',
  );

export type { StoredEvent };
