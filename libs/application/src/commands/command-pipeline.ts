import { randomUUID } from 'node:crypto';
import {
  Actor,
  AnyContext,
  Command,
  CommandSpec,
  Conflict,
  DataOf,
  CommandType,
  DecisionContext,
  DomainEvent,
  LocalDate,
  notFound,
  Reference,
  route,
  shanghaiDate,
  TERMS_STREAM,
} from '@sunshine/domain';
import { canonicalJson, sha256Hex } from '@sunshine/integrity';
import { AppendRequest, AppendResult, EventStore, NewEvent, WrongExpectedRevision } from '@sunshine/event-store';
import { capabilityFor, requireCapability, requireRecordInScope, requireVillageScope } from './access-policy';
import { react, ReactionOutcome, Reactions } from './reactions';
import { StreamState, StreamStateCache } from './stream-state-cache';

/** A command as clients send it, its data validated field by field (validateCommand). */
export type CommandEnvelope = Command & { commandId: string; expectedRevision?: number };

export interface CommandOutcome {
  result: AppendResult;
  /** True when the commandId had been accepted before: nothing was appended. */
  duplicate: boolean;
}

/** A command's answer: where its events landed, and what the reactions to them add (a new user's token). */
export type ExecutedCommand = CommandOutcome & ReactionOutcome;

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
  /** Whether a data subject is known (its key is the record of it, outside the log). */
  subjectExists?: (subjectId: string) => boolean;
  /** Whether a warning was raised as of a date (the warnings evaluator, over the log and the calendar). */
  warningRaised?: (warningId: string, asOf: LocalDate) => Promise<boolean>;
  /** What happens outside the log once an event that asks for it is durable. */
  reactions?: Partial<Reactions>;
  /** Told after every durable append (the projections and the Merkle tree follow). */
  onAppended?: () => void;
}

export const SCHEMA_VERSION = 1;

export const commandFingerprint = (type: string, data: unknown): string => sha256Hex(canonicalJson({ type, data }));

type Durable = { durable: Promise<ExecutedCommand> };

/**
 * The write path, in the order a command meets it: access (role, village scope, existence) → read
 * and fold its stream → decide → protect personal data → append at the revision decided on → react.
 * Idempotent by commandId; retried on a concurrent append unless the client named a revision.
 */
export class CommandPipeline {
  private readonly clock: () => Date;
  private readonly maxRetries: number;
  private readonly newId: () => string;
  private readonly states: StreamStateCache;

  constructor(
    private readonly store: EventStore,
    private readonly options: CommandPipelineOptions = {},
  ) {
    this.clock = options.clock ?? (() => new Date());
    this.maxRetries = options.maxRetries ?? 20;
    const fresh = options.freshSubject;
    this.newId = fresh ? () => fresh() ?? randomUUID() : randomUUID;
    this.states = new StreamStateCache(undefined, options.soleWriter ?? false);
  }

  async execute(envelope: CommandEnvelope, actor: Actor): Promise<ExecutedCommand> {
    return (await this.submit(envelope, actor)).durable;
  }

  /**
   * Decides and appends, resolving as soon as the append is applied; `durable` resolves once it
   * survives a crash. A bulk import submits its next command while the last one commits; only
   * durable results are ever reported as accepted.
   */
  async submit(envelope: CommandEnvelope, actor: Actor): Promise<Durable> {
    requireCapability(actor, capabilityFor(envelope.type));
    const fingerprint = commandFingerprint(envelope.type, envelope.data);
    const previous = await this.store.findCommand(envelope.commandId);
    if (previous) return this.repeated(previous, fingerprint, envelope.commandId);
    const { context, spec } = route(envelope);
    const stream = spec.stream(envelope.data);
    await this.requireNamed(actor, spec, envelope.data);
    for (let attempt = 0; ; attempt++) {
      const current = await this.states.load(this.store, stream, context);
      requireRecord(actor, context, spec, current, envelope);
      const decision = this.decisionContext(actor, stream);
      const decided = context.decider.decide(envelope, current.state, decision);
      if (decided.length === 0) return { durable: this.unchanged(stream, current) };
      const events = decided.map((event) => toNewEvent(event, envelope, actor, decision.today));
      const sealed = this.options.protect ? await this.options.protect(events, stream) : events;
      const request: CommandAppend = {
        stream,
        expectedRevision: current.revision ?? 'no_stream',
        events: sealed,
        command: { commandId: envelope.commandId, fingerprint },
      };
      try {
        return await this.append(request, context, current, decided, events);
      } catch (error) {
        if (!(error instanceof WrongExpectedRevision)) throw error;
        this.states.forget(stream);
        if (envelope.expectedRevision !== undefined || attempt >= this.maxRetries)
          throw staleRevision(stream, envelope.expectedRevision ?? current.revision ?? -1, error.actual);
      }
    }
  }

