import { createContext, runInContext, Script } from 'node:vm';
import { DASHBOARD_CSS } from './public/dashboard-css';
import { DASHBOARD_JS } from './public/dashboard-js';
import { INDEX_HTML } from './public/index-html';
import { MONEY_JS } from './public/money-js';

interface Money {
  format(minor: unknown, currency: string): { amount: string; unit: string } | null;
  add(maps: Record<string, number>[]): Record<string, number>;
  text(minor: number, currency: string): string;
}

const moneyScript = (): Money => {
  const context = createContext({});
  runInContext(MONEY_JS, context);
  return runInContext('SunshineMoney', context) as Money;
};

describe('the dashboard files', () => {
  it('are scripts a browser can parse', () => {
    expect(() => new Script(MONEY_JS)).not.toThrow();
    expect(() => new Script(DASHBOARD_JS)).not.toThrow();
  });

  it('load only what the server serves, with no inline script or style (the CSP forbids them)', () => {
    const sources = [...INDEX_HTML.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
    expect(sources.filter((s) => !s.startsWith('#') && !s.startsWith('data:'))).toEqual([
      '/dashboard/dashboard.css',
      '/dashboard/money.js',
      '/dashboard/dashboard.js',
    ]);
    expect(INDEX_HTML).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(INDEX_HTML).not.toMatch(/\sstyle=|<style|\son[a-z]+=/);
    expect(DASHBOARD_CSS).toContain('"Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei"');
  });

  it('never puts the token in a URL: EventSource on a bare path, the token posted in a body', () => {
    expect(DASHBOARD_JS).toContain("new EventSource('/api/v1/live')");
    expect(DASHBOARD_JS).toContain('body: JSON.stringify({ token: token })');
    expect(INDEX_HTML).toMatch(/<form id="sign-in-form" method="post"/);
  });
});

describe('the dashboard money formatter', () => {
  const money = moneyScript();
  const show = (minor: number, currency = 'CNY') => money.text(minor, currency);

  it('shows 分 as 元, 万元 or 亿元 with two decimals', () => {
    expect(show(0)).toBe('0.00 元');
    expect(show(30)).toBe('0.30 元');
    expect(show(123_456)).toBe('1,234.56 元');
    expect(show(999_999)).toBe('9,999.99 元');
    expect(show(1_000_000)).toBe('1.00 万元');
    expect(show(3_000_000_000)).toBe('3,000.00 万元');
    expect(show(10_000_000_000)).toBe('1.00 亿元');
    expect(show(170_000_000_000)).toBe('17.00 亿元');
  });

  it('rounds half up exactly, where floating point would not', () => {
    // 1.005 万元: (1.005).toFixed(2) is "1.00".
    expect(show(1_005_000)).toBe('1.01 万元');
    expect(show(1_004_999)).toBe('1.00 万元');
    expect(show(12_345_678_950_000)).toBe('1,234.57 亿元');
    // The largest safe integer, to the last 分.
    expect(show(Number.MAX_SAFE_INTEGER)).toBe('900,719.93 亿元');
    expect(show(Number.MAX_SAFE_INTEGER - 4_740_992)).toBe('900,719.92 亿元');
  });

  it('names other currencies without converting them', () => {
    expect(show(2_900_000_000, 'USD')).toBe('2,900.00 万美元');
    expect(show(123_456, 'JPY')).toBe('12.35 万日元');
    expect(show(250, 'CHF')).toBe('2.50 CHF');
    expect(show(1_234_500, 'CHF')).toBe('1.23 万 CHF');
  });

  it('adds money maps currency by currency, exactly', () => {
    expect(money.add([{ CNY: Number.MAX_SAFE_INTEGER - 1 }, { CNY: 1, USD: 5 }, {}])).toEqual({
      CNY: Number.MAX_SAFE_INTEGER,
      USD: 5,
    });
  });

  it('refuses what is not an integer of minor units', () => {
    expect(money.format(1.5, 'CNY')).toBeNull();
    expect(money.format('100', 'CNY')).toBeNull();
    expect(money.format(2 ** 53, 'CNY')).toBeNull();
  });
});
