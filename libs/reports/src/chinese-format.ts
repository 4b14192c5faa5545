/**
 * Numbers, money and dates as a Chinese government document writes them: no space between a
 * number and its unit or the words around it (`59个`, `17亿元`), growth from +100 % up in 倍,
 * changes of shares and rates in 百分点. Exact: money is integer minor units and every rounding
 * is done on BigInt, never through float arithmetic.
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

/** Two decimals brought to one scale. */
const aligned = (a: Decimal, b: Decimal): [bigint, bigint] => {
  const scale = Math.max(a.scale, b.scale);
  return [a.units * 10n ** BigInt(scale - a.scale), b.units * 10n ** BigInt(scale - b.scale)];
};

/** (a / b) × 10^places, rounded half-up; b > 0. */
const quotient = (a: Decimal, b: Decimal, places: number): bigint => {
  const [x, y] = aligned(a, b);
  return roundHalfUp(x * 10n ** BigInt(places), y);
};

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

/** The currency's name in Chinese, or its ISO code for a currency without one (2 minor digits assumed). */
const currencyOf = (code: string): CurrencyName =>
  Object.hasOwn(CURRENCIES, code) ? CURRENCIES[code] : { name: code, exponent: 2 };

/** The currency's Chinese name: "美元"; a currency without one by its ISO code. */
export const currencyName = (code: string): string => currencyOf(code).name;

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
 * e.g. 170000000000 分 → "17亿元", 12000000000 → "1.2亿元", 1234567 → "1.23万元",
 * 12345 → "123.45元"; USD 4324000000 cents → "4324万美元".
 *
 * The rule: the unit is chosen by the exact amount (亿 from 1 亿, 万 from 1 万); the amount is
 * rounded half-up to at most 2 decimals of that unit (trailing zeros dropped); when the rounding
 * reaches 10000 of the unit, the next unit up is used (99999999.99 元 → "1亿元"). Amounts in
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
  return `${decimalText(hundredths, 2)}${MAGNITUDES[chosen].prefix}${named.name}`;
};

/** An amount in the currency's own unit, exact: 2383900 分 → "23839元" (per-capita figures are stated so). */
export const formatMoneyInUnits = (minor: number, currency = 'CNY'): string => {
  const amount = checkSafeInteger(minor, 'a money amount');
  const named = currencyOf(currency);
  return `${decimalText(amount, named.exponent)}${named.name}`;
};

/** A count of records: an integer, written plainly. */
export const formatCount = (count: number): string => String(checkSafeInteger(count, 'a count'));

/** A measured quantity, exactly as summed (at most 3 decimals in the log): 516.7 → "516.7". */
export const formatQuantity = (quantity: number): string => {
  const value = decimalOf(quantity);
  return decimalText(value.units, value.scale);
};

/** A percentage to at most one decimal, as statistical bulletins print it: 77.23 → "77.2%". */
const percentText = (tenths: bigint): string => `${decimalText(tenths, 1)}%`;

/** part / whole as a percentage, exact to one decimal: (475, 500) → "95%"; whole > 0. */
export const formatShareOf = (part: number, whole: number): string => {
  const [a, b] = [decimalOf(part), decimalOf(whole)];
  if (b.units <= 0n) throw new RangeError('a share needs a whole above zero');
  return percentText(quotient(a, b, 3));
};

/** A ratio (0.7723) as a percentage to one decimal: "77.2%". */
export const formatPercent = (ratio: number): string => percentText(scaledHalfUp(decimalOf(ratio), 3));

/** A value already in percent (an indicator with unit `percent`, 19 for 19 %): "19%". */
export const formatPercentValue = (percent: number): string => `${formatQuantity(percent)}%`;

/** 翻N番 for an exact doubling: the multiples a document names so. */
const DOUBLINGS: [bigint, string][] = [
  [2n, '翻一番'],
  [4n, '翻两番'],
  [8n, '翻三番'],
];

/**
 * The change from `first` to `last` the Chinese official way: "翻一番" / "翻两番" where the
 * value exactly doubled / quadrupled; "增长N倍" from +100 % up, N = last ÷ first − 1 to one
 * decimal (2.9亿 → 8亿 is "增长1.8倍"); below that a percentage to one decimal ("增长12.5%",
 * "下降20%"); "持平" when it rounds to no change. Undefined when first is not above zero (no
 * growth rate is stated against nothing or a loss).
 */
