import { isLocalDate, LocalDate } from './local-date';
import { Message } from './errors';

/**
 * Figures as people write them in a register or a form: "1,200.5 万元", "￥3,000.00",
 * "2024年3月5日". Read as exact decimals (BigInt on the digits), never through a float.
 */

/** The units money is written in; 1 元 = 100 分, 1 万元 = 1,000,000 分. */
export type MoneyUnit = '元' | '万元';

export const MONEY_UNITS: readonly MoneyUnit[] = ['元', '万元'];

/** How many decimals of a unit still name whole minor units (分). */
const DECIMALS_OF: Record<MoneyUnit, number> = { 元: 2, 万元: 6 };

export type Reading<T> = { ok: true; value: T } | { ok: false; problem: Message };

const refused = <T>(zh: string, en: string): Reading<T> => ({ ok: false, problem: { zh, en } });

/** Full-width digits, point, comma and minus (a Chinese input method's) read as their ASCII forms. */
const halfWidth = (text: string): string =>
  text
    .replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/．/g, '.')
    .replace(/[，,]/g, ',')
    .replace(/[－−]/g, '-')
    .replace(/\s+/g, '');

/** Digits with an optional fraction; thousands separators only in groups of three ("12,00" is a typo, not 1200). */
const DECIMAL_TEXT = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$/;

const parseDecimal = (text: string): { whole: string; fraction: string } | undefined => {
  const match = DECIMAL_TEXT.exec(text);
  return match ? { whole: match[1].replace(/,/g, ''), fraction: match[2] ?? '' } : undefined;
};

/**
 * An amount written in 元 or 万元 as its count of 分. The unit written in the text itself
 * ("1,200.5 万元") wins over the one given (a column's heading); without either it is refused.
 * Negative amounts, more decimals than 分 can hold and amounts beyond the safe integers are refused.
 */
export const readMoney = (written: string, unit?: MoneyUnit): Reading<number> => {
  let text = halfWidth(written).replace(/^(?:人民币|RMB|CNY|[¥￥])/i, '');
  const suffix = /(万元|元)$/.exec(text);
  if (suffix) text = text.slice(0, -suffix[1].length);
  const inUnit = (suffix?.[1] as MoneyUnit | undefined) ?? unit;
  if (text === '') return refused('金额为空', 'the amount is empty');
  if (text.startsWith('-') || (text.startsWith('(') && text.endsWith(')')))
    return refused('金额不能为负数', 'the amount may not be negative');
  const decimal = parseDecimal(text);
  if (!decimal)
    return refused(`「${written}」不是金额（应如 1,200.50）`, `"${written}" is not an amount (e.g. 1,200.50)`);
  if (!inUnit) return refused('未注明金额单位（元或万元）', 'the amount does not say its unit (元 or 万元)');
  const decimals = DECIMALS_OF[inUnit];
  if (decimal.fraction.length > decimals)
    return refused(
      `以${inUnit}计最多${decimals === 2 ? '两' : '六'}位小数（精确到分）`,
      `an amount in ${inUnit} has at most ${decimals} decimals (whole fen)`,
    );
  const minor = BigInt(decimal.whole + decimal.fraction.padEnd(decimals, '0'));
  if (minor > BigInt(Number.MAX_SAFE_INTEGER)) return refused('金额过大', 'the amount is too large');
  return { ok: true, value: Number(minor) };
};

/**
 * A plain number as written ("38.9", "1,234"), negative allowed, for quantities and indicator
 * values; the digits become the number they spell, as JSON would carry them.
 */
export const readNumber = (written: string): Reading<number> => {
  const text = halfWidth(written);
  const negative = text.startsWith('-');
  const decimal = parseDecimal(negative ? text.slice(1) : text);
  if (!decimal) return refused(`「${written}」不是数字`, `"${written}" is not a number`);
  const value = Number(`${negative ? '-' : ''}${decimal.whole}${decimal.fraction ? `.${decimal.fraction}` : ''}`);
  if (!Number.isFinite(value) || Math.abs(value) > Number.MAX_SAFE_INTEGER)
    return refused('数字过大', 'the number is too large');
  return { ok: true, value };
};

const DATE_FORMS = [
  /^(\d{4})-(\d{1,2})-(\d{1,2})$/,
  /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/,
  /^(\d{4})\.(\d{1,2})\.(\d{1,2})$/,
];
const CHINESE_DATE = /^(\d{4})年(\d{1,2})月(\d{1,2})日?$/;

/** A calendar date written `YYYY-MM-DD`, `YYYY/M/D`, `YYYY.M.D` or `YYYY年M月D日`; 2月30日 is refused. */
export const readDate = (written: string): Reading<LocalDate> => {
  const text = halfWidth(written);
  const match = [...DATE_FORMS, CHINESE_DATE].map((form) => form.exec(text)).find(Boolean);
  const date = match ? `${match[1]}-${match[2].padStart(2, '0')}-${match[3].padStart(2, '0')}` : undefined;
  if (date === undefined || !isLocalDate(date))
    return refused(
      `「${written}」不是有效日期（应如 2024-03-05 或 2024年3月5日）`,
      `"${written}" is not a calendar date (e.g. 2024-03-05)`,
    );
  return { ok: true, value: date };
};
