/**
 * Numbers and dates on screen, the Chinese official way, by the same rules as the work summary
 * (libs/reports): money in the largest of 亿/万 it reaches, at most two decimals, exact from
 * integer 分; percentages to one decimal; dates as 2026年10月1日.
 */
import {
  formatDate,
  formatGrowth,
  formatMoney,
  formatMoneyInUnits,
  formatPercent,
  formatPercentValue,
  formatPeriod,
  formatQuantity,
} from '@sunshine/reports/chinese-format';

/** A money map: integer minor units by currency code, as the API answers it. */
export type MoneyMap = Record<string, number>;

/** 130600000000 分 → "13.06亿元", 1306000000 → "1306万元", USD 800000000 cents → "800万美元". */
export const money = (minor: number, currency = 'CNY'): string => formatMoney(minor, currency);

/** One line per currency, 元 first, the others by code; "0元" when the map is empty. Never converted. */
export const moneyLines = (map: MoneyMap | undefined): string[] => {
  const currencies = Object.keys(map ?? {})
    .filter((currency) => (map as MoneyMap)[currency] !== 0)
    .sort((a, b) => (a === 'CNY' ? -1 : b === 'CNY' ? 1 : a.localeCompare(b)));
  return currencies.length ? currencies.map((currency) => money((map as MoneyMap)[currency], currency)) : [money(0)];
};

/** Money maps added currency by currency (domestic and foreign signings shown as one figure). */
export const addMoney = (...maps: (MoneyMap | undefined)[]): MoneyMap => {
  const sum: MoneyMap = {};
  for (const map of maps)
    for (const [currency, minor] of Object.entries(map ?? {})) sum[currency] = (sum[currency] ?? 0) + minor;
  return sum;
};

/** "2013-09-30" → "2013年9月30日". */
export const date = (localDate: string): string => formatDate(localDate);

/** "2012" → "2012年", "2013-01/2013-09" → "2013年1—9月". */
export const period = (text: string): string => formatPeriod(text);

/** 0.9512 → "95.1%"; null (nothing to compute from) → "—". */
export const percent = (ratio: number | null | undefined): string =>
  typeof ratio === 'number' ? formatPercent(ratio) : '—';

/** The change from first to last as official text states it ("增长8.6%", "增长1.8倍", "翻一番"); none against nothing. */
export const growth = (first: number, last: number): string | undefined => formatGrowth(first, last);

/** An indicator's value in its unit: money for `CNY`, yuan for a per-capita figure, else as reported. */
export const indicatorValue = (value: number, unit: string | null): string => {
  if (unit === 'CNY') return money(value);
  if (unit === 'CNY-per-capita') return `${formatMoneyInUnits(value, 'CNY')}/人`;
  if (unit?.startsWith('CNY')) return `${money(value)}（${unit}）`;
  if (unit === 'percent') return formatPercentValue(value);
  if (unit === 'count' || unit === null) return formatQuantity(value);
  return `${formatQuantity(value)}${unit}`;
};

/** An instant as Beijing time, to the second: "10月1日 08:30:05". */
export const beijingTime = (iso: string): string => {
  const at = new Date(Date.parse(iso) + 8 * 3600_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${at.getUTCMonth() + 1}月${at.getUTCDate()}日 ${pad(at.getUTCHours())}:${pad(at.getUTCMinutes())}:${pad(at.getUTCSeconds())}`;
};
