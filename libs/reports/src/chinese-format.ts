/**
 * Numbers, money and dates as a Chinese government document writes them. Exact: money is integer
 * minor units and every rounding is done on BigInt, never through float arithmetic.
 */
import { Decimal, decimalOf } from '@sunshine/domain';

/** numerator / denominator to the nearest integer, halves away from zero (denominator > 0). */
const roundHalfUp = (numerator: bigint, denominator: bigint): bigint => {
  const magnitude = numerator < 0n ? -numerator : numerator;
  const rounded = (2n * magnitude + denominator) / (2n * denominator);
  return numerator < 0n ? -rounded : rounded;
};

/** units / 10^places as decimal text, trailing zeros of the fraction dropped: 120n, 2 → "1.2". */
const decimalText = (units: bigint, places: number): string => {
  const sign = units < 0n ? '-' : '';
  const magnitude = units < 0n ? -units : units;
  const unit = 10n ** BigInt(places);
  const fraction =
    places === 0
      ? ''
      : String(magnitude % unit)
          .padStart(places, '0')
          .replace(/0+$/, '');
  return `${sign}${magnitude / unit}${fraction ? `.${fraction}` : ''}`;
};

/** `value` rounded half-up to `places` decimals, in units of 10^-places. */
const scaledHalfUp = (value: Decimal, places: number): bigint =>
  value.scale <= places
    ? value.units * 10n ** BigInt(places - value.scale)
    : roundHalfUp(value.units, 10n ** BigInt(value.scale - places));

interface CurrencyName {
  /** 元, 美元 … */
  name: string;
  /** ISO 4217 minor-unit exponent: 2 for 分 and cents, 0 for yen. */
  exponent: number;
}

const CURRENCIES: Record<string, CurrencyName> = {
  CNY: { name: '元', exponent: 2 },
  USD: { name: '美元', exponent: 2 },
  EUR: { name: '欧元', exponent: 2 },
  HKD: { name: '港元', exponent: 2 },
  GBP: { name: '英镑', exponent: 2 },
  JPY: { name: '日元', exponent: 0 },
  KRW: { name: '韩元', exponent: 0 },
};

/** The currency's name in Chinese, or its code (with a space) for a currency without one. */
const currencyOf = (code: string): CurrencyName & { spaced: boolean } => {
  const known = CURRENCIES[code];
  return known ? { ...known, spaced: false } : { name: code, exponent: 2, spaced: true };
};

/** "1.2 亿元", or with a code for a currency without a Chinese name: "1.2 万 XYZ". */
const withUnit = (number: string, prefix: string, currency: CurrencyName & { spaced: boolean }): string =>
  currency.spaced ? [number, prefix, currency.name].filter(Boolean).join(' ') : `${number} ${prefix}${currency.name}`;

/** The magnitudes a Chinese document counts money in, largest first. */
const MAGNITUDES = [
  { prefix: '亿', power: 8 },
  { prefix: '万', power: 4 },
  { prefix: '', power: 0 },
] as const;

