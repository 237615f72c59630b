/**
 * The float64 stage's second try: the quantities a rule's preparation shares between elements (1 − β,
 * 1 − β^t, ε/√(1 − β2^t), ...) computed in decimal interval arithmetic and then enclosed in doubles.
 *
 * A decimal hyperparameter such as β = 0.9999999999999982 enters binary64 as [x, nextUp(x)], an
 * interval one ulp (2^−53) wide, so 1 − β ≈ 1.8 · 10^−15 comes out of binary64 with a relative width
 * near 0.1 and no element's result is decided. Computed at {@link REFINED_PRECISION} digits first,
 * 1 − β is known to 10^−40 relative, and its enclosure in doubles is one ulp wide. The formula is the
 * rule's own `prepare`, evaluated in {@link IntervalArithmetic}; only its results change
 * representation, outward: a decimal interval [lo, hi] becomes [the largest double ≤ lo, the smallest
 * double ≥ hi] ({@link enclosureOfText}), which encloses it, so every exact value the decimal interval
 * encloses is enclosed again.
 *
 * @module
 */
import { Decimal } from 'decimal.js';
import { enclosureOfText } from './float64-decimal.js';
import type { F64 } from './float64-rounding.js';
import type { Interval } from './interval.js';

/** Digits of the decimal preparation: 10^−40 relative, far below binary64's 2^−53 ≈ 1.1 · 10^−16. */
export const REFINED_PRECISION = 40;

const isInterval = (x: object): x is Interval =>
  'near' in x && x.near instanceof Decimal && 'lo' in x && x.lo instanceof Decimal;

/** [lo, hi] of decimals as the tightest enclosing interval of doubles; a point that is a double stays a point. */
export function doublesEnclosing(i: Interval): F64 {
  if (i.lo.isNaN() || i.hi.isNaN()) return { lo: NaN, hi: NaN };
  const lo = enclosureOfText(i.lo.toString()).lo;
  const hi = enclosureOfText(i.hi.toString()).hi;
  // An exact zero keeps the sign the decimal evaluation gives it (IEEE's, for a point).
  if (lo === 0 && hi === 0 && i.lo.isZero() && i.hi.isZero())
    return i.near.isNeg() ? { lo: -0, hi: -0 } : { lo: 0, hi: 0 };
  return { lo, hi };
}

/**
 * `prepared` with every decimal {@link Interval} in it replaced by {@link doublesEnclosing}, through
 * plain objects and arrays (a preparation is a record of enclosures, its step context, and flags).
 */
export function inDoubles<P>(prepared: P): P {
  return convert(prepared) as P;
}

function convert(x: unknown): unknown {
  if (typeof x !== 'object' || x === null) return x;
  if (isInterval(x)) return doublesEnclosing(x);
  if (Array.isArray(x)) return x.map(convert);
  if (Object.getPrototypeOf(x) !== Object.prototype) return x;
  return Object.fromEntries(Object.entries(x).map(([k, v]) => [k, convert(v)]));
}
