import { NotFound, RuleViolation, ValidationFailed } from '../shared';
import { context, specFor } from '../shared/testing/given';
import { indicatorDecider } from './indicators.decider';
import { IndicatorCommand } from './indicators.commands';
import { IndicatorEvent } from './indicators.events';
import { isAnnualPeriod, isPeriod, parsePeriod } from './period';

const given = specFor(indicatorDecider);

const report = (period: string, value: number, unit = 'CNY', reason?: string): IndicatorCommand => ({
  type: 'ReportIndicator',
  data: { indicator: 'gdp', period, value, unit, ...(reason ? { reason } : {}) },
});
const reported = (period: string, value: number, eventId: string, unit = 'CNY'): IndicatorEvent => ({
  type: 'IndicatorReported',
  data: { indicator: 'gdp', period, value, unit },
  eventId,
});
const target = (period: string, value: number): IndicatorCommand => ({
  type: 'SetIndicatorTarget',
  data: { indicator: 'gdp', period, target: value },
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
      .when(report('2008', 2.5, 'CNY-per-capita'))
      .thenThrows(RuleViolation, 'RULE_INDICATOR_NOT_MINOR_UNITS');
    given([])
      .when(report('2008', 12.5, 'percent'))
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

  it('needs the indicator reported first, so its unit is known', () =>
    given([]).when(target('2013', 1)).thenThrows(NotFound, 'NOT_FOUND', 'data.indicator'));

  it('takes a whole number of minor units for a CNY indicator', () =>
    given([reported('2008', 1, 'e-2008')])
      .when(target('2013', 100.5))
      .thenThrows(RuleViolation, 'RULE_INDICATOR_NOT_MINOR_UNITS', 'data.target'));

  it('takes a fractional target for a percent indicator', () =>
    given([reported('2008', 8.5, 'e-2008', 'percent')])
      .when(target('2013', 9.5))
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
