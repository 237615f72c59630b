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
import {
  checked,
  down,
  finite,
  FLOAT64_UNDECIDED,
  isPoint,
  NAN,
  overflowed,
  point,
  pointProduct,
  pointSum,
  productError,
  straddlesZero,
  up,
  type F64,
} from './float64-rounding.js';
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

  private readonly points = new Map<string, F64>();

  /**
   * The exact value of decimal text: x = Number(text) is correctly rounded, so it is the point when
   * decimal.js finds it equal to the text, else [x, nextUp(x)] or [nextDown(x), x] by the side of x
   * the text lies on. Cached per text.
   */
  point(value: Dec | string | number): F64 {
    if (typeof value === 'number' && Number.isSafeInteger(value)) return point(value);
    const text = typeof value === 'string' ? value : value.toString();
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
    if (a.lo !== a.lo || b.lo !== b.lo) return NAN;
    if (isPoint(a) && isPoint(b)) return pointSum(a.lo, b.lo);
    return checked(down(a.lo + b.lo), up(a.hi + b.hi));
  }

  /** a − b. */
  sub(a: F64, b: F64): F64 {
    if (a.lo !== a.lo || b.lo !== b.lo) return NAN;
    if (isPoint(a) && isPoint(b)) return pointSum(a.lo, -b.lo);
    return checked(down(a.lo - b.hi), up(a.hi - b.lo));
  }

  /** −a (exact). */
  neg(a: F64): F64 {
    return isPoint(a) ? point(-a.lo) : { lo: -a.hi, hi: -a.lo };
  }

  /** |a| (exact). */
  abs(a: F64): F64 {
    if (a.lo !== a.lo) return NAN;
    if (isPoint(a)) return point(Math.abs(a.lo));
    if (a.lo >= 0) return a;
    if (a.hi <= 0) return { lo: -a.hi, hi: -a.lo };
    return { lo: 0, hi: Math.max(-a.lo, a.hi) };
  }

  /** a · b: by the signs of the ends, or the four products' extremes. */
  mul(a: F64, b: F64): F64 {
    if (a.lo !== a.lo || b.lo !== b.lo) return NAN;
    const pa = isPoint(a);
    const pb = isPoint(b);
    if (pa && pb) return pointProduct(a.lo, b.lo);
    if (pa || pb) {
      const x = pa ? a.lo : b.lo;
      const i = pa ? b : a;
      if (x === 0 && finite(i.lo) && finite(i.hi)) {
        // An exact zero, signed as IEEE signs the product of x and any value of i (when i tells one).
        if (i.lo > 0) return point(x);
        if (i.hi < 0) return point(-x);
        throw FLOAT64_UNDECIDED;
      }
      return x >= 0 ? checked(down(i.lo * x), up(i.hi * x)) : checked(down(i.hi * x), up(i.lo * x));
    }
    if (a.lo >= 0 && b.lo >= 0) return checked(down(a.lo * b.lo), up(a.hi * b.hi));
    const p1 = a.lo * b.lo;
    const p2 = a.lo * b.hi;
    const p3 = a.hi * b.lo;
    const p4 = a.hi * b.hi;
    return checked(down(Math.min(p1, p2, p3, p4)), up(Math.max(p1, p2, p3, p4)));
  }

  /** a², never below 0. */
  square(a: F64): F64 {
    if (a.lo !== a.lo) return NAN;
    if (isPoint(a)) return pointProduct(a.lo, a.lo);
    const m = this.abs(a);
    const lo = down(m.lo * m.lo);
    return checked(lo < 0 ? 0 : lo, up(m.hi * m.hi));
  }

  /** a / b with IEEE semantics for an exactly zero divisor, as {@link IntervalArithmetic.div}. */
  div(a: F64, b: F64): F64 {
    if (a.lo !== a.lo || b.lo !== b.lo) return NAN;
    if (isPoint(b) && b.lo === 0) {
      if (isPoint(a)) return point(a.lo / b.lo);
      if (a.lo > 0) return point(1 / b.lo);
      if (a.hi < 0) return point(-1 / b.lo);
      throw FLOAT64_UNDECIDED;
    }
    if (straddlesZero(b)) throw FLOAT64_UNDECIDED;
    if (isPoint(a) && a.lo === 0 && finite(b.lo) && finite(b.hi)) return point(a.lo / (b.lo > 0 ? b.lo : b.hi));
    if (isPoint(a) && isPoint(b)) {
      const x = a.lo;
      const y = b.lo;
      const q = x / y;
      if (finite(q)) {
        if (x === 0) return point(q);
        const p = q * y;
        if (p === x && productError(q, y, p) === 0) return point(q);
        return { lo: down(q), hi: up(q) };
      }
      if (q !== q || !finite(x)) return point(q);
      return overflowed(q);
    }
    const q1 = a.lo / b.lo;
    const q2 = a.lo / b.hi;
    const q3 = a.hi / b.lo;
    const q4 = a.hi / b.hi;
    return checked(down(Math.min(q1, q2, q3, q4)), up(Math.max(q1, q2, q3, q4)));
  }

  /** √a, with √(−0) = −0 and NaN for a negative argument. */
  sqrt(a: F64): F64 {
    if (a.lo !== a.lo) return NAN;
    if (a.hi < 0) return NAN;
    if (a.lo < 0) throw FLOAT64_UNDECIDED;
    if (isPoint(a)) {
      const x = a.lo;
      const r = Math.sqrt(x);
      if (x === 0 || !finite(x)) return point(r);
      const p = r * r;
      if (p === x && productError(r, r, p) === 0) return point(r);
      return { lo: down(r), hi: up(r) };
    }
    const lo = down(Math.sqrt(a.lo));
    return checked(lo < 0 ? 0 : lo, up(Math.sqrt(a.hi)));
  }

  /** max(a, b), NaN if either is NaN; max(−0, +0) = +0, as decimal.js's Decimal.max. */
  max(a: F64, b: F64): F64 {
    if (a.lo !== a.lo || b.lo !== b.lo) return NAN;
    if (isPoint(a) && isPoint(b)) {
      if (a.lo !== b.lo) return a.lo < b.lo ? b : a;
      // decimal.js's max of equal zeros is −0 only when both are −0.
      return a.lo === 0 && !Object.is(a.lo, b.lo) ? point(0) : a;
    }
    const lo = Math.max(a.lo, b.lo);
    const hi = Math.max(a.hi, b.hi);
    if (lo === hi && lo === 0) throw FLOAT64_UNDECIDED;
    return { lo, hi };
  }

  /** a^n for an integer n ≥ 0 and a ≥ 0, by binary powering with outward rounding at each product. */
  powInt(a: F64, n: number): F64 {
    requireExponent(n);
    if (a.lo < 0 || Object.is(a.lo, -0)) throw FLOAT64_UNDECIDED;
    return powerBySquaring(point(1), a, n, mulNonnegative);
  }

  /**
   * a^y = exp(y · ln a) for a > 0: ln a enclosed once per base by decimal.js ({@link lnEnclosure}),
   * the product outward-rounded, exp by {@link expEnclosure}, increasing, so its ends bound it.
   */
  powReal(a: F64, y: F64): F64 {
    if (!(a.lo > 0) || !finite(a.hi) || !finite(y.lo) || !finite(y.hi)) throw FLOAT64_UNDECIDED;
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
  if (a.lo !== a.lo || b.lo !== b.lo) return NAN;
  if (isPoint(a) && isPoint(b)) return pointProduct(a.lo, b.lo);
  const lo = down(a.lo * b.lo);
  return checked(lo < 0 ? 0 : lo, up(a.hi * b.hi));
}
