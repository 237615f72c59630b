/**
 * Exact rationals for the algebraic part of the schedules: hyperparameters are decimals and steps
 * integers, so t/T, the phase ends of OneCycleLR, the warmups and LinearLR's factors are rationals,
 * computed here without rounding. A rational enters the interval arithmetic once, as the quotient of
 * its numerator and denominator, which decimal.js's directed division encloses (and which is an
 * exact point whenever the quotient has at most the working precision's digits, a float's midpoint
 * included). Cosines take their argument as a rational, so that the cases where cos(π x) is
 * rational are decided exactly (./cos-pi.ts).
 *
 * @module
 */
import { Decimal } from 'decimal.js';
import type { Interval, IntervalArithmetic } from '../interval.js';

/** An exact rational num/den in lowest terms, den > 0. */
export interface Q {
  readonly num: bigint;
  readonly den: bigint;
}

const gcd = (a: bigint, b: bigint): bigint => {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
};

/** num/den in lowest terms; den must not be 0. */
export function ratio(num: bigint, den: bigint): Q {
  if (den === 0n) throw new RangeError('a rational with denominator 0');
  const sign = den < 0n ? -1n : 1n;
  const g = gcd(num, den) || 1n;
  return { num: (sign * num) / g, den: (sign * den) / g };
}

/** The exact rational of decimal text ('0.001', '1e-3') or of a safe integer. */
export function rational(value: string | number): Q {
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) throw new RangeError(`${value} is not a safe integer`);
    return { num: BigInt(value), den: 1n };
  }
  // Fixed-point text: the sign, if any, leads the whole part, which BigInt reads with the digits.
  const [whole, fraction = ''] = new Decimal(value).toFixed().split('.') as [string, string?];
  return ratio(BigInt(whole + fraction), 10n ** BigInt(fraction.length));
}

/** a + b. */
export const add = (a: Q, b: Q): Q => ratio(a.num * b.den + b.num * a.den, a.den * b.den);
/** a − b. */
export const sub = (a: Q, b: Q): Q => ratio(a.num * b.den - b.num * a.den, a.den * b.den);
/** a · b. */
export const mul = (a: Q, b: Q): Q => ratio(a.num * b.num, a.den * b.den);
/** a / b (b ≠ 0). */
export const div = (a: Q, b: Q): Q => ratio(a.num * b.den, a.den * b.num);
/** −1, 0 or 1 as a <, =, > b. */
export const cmp = (a: Q, b: Q): number => {
  const d = a.num * b.den - b.num * a.den;
  return d < 0n ? -1 : d > 0n ? 1 : 0;
};
/** min(a, b). */
export const min = (a: Q, b: Q): Q => (cmp(a, b) <= 0 ? a : b);
/** Whether a is 0. */
export const isZero = (a: Q): boolean => a.num === 0n;
/** ⌊a⌋. */
export function floor(a: Q): bigint {
  const q = a.num / a.den;
  // In lowest terms, a is an integer exactly when its denominator is 1; else q is rounded towards 0.
  return a.num < 0n && a.den !== 1n ? q - 1n : q;
}

/** The enclosure of the exact rational x: num/den, one directed division (a point when it is exact). */
export function enclose(a: IntervalArithmetic, x: Q): Interval {
  return a.div(a.point(x.num.toString()), a.point(x.den.toString()));
}
