import { isAnnualPeriod, LocalDate, parsePeriod } from '@sunshine/domain';

/** An indicator period by its first and last day (the domain's parser), and whether it is a `YYYY` year. */
export interface Period {
  text: string;
  first: LocalDate;
  last: LocalDate;
  annual: boolean;
}

export const periodOf = (text: string): Period | undefined => {
  const bounds = parsePeriod(text);
  return bounds && { text, first: bounds[0], last: bounds[1], annual: isAnnualPeriod(text) };
};

/** True when some day of the period lies between the two dates (inclusive). */
export const overlapsDates = (period: Period, from: LocalDate, to: LocalDate): boolean =>
  period.first <= to && period.last >= from;

export const liesWithin = (inner: Period, outer: Period): boolean =>
  inner.first >= outer.first && inner.last <= outer.last;

/** Latest end first; on the same end, the longer (earlier first day) first. */
export const byLatestEndThenLongest = (a: Period, b: Period): number =>
  a.last !== b.last ? (a.last > b.last ? -1 : 1) : a.first !== b.first ? (a.first < b.first ? -1 : 1) : 0;
