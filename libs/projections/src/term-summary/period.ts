/**
 * Indicator periods: `YYYY` (a year, the only "annual" form) or `YYYY-MM/YYYY-MM` (whole months,
 * both ends inclusive). Months compare as `YYYY-MM` strings.
 */
export interface Period {
  text: string;
  start: string;
  end: string;
  annual: boolean;
}

const YEAR = /^(\d{4})$/;
const RANGE = /^(\d{4}-(0[1-9]|1[0-2]))\/(\d{4}-(0[1-9]|1[0-2]))$/;

export const parsePeriod = (text: string): Period | undefined => {
  const year = YEAR.exec(text);
  if (year) return { text, start: `${year[1]}-01`, end: `${year[1]}-12`, annual: true };
  const range = RANGE.exec(text);
  if (range && range[1] <= range[3]) return { text, start: range[1], end: range[3], annual: false };
  return undefined;
};

/** True when some day of the period lies between the two dates (inclusive). */
export const overlapsDates = (period: Period, from: string, to: string): boolean => period.start <= to.slice(0, 7) && period.end >= from.slice(0, 7);

export const liesWithin = (inner: Period, outer: Period): boolean => inner.start >= outer.start && inner.end <= outer.end;

/** Latest end first; on the same end, the longer (earlier start) first. */
export const byLatestEndThenLongest = (a: Period, b: Period): number =>
  a.end !== b.end ? (a.end > b.end ? -1 : 1) : a.start !== b.start ? (a.start < b.start ? -1 : 1) : 0;
