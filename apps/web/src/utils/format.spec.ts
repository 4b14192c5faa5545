import { addMoney, beijingTime, date, growth, indicatorValue, money, moneyLines, percent, period } from './format';

describe('numbers and dates on screen', () => {
  it('writes money the official way, with no space before the unit', () => {
    expect(money(13_060_000_00)).toBe('1306万元');
    expect(money(120_000_000_00)).toBe('1.2亿元');
    expect(money(155_000_000_00)).toBe('1.55亿元');
    expect(money(12_345)).toBe('123.45元');
    expect(money(800_000_000, 'USD')).toBe('800万美元');
    expect(money(-4_300_000_00)).toBe('-430万元');
  });

  it('lists a money map currency by currency, 元 first, and shows nothing as 0元', () => {
    expect(moneyLines({ USD: 800_000_000, CNY: 155_000_000_00 })).toEqual(['1.55亿元', '800万美元']);
    expect(moneyLines({})).toEqual(['0元']);
    expect(moneyLines({ CNY: 0 })).toEqual(['0元']);
    expect(addMoney({ CNY: 1 }, { CNY: 2, USD: 3 }, undefined)).toEqual({ CNY: 3, USD: 3 });
  });

  it('writes dates, periods and rates as a Chinese document does', () => {
    expect(date('2026-10-01')).toBe('2026年10月1日');
    expect(period('2025')).toBe('2025年');
    expect(period('2026-01/2026-09')).toBe('2026年1—9月');
    expect(percent(0.5)).toBe('50%');
    expect(percent(0.7723)).toBe('77.2%');
    expect(percent(null)).toBe('—');
  });

  it('states a change over the term in words: a percentage, N倍 from double, 翻一番 when exact', () => {
    expect(growth(290_000_000_00, 315_000_000_00)).toBe('增长8.6%');
    expect(growth(290_000_000_00, 800_000_000_00)).toBe('增长1.8倍');
    expect(growth(100, 200)).toBe('翻一番');
    expect(growth(0, 200)).toBeUndefined();
  });

  it("writes an indicator's value in its unit", () => {
    expect(indicatorValue(315_000_000_00, 'CNY')).toBe('3.15亿元');
    expect(indicatorValue(2_383_900, 'CNY-per-capita')).toBe('23839元/人');
    expect(indicatorValue(7.5, 'percent')).toBe('7.5%');
    expect(indicatorValue(12, 'count')).toBe('12');
  });

  it('writes an instant in Beijing time', () => {
    expect(beijingTime('2026-09-30T16:30:05.123Z')).toBe('10月1日 00:30:05');
  });
});
