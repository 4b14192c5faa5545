import { FieldProblem } from './errors';

/** An amount in integer minor units of one ISO 4217 currency (分 for CNY). Never a float. */
export interface Money {
  currency: string;
  minor: number;
}

/** Sums per currency, e.g. `{ "CNY": 170000000000, "USD": 2900000000 }`. */
export type MoneyMap = Record<string, number>;

const CURRENCY = /^[A-Z]{3}$/;

export const moneyProblems = (path: string, value: unknown): FieldProblem[] => {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return [{ path, zh: '应为金额对象 { currency, minor }', en: 'must be a money object { currency, minor }' }];
  const { currency, minor, ...rest } = value as Record<string, unknown>;
  const problems: FieldProblem[] = [];
  if (typeof currency !== 'string' || !CURRENCY.test(currency))
    problems.push({
      path: `${path}.currency`,
      zh: '应为三位大写货币代码（如 CNY）',
      en: 'must be a three-letter ISO 4217 code such as CNY',
    });
  if (typeof minor !== 'number' || !Number.isSafeInteger(minor) || minor < 0)
    problems.push({
      path: `${path}.minor`,
      zh: '应为非负整数（以分计）',
      en: 'must be a non-negative integer count of minor units',
    });
  for (const key of Object.keys(rest))
    problems.push({ path: `${path}.${key}`, zh: '是未知字段', en: 'is not a known field' });
  return problems;
};

export const isMoney = (value: unknown): value is Money => moneyProblems('', value).length === 0;

export const addToMap = (map: MoneyMap, money: Money): MoneyMap => {
  const sum = (map[money.currency] ?? 0) + money.minor;
  if (!Number.isSafeInteger(sum)) throw new RangeError(`sum of ${money.currency} exceeds safe integers`);
  return { ...map, [money.currency]: sum };
};

/** Adds in place; for hot loops over many records. */
export const accumulate = (map: MoneyMap, currency: string, minor: number): void => {
  const sum = (map[currency] ?? 0) + minor;
  if (!Number.isSafeInteger(sum)) throw new RangeError(`sum of ${currency} exceeds safe integers`);
  map[currency] = sum;
};

export const sameMoney = (a: Money, b: Money): boolean => a.currency === b.currency && a.minor === b.minor;

/** 1 yuan = 100 fen. */
export const yuan = (amount: number): Money => ({ currency: 'CNY', minor: amount * 100 });

/** Minor units as yuan for a message, e.g. 123456 → "1234.56". Exact: integer arithmetic only. */
export const formatMinor = (minor: number): string => {
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(minor);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
};
