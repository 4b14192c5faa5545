import { hasWordFor, IndicatorKind, IndicatorSection, isMonetaryUnit, wordFor } from '@sunshine/domain';
import { formatGrowth, formatMoney, formatMoneyInUnits, formatPointsChange, formatQuantity } from './chinese-format';

/** What a report knows of an indicator: the summary's `unit`, `name`, `kind` and `section`. */
export interface IndicatorIdentity {
  unit: string | null;
  name: string | null;
  kind: IndicatorKind | null;
  section: IndicatorSection | null;
}

/** The report sections indicators are stated in (see `reportSectionOf`). */
export type IndicatorPlace = 'economy' | 'projects' | 'livelihood' | 'safety-stability' | 'party-building';

/**
 * Where an indicator of each catalogue section is stated in a work summary: the economy's parts
 * (the whole economy, industry — parks and their enterprises among it —, agriculture, fixed-asset
 * investment, the rest) under 经济发展, in this order; infrastructure under 项目建设; the others
 * in the section of their name.
 */
const PLACES: Record<IndicatorSection, IndicatorPlace> = {
  economy: 'economy',
  industry: 'economy',
  agriculture: 'economy',
  investment: 'economy',
  other: 'economy',
  infrastructure: 'projects',
  livelihood: 'livelihood',
  'safety-stability': 'safety-stability',
  'party-building': 'party-building',
};

/** Catalogue sections in the order their paragraphs stand within a report section. */
const SECTION_ORDER: readonly IndicatorSection[] = [
  'economy',
  'industry',
  'agriculture',
  'investment',
  'other',
  'infrastructure',
  'livelihood',
  'safety-stability',
  'party-building',
];

export const placeOf = (section: IndicatorSection): IndicatorPlace => PLACES[section];

export const sectionRank = (section: IndicatorSection): number => SECTION_ORDER.indexOf(section);

/** Shares and rates are percentages: they change in 百分点, never by a growth rate. */
export const isPercentage = (kind: IndicatorKind): boolean => kind === 'share' || kind === 'rate';

/** A code a clerk typed as a unit (`t`, `m2`) looks like this; a unit in Chinese words (吨, 平方米) does not. */
const CODE_LIKE = /^[\x21-\x7e]+$/;

/**
 * An indicator's value as a document writes it: money in 亿元/万元 (a per-head or per-unit amount in
 * 元), a percentage as "98.6%", a count or quantity with its unit ("1200人次", "3.5万平方米" is left
 * to the clerk's unit: "35000平方米"). Undefined for a unit the report has no word for.
 */
export const valueText = (value: number, unit: string | null, kind: IndicatorKind): string | undefined => {
  if (kind === 'amount') {
    if (unit === 'CNY') return formatMoney(value, 'CNY');
    return unit !== null && isMonetaryUnit(unit) ? formatMoneyInUnits(value, 'CNY') : undefined;
  }
  if (isPercentage(kind)) return unit === 'percent' ? `${formatQuantity(value)}%` : undefined;
  if (unit === null) return formatQuantity(value);
  if (hasWordFor('indicatorUnit', unit)) return `${formatQuantity(value)}${wordFor('indicatorUnit', unit)}`;
  return CODE_LIKE.test(unit) ? undefined : `${formatQuantity(value)}${unit}`;
};

/** The change between two values: 百分点 for shares and rates, a growth rate (or 倍) for the rest. */
export const changeText = (first: number, last: number, kind: IndicatorKind): string | undefined =>
  isPercentage(kind) ? formatPointsChange(first, last) : formatGrowth(first, last);

/** The verb before the later value: a percentage 提高到/下降到, an amount or count 增加到/减少到. */
export const changeVerb = (first: number, last: number, kind: IndicatorKind): string => {
  if (last === first) return '保持在';
  if (isPercentage(kind)) return last > first ? '提高到' : '下降到';
  return last > first ? '增加到' : '减少到';
};

/** The built-in indicators first, in the catalogue's order, then the rest by code. */
const BUILT_IN_ORDER = [
  'gdp',
  'fiscal-revenue',
  'primary-industry-share',
  'secondary-industry-share',
  'tertiary-industry-share',
  'industrial-output',
  'agricultural-output',
  'fixed-asset-investment',
  'farmer-net-income',
];

export const byIndicatorOrder = (a: string, b: string): number =>
  (BUILT_IN_ORDER.indexOf(a) + 1 || 999) - (BUILT_IN_ORDER.indexOf(b) + 1 || 999) || (a < b ? -1 : a > b ? 1 : 0);
