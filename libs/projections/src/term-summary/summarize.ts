import { EventRef, RECORD_CATEGORIES, ReportProseDoc, TermDoc } from '../records/record-docs';
import { Contribution, CountedRecord, EvidenceTracer, resolveFigurePath } from './evidence';
import { FigureTree } from './figure-tree';
import { NO_TRACE, Tally, TermWindow, Tracer } from './figures';
import { compareLogPositions, RecordSource } from '../records/record-source';
import { COUNTED_CATEGORIES, countRecord, SummaryFigures, summaryFigures } from './term-figures';
import { TermSummary } from './term-summary.types';
import { DetailsCollector, ReportDetails } from './details';
import { SpanIndicators, SpanIndicatorsCollector } from './span-indicators';

/** Sees every document the summary scans (for what a report states beyond the summary). */
interface RecordVisitor {
  add(category: string, doc: unknown): void;
}

/** A term as the records projection keeps it (`term/<termId>`); `refs` make its own fields traceable. */
export type SummaryTerm = Pick<TermDoc, 'termId' | 'name' | 'startsOn' | 'endsOn'> & { refs?: EventRef[] };

export interface SummaryOptions {
  /** Echoed: the caller replays the log up to it into the source. */
  knownAt?: string | null;
  /** The log position the source reflects. */
  position?: string | null;
  /** Orders positions for evidence; decimal positions by value otherwise. */
  comparePositions?: (a: string, b: string) => number;
}

export interface FigureEvidence {
  figure: string;
  value: unknown;
  /** The events that produced the figure, each once, in log order. */
  events: EventRef[];
}

/** The summary of a term from its figures, with the fields that say what it reflects. */
export const termSummaryOf = (term: SummaryTerm, figures: SummaryFigures, options: SummaryOptions): TermSummary => ({
  termId: term.termId,
  name: term.name,
  from: term.startsOn,
  to: term.endsOn,
  knownAt: options.knownAt ?? null,
  position: options.position ?? null,
  ...figures,
});

const compute = async (
  term: SummaryTerm,
  source: RecordSource,
  options: SummaryOptions,
  tracer: Tracer,
  visitors: readonly RecordVisitor[] = [],
): Promise<TermSummary> => {
  const window = new TermWindow(term.startsOn, term.endsOn);
  const figures = new FigureTree();
  const tally = new Tally(figures, tracer);
  for (const field of ['termId', 'name', 'from', 'to']) tally.trace([field], term.refs ?? []);
  for (const category of COUNTED_CATEGORIES)
    for await (const doc of source.scan(category)) {
      tracer.visit?.(category, doc);
      countRecord(category, doc, window, tally);
      for (const visitor of visitors) visitor.add(category, doc);
    }
  return termSummaryOf(term, summaryFigures(figures), options);
};

/** The term summary of docs/domain.md#the-term-summary, computed from the records projection's documents. */
export const summarizeTerm = (
  term: SummaryTerm,
  source: RecordSource,
  options: SummaryOptions = {},
): Promise<TermSummary> => compute(term, source, options, NO_TRACE);

/**
 * The events behind one figure of the term summary, named by its dotted path
 * (`investment.bands.atLeast100mCny`, `villageFinance.receipts.CNY`, `indicators.gdp.ratio`); a
 * section or a map answers for everything under it. Undefined when the summary has no such figure.
 * The figure and its evidence come from one computation, so they always agree.
 */
export const evidenceFor = async (
  term: SummaryTerm,
  figurePath: string,
  source: RecordSource,
  options: SummaryOptions = {},
): Promise<FigureEvidence | undefined> => (await traceTerm(term, source, options)).evidence(figurePath);

/** The records a figure counts: each record document once, with its category. */
export interface FigureRecords {
  figure: string;
  value: unknown;
  records: CountedRecord[];
}

/** A term summary with the evidence of every figure, from one computation (for a whole report). */
export interface TracedSummary {
  summary: TermSummary;
  evidence(figurePath: string): FigureEvidence | undefined;
  /** The records behind a figure: the same contributions as its evidence, by record. */
  records(figurePath: string): FigureRecords | undefined;
  /** Every contribution to the summary, with its record and what it added (for charts that split a figure). */
  contributions: readonly Contribution[];
  /** What a written report states beyond the summary's figures, from the same scan. */
  details: ReportDetails;
}

export const traceTerm = async (
  term: SummaryTerm,
  source: RecordSource,
  options: SummaryOptions = {},
  visitors: readonly RecordVisitor[] = [],
): Promise<TracedSummary> => {
  const tracer = new EvidenceTracer();
  const details = new DetailsCollector(new TermWindow(term.startsOn, term.endsOn));
  const summary = await compute(term, source, options, tracer, [details, ...visitors]);
  const proseStream = `report-${term.termId}`;
  for await (const doc of source.scan<ReportProseDoc>(RECORD_CATEGORIES.report, { prefix: proseStream }))
    if (doc.stream === proseStream) details.prose(doc);
  const compare = options.comparePositions ?? compareLogPositions;
  const figure = (figurePath: string) => {
    const path = resolveFigurePath(summary, figurePath);
    if (!path) return undefined;
    return { path, value: path.reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], summary) };
  };
  return {
    summary,
    details: details.finish(),
    evidence: (figurePath) => {
      const found = figure(figurePath);
      return found && { figure: figurePath, value: found.value, events: tracer.evidence(found.path, compare) };
    },
    records: (figurePath) => {
      const found = figure(figurePath);
      return found && { figure: figurePath, value: found.value, records: tracer.records(found.path, compare) };
    },
    contributions: tracer.contributions,
  };
};

/** Any span of business dates summarized by the term summary's rules, with its indicator periods. */
export interface TracedSpan extends TracedSummary {
  indicators: SpanIndicators;
}

/**
 * The summary's figures for any span (a year, 1–9月) by the same per-record rules as a term's:
 * records dated in the span, what happened to them counted as of its last day. Indicators are
 * stated per period inside the span (beside the same period a year earlier) rather than first and
 * last year; `summary.indicators` is the term rule's and is not what a span report reads.
 */
export const traceSpan = async (
  from: string,
  to: string,
  source: RecordSource,
  options: SummaryOptions = {},
): Promise<TracedSpan> => {
  const indicators = new SpanIndicatorsCollector(from, to);
  const traced = await traceTerm({ termId: `${from}/${to}`, name: '', startsOn: from, endsOn: to }, source, options, [
    indicators,
  ]);
  return { ...traced, indicators: indicators.finish() };
};
