/**
 * Between decimals and doubles, exactly: the exact decimal value of a double ({@link exactOfDouble}),
 * and the tightest enclosure of decimal text by doubles ({@link enclosureOfText}), which is how a
 * decimal hyperparameter enters {@link Float64Enclosures}.
 *
 * @module
 */
import { Decimal } from 'decimal.js';
import type { Dec } from './binary32.js';
import { finite, MAX, NAN, nextDown, nextUp, point, type F64 } from './float64-rounding.js';

const Exact = Decimal.clone({ precision: 2000, rounding: Decimal.ROUND_HALF_EVEN });

/** The exact decimal value of a finite double: m · 2^e, computed with enough digits to be exact. */
export function exactOfDouble(x: number): Dec {
  if (!finite(x) || x === 0) return new Exact(x);
  let e = 0;
  let m = Math.abs(x);
  while (!Number.isInteger(m)) {
    m *= 2;
    e -= 1;
  }
  const v = new Exact(BigInt(m).toString()).times(new Exact(2).pow(e));
  return x < 0 ? v.neg() : v;
}

/**
 * The exact value of decimal text: x = Number(text) is correctly rounded, so it is the point when
 * decimal.js finds it equal to the text, else [x, nextUp(x)] or [nextDown(x), x] by the side of x
 * the text lies on; text past the double range gives [MAX_VALUE, +∞] (or [−∞, −MAX_VALUE]).
 */
export function enclosureOfText(text: string): F64 {
  const exact = new Exact(text);
  if (exact.isNaN()) return NAN;
  const x = Number(text);
  if (x !== x) return { lo: -Infinity, hi: Infinity };
  if (!exact.isFinite()) return point(x);
  if (!finite(x)) return x > 0 ? { lo: MAX, hi: Infinity } : { lo: -Infinity, hi: -MAX };
  const cmp = exact.cmp(exactOfDouble(x));
  if (cmp === 0) return point(exact.isZero() && exact.isNeg() ? -0 : x);
  return cmp > 0 ? { lo: x, hi: nextUp(x) } : { lo: nextDown(x), hi: x };
}
