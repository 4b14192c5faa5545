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

export type IndicatorCommand = ReportIndicator | SetIndicatorTarget;
