import { FieldProblem } from './errors';

/** A calendar date `YYYY-MM-DD`, the business date in Asia/Shanghai. */
export type LocalDate = string & { readonly __brand?: 'LocalDate' };

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export const isLocalDate = (value: unknown): value is LocalDate => {
  if (typeof value !== 'string') return false;
  const m = DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1 || mo < 1 || mo > 12 || d < 1) return false;
  return d <= daysInMonth(y, mo);
};

export const daysInMonth = (year: number, month: number): number =>
  [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];

const isLeapYear = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

export const localDateProblem = (path: string, value: unknown): FieldProblem | undefined =>
  isLocalDate(value)
    ? undefined
    : { path, zh: '不是有效的日期（应为 YYYY-MM-DD）', en: 'is not a valid calendar date (YYYY-MM-DD)' };

/** The date in Asia/Shanghai (UTC+8, no daylight saving) of an instant. */
export const shanghaiDate = (instant: Date): LocalDate =>
  new Date(instant.getTime() + 8 * 3600_000).toISOString().slice(0, 10);

/** Dates compare as strings because the format is fixed-width. */
export const compareDates = (a: LocalDate, b: LocalDate): number => (a < b ? -1 : a > b ? 1 : 0);

export const maxDate = (a: LocalDate, b: LocalDate): LocalDate => (a >= b ? a : b);

/** Days since 1970-01-01 of a calendar date (setUTCFullYear keeps years below 100 as they are). */
const dayNumber = (date: LocalDate): number => {
  const [y, m, d] = date.split('-').map(Number);
  const instant = new Date(0);
  instant.setUTCFullYear(y, m - 1, d);
  return Math.round(instant.getTime() / 86_400_000);
};

/** Calendar days from one date to another: a dispute received on D is 30 days old on D + 30. */
export const daysBetween = (from: LocalDate, to: LocalDate): number => dayNumber(to) - dayNumber(from);

/** The date `days` calendar days after `date` (before it, for a negative count). */
export const addDays = (date: LocalDate, days: number): LocalDate => {
  const instant = new Date((dayNumber(date) + days) * 86_400_000);
  const year = String(instant.getUTCFullYear()).padStart(4, '0');
  return `${year}-${String(instant.getUTCMonth() + 1).padStart(2, '0')}-${String(instant.getUTCDate()).padStart(2, '0')}`;
};

export const minDate = (a: LocalDate, b: LocalDate): LocalDate => (a <= b ? a : b);
