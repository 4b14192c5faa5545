import {
  formatBeijingTime,
  formatCount,
  formatDate,
  formatGrowth,
  formatPointsChange,
  formatShareChange,
  formatShareOf,
  formatSpan,
  formatMoney,
  formatMoneyInUnits,
  formatPercent,
  formatPercentValue,
  formatPeriod,
  formatQuantity,
} from './chinese-format';

describe('money in Chinese units (from integer 分, exact)', () => {
  it.each([
    [170000000000, '17亿元'],
    [12000000000, '1.2亿元'],
    [1234567, '1.23万元'],
    [65000000000, '6.5亿元'],
    [1200000000, '1200万元'],
    [130000000, '130万元'],
    [12345, '123.45元'],
    [5, '0.05元'],
    [0, '0元'],
  ])('%i 分 → %s', (minor, text) => expect(formatMoney(minor)).toBe(text));

  it('picks the unit by the exact amount: 亿 from 1 亿元, 万 from 1 万元', () => {
    expect(formatMoney(10_000_000_000)).toBe('1亿元');
    expect(formatMoney(1_000_000)).toBe('1万元');
    expect(formatMoney(999_999)).toBe('9999.99元');
    expect(formatMoney(99)).toBe('0.99元');
  });

  it('keeps at most 2 decimals of the unit, rounding half-up on integers', () => {
    // 1.2345 万元 → 1.23; 1.2350 万元 → 1.24 (a float would print 1.2349999…)
    expect(formatMoney(1_234_500)).toBe('1.23万元');
    expect(formatMoney(1_234_999)).toBe('1.23万元');
    expect(formatMoney(1_235_000)).toBe('1.24万元');
    expect(formatMoney(1_005_000)).toBe('1.01万元');
    expect(formatMoney(1_004_999)).toBe('1万元');
    // 1.005 亿元 is the half: up; one 分 less is down.
    expect(formatMoney(10_050_000_000)).toBe('1.01亿元');
    expect(formatMoney(10_049_999_999)).toBe('1亿元');
    expect(formatMoney(33_915_400_000 * 10)).toBe('33.92亿元');
  });

  it('moves to the next unit when rounding reaches 10000 of the unit', () => {
    expect(formatMoney(9_999_995_000)).toBe('1亿元'); // 9999.995 万元 → 10000.00 万元
    expect(formatMoney(9_999_994_999)).toBe('9999.99万元');
    expect(formatMoney(999_995)).toBe('9999.95元'); // 元 are exact: no rounding up to 万
    expect(formatMoney(9_999_999_999)).toBe('1亿元');
  });

  it('is exact for the largest safe amounts', () => {
    expect(formatMoney(Number.MAX_SAFE_INTEGER)).toBe('900719.93亿元'); // 9007199254740991 分
    expect(formatMoney(9_007_199_250_000_000)).toBe('900719.93亿元'); // 900719.925 亿元: the half goes up
    expect(formatMoney(9_007_199_249_999_999)).toBe('900719.92亿元');
    expect(() => formatMoney(Number.MAX_SAFE_INTEGER + 1)).toThrow(RangeError);
    expect(() => formatMoney(12.5)).toThrow(RangeError);
  });

  it('shows USD separately, in 万美元, and names other currencies', () => {
    expect(formatMoney(2900000000, 'USD')).toBe('2900万美元');
    expect(formatMoney(4324000000, 'USD')).toBe('4324万美元');
    expect(formatMoney(1798250000, 'USD')).toBe('1798.25万美元');
    expect(formatMoney(250000000000, 'USD')).toBe('25亿美元');
    expect(formatMoney(123456, 'EUR')).toBe('1234.56欧元');
    expect(formatMoney(1_500_000, 'JPY')).toBe('150万日元'); // yen have no minor unit
    expect(formatMoney(1_500_000, 'XYZ')).toBe('1.5万XYZ');
  });

  it('states per-capita money in yuan, exactly', () => {
    expect(formatMoneyInUnits(2383900)).toBe('23839元');
    expect(formatMoneyInUnits(2383950)).toBe('23839.5元');
    expect(formatMoneyInUnits(7)).toBe('0.07元');
  });
});

