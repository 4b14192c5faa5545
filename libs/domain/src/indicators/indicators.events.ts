import { DomainEvent } from '../shared';
import { DefineIndicator, ReportIndicator, SetIndicatorTarget } from './indicators.commands';

/** A redefinition `corrects` the previous definition. */
export type IndicatorDefined = DomainEvent<'IndicatorDefined', DefineIndicator['data']>;
/** A revision (the period reported again) `corrects` the previous report of that period. */
export type IndicatorReported = DomainEvent<'IndicatorReported', ReportIndicator['data']>;
/** A target set again for a period `corrects` the previous target of that period. */
export type IndicatorTargetSet = DomainEvent<'IndicatorTargetSet', SetIndicatorTarget['data']>;

export type IndicatorEvent = IndicatorDefined | IndicatorReported | IndicatorTargetSet;

export const indicatorStream = (indicator: string): string => `indicator-${indicator}`;
