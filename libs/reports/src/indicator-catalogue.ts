import { hasWordFor, wordFor } from '@sunshine/domain';

/** How a report states an indicator's change: money and counts grow by a rate, shares and rates move in 百分点. */
export type IndicatorKind = 'amount' | 'per-capita' | 'count' | 'percent' | 'quantity';

/**
 * The part of the work summary each built-in indicator belongs to, in the order the report
 * states them. Until indicators are defined with their own section (a catalogue in the log), these
 * are the built-in ones; any other code with a Chinese word falls under `economy`.
 */
const BUILT_IN_SECTIONS: [string, string][] = [
  ['gdp', 'economy'],
  ['fiscal-revenue', 'economy'],
  ['primary-industry-share', 'economy'],
  ['secondary-industry-share', 'economy'],
  ['tertiary-industry-share', 'economy'],
  ['industrial-output', 'industry'],
  ['agricultural-output', 'agriculture'],
  ['fixed-asset-investment', 'investment'],
  ['farmer-net-income', 'livelihood'],
];

const ORDER = BUILT_IN_SECTIONS.map(([code]) => code);
const SECTION = new Map(BUILT_IN_SECTIONS);

/** Sections of the economy part, in the order its paragraphs stand. */
export const ECONOMY_SECTIONS = ['economy', 'industry', 'agriculture', 'investment', 'infrastructure', 'other'];

/** The report section of an indicator: `livelihood` figures go to 民生, the rest to 经济发展. */
export const indicatorSection = (code: string): string => SECTION.get(code) ?? 'economy';

/** The Chinese name, or undefined for a code without one: such an indicator stays out of the prose. */
export const indicatorName = (code: string): string | undefined =>
  hasWordFor('indicator', code) ? wordFor('indicator', code) : undefined;

/** Indicator codes in the report's order: the built-in ones first, then the rest by code. */
export const byIndicatorOrder = (a: string, b: string): number =>
  (ORDER.indexOf(a) + 1 || 999) - (ORDER.indexOf(b) + 1 || 999) || (a < b ? -1 : a > b ? 1 : 0);

export const indicatorKind = (unit: string | null): IndicatorKind => {
  if (unit === 'CNY') return 'amount';
  if (unit === 'CNY-per-capita') return 'per-capita';
  if (unit === 'percent') return 'percent';
  if (unit === 'count') return 'count';
  return 'quantity';
};
