import { StoredEvent } from '@sunshine/event-store';
import { RECORD_VOIDED, TermOpened } from '@sunshine/domain';
import { DocumentKey, Projection } from '../projection';
import { auditRecords } from './audits';
import { disputeRecords } from './disputes';
import { honourRecords } from './honours';
import { indicatorRecords } from './indicators';
import { investmentRecords } from './investments';
import { projectRecords } from './projects';
import { reportProseRecords } from './report-prose';
import { DebtDoc, EntryDoc, RECORD_CATEGORIES, RecordDoc, refOf, TermDoc, termKey, VillageDoc } from './record-docs';
import { RecordEvolver, shaped } from './record-evolver';
import { warningRecords } from './warnings';
import { evolveDebt, evolveEntry, evolveVillage, VILLAGE_PREFIX, villageKeysOf } from './villages';

/** The records kept as one document per stream, keyed by the stream itself (`investment-ZS-2009-014`). */
const STREAM_RECORDS: readonly RecordEvolver<RecordDoc>[] = [
  investmentRecords,
  projectRecords,
  disputeRecords,
  auditRecords,
  indicatorRecords,
  honourRecords,
  reportProseRecords,
  warningRecords,
];

const BY_CATEGORY = new Map(STREAM_RECORDS.map((records) => [records.category, records]));

const streamCategory = (stream: string): string => {
  const dash = stream.indexOf('-');
  return dash < 0 ? stream : stream.slice(0, dash);
};

const keysOf = (event: StoredEvent): DocumentKey[] => {
  if (event.stream === 'terms')
    return event.type === 'TermOpened'
      ? [{ key: termKey((event.data as TermOpened['data']).termId), category: RECORD_CATEGORIES.term }]
      : [];
  if (event.stream.startsWith(VILLAGE_PREFIX)) return villageKeysOf(event);
  const records = BY_CATEGORY.get(streamCategory(event.stream));
  if (!records || (event.type !== RECORD_VOIDED && !records.types.includes(event.type))) return [];
  return [{ key: event.stream, category: records.category }];
};

const evolveTerm = (event: StoredEvent): TermDoc => {
  const { termId, name, startsOn, endsOn } = (event as StoredEvent<TermOpened['data']>).data;
  return { termId, name, startsOn, endsOn, refs: [refOf(event)] };
};

const evolve = (doc: unknown, event: StoredEvent, key: DocumentKey): unknown => {
  switch (key.category) {
    case RECORD_CATEGORIES.term:
      return evolveTerm(event);
    case RECORD_CATEGORIES.village:
      return evolveVillage(doc as VillageDoc | undefined, event);
    case RECORD_CATEGORIES.entry:
      return evolveEntry(doc as EntryDoc | undefined, event);
    case RECORD_CATEGORIES.debt:
      return evolveDebt(doc as DebtDoc | undefined, event);
    default: {
      const records = BY_CATEGORY.get(key.category);
      if (!records) return doc;
      if (event.type !== RECORD_VOIDED) return records.evolve(doc as RecordDoc | undefined, event);
      // A voided record stays in the trail, marked; it counts nowhere.
      return doc === undefined ? doc : shaped(doc as RecordDoc, event, { voided: true });
    }
  }
};

/**
 * One document per record, with the current state and the dated history the term summary and
 * the village ledger need, and the refs of the events that shaped it (for evidence).
 *
 * Keys: `term/<termId>`; the stream for investments, projects, disputes, audits, indicators,
 * honours, warnings and a term's report prose (`investment-ZS-2009-014`, `report-2021-2026`); for a village's cash book `village-<id>`, `village-<id>/entry/<entryId>`
 * and `village-<id>/debt/<debtId>`.
 */
export const recordsProjection: Projection = {
  name: 'records',
  // 4: indicator definitions, honours, report prose, key projects, warnings' handlings; findings keep their
  // description and date, audits their lead auditor (record lists and pages).
  version: 4,
  categories: Object.values(RECORD_CATEGORIES),
  keysOf,
  evolve,
};
