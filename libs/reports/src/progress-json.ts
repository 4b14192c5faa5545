import { exactDifference, roundedRatio, SpanIndicatorValue, SpanTarget } from '@sunshine/projections';
import type { SpanReading } from './progress-report';

/** One figure of a span beside the same span a year earlier. */
export interface ComparedFigure {
  /** The figure's dotted path, as in the term summary (`investment.signed.domestic.CNY`). */
  figure: string;
  value: number | null;
  previous: number | null;
  /** value − previous, exact. */
  change: number | null;
  /** value ÷ previous − 1, rounded half-up to 4 decimals; null when last year's figure is not above zero. */
  growth: number | null;
  /** For a rate (the mediation success rate): the change in 百分点. */
  points?: number | null;
}

export interface ProgressFigures {
  township: string;
  from: string;
  to: string;
  comparedWith: { from: string; to: string };
  knownAt: string | null;
  position: string | null;
  figures: ComparedFigure[];
  indicators: Omit<SpanIndicatorValue, 'events'>[];
  targets: Omit<SpanTarget, 'events'>[];
}

/** The sections of a summary that a span compares (indicators are compared per period). */
const SECTIONS = ['investment', 'projects', 'disputes', 'audits', 'villageFinance', 'honours'] as const;
/** Figures that are rates: compared in 百分点, never as a growth of the rate. */
const RATES = new Set(['disputes.mediationSuccessRate']);

/** Every numeric leaf under a node, by dotted path (a null rate included). */
const leaves = (node: unknown, path: string, into: Map<string, number | null>): void => {
  if (typeof node === 'number' || node === null) into.set(path, node);
  else if (typeof node === 'object')
    for (const [key, child] of Object.entries(node as Record<string, unknown>)) leaves(child, `${path}.${key}`, into);
};

/** (b − a) × 100 for two ratios, exact: 0.9 → 0.95 is 5 百分点. */
const pointsBetween = (a: number, b: number): number => Number((exactDifference(b, a) * 100).toFixed(10));

const compared = (figure: string, value: number | null, previous: number | null): ComparedFigure => {
  const both = value !== null && previous !== null;
  if (RATES.has(figure))
    return {
      figure,
      value,
      previous,
      change: both ? exactDifference(value, previous) : null,
      growth: null,
      points: both ? pointsBetween(previous, value) : null,
    };
  const [v, p] = [value ?? 0, previous ?? 0];
  const change = exactDifference(v, p);
  return { figure, value: v, previous: p, change, growth: p > 0 ? roundedRatio(change, p) : null };
};

/**
 * The JSON of a progress report: each figure of the span with the same span a year earlier, its
 * change and its growth; indicator values of periods inside the span beside the same period a
 * year earlier; targets and their completion. A figure absent in one span (a currency, a sector)
 * counts as zero there.
 */
export const progressFigures = (reading: SpanReading, township: string): ProgressFigures => {
  const { current, previous } = reading;
  const now = new Map<string, number | null>();
  const before = new Map<string, number | null>();
  for (const section of SECTIONS) {
    leaves(current.summary[section], section, now);
    leaves(previous.summary[section], section, before);
  }
  const paths = [...new Set([...now.keys(), ...before.keys()])];
  const strip = <T extends { events: unknown }>({ events: _events, ...rest }: T) => rest;
  return {
    township,
    from: current.summary.from,
    to: current.summary.to,
    comparedWith: { from: previous.summary.from, to: previous.summary.to },
    knownAt: reading.knownAt,
    position: reading.position,
    figures: paths.map((path) => compared(path, now.get(path) ?? null, before.get(path) ?? null)),
    indicators: current.indicators.values.map(strip),
    targets: current.indicators.targets.map(strip),
  };
};
