import { isLocalDate, LocalDate } from '@sunshine/domain';
import type { TracedSpan } from '@sunshine/projections';
import { formatBeijingTime, formatDate, formatSpan } from './chinese-format';
import { EVIDENCE_LISTED, ReportDocument, text } from './document';
import { FigureRegister } from './figure-register';
import { spanIndicators } from './sections/indicators';
import { Unlisted, Writer } from './sections/writer';
import { provenanceStamp } from './stamp';
import { APPENDIX_TITLE, ReportContext, signatureOf, unlistedOf, writeSections } from './term-report';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const lastDayOfMonth = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();

/**
 * The same date a year earlier: the last day of a month stays the last day of its month
 * (2025-02-28 → 2024-02-29), and 29 February becomes the 28th.
 */
export const aYearEarlier = (date: LocalDate): LocalDate => {
  const match = DATE.exec(date);
  if (!match || !isLocalDate(date)) throw new RangeError(`not a date YYYY-MM-DD: ${date}`);
  const [year, month, day] = [Number(match[1]) - 1, Number(match[2]), Number(match[3])];
  const last = lastDayOfMonth(year, month);
  const wasLast = day === lastDayOfMonth(year + 1, month);
  const shifted = wasLast ? last : Math.min(day, last);
  return `${String(year).padStart(4, '0')}-${match[2]}-${String(shifted).padStart(2, '0')}`;
};

/** The span a progress report compares with: the same span a year earlier. */
export const comparedSpan = (from: LocalDate, to: LocalDate) => ({ from: aYearEarlier(from), to: aYearEarlier(to) });

/** A whole calendar year is a year's work summary; any other span a progress report. */
const isCalendarYear = (from: string, to: string): boolean =>
  from.slice(5) === '01-01' && to.slice(5) === '12-31' && from.slice(0, 4) === to.slice(0, 4);

export interface SpanReading {
  current: TracedSpan;
  previous: TracedSpan;
  position: string | null;
  knownAt: string | null;
}

/**
 * A progress report (进展情况报告) for any span, or a year's work summary for a calendar year:
 * the same sections as the term's summary, each figure beside the same span a year earlier
 * (较去年同期), indicator values of periods inside the span beside the same period a year
 * earlier, and target completion.
 */
export const buildProgressReport = async (
  reading: SpanReading,
  span: { from: string; to: string },
  context: Omit<ReportContext, 'evidenceOf'>,
): Promise<ReportDocument> => {
  const { current, previous } = reading;
  const register = new FigureRegister();
  const unlisted = new Unlisted();
  const spanWords = formatSpan(span.from, span.to);
  const w = new Writer(register, current, previous, { span: spanWords, atEnd: '截至期末', atStart: '期初' }, unlisted);
  const sections = writeSections(w, spanIndicators(w, current.indicators));
  const yearly = isCalendarYear(span.from, span.to);
  const preamble = [
    text`现将${spanWords}工作${yearly ? '情况总结' : '进展情况报告'}如下（与去年同期比较的，均为${formatSpan(previous.summary.from, previous.summary.to)}同口径数据）。`,
  ];
  const figures = register.numberInReadingOrder([...preamble, ...sections.flatMap((s) => s.paragraphs)]);
  await register.attachEvidence(figures, async (path) => current.evidence(path)?.events ?? []);
  return {
    title: `${context.townshipName}${spanWords}工作${yearly ? '总结' : '进展情况报告'}`,
    subtitle: `（${formatDate(span.from)}—${formatDate(span.to)}）`,
    preamble,
    sections,
    signature: signatureOf(context),
    stamp: provenanceStamp(context.edition, {
      position: reading.position,
      knownAt: reading.knownAt,
      generatedAt: context.generatedAt,
      log: context.log,
    }),
    appendix: {
      title: APPENDIX_TITLE,
      note: `每一数字均由下列事件计算得出（与去年同期比较的数字按同一规则计算，不另列）；事件以“事件流@版本号”标识，每项最多列出${EVIDENCE_LISTED}条。`,
      figures,
      unlisted: unlistedOf(unlisted),
    },
    meta: {
      kind: 'progress',
      townshipName: context.townshipName,
      from: span.from,
      to: span.to,
      comparedWith: { from: previous.summary.from, to: previous.summary.to },
      knownAt: reading.knownAt,
      position: reading.position,
      generatedAt: context.generatedAt.toISOString(),
    },
  };
};
