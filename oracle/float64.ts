/**
 * Interval arithmetic on binary64 with outward rounding: the fast first stage of certification.
 * The primitives are in `float64-rounding.ts`, decimal text in `float64-decimal.ts`, ln and exp in
 * `float64-exp.ts`; this module re-exports what the rest of the oracle uses.
 *
 * Every +, −, ×, ÷ and √ of JavaScript is correctly rounded to nearest (ECMA-262 §6.1.6.1, IEEE
 * 754), so the exact result of one operation on doubles lies within half an ulp of the double
 * returned; {@link down} and {@link up} move that double at least one ulp outward, and so enclose it.
 * An operation on two exact points whose result is itself exact (checked by the error-free
 * transformations TwoSum and Dekker's TwoProduct) stays an exact point, so that exact float32
 * midpoints and exact zeros (with IEEE's sign) keep being decided. Infinities: an end that overflows
 * from finite operands becomes the unbounded end [MAX_VALUE, +∞] (or [−∞, −MAX_VALUE]), which rounds
 * to ±∞ in float32 either way; IEEE arithmetic on true infinities is exact.
 *
 * What this arithmetic cannot decide (a divisor interval holding zero, NaN at one end, the sign of a
 * zero that is not exact) throws `Undecided` ({@link FLOAT64_UNDECIDED}): the caller then falls
 * through to the decimal stage. Powers use binary powering ({@link Float64Enclosures.powInt}), never
 * `Math.pow`, and a^y uses a proven enclosure of exp ({@link expEnclosure}); `Math.exp` and
 * `Math.log` are never used, since ECMAScript does not bound their error.
 *
 * @module
 */
import type { Dec } from './binary32.js';
import type { Arithmetic } from './enclosure.js';
import { enclosureOfText } from './float64-decimal.js';
import { expEnclosure, lnEnclosure } from './float64-exp.js';
import * as k from './float64-kernels.js';
import { finite, FLOAT64_UNDECIDED, isPoint, point, result, type F64 } from './float64-rounding.js';
import { powerBySquaring, requireExponent } from './power.js';

export { down, FLOAT64_UNDECIDED, nextDown, nextUp, up, type F64 } from './float64-rounding.js';
export { exactOfDouble } from './float64-decimal.js';
export {
  EXP_DEGREE,
  EXP_REMAINDER,
  expEnclosure,
  LN2_BOUNDS,
  lnEnclosure,
  powerOfTwo,
  type F64Operations,
} from './float64-exp.js';

/** Interval arithmetic on doubles with outward rounding, implementing the oracle's {@link Arithmetic}. */
export class Float64Enclosures implements Arithmetic {
  /** The shared instance (the arithmetic has no state but its caches). */
  static readonly instance = new Float64Enclosures();

  /**
   * The same arithmetic under another identity, for the float64 stage's second try: a driver that
   * sees it prepares the shared quantities in decimal and encloses them in doubles
   * (./refined-preparation.ts) instead of preparing them in binary64.
   */
  static readonly refined = new Float64Enclosures();

  private readonly points = new Map<string, F64>();

  /**
   * The exact value of decimal text ({@link enclosureOfText}): the point x = Number(text) when the text
   * equals it exactly, else [x, nextUp(x)] or [nextDown(x), x] by the side of x the text lies on
   * (compared in BigInt). Cached per text. A number is read as decimal.js reads it, by its shortest
   * text; a zero keeps its sign (decimal.js writes −0 as "0"), as the decimal stage's point does.
   */
  point(value: Dec | string | number): F64 {
    if (typeof value === 'number' && Number.isSafeInteger(value)) return point(value);
    if (typeof value === 'object' && value.isZero()) return point(value.isNeg() ? -0 : 0);
    const text = String(value);
    let p = this.points.get(text);
    if (p === undefined) {
      p = enclosureOfText(text);
      this.points.set(text, p);
    }
    return p;
  }

  /** A binary32 is a double, exactly. */
  fromFloat32(x: number): F64 {
    return point(x);
  }

