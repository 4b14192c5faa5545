import { LocalDate } from '@sunshine/domain';
import { RECORD_CATEGORIES, TermDoc } from './record-docs';
import { RecordSource } from './record-source';

/** The term whose dates hold the day (terms never overlap). */
export const termHolding = async (source: RecordSource, day: LocalDate): Promise<TermDoc | undefined> => {
  for await (const term of source.scan<TermDoc>(RECORD_CATEGORIES.term))
    if (term.startsOn <= day && day <= term.endsOn) return term;
  return undefined;
};

/** The term a supervisor means by "now": the one holding today, else the latest to start. */
export const currentTerm = async (source: RecordSource, today: LocalDate): Promise<TermDoc | undefined> => {
  let latest: TermDoc | undefined;
  for await (const term of source.scan<TermDoc>(RECORD_CATEGORIES.term)) {
    if (term.startsOn <= today && today <= term.endsOn) return term;
    if (!latest || term.startsOn > latest.startsOn) latest = term;
  }
  return latest;
};
