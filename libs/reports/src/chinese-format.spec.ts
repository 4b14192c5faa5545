import {
  formatBeijingTime,
  formatCount,
  formatDate,
  formatGrowth,
  formatMoney,
  formatMoneyInUnits,
  formatPercent,
  formatPercentValue,
  formatPeriod,
  formatQuantity,
} from './chinese-format';

describe('money in Chinese units (from integer 分, exact)', () => {
  it.each([
    [170000000000, '17 亿元'],
    [12000000000, '1.2 亿元'],
    [1234567, '1.23 万元'],
    [65000000000, '6.5 亿元'],
    [1200000000, '1200 万元'],
    [130000000, '130 万元'],
    [12345, '123.45 元'],
    [5, '0.05 元'],
    [0, '0 元'],
  ])('%i 分 → %s', (minor, text) => expect(formatMoney(minor)).toBe(text));

  it('picks the unit by the exact amount: 亿 from 1 亿元, 万 from 1 万元', () => {
    expect(formatMoney(10_000_000_000)).toBe('1 亿元');
    expect(formatMoney(1_000_000)).toBe('1 万元');
    expect(formatMoney(999_999)).toBe('9999.99 元');
    expect(formatMoney(99)).toBe('0.99 元');
  });

  it('keeps at most 2 decimals of the unit, rounding half-up on integers', () => {
    // 1.2345 万元 → 1.23; 1.2350 万元 → 1.24 (a float would print 1.2349999…)
    expect(formatMoney(1_234_500)).toBe('1.23 万元');
    expect(formatMoney(1_234_999)).toBe('1.23 万元');
    expect(formatMoney(1_235_000)).toBe('1.24 万元');
    expect(formatMoney(1_005_000)).toBe('1.01 万元');
    expect(formatMoney(1_004_999)).toBe('1 万元');
    // 1.005 亿元 is the half: up; one 分 less is down.
    expect(formatMoney(10_050_000_000)).toBe('1.01 亿元');
    expect(formatMoney(10_049_999_999)).toBe('1 亿元');
    expect(formatMoney(33_915_400_000 * 10)).toBe('33.92 亿元');
  });

  it('moves to the next unit when rounding reaches 10000 of the unit', () => {
    expect(formatMoney(9_999_995_000)).toBe('1 亿元'); // 9999.995 万元 → 10000.00 万元
    expect(formatMoney(9_999_994_999)).toBe('9999.99 万元');
    expect(formatMoney(999_995)).toBe('9999.95 元'); // 元 are exact: no rounding up to 万
    expect(formatMoney(9_999_999_999)).toBe('1 亿元');
  });

  it('is exact for the largest safe amounts', () => {
    expect(formatMoney(Number.MAX_SAFE_INTEGER)).toBe('900719.93 亿元'); // 9007199254740991 分
    expect(formatMoney(9_007_199_250_000_000)).toBe('900719.93 亿元'); // 900719.925 亿元: the half goes up
    expect(formatMoney(9_007_199_249_999_999)).toBe('900719.92 亿元');
    expect(() => formatMoney(Number.MAX_SAFE_INTEGER + 1)).toThrow(RangeError);
    expect(() => formatMoney(12.5)).toThrow(RangeError);
  });

  it('shows USD separately, in 万美元, and names other currencies', () => {
    expect(formatMoney(2900000000, 'USD')).toBe('2900 万美元');
    expect(formatMoney(4324000000, 'USD')).toBe('4324 万美元');
    expect(formatMoney(1798250000, 'USD')).toBe('1798.25 万美元');
    expect(formatMoney(250000000000, 'USD')).toBe('25 亿美元');
    expect(formatMoney(123456, 'EUR')).toBe('1234.56 欧元');
    expect(formatMoney(1_500_000, 'JPY')).toBe('150 万日元'); // yen have no minor unit
    expect(formatMoney(1_500_000, 'XYZ')).toBe('1.5 万 XYZ');
  });

  it('states per-capita money in yuan, exactly', () => {
    expect(formatMoneyInUnits(2383900)).toBe('23839 元');
    expect(formatMoneyInUnits(2383950)).toBe('23839.5 元');
    expect(formatMoneyInUnits(7)).toBe('0.07 元');
  });
});

describe('percentages from ratios', () => {
  it.each([
    [0.95, '95%'],
    [0.945, '94.5%'],
    [0.7723, '77.23%'],
    [1, '100%'],
    [0, '0%'],
    [0.00005, '0.01%'], // half of a hundredth of a percent: up
    [0.00004, '0%'],
    [0.12345, '12.35%'], // 12.345% is a half: up, though 0.12345 is below it as a double
  ])('%d → %s', (ratio, text) => expect(formatPercent(ratio)).toBe(text));

  it.each([
    [2.7586, '增长 175.86%'],
    [6.3329, '增长 533.29%'],
    [1.3002, '增长 30.02%'],
    [1.5277, '增长 52.77%'],
    [0.8, '下降 20%'],
    [0.12345, '下降 87.66%'], // −87.655% rounds away from zero
    [1, '持平'],
    [1.00004, '持平'],
    [1.00005, '增长 0.01%'],
  ])('growth for ratio %d → %s', (ratio, text) => expect(formatGrowth(ratio)).toBe(text));

  it('shows an indicator already in percent as such', () => expect(formatPercentValue(7.5)).toBe('7.5%'));
});

describe('counts, quantities and dates', () => {
  it('writes counts plainly and refuses anything but an integer', () => {
    expect(formatCount(59)).toBe('59');
    expect(() => formatCount(1.5)).toThrow(RangeError);
  });

  it('writes a summed quantity as its exact decimal', () => {
    expect(formatQuantity(116.7)).toBe('116.7');
    expect(formatQuantity(516.7)).toBe('516.7');
    expect(formatQuantity(0.125)).toBe('0.125');
    expect(formatQuantity(1e21)).toBe('1000000000000000000000');
    expect(formatQuantity(1e-7)).toBe('0.0000001');
  });

  it('writes dates as 2013年9月30日', () => {
    expect(formatDate('2013-09-30')).toBe('2013年9月30日');
    expect(formatDate('2021-10-01')).toBe('2021年10月1日');
    expect(() => formatDate('2013/09/30')).toThrow(RangeError);
  });

  it('writes indicator periods', () => {
    expect(formatPeriod('2012')).toBe('2012年');
    expect(formatPeriod('2013-01/2013-09')).toBe('2013年1—9月');
    expect(formatPeriod('2013-05/2013-05')).toBe('2013年5月');
    expect(formatPeriod('2012-10/2013-09')).toBe('2012年10月至2013年9月');
  });

  it('writes an instant in Beijing time', () => {
    expect(formatBeijingTime(new Date('2026-11-28T16:30:00Z'))).toBe('2026年11月29日 00:30');
  });
});
