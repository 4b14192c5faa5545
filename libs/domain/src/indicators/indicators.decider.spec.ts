import { NotFound, RuleViolation, ValidationFailed } from '../shared';
import { context, specFor } from '../shared/testing/given';
import { indicatorDecider } from './indicators.decider';
import { IndicatorCommand, IndicatorDefinition } from './indicators.commands';
import { IndicatorEvent } from './indicators.events';
import { isAnnualPeriod, isPeriod, parsePeriod } from './period';

const given = specFor(indicatorDecider);

const report = (period: string, value: number, unit = 'CNY', reason?: string, indicator = 'gdp'): IndicatorCommand => ({
  type: 'ReportIndicator',
  data: { indicator, period, value, unit, ...(reason ? { reason } : {}) },
});
const reported = (period: string, value: number, eventId: string, unit = 'CNY', indicator = 'gdp'): IndicatorEvent => ({
  type: 'IndicatorReported',
  data: { indicator, period, value, unit },
  eventId,
});
const target = (period: string, value: number, indicator = 'gdp'): IndicatorCommand => ({
  type: 'SetIndicatorTarget',
  data: { indicator, period, target: value },
});
const SHARE = 'primary-industry-share';
const CLINICS = 'village-clinic';
const clinics: IndicatorDefinition = { name: '村卫生室', unit: 'count', kind: 'count', section: 'livelihood' };
const define = (definition: Partial<IndicatorDefinition> = {}, reason?: string): IndicatorCommand => ({
  type: 'DefineIndicator',
  data: { indicator: CLINICS, ...clinics, ...definition, ...(reason ? { reason } : {}) },
});
const defined = (definition: Partial<IndicatorDefinition> = {}, eventId = 'e-def'): IndicatorEvent => ({
  type: 'IndicatorDefined',
  data: { indicator: CLINICS, ...clinics, ...definition },
  eventId,
});
const targeted = (period: string, value: number, eventId: string): IndicatorEvent => ({
  type: 'IndicatorTargetSet',
  data: { indicator: 'gdp', period, target: value },
  eventId,
});

describe('reporting an indicator', () => {
  it('records the value for its period', () =>
    given([])
      .when(report('2008', 29_000_000_000))
      .then([
        { type: 'IndicatorReported', data: { indicator: 'gdp', period: '2008', value: 29_000_000_000, unit: 'CNY' } },
      ]));

  it('reports a span of months', () =>
    given([])
      .when(report('2013-01/2013-09', 5_020_000_000))
      .then([{ data: { period: '2013-01/2013-09' } }]));

  it('never changes the unit', () =>
    given([reported('2008', 29_000_000_000, 'e-2008')])
      .when(report('2009', 12, 'percent'))
      .thenThrows(RuleViolation, 'RULE_INDICATOR_UNIT_CHANGED', 'data.unit'));

  it('counts a CNY unit in whole minor units', () => {
    given([]).when(report('2008', 2.5)).thenThrows(RuleViolation, 'RULE_INDICATOR_NOT_MINOR_UNITS');
    given([])
      .when(report('2008', 2.5, 'CNY-per-capita', undefined, 'farmer-net-income'))
      .thenThrows(RuleViolation, 'RULE_INDICATOR_NOT_MINOR_UNITS');
    given([])
      .when(report('2008', 12.5, 'percent', undefined, SHARE))
      .then([{ type: 'IndicatorReported' }]);
  });

  it('revises a period already reported only with a reason', () =>
    given([reported('2008', 29_000_000_000, 'e-2008')])
      .when(report('2008', 29_500_000_000))
      .thenThrows(RuleViolation, 'RULE_REVISION_NEEDS_REASON', 'data.reason'));

  it("records a revision as a correction of that period's previous report", () =>
    given([
      reported('2008', 29_000_000_000, 'e-2008'),
      reported('2009', 31_000_000_000, 'e-2009'),
      reported('2008', 29_100_000_000, 'e-2008b'),
    ])
      .when(report('2008', 29_500_000_000, 'CNY', '统计局年报修订'))
      .then([{ type: 'IndicatorReported', data: { reason: '统计局年报修订' }, corrects: 'e-2008b' }]));

  it('cannot report a period that has not begun', () =>
    given([], context({ today: '2012-12-31' }))
      .when(report('2013', 1))
      .thenThrows(RuleViolation, 'RULE_PERIOD_IN_FUTURE'));

  it('may report a period under way', () =>
    given([], context({ today: '2013-10-15' }))
      .when(report('2013-01/2013-12', 1))
      .then([{ type: 'IndicatorReported' }]));

  it('refuses a malformed period before anything else', () =>
    given([]).when(report('2013-09/2013-01', 1)).thenThrows(ValidationFailed));
});

describe('setting an indicator target', () => {
  it('records the target in the unit reported, for any period', () =>
    given([reported('2008', 29_000_000_000, 'e-2008')])
      .when(target('2013', 65_000_000_000))
      .then([{ type: 'IndicatorTargetSet', data: { period: '2013', target: 65_000_000_000 } }]));

  it('needs the indicator defined or reported first, so its unit is known', () =>
    given([])
      .when(target('2013', 1, CLINICS))
      .thenThrows(NotFound, 'NOT_FOUND', 'data.indicator'));

  it('takes a target of a built-in indicator before any report', () =>
    given([])
      .when(target('2013', 65_000_000_000))
      .then([{ type: 'IndicatorTargetSet' }]));

  it('takes a whole number of minor units for a CNY indicator', () =>
    given([reported('2008', 1, 'e-2008')])
      .when(target('2013', 100.5))
      .thenThrows(RuleViolation, 'RULE_INDICATOR_NOT_MINOR_UNITS', 'data.target'));

  it('takes a fractional target for a percent indicator', () =>
    given([reported('2008', 8.5, 'e-2008', 'percent', SHARE)])
      .when(target('2013', 9.5, SHARE))
      .then([{ type: 'IndicatorTargetSet' }]));

  it('needs a target above zero', () =>
    given([reported('2008', 1, 'e-2008')])
      .when(target('2013', 0))
      .thenThrows(RuleViolation, 'RULE_TARGET_NOT_POSITIVE'));

  it('replaces a target of the same period as a correction', () =>
    given([reported('2008', 1, 'e-2008'), targeted('2013', 100, 'e-t2013')])
      .when(target('2013', 200))
      .then([{ type: 'IndicatorTargetSet', corrects: 'e-t2013' }]));
});

