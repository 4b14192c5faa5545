import { Actor, notFound, shanghaiDate, wordFor } from '@sunshine/domain';
import { EventStore, StoredEvent } from '@sunshine/event-store';
import { AuditDoc, AuditFinding, EventRef, ProjectionStore } from '@sunshine/projections';
import { requireRecordInScope } from '../commands/access-policy';
import { COMMAND_OF_EVENT, labelData, LabelledField } from './labelled-fields';
import { NameBook } from './name-book';
import { actionsOn, RecordAction } from './record-actions';
import { seesVillage } from './record-index';
import { addressOf } from './record-keys';
import { stateOf } from './record-states';
import { KIND_SOURCES, RecordSummary } from './record-summaries';

/** One event of a record's history, as its page shows it. */
export interface HistoryEntry {
  eventId: string;
  type: string;
  typeText: string;
  /** The business date the event is about. */
  occurredOn: string;
  /** When it was recorded. */
  recordedAt: string;
  actor: { userId: string; role: string; roleText: string };
  fields: LabelledField[];
  /** The reason a correction (an amendment, a reversal, a voiding, a revision) gave. */
  reason: string | null;
  /** The event this one corrects, and the later events that correct this one. */
  corrects: string | null;
  correctedBy: string[];
  /** The record was voided: none of its events counts any more. */
  voided: boolean;
}

export interface RecordPage extends RecordSummary {
  fields: LabelledField[];
  history: HistoryEntry[];
  corrections: RecordAction[];
  followUps: RecordAction[];
}

const noSuchRecord = (key: string) => notFound({ zh: '记录', en: 'Record' }, key, 'key');

/**
 * One record's page: its state, its history with both clocks, who recorded each event and why a
 * correction was made, and what the caller may do with it now. Personal data is never on it.
 */
export class RecordPages {
  constructor(
    private readonly reads: ProjectionStore,
    private readonly events: EventStore,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async page(key: string, actor: Actor): Promise<RecordPage> {
    const address = addressOf(key);
    const doc = address && (await this.reads.get(address.docKey));
    const item = address?.findingId
      ? (doc as AuditDoc | undefined)?.findings.find((f) => f.findingId === address.findingId)
      : undefined;
    const names = new NameBook(this.reads);
    const today = shanghaiDate(this.clock());
    const listed =
      address && doc !== undefined && (!address.findingId || item)
        ? (await KIND_SOURCES[address.kind].list(doc, names, today)).find((l) => l.summary.key === key)
        : undefined;
    // A limited clerk is told the same for a record elsewhere and for none at all.
    if (!listed || !seesVillage(actor, listed.summary.villageId))
      requireRecordInScope(actor, listed?.summary.villageId ?? undefined);
    if (!address || !listed) throw noSuchRecord(key);
    const summary = listed.summary;
    const refs = item ? this.findingRefs(doc as AuditDoc, item) : (doc as { refs: EventRef[] }).refs;
    const { corrections, followUps } = actionsOn(address.kind, doc, summary.voided, actor, item);
    return {
      ...summary,
      fields: await stateOf(address.kind, doc, names, item),
      history: await this.history(refs, summary.voided, names),
      corrections,
      followUps,
    };
  }

  /** A finding's own events: its recording, its rectification, and the voiding of its audit. */
  private findingRefs(audit: AuditDoc, finding: AuditFinding): EventRef[] {
    const own = new Set([finding.eventId, finding.rectification?.eventId]);
    return audit.refs.filter((ref) => own.has(ref.eventId) || ref.type === 'RecordVoided');
  }

  private async history(refs: EventRef[], voided: boolean, names: NameBook): Promise<HistoryEntry[]> {
    const events = (await Promise.all(refs.map((ref) => this.events.findEvent(ref.eventId)))).filter(
      (event): event is StoredEvent => event !== undefined,
    );
    const correctedBy = new Map<string, string[]>();
    for (const event of events)
      if (event.metadata.corrects)
        correctedBy.set(event.metadata.corrects, [...(correctedBy.get(event.metadata.corrects) ?? []), event.eventId]);
    return Promise.all(
      events.map(async (event) => {
        const data = event.data as Record<string, unknown>;
        const command = COMMAND_OF_EVENT[event.type];
        const { userId, role } = event.metadata.actor;
        return {
          eventId: event.eventId,
          type: event.type,
          typeText: wordFor('eventType', event.type),
          occurredOn: event.metadata.occurredOn,
          recordedAt: event.metadata.recordedAt,
          actor: { userId, role, roleText: wordFor('role', role) },
          fields: command ? await labelData(command, data, names) : [],
          reason: typeof data.reason === 'string' ? data.reason : null,
          corrects: event.metadata.corrects ?? null,
          correctedBy: correctedBy.get(event.eventId) ?? [],
          voided,
        };
      }),
    );
  }
}
