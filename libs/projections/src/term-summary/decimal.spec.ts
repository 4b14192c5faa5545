import { exactDifference, roundedRatio } from './decimal';

describe('roundedRatio', () => {
  it('rounds half-up to 4 decimals on exact integers', () => {
    expect(roundedRatio(55_173, 20_000)).toBe(2.7587); // 2.75865
    expect(roundedRatio(55_172, 20_000)).toBe(2.7586); // 2.7586
    expect(roundedRatio(80_000_000_000, 29_000_000_000)).toBe(2.7586);
    expect(roundedRatio(5_003_000_000, 790_000_000)).toBe(6.3329);
    expect(roundedRatio(5_020_000_000, 6_500_000_000)).toBe(0.7723);
    expect(roundedRatio(2, 3)).toBe(0.6667);
    expect(roundedRatio(1, 3)).toBe(0.3333);
  });

  it('rounds a half that float arithmetic would lose', () => {
    // Math.round(10009 / 20000 * 1e4) / 1e4 gives 0.5004; the exact 0.50045 rounds up
    expect(roundedRatio(10_009, 20_000)).toBe(0.5005);
    // 1.00185 is 1.0018499999… as a double; the decimal it was written as rounds up
    expect(roundedRatio(1.00185, 1)).toBe(1.0019);
  });

  it('takes decimal values at their written form', () => {
    expect(roundedRatio(9.8, 12.5)).toBe(0.784);
    expect(roundedRatio(0.3, 0.1)).toBe(3);
    expect(roundedRatio(1e-7, 1e-3)).toBe(0.0001);
    expect(roundedRatio(2e21, 1e21)).toBe(2);
  });

  it('rounds a negative half away from zero', () => {
    expect(roundedRatio(-55_173, 20_000)).toBe(-2.7587);
    expect(roundedRatio(55_173, -20_000)).toBe(-2.7587);
    expect(roundedRatio(-1, 100_000)).toBe(0);
  });

  it('never overflows to Infinity: a ratio beyond what a JSON number holds is the largest one', () => {
    expect(roundedRatio(1e308, 1e-320)).toBe(Number.MAX_VALUE);
    expect(roundedRatio(-1e308, 1e-320)).toBe(-Number.MAX_VALUE);
    expect(roundedRatio(1e-320, 1e308)).toBe(0);
    expect(Number.isFinite(roundedRatio(Number.MAX_VALUE, 0.5))).toBe(true);
  });

  it('has no ratio to zero', () => {
    expect(roundedRatio(5, 0)).toBeNull();
    expect(roundedRatio(0, 7)).toBe(0);
  });
});

describe('exactDifference', () => {
  it('subtracts the decimals as written, not their doubles', () => {
    expect(exactDifference(0.3, 0.1)).toBe(0.2);
    expect(exactDifference(17, 19)).toBe(-2);
    expect(exactDifference(17.25, 19.5)).toBe(-2.25);
    expect(exactDifference(80_000_000_000, 29_000_000_000)).toBe(51_000_000_000);
  });
});
