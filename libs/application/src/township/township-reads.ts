import { LocalDate, minDate, notFound, wordFor } from '@sunshine/domain';
import {
  compareLogPositions,
  currentTerm,
  EventRef,
  OverviewCharts,
  overviewCharts,
  ProjectionStore,
  RecordNames,
  RecordRow,
  recordRow,
  TermDoc,
  termKey,
  TermSummary,
  VillageFigures,
  villageFigures,
} from '@sunshine/projections';
import { ReadSide } from '../read-side';
import { OpenWarningCounts, Warnings } from '../warnings/warnings';

export interface TermHeading {
  termId: string;
  name: string;
  from: LocalDate;
  to: LocalDate;
}

/** `GET /api/v1/villages`: every village with its figures and open warnings, for one term. */
export interface VillagesAnswer {
  term: TermHeading | null;
  /** The date balances, debts and warnings are as of: today, or the term's end for a past term. */
  asOf: LocalDate;
  villages: (VillageFigures & { warnings: OpenWarningCounts })[];
}

/** One of the latest events among the term's counted records, with its record named. */
export interface LatestRecord {
  position: string;
  recordedAt: string;
  occurredOn: LocalDate;
  type: string;
  /** What the event recorded, in Chinese. */
  action: string;
  record: RecordRow;
}

/** `GET /api/v1/terms/{termId}/overview`: the supervisors' page of a term. */
export interface TermOverview {
  term: TermHeading & { current: boolean };
  asOf: LocalDate;
  summary: TermSummary;
  charts: Omit<OverviewCharts, 'villageFinance'> & {
    villageFinance: (OverviewCharts['villageFinance'][number] & { name: string })[];
  };
  warnings: OpenWarningCounts;
  latest: LatestRecord[];
}

export interface FigureRecordsAnswer {
  termId: string;
  figure: string;
  value: unknown;
  records: RecordRow[];
}

const LATEST = 20;

const heading = (term: TermDoc): TermHeading => ({
  termId: term.termId,
  name: term.name,
  from: term.startsOn,
  to: term.endsOn,
});

/**
 * What supervisors and auditors read of the township as a whole: the villages, the overview of a
 * term with its charts and latest records, and the records behind a figure. Built on the term
 * summary's traced computation, so every number here equals the summary's.
 */
export class TownshipReads {
  constructor(
    private readonly reads: ProjectionStore,
    private readonly readSide: ReadSide,
    private readonly warnings: Warnings,
  ) {}

  async villages(termId?: string): Promise<VillagesAnswer> {
    const today = this.warnings.today();
    const term = termId === undefined ? await currentTerm(this.reads, today) : await this.term(termId);
    const asOf = term ? minDate(today, term.endsOn) : today;
    const [figures, warnings] = await Promise.all([villageFigures(this.reads, term, asOf), this.warnings.asOf(asOf)]);
    return {
      term: term ? heading(term) : null,
      asOf,
      villages: figures.map((village) => {
        const counts: OpenWarningCounts = { red: 0, yellow: 0 };
        for (const w of warnings) if (w.status === 'open' && w.villageId === village.villageId) counts[w.level]++;
        return { ...village, warnings: counts };
      }),
    };
  }

  async overview(termId: string): Promise<TermOverview> {
    const term = await this.term(termId);
    const today = this.warnings.today();
    const asOf = minDate(today, term.endsOn);
    const traced = await this.readSide.traced(termId);
    const names = new RecordNames(this.reads);
    const charts = overviewCharts(traced.summary, traced.contributions);
    const villageFinance = [];
    for (const bar of charts.villageFinance)
      villageFinance.push({ ...bar, name: (await names.village(bar.villageId)) ?? bar.villageId });
    return {
      term: { ...heading(term), current: term.startsOn <= today && today <= term.endsOn },
      asOf,
      summary: traced.summary,
      charts: { ...charts, villageFinance },
      warnings: await this.warnings.openByLevel(asOf),
      latest: await this.latest(traced.contributions, asOf, names),
    };
  }

  async figureRecords(termId: string, figure: string): Promise<FigureRecordsAnswer | undefined> {
    const term = await this.term(termId);
    const found = (await this.readSide.traced(termId)).records(figure);
    if (!found) return undefined;
    const names = new RecordNames(this.reads);
    const asOf = minDate(this.warnings.today(), term.endsOn);
    const records: RecordRow[] = [];
    for (const { category, doc } of found.records) {
      const row = await recordRow(category, doc, asOf, names);
      if (row) records.push(row);
    }
    return { termId, figure, value: found.value, records };
  }

  /** The latest events of the records the term counts, newest first, each with its record named. */
  private async latest(
    contributions: Awaited<ReturnType<ReadSide['traced']>>['contributions'],
    asOf: LocalDate,
    names: RecordNames,
  ): Promise<LatestRecord[]> {
    const events = new Map<string, { ref: EventRef; category: string; doc: unknown }>();
    for (const { refs, record } of contributions)
      if (record) for (const ref of refs) events.set(ref.eventId, { ref, ...record });
    const newest = [...events.values()]
      .sort((a, b) => compareLogPositions(b.ref.position, a.ref.position))
      .slice(0, LATEST);
    const latest: LatestRecord[] = [];
    for (const { ref, category, doc } of newest) {
      const record = await recordRow(category, doc, asOf, names);
      if (record)
        latest.push({
          position: ref.position,
          recordedAt: ref.recordedAt,
          occurredOn: ref.occurredOn,
          type: ref.type,
          action: wordFor('eventType', ref.type),
          record,
        });
    }
    return latest;
  }

  private async term(termId: string): Promise<TermDoc> {
    const term = await this.reads.get<TermDoc>(termKey(termId));
    if (!term) throw notFound({ zh: '届次', en: 'Term' }, termId, 'termId');
    return term;
  }
}
