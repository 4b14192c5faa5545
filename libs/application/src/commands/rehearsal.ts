import { randomUUID } from 'node:crypto';
import { Actor, Conflict, DomainError, DomainEvent, notFound, Reference, route, shanghaiDate } from '@sunshine/domain';
import { EventStore } from '@sunshine/event-store';
import { capabilityFor, requireCapability, requireVillageScope } from './access-policy';
import { CommandEnvelope, commandFingerprint, referenceExists, requireRecord } from './command-pipeline';
import { StreamState, StreamStateCache } from './stream-state-cache';

export type RehearsalOutcome = { ok: true; duplicate: boolean } | { ok: false; error: DomainError };

/**
 * Decides commands in order as the pipeline would — role, repeated commandId, village scope,
 * references, existence, the deciders' rules — on the current state and on what the commands
 * before it in the same batch would have recorded, but appends nothing. A register's preview
 * tells each row that would be refused, and why, before anything is recorded.
 */
export class Rehearsal {
  private readonly decided = new Map<string, StreamState>();
  private readonly stored = new StreamStateCache(100_000);
  private readonly clock: () => Date;

  constructor(
    private readonly store: EventStore,
    options: { clock?: () => Date; subjectExists?: (subjectId: string) => boolean } = {},
  ) {
    this.clock = options.clock ?? (() => new Date());
    this.subjectExists = options.subjectExists ?? (() => false);
  }

  private readonly subjectExists: (subjectId: string) => boolean;

  async try(envelope: CommandEnvelope, actor: Actor): Promise<RehearsalOutcome> {
    try {
      requireCapability(actor, capabilityFor(envelope.type));
      const previous = await this.store.findCommand(envelope.commandId);
      if (previous) {
        if (previous.fingerprint !== commandFingerprint(envelope.type, envelope.data))
          throw new Conflict(
            'CONFLICT_COMMAND_ID_REUSED',
            { zh: `命令编号「${envelope.commandId}」已用于另一条内容不同的命令`, en: 'the commandId was used before' },
            'commandId',
          );
        return { ok: true, duplicate: true };
      }
      const { context, spec } = route(envelope);
      const stream = spec.stream(envelope.data);
      const village = spec.village?.(envelope.data);
      if (village !== undefined) requireVillageScope(actor, village);
      for (const reference of spec.references?.(envelope.data) ?? [])
        if (!(await this.exists(reference))) throw notFound(reference.what, reference.id, reference.field);
      const current = this.decided.get(stream) ?? (await this.stored.load(this.store, stream, context));
      requireRecord(actor, context, spec, current, envelope);
      const now = this.clock();
      const events: DomainEvent[] = context.decider
        .decide(envelope, current.state, { stream, now, today: shanghaiDate(now), actor, newId: randomUUID })
        .map((event) => ({ ...event, eventId: randomUUID() }));
      let state = current.state;
      for (const event of events) state = context.decider.evolve(state, event);
      this.decided.set(stream, { revision: (current.revision ?? -1) + events.length, state });
      return { ok: true, duplicate: false };
    } catch (error) {
      if (error instanceof DomainError) return { ok: false, error };
      throw error;
    }
  }

  /** On record, or recorded by a command before it in the batch. */
  private async exists(reference: Reference): Promise<boolean> {
    if ('stream' in reference && this.decided.has(reference.stream)) return true;
    return referenceExists(this.store, reference, { subjectExists: this.subjectExists });
  }
}