describe('the indicator catalogue', () => {
  it('refuses a report of a code nobody defined, naming DefineIndicator', () =>
    given([])
      .when(report('2013', 4, 'count', undefined, CLINICS))
      .thenThrows(RuleViolation, 'RULE_INDICATOR_UNDEFINED', 'data.indicator'));

  it('reports a defined indicator in its unit and kind', () => {
    given([defined()])
      .when(report('2013', 4, 'count', undefined, CLINICS))
      .then([{ type: 'IndicatorReported', data: { value: 4 } }]);
    given([defined()])
      .when(report('2013', 4.5, 'count', undefined, CLINICS))
      .thenThrows(RuleViolation, 'RULE_INDICATOR_VALUE_KIND', 'data.value');
    given([defined()])
      .when(report('2013', 4, '个', undefined, CLINICS))
      .thenThrows(RuleViolation, 'RULE_INDICATOR_UNIT_CHANGED', 'data.unit');
  });

  it('keeps a share between 0 and 100', () =>
    given([])
      .when(report('2013', 101, 'percent', undefined, SHARE))
      .thenThrows(RuleViolation, 'RULE_INDICATOR_VALUE_KIND', 'data.value'));

  it('records a first definition', () =>
    given([])
      .when(define())
      .then([{ type: 'IndicatorDefined', data: { name: '村卫生室', kind: 'count' } }]));

  it('appends nothing when the same definition is sent again, built-in ones included', () => {
    given([defined()]).when(define()).then([]);
    given([])
      .when({
        type: 'DefineIndicator',
        data: { indicator: 'gdp', name: '地区生产总值', unit: 'CNY', kind: 'amount', section: 'economy' },
      })
      .then([]);
  });

  it('rewords a definition only with a reason, as a correction of the last one', () => {
    given([defined()])
      .when(define({ name: '村卫生室数量' }))
      .thenThrows(RuleViolation, 'RULE_REDEFINITION_NEEDS_REASON', 'data.reason');
    given([defined()])
      .when(define({ name: '村卫生室数量' }, '统计口径调整'))
      .then([{ type: 'IndicatorDefined', data: { name: '村卫生室数量' }, corrects: 'e-def' }]);
    given([])
      .when({
        type: 'DefineIndicator',
        data: { indicator: 'gdp', name: '国民生产总值', unit: 'CNY', kind: 'amount', section: 'economy' },
      })
      .thenThrows(RuleViolation, 'RULE_REDEFINITION_NEEDS_REASON');
  });

  it('never changes the unit or the kind once values exist', () => {
    const values = [defined(), reported('2013', 4, 'e-r', 'count', CLINICS)];
    given(values)
      .when(define({ unit: '所' }, '改单位'))
      .thenThrows(RuleViolation, 'RULE_INDICATOR_UNIT_CHANGED');
    given(values)
      .when(define({ kind: 'quantity' }, '改类型'))
      .thenThrows(RuleViolation, 'RULE_INDICATOR_KIND_CHANGED');
    given([defined()])
      .when(define({ unit: '所' }, '改单位'))
      .then([{ type: 'IndicatorDefined' }]);
  });

  it('refuses a kind that does not fit its unit', () => {
    given([])
      .when(define({ kind: 'amount' }))
      .thenThrows(RuleViolation, 'RULE_INDICATOR_KIND_UNIT', 'data.unit');
    given([])
      .when(define({ kind: 'share' }))
      .thenThrows(RuleViolation, 'RULE_INDICATOR_KIND_UNIT');
  });

  it('lets a log from before the catalogue go on reporting an undefined code in its unit', () =>
    given([reported('2012', 3, 'e-old', 'count', CLINICS)])
      .when(report('2013', 4, 'count', undefined, CLINICS))
      .then([{ type: 'IndicatorReported' }]));
});

describe('indicator periods', () => {
  it('span a whole year', () => expect(parsePeriod('2012')).toEqual(['2012-01-01', '2012-12-31']));
  it('span months, to the last day of the last month', () => {
    expect(parsePeriod('2013-01/2013-09')).toEqual(['2013-01-01', '2013-09-30']);
    expect(parsePeriod('2011-12/2012-02')).toEqual(['2011-12-01', '2012-02-29']);
    expect(parsePeriod('2013-02/2013-02')).toEqual(['2013-02-01', '2013-02-28']);
  });
  it('refuse impossible months, reversed spans and other shapes', () => {
    for (const bad of [
      '2013-00/2013-05',
      '2013-01/2013-13',
      '2013-09/2013-01',
      '13',
      '2013-01',
      '2013/2014',
      '0000',
      ' 2013',
      2013,
    ])
      expect(isPeriod(bad)).toBe(false);
  });
  it('tell a year from a span of months', () => {
    expect(isAnnualPeriod('2013')).toBe(true);
    expect(isAnnualPeriod('2013-01/2013-12')).toBe(false);
  });
});
