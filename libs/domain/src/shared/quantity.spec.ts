import { fromThousandths, hasAtMostThreeDecimals, toThousandths } from './quantity';

describe('quantities with at most three decimals', () => {
  it('accepts whole numbers and up to three decimals', () => {
    for (const q of [0, 1, 38.9, 0.001, 116.7, 1234567.125]) expect(hasAtMostThreeDecimals(q)).toBe(true);
  });

  it('refuses a fourth decimal, tiny numbers, infinities and non-numbers', () => {
    for (const q of [0.0001, 1.2345, 1e-7, Infinity, NaN, '1.5', 1e21]) expect(hasAtMostThreeDecimals(q)).toBe(false);
  });

  it('adds up exactly as thousandths: 3 × 38.9 is 116.7', () => {
    const sum = [38.9, 38.9, 38.9].map(toThousandths).reduce((a, b) => a + b, 0);
    expect(sum).toBe(116_700);
    expect(fromThousandths(sum)).toBe(116.7);
    expect(38.9 + 38.9 + 38.9).not.toBe(116.7);
  });

  it('converts negative and whole quantities', () => {
    expect(toThousandths(-2.05)).toBe(-2050);
    expect(toThousandths(7)).toBe(7000);
  });
});
