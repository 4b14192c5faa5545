/** value = units / 10^scale: an exact decimal, for ratios and for printing amounts. */
export interface Decimal {
  units: bigint;
  scale: number;
}

const NUMBER_TEXT = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/;

/**
 * A JSON number at its shortest decimal form (what `String` prints, the form it travelled in),
 * never through float arithmetic.
 */
export const decimalOf = (value: number): Decimal => {
  const match = Number.isFinite(value) ? NUMBER_TEXT.exec(String(value)) : null;
  if (!match) throw new RangeError(`${value} is not a finite number`);
  const [, sign, whole, fraction = '', exponent = '0'] = match;
  const scale = fraction.length - Number(exponent);
  const digits = BigInt(whole + fraction) * (sign ? -1n : 1n);
  return scale >= 0 ? { units: digits, scale } : { units: digits * 10n ** BigInt(-scale), scale: 0 };
};