export const formatGrowth = (first: number, last: number): string | undefined => {
  const [a, b] = aligned(decimalOf(first), decimalOf(last));
  if (a <= 0n) return undefined;
  const doubling = DOUBLINGS.find(([multiple]) => b === a * multiple);
  if (doubling) return doubling[1];
  const change = { units: b - a, scale: 0 };
  const whole = { units: a, scale: 0 };
  if (b >= 2n * a) return `增长${decimalText(quotient(change, whole, 1), 1)}倍`;
  const tenths = quotient(change, whole, 3);
  if (tenths === 0n) return '持平';
  // Just under double may round to 100 %: that is a doubling in words.
  if (tenths >= 1000n) return '增长1倍';
  return tenths > 0n ? `增长${percentText(tenths)}` : `下降${percentText(-tenths)}`;
};

/**
 * The change of a share or a rate, in 百分点: from 19 (%) to 17 (%) is "下降2个百分点"; one decimal;
 * "持平" when it rounds to no change. Both values are in percent.
 */
export const formatPointsChange = (firstPercent: number, lastPercent: number): string => {
  const [a, b] = [decimalOf(firstPercent), decimalOf(lastPercent)];
  const [x, y] = aligned(a, b);
  const tenths = scaledHalfUp({ units: y - x, scale: Math.max(a.scale, b.scale) }, 1);
  if (tenths === 0n) return '持平';
  return tenths > 0n ? `提高${decimalText(tenths, 1)}个百分点` : `下降${decimalText(-tenths, 1)}个百分点`;
};

/**
 * The change of a rate given by counts, in 百分点, exact: from 90 of 100 to 95 of 100 is
 * "提高5个百分点" (the rates themselves are never rounded first). Wholes above zero.
 */
export const formatShareChange = (
  firstPart: number,
  firstWhole: number,
  lastPart: number,
  lastWhole: number,
): string => {
  const [a, b, c, d] = [firstPart, firstWhole, lastPart, lastWhole].map((n) => checkSafeInteger(n, 'a count'));
  if (b <= 0n || d <= 0n) throw new RangeError('a rate needs a whole above zero');
  // (c/d − a/b) × 100, in tenths.
  const tenths = roundHalfUp((c * b - a * d) * 1000n, b * d);
  if (tenths === 0n) return '持平';
  return tenths > 0n ? `提高${decimalText(tenths, 1)}个百分点` : `下降${decimalText(-tenths, 1)}个百分点`;
};

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const dateParts = (date: string): [string, number, number] => {
  const match = LOCAL_DATE.exec(date);
  if (!match) throw new RangeError(`not a date YYYY-MM-DD: ${date}`);
  return [match[1], Number(match[2]), Number(match[3])];
};

/** A business date: "2013-09-30" → "2013年9月30日". */
export const formatDate = (date: string): string => {
  const [year, month, day] = dateParts(date);
  return `${year}年${month}月${day}日`;
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

const lastDayOfMonth = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();

/**
 * A span of business dates as a document names it: a calendar year "2025年", whole months
 * "2025年1—9月" or "2025年9月", otherwise "2025年3月5日至9月30日" (the year repeated when it changes).
 */
export const formatSpan = (from: string, to: string): string => {
  const [fromYear, fromMonth, fromDay] = dateParts(from);
  const [toYear, toMonth, toDay] = dateParts(to);
  const wholeMonths = fromDay === 1 && toDay === lastDayOfMonth(Number(toYear), toMonth);
  if (wholeMonths && fromYear === toYear) {
    if (fromMonth === 1 && toMonth === 12) return `${fromYear}年`;
    return formatPeriod(
      `${fromYear}-${String(fromMonth).padStart(2, '0')}/${toYear}-${String(toMonth).padStart(2, '0')}`,
    );
  }
  if (wholeMonths) return `${fromYear}年${fromMonth}月至${toYear}年${toMonth}月`;
  const end = fromYear === toYear ? `${toMonth}月${toDay}日` : formatDate(to);
  return `${formatDate(from)}至${end}`;
};

/** An instant as Beijing time (UTC+8 all year): "2026年11月28日12时00分". */
export const formatBeijingTime = (instant: Date): string => {
  const beijing = new Date(instant.getTime() + 8 * 3600_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${beijing.getUTCFullYear()}年${beijing.getUTCMonth() + 1}月${beijing.getUTCDate()}日${pad(beijing.getUTCHours())}时${pad(beijing.getUTCMinutes())}分`;
};
