/**
 * π to n significant digits, as the Job example of kubernetes.io prints it with
 * `perl -Mbignum=bpi -wle 'print bpi(2000)'`: rounded (not truncated), trailing zeros kept,
 * "3" alone for n = 1.
 */

const GUARD_DIGITS = 10;

/** arctan(1/x) scaled by `unit`, by its alternating Taylor series in integers. */
function arctanInverse(x: bigint, unit: bigint): bigint {
  const x2 = x * x;
  let power = unit / x; // unit / x^(2k+1)
  let sum = power;
  for (let k = 1n, sign = -1n; power !== 0n; k++, sign = -sign) {
    power /= x2;
    sum += (sign * power) / (2n * k + 1n);
  }
  return sum;
}

/**
 * The decimal digits of π to `n` significant digits (n ≥ 1), formatted like Math::BigFloat:
 * `piDigits(5)` is "3.1416", `piDigits(1)` is "3".
 */
export function piDigits(n: number): string {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`piDigits: n must be a positive integer, got ${n}`);
  const extra = BigInt(n - 1 + GUARD_DIGITS);
  const unit = 10n ** extra;
  // Machin: π = 16·atan(1/5) − 4·atan(1/239)
  const pi = 16n * arctanInverse(5n, unit) - 4n * arctanInverse(239n, unit);
  const scale = 10n ** BigInt(GUARD_DIGITS);
  const rounded = (pi + scale / 2n) / scale;
  const digits = rounded.toString();
  return digits.length === 1 ? digits : `${digits[0]}.${digits.slice(1)}`;
}
