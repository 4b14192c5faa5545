import { randomUUID } from 'node:crypto';
import { Actor, RuleViolation, ValidationFailed } from '@sunshine/domain';
import { EventStore, StoredEvent } from '@sunshine/event-store';
import { GENESIS_HASH, hashEventBody } from '@sunshine/integrity';
import { requireCapability } from './commands/access-policy';
import { carriesPersonalData, revealParties, SealedParty, withheldParties } from './personal-data/personal-data';
import { SecretStore } from './secrets/secret-store';

export const DISCLOSURES_STREAM = 'disclosures';

export interface AuditTrailFilter {
  after?: string;
  limit: number;
  type?: string;
  actor?: string;
  recordedFrom?: string;
  recordedTo?: string;
}

/** A request to see personal data: only with a reason, and it is itself recorded. */
export interface Reveal {
  reason: string;
}

export type IntegrityStatus = 'verified' | 'hash-mismatch' | 'chain-broken';

export interface AuditTrailEntry {
  position: string;
  stream: string;
  revision: number;
  eventId: string;
  type: string;
  actor: { userId: string; role: string };
  recordedAt: string;
  occurredOn: string;
  corrects: string | null;
  commandId: string;
  hash: string;
  prevHash: string;
  integrity: IntegrityStatus;
  data: unknown;
}

const SCAN_PAGE = 1000;
/** A filtered read stops after scanning this many events, handing back where it stopped. */
const SCAN_BUDGET = 200_000;

/**
 * The audit trail: every event with who recorded it, both clocks, the event it corrects and
 * whether its hash and chain check out. Personal data stays sealed unless revealed with a reason.
 */
export class AuditTrail {
  constructor(
    private readonly events: EventStore,
    private readonly secrets: SecretStore,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async stream(stream: string, options: { from?: number; limit: number }, actor: Actor, reveal?: Reveal) {
    const from = options.from ?? 0;
    const events = await this.events.readStream(stream, { fromRevision: from, limit: options.limit });
    let prevHash =
      from === 0
        ? GENESIS_HASH
        : (await this.events.readStream(stream, { fromRevision: from - 1, limit: 1 }))[0]?.metadata.hash;
    const entries: AuditTrailEntry[] = [];
    for (const event of events) {
      entries.push(this.entry(event, prevHash));
      prevHash = event.metadata.hash;
    }
    const shown = await this.disclose(entries, actor, reveal);
    return { stream, from, events: shown, next: events.length === options.limit ? from + events.length : null };
  }

  async log(filter: AuditTrailFilter, actor: Actor, reveal?: Reveal) {
    const entries: AuditTrailEntry[] = [];
    let after = filter.after;
    let scanned = 0;
    let exhausted = false;
    while (entries.length < filter.limit && scanned < SCAN_BUDGET) {
      const page = await this.events.readAll({ after, limit: SCAN_PAGE });
      if (page.length === 0) {
        exhausted = true;
        break;
      }
      for (const event of page) {
        scanned++;
        after = event.position;
        if (this.matches(event, filter)) {
          entries.push(this.entry(event, await this.previousHash(event)));
          if (entries.length === filter.limit) break;
        }
      }
    }
    const shown = await this.disclose(entries, actor, reveal);
    return { events: shown, next: exhausted ? null : (after ?? null) };
  }

  private matches(event: StoredEvent, filter: AuditTrailFilter): boolean {
    if (filter.type && event.type !== filter.type) return false;
    if (filter.actor && event.metadata.actor.userId !== filter.actor) return false;
    if (filter.recordedFrom && event.metadata.recordedAt < filter.recordedFrom) return false;
    if (filter.recordedTo && event.metadata.recordedAt > filter.recordedTo) return false;
    return true;
  }

  private async previousHash(event: StoredEvent): Promise<string | undefined> {
    if (event.revision === 0) return GENESIS_HASH;
    return (await this.events.readStream(event.stream, { fromRevision: event.revision - 1, limit: 1 }))[0]?.metadata
      .hash;
  }

  private entry(event: StoredEvent, prevHash: string | undefined): AuditTrailEntry {
    const { hash, ...metadata } = event.metadata;
    const actual = hashEventBody({
      eventId: event.eventId,
      stream: event.stream,
      revision: event.revision,
      type: event.type,
      data: event.data,
      metadata,
    });
    const integrity: IntegrityStatus =
      actual !== hash ? 'hash-mismatch' : prevHash !== event.metadata.prevHash ? 'chain-broken' : 'verified';
    return {
      position: event.position,
      stream: event.stream,
      revision: event.revision,
      eventId: event.eventId,
      type: event.type,
      actor: event.metadata.actor,
      recordedAt: event.metadata.recordedAt,
      occurredOn: event.metadata.occurredOn,
      corrects: event.metadata.corrects ?? null,
      commandId: event.metadata.commandId,
      hash,
      prevHash: event.metadata.prevHash,
      integrity,
      data: event.data,
    };
  }

  /** Seals stay shut unless an auditor or admin gave a reason; then the disclosure is recorded first. */
  private async disclose(entries: AuditTrailEntry[], actor: Actor, reveal?: Reveal): Promise<AuditTrailEntry[]> {
    const carrying = entries.filter((e) => carriesPersonalData(e.type));
    if (!reveal)
      return entries.map((e) =>
        carriesPersonalData(e.type) ? this.withParties(e, withheldParties(this.secrets, partiesOf(e))) : e,
      );
    requireCapability(actor, 'personal-data');
    if (!reveal.reason.trim())
      throw new ValidationFailed([
        { path: 'reason', zh: '查看个人信息必须说明理由', en: 'a reason is required to see personal data' },
      ]);
    const subjectIds = [...new Set(carrying.flatMap((e) => partiesOf(e).map((p) => p.subjectId)))];
    if (subjectIds.length) await this.recordDisclosure(subjectIds, reveal.reason, actor);
    return entries.map((e) =>
      carriesPersonalData(e.type) ? this.withParties(e, revealParties(this.secrets, e.eventId, partiesOf(e))) : e,
    );
  }

  private withParties(entry: AuditTrailEntry, parties: unknown[]): AuditTrailEntry {
    return { ...entry, data: { ...(entry.data as object), parties } };
  }

  private async recordDisclosure(subjectIds: string[], reason: string, actor: Actor): Promise<void> {
    const commandId = `disclosure-${randomUUID()}`;
    const now = this.clock();
    const outcome = await this.events.append({
      stream: DISCLOSURES_STREAM,
      expectedRevision: 'any',
      events: [
        {
          eventId: randomUUID(),
          type: 'PersonalDataDisclosed',
          data: { subjectIds, reason, actor: { userId: actor.userId, role: actor.role } },
          metadata: {
            commandId,
            actor: { userId: actor.userId, role: actor.role },
            occurredOn: new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10),
            correlationId: commandId,
            causationId: commandId,
            schemaVersion: 1,
          },
        },
      ],
    });
    if (outcome.status !== 'appended')
      throw new RuleViolation('DISCLOSURE_NOT_RECORDED', {
        zh: '未能记录个人信息查看',
        en: 'the disclosure could not be recorded',
      });
  }
}

const partiesOf = (entry: AuditTrailEntry): SealedParty[] => (entry.data as { parties?: SealedParty[] }).parties ?? [];
