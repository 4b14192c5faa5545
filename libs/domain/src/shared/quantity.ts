/**
 * Physical quantities (km of rural road, …) carry at most 3 decimals, so that sums are exact:
 * they are added as integer thousandths (3 × 38.9 is 116.7, not 116.69999999999999).
 */
export const MAX_QUANTITY = Math.floor(Number.MAX_SAFE_INTEGER / 1000);

/** Decides on the number's shortest decimal form, the one JSON carries, never on float arithmetic. */
export const hasAtMostThreeDecimals = (value: unknown): value is number => {
  if (typeof value !== 'number' || !Number.isFinite(value) || Math.abs(value) > MAX_QUANTITY) return false;
  const text = String(Math.abs(value));
  // Below the limit, only numbers smaller than 1e-6 print with an exponent, and those need > 3 decimals.
  if (text.includes('e')) return false;
  const dot = text.indexOf('.');
  return dot < 0 || text.length - dot - 1 <= 3;
};

/** The exact count of thousandths of a quantity with at most 3 decimals. */
export const toThousandths = (value: number): number => {
  if (!hasAtMostThreeDecimals(value)) throw new RangeError(`${value} has more than 3 decimals or is out of range`);
  const [whole, fraction = ''] = String(Math.abs(value)).split('.');
  const thousandths = Number(whole) * 1000 + Number(fraction.padEnd(3, '0'));
  return value < 0 ? -thousandths : thousandths;
};

/** Back to a number: the nearest double to the exact decimal, e.g. 116700 → 116.7. */
export const fromThousandths = (thousandths: number): number => thousandths / 1000;
