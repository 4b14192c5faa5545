import { IndicatorKind, IndicatorSection, LocalDate } from '@sunshine/domain';
import { indicatorIdentity } from '../records/indicators';
import { EventRef, IndicatorDoc, IndicatorReport, RECORD_CATEGORIES, refsOf } from '../records/record-docs';
import { exactDifference, roundedRatio } from './decimal';
import { byLatestEndThenLongest, liesWithin, overlapsDates, Period, periodOf } from './period';

/** One reported period inside a span, beside the same period a year earlier. */
/** Who an indicator is: its Chinese name, kind and section (null for a code nothing defines). */
export interface IndicatorIdentity {
  name: string | null;
  kind: IndicatorKind | null;
  section: IndicatorSection | null;
}

export interface SpanIndicatorValue extends IndicatorIdentity {
  indicator: string;
  unit: string | null;
  period: string;
  value: number;
  /** The same period a year earlier, when reported. */
  previous: { period: string; value: number } | null;
  /** value ÷ previous − 1, rounded half-up to 4 decimals; null without a previous value above zero. */
  growth: number | null;
  /** value − previous, exact (for a percent unit: the change in 百分点). */
  change: number | null;
  events: EventRef[];
}

/** A target whose period overlaps the span, with the value reported by the span's end. */
export interface SpanTarget extends IndicatorIdentity {
  indicator: string;
  unit: string | null;
  period: string;
  target: number;
  /** The latest-ending period inside the target's period that ends by the span's end (the longer on a tie). */
  reported: { period: string; value: number } | null;
  /** reported ÷ target, rounded half-up to 4 decimals. */
  completion: number | null;
  events: EventRef[];
}

export interface SpanIndicators {
  values: SpanIndicatorValue[];
  targets: SpanTarget[];
}

const YEAR = /^(\d{4})$/;
const MONTHS = /^(\d{4})-(\d{2})\/(\d{4})-(\d{2})$/;

/** The same period a year earlier: "2025" → "2024", "2025-01/2025-09" → "2024-01/2024-09". */
export const periodAYearEarlier = (period: string): string | undefined => {
  const year = YEAR.exec(period);
  if (year) return String(Number(year[1]) - 1).padStart(4, '0');
  const months = MONTHS.exec(period);
  if (!months) return undefined;
  const [, y1, m1, y2, m2] = months;
  const back = (y: string) => String(Number(y) - 1).padStart(4, '0');
  return `${back(y1)}-${m1}/${back(y2)}-${m2}`;
};

type Reported = IndicatorReport & { parsed: Period };

/**
 * Indicator values of the periods lying wholly inside a span, each beside the same period a year
 * earlier, and the targets overlapping the span with their completion by the span's end. The
 * term summary's rules, for any span: revisions replace values, the most recently recorded target
 * counts, the reported value is the latest-ending period inside the target's (the longer on a tie).
 */
export class SpanIndicatorsCollector {
  private readonly values: SpanIndicatorValue[] = [];
  private readonly targets: SpanTarget[] = [];

  constructor(
    private readonly from: LocalDate,
    private readonly to: LocalDate,
  ) {}

  add(category: string, doc: unknown): void {
    if (category !== RECORD_CATEGORIES.indicator) return;
    const indicator = doc as IndicatorDoc;
    if (indicator.voided) return;
    const reports = indicator.reports.flatMap((report): Reported[] => {
      const parsed = periodOf(report.period);
      return parsed ? [{ ...report, parsed }] : [];
    });
    const span: Period = { text: '', first: this.from, last: this.to, annual: false };
    const unit = indicator.unit ?? indicator.definition?.unit ?? null;
    const identity = indicatorIdentity(indicator);
    const inside = reports
      .filter((r) => liesWithin(r.parsed, span))
      .sort((a, b) => byLatestEndThenLongest(a.parsed, b.parsed));
    for (const report of inside) {
      const earlier = periodAYearEarlier(report.period);
      const previous = reports.find((r) => r.period === earlier);
      this.values.push({
        indicator: indicator.code,
        unit,
        ...identity,
        period: report.period,
        value: report.value,
        previous: previous ? { period: previous.period, value: previous.value } : null,
        growth:
          previous && previous.value > 0
            ? roundedRatio(exactDifference(report.value, previous.value), previous.value)
            : null,
        change: previous ? exactDifference(report.value, previous.value) : null,
        events: refsOf(indicator, [...report.eventIds, ...(previous?.eventIds ?? [])]),
      });
    }
    const target = indicator.targets
      .filter((t) => {
        const parsed = periodOf(t.period);
        return parsed !== undefined && overlapsDates(parsed, this.from, this.to);
      })
      .at(-1);
    if (!target) return;
    const targetPeriod = periodOf(target.period) as Period;
    const reported = reports
      .filter((r) => liesWithin(r.parsed, targetPeriod) && r.parsed.last <= this.to)
      .sort((a, b) => byLatestEndThenLongest(a.parsed, b.parsed))[0];
    this.targets.push({
      indicator: indicator.code,
      unit,
      ...identity,
      period: target.period,
      target: target.target,
      reported: reported ? { period: reported.period, value: reported.value } : null,
      completion: reported ? roundedRatio(reported.value, target.target) : null,
      events: refsOf(indicator, [target.eventId, ...(reported?.eventIds ?? [])]),
    });
  }

  finish(): SpanIndicators {
    const byCode = (a: { indicator: string }, b: { indicator: string }) =>
      a.indicator < b.indicator ? -1 : a.indicator > b.indicator ? 1 : 0;
    return { values: [...this.values].sort(byCode), targets: [...this.targets].sort(byCode) };
  }
}