const checkSafeInteger = (value: number, what: string): bigint => {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${what} must be a safe integer, got ${value}`);
  return BigInt(value);
};

/**
 * An amount of integer minor units in the largest of 亿 / 万 / (none) that the amount reaches,
 * e.g. 170000000000 分 → "17 亿元", 12000000000 → "1.2 亿元", 1234567 → "1.23 万元",
 * 12345 → "123.45 元"; USD 4324000000 cents → "4324 万美元".
 *
 * The rule: the unit is chosen by the exact amount (亿 from 1 亿, 万 from 1 万); the amount is
 * rounded half-up to at most 2 decimals of that unit (trailing zeros dropped); when the rounding
 * reaches 10000 of the unit, the next unit up is used (99999999.99 元 → "1 亿元"). Amounts in
 * the currency's own unit are exact (2 decimals are its minor units).
 */
export const formatMoney = (minor: number, currency = 'CNY'): string => {
  const amount = checkSafeInteger(minor, 'a money amount');
  const named = currencyOf(currency);
  const magnitude = amount < 0n ? -amount : amount;
  const base = 10n ** BigInt(named.exponent);
  const index = MAGNITUDES.findIndex((m) => magnitude >= base * 10n ** BigInt(m.power));
  let chosen = index < 0 ? MAGNITUDES.length - 1 : index;
  // Hundredths of the chosen unit; one step up when rounding reaches 10000 of it.
  const hundredthsIn = (i: number) => roundHalfUp(amount * 100n, base * 10n ** BigInt(MAGNITUDES[i].power));
  let hundredths = hundredthsIn(chosen);
  if (chosen > 0 && (hundredths < 0n ? -hundredths : hundredths) >= 1_000_000n) hundredths = hundredthsIn(--chosen);
  return withUnit(decimalText(hundredths, 2), MAGNITUDES[chosen].prefix, named);
};

/** An amount in the currency's own unit, exact: 2383900 分 → "23839 元" (per-capita figures are stated so). */
export const formatMoneyInUnits = (minor: number, currency = 'CNY'): string => {
  const amount = checkSafeInteger(minor, 'a money amount');
  const named = currencyOf(currency);
  return withUnit(decimalText(amount, named.exponent), '', named);
};

/** A count of records: an integer, written plainly. */
export const formatCount = (count: number): string => String(checkSafeInteger(count, 'a count'));

/** A measured quantity, exactly as summed (at most 3 decimals in the log): 516.7 → "516.7". */
export const formatQuantity = (quantity: number): string => {
  const value = decimalOf(quantity);
  return decimalText(value.units, value.scale);
};

/** A ratio as a percentage, half-up to at most 2 decimals: 0.95 → "95%", 0.7723 → "77.23%". */
export const formatPercent = (ratio: number): string => `${decimalText(scaledHalfUp(decimalOf(ratio), 4), 2)}%`;

/** A value already in percent (an indicator with unit `percent`): 7.5 → "7.5%". */
export const formatPercentValue = (percent: number): string => `${formatQuantity(percent)}%`;

/**
 * The change that a ratio last / first stands for: 2.7586 → "增长 175.86%", 0.8 → "下降 20%",
 * and "持平" when it rounds to no change.
 */
export const formatGrowth = (ratio: number): string => {
  const value = decimalOf(ratio);
  const one = 10n ** BigInt(value.scale);
  const change = scaledHalfUp({ units: value.units - one, scale: value.scale }, 4);
  if (change === 0n) return '持平';
  return change > 0n ? `增长 ${decimalText(change, 2)}%` : `下降 ${decimalText(-change, 2)}%`;
};

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A business date: "2013-09-30" → "2013年9月30日". */
export const formatDate = (date: string): string => {
  const match = LOCAL_DATE.exec(date);
  if (!match) throw new RangeError(`not a date YYYY-MM-DD: ${date}`);
  return `${match[1]}年${Number(match[2])}月${Number(match[3])}日`;
};

const YEAR = /^(\d{4})$/;
const MONTHS = /^(\d{4})-(\d{2})\/(\d{4})-(\d{2})$/;

/** An indicator's period: "2012" → "2012年", "2013-01/2013-09" → "2013年1—9月", across years "2012年10月至2013年9月". */
export const formatPeriod = (period: string): string => {
  if (YEAR.test(period)) return `${period}年`;
  const match = MONTHS.exec(period);
  if (!match) return period;
  const [, fromYear, fromMonth, toYear, toMonth] = match;
  if (fromYear !== toYear) return `${fromYear}年${Number(fromMonth)}月至${toYear}年${Number(toMonth)}月`;
  if (fromMonth === toMonth) return `${fromYear}年${Number(fromMonth)}月`;
  return `${fromYear}年${Number(fromMonth)}—${Number(toMonth)}月`;
};

/** An instant as Beijing time (UTC+8 all year): "2026年11月28日 12:00". */
export const formatBeijingTime = (instant: Date): string => {
  const beijing = new Date(instant.getTime() + 8 * 3600_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${beijing.getUTCFullYear()}年${beijing.getUTCMonth() + 1}月${beijing.getUTCDate()}日 ${pad(beijing.getUTCHours())}:${pad(beijing.getUTCMinutes())}`;
};
