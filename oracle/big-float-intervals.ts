/**
 * The big-float stage: interval arithmetic on dyadic rationals m · 2^e with p-bit mantissas and an
 * exponent of no fixed range (./dyadic.ts), with directed rounding. It is tried after the binary64 and
 * rational stages and before the decimal ladder (./staged.ts), for what binary64's range loses: a
 * product with a subnormal-double hyperparameter (5e-324 · 2^−16 underflows binary64 and leaves the
 * sign of θ − α m̂ / (√v̂ + ε) unknown; here it is an ordinary number).
 *
 * It follows the decimal stage's semantics (./interval.ts) operation by operation, at p bits instead
 * of p digits: each result encloses the exact result; a result of two exact points is a point when it
 * is exact, and then a zero carries the sign IEEE 754 gives the exact operation (x − x = +0,
 * −0 · 5 = −0); NaN and ±∞ are points of their own with IEEE's rules (./big-float-values.ts). What
 * it cannot decide it leaves to the decimal stage ({@link Undecided}): a divisor or a root's argument
 * whose interval holds 0 without being it, a sign an interval does not tell where an operation needs
 * it (∞ · [−1, 1]), and a power with a real exponent of a special value.
 *
 * @module
 */
import { Decimal } from 'decimal.js';
import type { Dec } from './binary32.js';
import * as d from './dyadic.js';
import type { Arithmetic, Enclosure } from './enclosure.js';
import {
  around,
  infinityOf,
  isInfinite,
  isPoint,
  isSpecial,
  isZeroPoint,
  NAN,
  NEGATIVE_INFINITY,
  pointNegative,
  pointOf,
  POSITIVE_INFINITY,
  specialMaximum,
  specialProduct,
  specialQuotient,
  specialRoot,
  specialSum,
  UNDECIDED,
  zeroOf,
  type BigInterval,
} from './big-float-values.js';
import { powerInDecimal } from './big-float-power.js';
import type { Interval } from './interval.js';
import { powerBySquaring, requireExponent } from './power.js';

export { NAN, NEGATIVE_INFINITY, POSITIVE_INFINITY, type BigInterval } from './big-float-values.js';

/**
 * The interval [lo, hi] of a result that is never an exact zero point (max returns none it builds), so
 * its zero mark, read only on a point whose value is 0, is never read.
 */
const between = (lo: d.Dyadic, hi: d.Dyadic): BigInterval => ({ lo, hi, negativeZero: false });

/** The hull of f over the four corners of x × y, each corner rounded down for the lower end and up for the upper. */
function cornerHull(
  x: BigInterval,
  y: BigInterval,
  f: (u: d.Dyadic, v: d.Dyadic, up: boolean) => d.Dyadic,
): BigInterval {
  const corners: [d.Dyadic, d.Dyadic][] = [
    [x.lo, y.lo],
    [x.lo, y.hi],
    [x.hi, y.lo],
    [x.hi, y.hi],
  ];
  return between(
    corners.map(([u, v]) => f(u, v, false)).reduce(d.smaller),
    corners.map(([u, v]) => f(u, v, true)).reduce(d.larger),
  );
}

/** p-bit dyadic interval arithmetic implementing the oracle's {@link Arithmetic}. */
export class BigFloatIntervals implements Arithmetic {
  private static readonly cache = new Map<number, BigFloatIntervals>();

  /** The arithmetic at `bits` significant bits (cached). */
  static at(bits: number): BigFloatIntervals {
    let a = BigFloatIntervals.cache.get(bits);
    if (a === undefined) {
      a = new BigFloatIntervals(bits);
      BigFloatIntervals.cache.set(bits, a);
    }
    return a;
  }

  private constructor(readonly bits: number) {}

  /** The exact decimal value, enclosed at p bits (a point when it is a dyadic of at most p bits). */
  point(value: Dec | string | number): BigInterval {
    const x = new Decimal(value);
    if (x.isNaN()) return NAN;
    if (!x.isFinite()) return infinityOf(x.isNegative());
    if (x.isZero()) return zeroOf(x.isNegative());
    const lo = d.ofDecimal(x, this.bits, false);
    const hi = d.ofDecimal(x, this.bits, true);
    return around(lo.q, hi.q, lo.exact);
  }

  /** A decimal interval's ends enclosed outward at p bits (a scheduled rate's enclosure, say). */
  ofDecimalInterval(i: Interval): BigInterval {
    if (!i.lo.isFinite() || !i.hi.isFinite()) throw UNDECIDED;
    if (i.lo.eq(i.hi)) return this.point(i.lo);
    return between(d.ofDecimal(i.lo, this.bits, false).q, d.ofDecimal(i.hi, this.bits, true).q);
  }