describe('percentages, exact to one decimal as statistical bulletins print them', () => {
  it.each([
    [0.95, '95%'],
    [0.945, '94.5%'],
    [0.7723, '77.2%'],
    [0.7725, '77.3%'], // a half: up
    [1, '100%'],
    [0, '0%'],
    [0.0005, '0.1%'],
    [0.0004, '0%'],
  ])('ratio %d → %s', (ratio, text) => expect(formatPercent(ratio)).toBe(text));

  it('takes a share from its counts, never from a rounded ratio', () => {
    expect(formatShareOf(475, 500)).toBe('95%');
    expect(formatShareOf(2, 3)).toBe('66.7%');
    // 77.245 %: rounding the ratio first to 0.7725 would give 77.3 %
    expect(formatShareOf(77_245, 100_000)).toBe('77.2%');
    expect(() => formatShareOf(1, 0)).toThrow(RangeError);
  });

  it('shows an indicator already in percent as such', () => expect(formatPercentValue(7.5)).toBe('7.5%'));
});

describe('growth the Chinese official way', () => {
  it.each([
    // N = last ÷ first − 1 to one decimal, from +100 % up
    [29_000_000_000, 80_000_000_000, '增长1.8倍'], // 2.9亿 → 8亿: 8 ÷ 2.9 − 1 = 1.7586…
    [790_000_000, 5_003_000_000, '增长5.3倍'], // 6.3329 − 1
    [100, 1804.6, '增长17倍'], // the seed's "增长1704.6%"
    [100, 300, '增长2倍'],
    [100, 249.99, '增长1.5倍'],
    // exact doublings are named
    [29, 58, '翻一番'],
    [29, 116, '翻两番'],
    [5, 40, '翻三番'],
    // below +100 %: a percentage to one decimal
    [100, 199.9, '增长99.9%'],
    [100, 199.96, '增长1倍'], // rounds to 100 %: a doubling in words
    [100, 130.02, '增长30%'],
    [100, 112.46, '增长12.5%'],
    [100, 80, '下降20%'],
    [100, 12.345, '下降87.7%'],
    [100, 100, '持平'],
    [100, 100.04, '持平'],
    [100, 100.05, '增长0.1%'],
  ])('%d → %d is %s', (first, last, words) => expect(formatGrowth(first, last)).toBe(words));

  it('states no rate against nothing or a loss', () => {
    expect(formatGrowth(0, 100)).toBeUndefined();
    expect(formatGrowth(-5, 100)).toBeUndefined();
  });

  it('states a share or a rate changing in 百分点, never as a growth of the share', () => {
    expect(formatPointsChange(19, 17)).toBe('下降2个百分点'); // not "下降10.53%"
    expect(formatPointsChange(17, 19.5)).toBe('提高2.5个百分点');
    expect(formatPointsChange(0.1, 0.3)).toBe('提高0.2个百分点'); // exact, not 0.19999…
    expect(formatPointsChange(19, 19.04)).toBe('持平');
    expect(formatShareChange(90, 100, 95, 100)).toBe('提高5个百分点');
    expect(formatShareChange(19, 20, 33, 40)).toBe('下降12.5个百分点');
    expect(formatShareChange(1, 3, 1, 3)).toBe('持平');
  });
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
    expect(formatBeijingTime(new Date('2026-11-28T16:30:00Z'))).toBe('2026年11月29日00时30分');
  });

  it('names a span as a document does', () => {
    expect(formatSpan('2025-01-01', '2025-12-31')).toBe('2025年');
    expect(formatSpan('2025-01-01', '2025-09-30')).toBe('2025年1—9月');
    expect(formatSpan('2024-02-01', '2024-02-29')).toBe('2024年2月');
    expect(formatSpan('2024-10-01', '2025-09-30')).toBe('2024年10月至2025年9月');
    expect(formatSpan('2025-03-05', '2025-09-30')).toBe('2025年3月5日至9月30日');
    expect(formatSpan('2024-12-15', '2025-01-15')).toBe('2024年12月15日至2025年1月15日');
  });
});
