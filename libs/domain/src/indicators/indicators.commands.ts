export const INDICATOR_CODE = /^[a-z0-9-]{1,80}$/;

export const SUGGESTED_INDICATORS = [
  'gdp',
  'fixed-asset-investment',
  'industrial-output',
  'fiscal-revenue',
  'farmer-net-income',
  'agricultural-output',
] as const;
export const SUGGESTED_UNITS = ['CNY', 'CNY-per-capita', 'percent', 'count'] as const;

/** A unit starting with `CNY` counts integer minor units (分). */
export const isMonetaryUnit = (unit: string): boolean => unit.startsWith('CNY');

/** What an indicator's values are: money in minor units, a count, a quantity, or a percentage. */
export type IndicatorKind = 'amount' | 'count' | 'quantity' | 'share' | 'rate';
export const INDICATOR_KINDS: readonly IndicatorKind[] = ['amount', 'count', 'quantity', 'share', 'rate'];

/** Where an indicator is reported in a work summary. */
export type IndicatorSection =
  | 'economy'
  | 'agriculture'
  | 'industry'
  | 'investment'
  | 'infrastructure'
  | 'livelihood'
  | 'safety-stability'
  | 'party-building'
  | 'other';
export const INDICATOR_SECTIONS: readonly IndicatorSection[] = [
  'economy',
  'agriculture',
  'industry',
  'investment',
  'infrastructure',
  'livelihood',
  'safety-stability',
  'party-building',
  'other',
];

export interface IndicatorDefinition {
  /** The Chinese name a report prints, e.g. 地区生产总值. */
  name: string;
  unit: string;
  kind: IndicatorKind;
  section: IndicatorSection;
  description?: string;
}

export interface DefineIndicator {
  type: 'DefineIndicator';
  /** Defining again with other words needs a reason; unit and kind never change once values exist. */
  data: { indicator: string } & IndicatorDefinition & { reason?: string };
}

/**
 * The common indicators every installation knows from its first start, with the units logs have
 * always used for them (a share's value is 19 for 19 %). DefineIndicator may reword them.
 */
export const BUILT_IN_INDICATORS: Readonly<Record<string, IndicatorDefinition>> = {
  gdp: { name: '地区生产总值', unit: 'CNY', kind: 'amount', section: 'economy' },
  'fixed-asset-investment': { name: '固定资产投资', unit: 'CNY', kind: 'amount', section: 'investment' },
  'industrial-output': { name: '工业总产值', unit: 'CNY', kind: 'amount', section: 'industry' },
  'agricultural-output': { name: '农业总产值', unit: 'CNY', kind: 'amount', section: 'agriculture' },
  'fiscal-revenue': { name: '财政收入', unit: 'CNY', kind: 'amount', section: 'economy' },
  'farmer-net-income': { name: '农民人均纯收入', unit: 'CNY-per-capita', kind: 'amount', section: 'livelihood' },
  'primary-industry-share': { name: '第一产业比重', unit: 'percent', kind: 'share', section: 'economy' },
  'secondary-industry-share': { name: '第二产业比重', unit: 'percent', kind: 'share', section: 'economy' },
  'tertiary-industry-share': { name: '第三产业比重', unit: 'percent', kind: 'share', section: 'economy' },
};

export interface ReportIndicator {
  type: 'ReportIndicator';
  /** Reporting a period again is a revision and needs a reason. */
  data: { indicator: string; period: string; value: number; unit: string; reason?: string };
}

export interface SetIndicatorTarget {
  type: 'SetIndicatorTarget';
  /** The target is in the unit the indicator is reported in. */
  data: { indicator: string; period: string; target: number };
}

export type IndicatorCommand = DefineIndicator | ReportIndicator | SetIndicatorTarget;
