/**
 * Exact decimal arithmetic for the summary's ratios. A JSON number is taken at its shortest
 * decimal form (what `String` prints, the form it travelled in), never through float arithmetic.
 */
import { Decimal, decimalOf } from '@sunshine/domain';

/**
 * `numerator / denominator` rounded half-up (half away from zero) to `places` decimals, computed
 * on integers, or null when the denominator is zero. 55173 / 20000 = 2.75865 → 2.7587.
 */
export const roundedRatio = (numerator: number, denominator: number, places = 4): number | null => {
  const a = decimalOf(numerator);
  const b = decimalOf(denominator);
  if (b.units === 0n) return null;
  // a/b = (a.units · 10^b.scale) / (b.units · 10^a.scale), scaled by 10^places.
  let num = a.units * 10n ** BigInt(b.scale + places);
  let den = b.units * 10n ** BigInt(a.scale);
  if (den < 0n) [num, den] = [-num, -den];
  const magnitude = num < 0n ? -num : num;
  const rounded = (2n * magnitude + den) / (2n * den);
  if (rounded === 0n) return 0;
  const unit = 10n ** BigInt(places);
  const text = `${num < 0n ? '-' : ''}${rounded / unit}.${String(rounded % unit).padStart(places, '0')}`;
  // The nearest double to the exact decimal, as JSON will print it; a ratio past the largest
  // double (values such as 1e-320 then 1e308) is given as the largest, never as Infinity, which
  // JSON would turn into null and the report could not print.
  const nearest = Number(text);
  return Number.isFinite(nearest) ? nearest : Math.sign(nearest) * Number.MAX_VALUE;
};

/** `a − b` exactly, from the decimals as written (0.3 − 0.1 is 0.2, not 0.19999999999999998). */
export const exactDifference = (a: number, b: number): number => {
  const [x, y] = [decimalOf(a), decimalOf(b)];
  const scale = Math.max(x.scale, y.scale);
  const units = x.units * 10n ** BigInt(scale - x.scale) - y.units * 10n ** BigInt(scale - y.scale);
  const magnitude = units < 0n ? -units : units;
  const unit = 10n ** BigInt(scale);
  const fraction = scale === 0 ? '' : `.${String(magnitude % unit).padStart(scale, '0')}`;
  return Number(`${units < 0n ? '-' : ''}${magnitude / unit}${fraction}`);
};