  /** a + b. */
  add(a: F64, b: F64): F64 {
    k.add(a.lo, a.hi, b.lo, b.hi);
    return result();
  }

  /** a − b. */
  sub(a: F64, b: F64): F64 {
    k.sub(a.lo, a.hi, b.lo, b.hi);
    return result();
  }

  /** −a (exact). */
  neg(a: F64): F64 {
    k.neg(a.lo, a.hi);
    return result();
  }

  /** |a| (exact). */
  abs(a: F64): F64 {
    k.abs(a.lo, a.hi);
    return result();
  }

  /**
   * a · b: by the signs of the ends, or the four products' extremes; two exact points give the
   * point when TwoProduct finds the product exact; an exact zero times an interval that excludes 0
   * is the zero IEEE signs.
   */
  mul(a: F64, b: F64): F64 {
    k.mul(a.lo, a.hi, b.lo, b.hi);
    return result();
  }

  /** a², never below 0. */
  square(a: F64): F64 {
    k.square(a.lo, a.hi);
    return result();
  }

  /** a / b with IEEE semantics for an exactly zero divisor, as {@link IntervalArithmetic.div}. */
  div(a: F64, b: F64): F64 {
    k.div(a.lo, a.hi, b.lo, b.hi);
    return result();
  }

  /** √a, with √(−0) = −0 and NaN for a negative argument. */
  sqrt(a: F64): F64 {
    k.sqrt(a.lo, a.hi);
    return result();
  }

  /** max(a, b), NaN if either is NaN; max(−0, +0) = +0, as decimal.js's Decimal.max. */
  max(a: F64, b: F64): F64 {
    k.max(a.lo, a.hi, b.lo, b.hi);
    return result();
  }

  /** a^n for an integer n ≥ 0 and a ≥ 0, by binary powering with outward rounding at each product. */
  powInt(a: F64, n: number): F64 {
    requireExponent(n);
    if (a.lo < 0 || Object.is(a.lo, -0)) throw FLOAT64_UNDECIDED;
    return powerBySquaring(point(1), a, n, mulNonnegative);
  }

  /**
   * a^y = exp(y · ln a) for a > 0: ln a enclosed once per base by decimal.js ({@link lnEnclosure}),
   * the product outward-rounded, exp by {@link expEnclosure}, increasing, so its ends bound it; a^0 = 1.
   */
  powReal(a: F64, y: F64): F64 {
    if (!(a.lo > 0) || !finite(a.hi) || !finite(y.lo) || !finite(y.hi)) throw FLOAT64_UNDECIDED;
    // a^0 = 1: the product 0 · ln a is a zero of no decided sign when ln a holds 0, but exp(±0) = 1.
    if (y.lo === 0 && y.hi === 0) return point(1);
    const z = this.mul(y, lnEnclosure(a));
    return { lo: expEnclosure(this, z.lo).lo, hi: expEnclosure(this, z.hi).hi };
  }

  /** Zero when the enclosure is the exact point ±0, not zero when it excludes 0, else undecided. */
  isZero(a: F64): boolean {
    if (a.lo > 0 || a.hi < 0 || a.lo !== a.lo) return false;
    if (isPoint(a)) return true;
    throw FLOAT64_UNDECIDED;
  }

  /** Negative when hi < 0 or the exact point −0; not when lo > 0 or the exact point +0; else undecided. */
  isNegative(a: F64): boolean {
    if (a.hi < 0) return true;
    if (a.lo > 0 || a.lo !== a.lo) return false;
    if (isPoint(a)) return Object.is(a.lo, -0);
    throw FLOAT64_UNDECIDED;
  }
}

/** a · b for a, b ≥ 0: [down(a.lo · b.lo) clamped at 0, up(a.hi · b.hi)], exact for two exact points. */
function mulNonnegative(a: F64, b: F64): F64 {
  k.mulNonnegative(a.lo, a.hi, b.lo, b.hi);
  return result();
}