  /** A village the command names must be in the clerk's scope (403) before any reference is looked up (404). */
  private async requireNamed(actor: Actor, spec: Spec, data: DataOf<CommandType>): Promise<void> {
    const village = spec.village?.(data);
    if (village !== undefined) requireVillageScope(actor, village);
    for (const reference of spec.references?.(data) ?? [])
      if (!(await this.exists(reference))) throw notFound(reference.what, reference.id, reference.field);
  }

  private exists(reference: Reference): Promise<boolean> {
    return referenceExists(this.store, reference, this.options);
  }

  private decisionContext(actor: Actor, stream: string): DecisionContext {
    const now = this.clock();
    return { stream, now, today: shanghaiDate(now), actor, newId: this.newId };
  }

  private async append(
    request: CommandAppend,
    context: AnyContext,
    current: StreamState,
    decided: DomainEvent[],
    events: NewEvent[],
  ): Promise<Durable> {
    const { store } = this;
    const { outcome, durable } = store.appendNow
      ? store.appendNow(request)
      : { outcome: await store.append(request), durable: Promise.resolve() };
    const { commandId, fingerprint } = request.command;
    if (outcome.status === 'duplicate')
      return {
        durable: durable.then(() =>
          repeat(outcome.receipt.fingerprint, fingerprint, outcome.receipt.result, commandId),
        ),
      };
    const appended = decided.map((event, i) => ({ ...event, eventId: events[i].eventId }));
    this.states.advance(request.stream, context, current, appended, outcome.result.revision);
    return {
      durable: durable.then(
        async () => {
          this.options.onAppended?.();
          const reactions = this.options.reactions ? await react(this.options.reactions, appended) : {};
          return { result: outcome.result, duplicate: false, ...reactions };
        },
        (error: unknown) => {
          // The group commit failed: states folded from its events are gone with it.
          this.states.clear();
          throw error;
        },
      ),
    };
  }

  /**
   * A command that changes nothing (a definition sent again as it stands) appends nothing and is
   * not remembered; it answers where the stream stands.
   */
  private async unchanged(stream: string, current: StreamState): Promise<ExecutedCommand> {
    const last =
      current.revision === undefined
        ? undefined
        : (await this.store.readStream(stream, { fromRevision: current.revision, limit: 1 }))[0];
    const position = last?.position ?? (await this.store.headPosition()) ?? '0';
    return { result: { stream, revision: current.revision ?? -1, position, events: [] }, duplicate: false };
  }

  /** The commandId was accepted before; its receipt may still be on its way to the disk. */
  private repeated(previous: { fingerprint: string; result: AppendResult }, fingerprint: string, commandId: string) {
    const flushed = this.store.flushed ? this.store.flushed() : Promise.resolve();
    return { durable: flushed.then(() => repeat(previous.fingerprint, fingerprint, previous.result, commandId)) };
  }
}

type Spec = CommandSpec<DataOf<CommandType>>;

/** What tells whether a reference outside the event store exists. */
export interface ReferenceLookups {
  subjectExists?: (subjectId: string) => boolean;
  warningRaised?: (warningId: string, asOf: LocalDate) => Promise<boolean>;
}

/**
 * Whether what a command refers to is on record: a stream, a term in `terms`, a data subject (its
 * key), or a warning raised on a date.
 */
export const referenceExists = async (
  store: EventStore,
  reference: Reference,
  { subjectExists, warningRaised }: ReferenceLookups = {},
): Promise<boolean> => {
  if ('subject' in reference) return subjectExists?.(reference.subject) ?? false;
  if ('warning' in reference) return (await warningRaised?.(reference.warning, reference.asOf)) ?? false;
  if ('term' in reference)
    return (await store.readStream(TERMS_STREAM)).some(
      (event) => event.type === 'TermOpened' && (event.data as { termId?: unknown }).termId === reference.term,
    );
  return (await store.streamRevision(reference.stream)) !== undefined;
};

/** An append that carries the command's receipt, so a repeated commandId is caught in its transaction. */
type CommandAppend = AppendRequest & Required<Pick<AppendRequest, 'command'>>;

/**
 * On the record as folded: a limited clerk's scope first (a record it may not see answers like one
 * that does not exist), then existence (404 naming the id), then the revision the client expected.
 */
export const requireRecord = (
  actor: Actor,
  context: AnyContext,
  spec: Spec,
  current: StreamState,
  envelope: CommandEnvelope,
): void => {
  const exists = current.revision !== undefined;
  if (spec.village?.(envelope.data) === undefined)
    requireRecordInScope(actor, exists ? context.villageOf?.(current.state) : undefined);
  if (!exists && !spec.creates) {
    const id = String((envelope.data as Record<string, unknown>)[spec.idField]);
    throw notFound(context.aggregate, id, `data.${spec.idField}`);
  }
  if (envelope.expectedRevision !== undefined && envelope.expectedRevision !== (current.revision ?? -1))
    throw staleRevision(spec.stream(envelope.data), envelope.expectedRevision, current.revision);
};

const repeat = (stored: string, sent: string, result: AppendResult, commandId: string): CommandOutcome => {
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
};

const toNewEvent = (event: DomainEvent, envelope: CommandEnvelope, actor: Actor, today: string): NewEvent => ({
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
