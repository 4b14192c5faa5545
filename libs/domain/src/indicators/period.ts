import { daysInMonth, FieldProblem, LocalDate } from '../shared';

/**
 * An indicator's period: a year `YYYY`, or a span of months `YYYY-MM/YYYY-MM` (first month
 * ≤ last month, both inclusive), e.g. `2013-01/2013-09` for the first three quarters of 2013.
 */
const YEAR = /^(\d{4})$/;
const MONTHS = /^(\d{4})-(\d{2})\/(\d{4})-(\d{2})$/;

const pad = (n: number, width: number): string => String(n).padStart(width, '0');
const firstDay = (year: number, month: number): LocalDate => `${pad(year, 4)}-${pad(month, 2)}-01`;
const lastDay = (year: number, month: number): LocalDate =>
  `${pad(year, 4)}-${pad(month, 2)}-${pad(daysInMonth(year, month), 2)}`;

/** The first and last day of a period, or undefined when it is not a valid period. */
export const parsePeriod = (period: unknown): [LocalDate, LocalDate] | undefined => {
  if (typeof period !== 'string') return undefined;
  const year = YEAR.exec(period);
  if (year) {
    const y = Number(year[1]);
    return y >= 1 ? [firstDay(y, 1), lastDay(y, 12)] : undefined;
  }
  const months = MONTHS.exec(period);
  if (!months) return undefined;
  const [y1, m1, y2, m2] = months.slice(1).map(Number);
  if (y1 < 1 || y2 < 1 || m1 < 1 || m1 > 12 || m2 < 1 || m2 > 12) return undefined;
  if (y1 * 12 + m1 > y2 * 12 + m2) return undefined;
  return [firstDay(y1, m1), lastDay(y2, m2)];
};

/** The first and last day of a valid period; throws on an invalid one (validated commands never carry one). */
export const periodBounds = (period: string): [LocalDate, LocalDate] => {
  const bounds = parsePeriod(period);
  if (!bounds) throw new RangeError(`not a period: ${period}`);
  return bounds;
};

export const isPeriod = (value: unknown): value is string => parsePeriod(value) !== undefined;

/** A whole year (`YYYY`): the term summary compares annual values. */
export const isAnnualPeriod = (period: string): boolean => YEAR.test(period);

export const PERIOD_FORMAT = {
  zh: '不是有效的统计期（应为 YYYY 或 YYYY-MM/YYYY-MM，起始月不晚于结束月）',
  en: 'is not a valid period (YYYY or YYYY-MM/YYYY-MM, first month not after the last)',
};

export const periodProblem = (path: string, value: unknown): FieldProblem | undefined =>
  isPeriod(value) ? undefined : { path, ...PERIOD_FORMAT };