  /** The exact value of a binary32 (NaN and ±∞ as themselves). */
  fromFloat32(x: number): BigInterval {
    if (x !== x) return NAN;
    if (x - x !== 0) return infinityOf(x < 0);
    if (x === 0) return zeroOf(Object.is(x, -0));
    return pointOf(d.ofDouble(x));
  }

  /** Whether the value is zero: a point by its value, an interval that excludes 0 is not; else undecided. */
  isZero(a: Enclosure): boolean {
    const x = a as BigInterval;
    if (isSpecial(x)) return false;
    if (isPoint(x)) return x.lo.m === 0n;
    if (d.sign(x.lo) > 0 || d.sign(x.hi) < 0) return false;
    throw UNDECIDED;
  }

  /** Whether the value is negative (−0 counts): a point by its value and sign, an interval by its ends. */
  isNegative(a: Enclosure): boolean {
    const x = a as BigInterval;
    if (x === NAN) return false;
    if (isInfinite(x) || isPoint(x)) return pointNegative(x);
    if (d.sign(x.hi) < 0) return true;
    if (d.sign(x.lo) > 0) return false;
    throw UNDECIDED;
  }

  /** a + b; two points whose exact sum is 0 give +0, unless both are −0. */
  add(a: Enclosure, b: Enclosure): BigInterval {
    const x = a as BigInterval;
    const y = b as BigInterval;
    const p = this.bits;
    const special = specialSum(x, y);
    if (special !== undefined) return special;
    if (isPoint(x) && isPoint(y)) {
      if (isZeroPoint(x) && isZeroPoint(y)) return zeroOf(x.negativeZero && y.negativeZero);
      const lo = d.add(x.lo, y.lo, p, false);
      const hi = d.add(x.lo, y.lo, p, true);
      if (d.compare(lo, hi) === 0) return lo.m === 0n ? zeroOf(false) : pointOf(lo);
      return between(lo, hi);
    }
    return between(d.add(x.lo, y.lo, p, false), d.add(x.hi, y.hi, p, true));
  }

  /** a − b = a + (−b). */
  sub(a: Enclosure, b: Enclosure): BigInterval {
    return this.add(a, this.neg(b));
  }

  /** −a, exactly (−0 for the point +0). */
  neg(a: Enclosure): BigInterval {
    const x = a as BigInterval;
    if (x === NAN) return NAN;
    if (isInfinite(x)) return infinityOf(x === POSITIVE_INFINITY);
    if (isZeroPoint(x)) return zeroOf(!x.negativeZero);
    if (isPoint(x)) return pointOf(d.negate(x.lo));
    return between(d.negate(x.hi), d.negate(x.lo));
  }

  /** |a|, exactly. */
  abs(a: Enclosure): BigInterval {
    const x = a as BigInterval;
    if (x === NAN) return NAN;
    if (isInfinite(x)) return POSITIVE_INFINITY;
    if (isZeroPoint(x)) return zeroOf(false);
    if (d.sign(x.lo) >= 0) return x;
    if (d.sign(x.hi) <= 0) return this.neg(x);
    return between(d.ZERO, d.larger(d.negate(x.lo), x.hi));
  }

  /** a · b; an exact zero times a value of known sign is a zero of the product's IEEE sign. */
  mul(a: Enclosure, b: Enclosure): BigInterval {
    const x = a as BigInterval;
    const y = b as BigInterval;
    const p = this.bits;
    const special = specialProduct(x, y);
    if (special !== undefined) return special;
    const px = isPoint(x);
    const py = isPoint(y);
    if ((px && x.lo.m === 0n) || (py && y.lo.m === 0n)) {
      return zeroOf(this.isNegative(x) !== this.isNegative(y));
    }
    if (px && py) {
      const exact = d.mulExact(x.lo, y.lo);
      // An exact product that fits p bits is a point at p bits all the same (the rounding drops only
      // zeros): a point's mantissa can carry trailing zeros (ofDecimal's quotient for 0.5), which a
      // product kept as it came would double at each squaring, to millions of bits for β^t at t = 10^6.
      const lo = d.rounded(exact.m, exact.e, p, false);
      return d.fits(exact.m, p) ? pointOf(lo) : between(lo, d.rounded(exact.m, exact.e, p, true));
    }
    if (d.sign(x.lo) >= 0 && d.sign(y.lo) >= 0) return between(d.mul(x.lo, y.lo, p, false), d.mul(x.hi, y.hi, p, true));
    return cornerHull(x, y, (u, v, up) => d.mul(u, v, p, up));
  }

