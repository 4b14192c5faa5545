import { indicatorIdentity } from '../records/indicators';
import { IndicatorDoc, IndicatorReport, refsOf } from '../records/record-docs';
import { roundedRatio } from './decimal';
import { Tally, TermWindow } from './figures';
import { byLatestEndThenLongest, liesWithin, overlapsDates, Period, periodOf } from './period';
import { IndicatorFigures } from './term-summary.types';

type Reported = IndicatorReport & { parsed: Period };

/**
 * Per indicator with something to say about the term: the first and last annual (`YYYY`) value of
 * a year overlapping it, and their ratio; the most recently recorded target whose period overlaps
 * it, against the reported value of the latest-ending period wholly inside the target's period
 * (the longer one on a tie). Revisions replace values. Periods, not recording dates, place a
 * report: a year's figure is often published after the year.
 */
export const countIndicator = (indicator: IndicatorDoc, window: TermWindow, tally: Tally): void => {
  if (indicator.voided) return;
  const reports = indicator.reports.flatMap((report): Reported[] => {
    const parsed = periodOf(report.period);
    return parsed ? [{ ...report, parsed }] : [];
  });
  const annual = reports
    .filter((r) => r.parsed.annual && overlapsDates(r.parsed, window.from, window.to))
    .sort((a, b) => (a.parsed.first < b.parsed.first ? -1 : 1));
  const target = indicator.targets
    .filter((t) => {
      const parsed = periodOf(t.period);
      return parsed !== undefined && overlapsDates(parsed, window.from, window.to);
    })
    .at(-1);
  if (annual.length === 0 && !target) return;

  const path = ['indicators', indicator.code];
  const [first, last] = [annual.at(0), annual.at(-1)];
  const evidence = (report: IndicatorReport | undefined) => (report ? refsOf(indicator, report.eventIds) : []);
  const figure: IndicatorFigures = {
    unit: indicator.unit ?? indicator.definition?.unit ?? null,
    ...indicatorIdentity(indicator),
    first: first ? { period: first.period, value: first.value } : null,
    last: last ? { period: last.period, value: last.value } : null,
    ratio: first && last ? roundedRatio(last.value, first.value) : null,
    target: null,
  };
  tally.trace([...path, 'unit'], refsOf(indicator, [indicator.reports.at(0)?.eventIds[0]]));
  // A definition in the log is the evidence of the name, kind and section (the built-in catalogue has none).
  for (const field of ['name', 'kind', 'section'])
    tally.trace([...path, field], refsOf(indicator, [indicator.definition?.eventId]));
  tally.trace([...path, 'first'], evidence(first));
  tally.trace([...path, 'last'], evidence(last));
  tally.trace([...path, 'ratio'], [...evidence(first), ...evidence(last)]);

  if (target) {
    const targetPeriod = periodOf(target.period) as Period;
    const reported = reports
      .filter((r) => liesWithin(r.parsed, targetPeriod))
      .sort((a, b) => byLatestEndThenLongest(a.parsed, b.parsed))[0];
    const targetEvent = refsOf(indicator, [target.eventId]);
    figure.target = {
      period: target.period,
      value: target.target,
      reported: reported ? { period: reported.period, value: reported.value } : null,
      completion: reported ? roundedRatio(reported.value, target.target) : null,
    };
    tally.trace([...path, 'target', 'period'], targetEvent);
    tally.trace([...path, 'target', 'value'], targetEvent);
    tally.trace([...path, 'target', 'reported'], evidence(reported));
    tally.trace([...path, 'target', 'completion'], [...targetEvent, ...evidence(reported)]);
  }
  tally.state(path, figure);
};