  /** a², never below 0. */
  square(a: Enclosure): BigInterval {
    const m = this.abs(a);
    return isZeroPoint(m) ? zeroOf(false) : this.mul(m, m);
  }

  /** a / b for a divisor of known sign, NaN for 0/0; another exact zero divisor (IEEE ±∞) is left undecided. */
  div(a: Enclosure, b: Enclosure): BigInterval {
    const x = a as BigInterval;
    const y = b as BigInterval;
    const p = this.bits;
    const special = specialQuotient(x, y);
    if (special !== undefined) return special;
    if (d.sign(y.lo) <= 0 && d.sign(y.hi) >= 0) throw UNDECIDED;
    if (isPoint(x) && x.lo.m === 0n) return zeroOf(x.negativeZero !== d.sign(y.lo) < 0);
    if (isPoint(x) && isPoint(y)) {
      const lo = d.div(x.lo, y.lo, p, false);
      return around(lo.q, d.div(x.lo, y.lo, p, true).q, lo.exact);
    }
    return cornerHull(x, y, (u, v, up) => d.div(u, v, p, up).q);
  }

  /** √a for a ≥ 0, with √(−0) = −0, NaN below 0; an argument that straddles 0 is left undecided. */
  sqrt(a: Enclosure): BigInterval {
    const x = a as BigInterval;
    const special = specialRoot(x);
    if (special !== undefined) return special;
    if (isZeroPoint(x)) return x;
    if (d.sign(x.hi) < 0) return NAN;
    if (d.sign(x.lo) < 0) throw UNDECIDED;
    const p = this.bits;
    const lo = d.sqrt(x.lo, p, false);
    if (isPoint(x)) return around(lo.r, d.sqrt(x.lo, p, true).r, lo.exact);
    return between(lo.r, d.sqrt(x.hi, p, true).r);
  }

  /** max(a, b); two zeros of different signs are left undecided. */
  max(a: Enclosure, b: Enclosure): BigInterval {
    const x = a as BigInterval;
    const y = b as BigInterval;
    const special = specialMaximum(x, y);
    if (special !== undefined) return special;
    if (isPoint(x) && isPoint(y)) {
      const c = d.compare(x.lo, y.lo);
      if (c === 0 && x.lo.m === 0n && x.negativeZero !== y.negativeZero) throw UNDECIDED;
      return c >= 0 ? x : y;
    }
    const r = between(d.larger(x.lo, y.lo), d.larger(x.hi, y.hi));
    if (!isZeroPoint(r)) return r;
    // A zero point from a point zero and an interval wholly below it: that zero, with its sign.
    if (isZeroPoint(x) && d.sign(y.hi) < 0) return x;
    if (isZeroPoint(y) && d.sign(x.hi) < 0) return y;
    throw UNDECIDED;
  }

  /** a^n for an integer n ≥ 0 and a ≥ 0 (−0 and below left undecided, as in binary64), by binary powering. */
  powInt(a: Enclosure, n: number): BigInterval {
    requireExponent(n);
    const x = a as BigInterval;
    if (x === NEGATIVE_INFINITY || (!isSpecial(x) && (d.sign(x.lo) < 0 || (isZeroPoint(x) && x.negativeZero))))
      throw UNDECIDED;
    return powerBySquaring(pointOf(d.ONE), x, n, (u, v) => this.mul(u, v));
  }

  /** a^y for a > 0 and real y, by the decimal stage's powers (./big-float-power.ts), enclosed outward at p bits. */
  powReal(a: Enclosure, y: Enclosure): BigInterval {
    const x = a as BigInterval;
    if (x === NAN || y === NAN) return NAN;
    if (isSpecial(x) || isSpecial(y as BigInterval) || d.sign(x.lo) <= 0) throw UNDECIDED;
    return this.ofDecimalInterval(powerInDecimal(x, y as BigInterval, this.bits));
  }
}

/**
 * The binary32 both ends of `a` round to, or undefined. A result that rounds to zero takes the sign
 * of the exact value: +0 above 0, −0 below, and for an exact zero the point's IEEE sign; an interval
 * that holds 0 otherwise decides no sign (as `certifiedFloat32` of ./certify.ts).
 */
export function roundBigIntervalToFloat32(a: BigInterval): number | undefined {
  if (a === NAN) return NaN;
  if (isInfinite(a)) return a === POSITIVE_INFINITY ? Infinity : -Infinity;
  const lo = d.toFloat32(a.lo);
  if (lo !== d.toFloat32(a.hi)) return undefined;
  if (lo !== 0) return lo;
  if (d.sign(a.lo) > 0) return 0;
  if (d.sign(a.hi) < 0) return -0;
  if (isPoint(a)) return a.negativeZero ? -0 : 0;
  return undefined;
}
