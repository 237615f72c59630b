/**
 * Interval arithmetic on binary64 with outward rounding: the fast first stage of certification.
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
 * zero that is not exact) throws {@link Undecided}: the caller then falls through to the decimal stage.
 * Powers use binary powering ({@link Float64Enclosures.powInt}), never `Math.pow`, and a^y uses a
 * proven enclosure of exp ({@link expEnclosure}); `Math.exp` and `Math.log` are never used, since
 * ECMAScript does not bound their error.
 *
 * @module
 */
import { Decimal } from 'decimal.js';
import type { Dec } from './binary32.js';
import type { Arithmetic } from './enclosure.js';
import { Undecided } from './interval.js';

/** An interval of doubles [lo, hi] containing the exact value; a point (lo === hi) is exact. */
export interface F64 {
  readonly lo: number;
  readonly hi: number;
}

const MAX = Number.MAX_VALUE;
const TINY = 5e-324; // 2^−1074 (a literal: ECMAScript does not bound the error of **)
const EPS = 2.220446049250313e-16; // 2^−52
const SPLITTER = 134217729; // 2^27 + 1, Veltkamp's constant for binary64

/** The one Undecided the float64 stage throws: it carries no message worth a stack trace per element. */
export const FLOAT64_UNDECIDED = new Undecided('the float64 stage cannot decide this operation');

const NAN: F64 = Object.freeze({ lo: NaN, hi: NaN });

const view = new DataView(new ArrayBuffer(8));

/** The next double above `x` (IEEE nextUp): +∞ stays, −∞ gives −MAX_VALUE, ±0 give 2^−1074, NaN stays. */
export function nextUp(x: number): number {
  if (x !== x || x === Infinity) return x;
  if (x === 0) return TINY;
  view.setFloat64(0, x);
  const bits = view.getBigInt64(0);
  view.setBigInt64(0, x > 0 ? bits + 1n : bits - 1n);
  return view.getFloat64(0);
}

/** The next double below `x` (IEEE nextDown): −nextUp(−x). */
export function nextDown(x: number): number {
  return -nextUp(-x);
}

/**
 * A double at or below nextDown(r), for the double r nearest to an exact value: r − (|r| 2^−52 +
 * 2^−1074). For finite r with 2^e ≤ |r| < 2^(e+1), nextDown moves at most 2^(e−52) ≤ |r| 2^−52,
 * which is computed exactly (a power-of-two scaling, never below 2^−1074 for normal r; for subnormal
 * r the added 2^−1074 is the whole spacing), and rounding to nearest is monotone, so the result is
 * at most nextDown(r). +∞ (an overflow, or a true infinity) gives MAX_VALUE; −∞ and NaN stay.
 */
export function down(r: number): number {
  if (r - r === 0) return r - (Math.abs(r) * EPS + TINY);
  return r === Infinity ? MAX : r;
}

/** A double at or above nextUp(r): r + (|r| 2^−52 + 2^−1074), as {@link down}; −∞ gives −MAX_VALUE. */
export function up(r: number): number {
  if (r - r === 0) return r + (Math.abs(r) * EPS + TINY);
  return r === -Infinity ? -MAX : r;
}

function point(x: number): F64 {
  return { lo: x, hi: x };
}

function checked(lo: number, hi: number): F64 {
  if (lo !== lo || hi !== hi) throw FLOAT64_UNDECIDED;
  return { lo, hi };
}

/** Around the rounded result r of an operation whose exact value is r + err (err's sign known). */
function around(r: number, err: number): F64 {
  if (err === 0) return point(r);
  return err > 0 ? { lo: r, hi: up(r) } : { lo: down(r), hi: r };
}

/** The enclosure of an overflowed result of finite operands, by the sign of the rounded result. */
function overflowed(r: number): F64 {
  return r > 0 ? { lo: MAX, hi: Infinity } : { lo: -Infinity, hi: -MAX };
}

const finite = (x: number): boolean => x - x === 0;

/** The exact error x · y − p of p = RN(x · y) by Dekker's TwoProduct, or NaN when out of its range. */
function productError(x: number, y: number, p: number): number {
  const ap = Math.abs(p);
  if (!(ap > 2 ** -900 && ap < 2 ** 990 && Math.abs(x) < 2 ** 990 && Math.abs(y) < 2 ** 990)) return NaN;
  let c = SPLITTER * x;
  const xh = c - (c - x);
  const xl = x - xh;
  c = SPLITTER * y;
  const yh = c - (c - y);
  const yl = y - yh;
  return xh * yh - p + xh * yl + xl * yh + xl * yl;
}

function pointProduct(x: number, y: number): F64 {
  const p = x * y;
  if (finite(p)) {
    if (p === 0 && (x === 0 || y === 0)) return point(p);
    const err = productError(x, y, p);
    return err === err ? around(p, err) : { lo: down(p), hi: up(p) };
  }
  if (p !== p || !finite(x) || !finite(y)) return point(p);
  return overflowed(p);
}

function pointSum(x: number, y: number): F64 {
  const s = x + y;
  if (finite(s)) {
    const bb = s - x;
    return around(s, x - (s - bb) + (y - bb));
  }
  if (s !== s || !finite(x) || !finite(y)) return point(s);
  return overflowed(s);
}

const isPoint = (a: F64): boolean => a.lo === a.hi;
const straddlesZero = (a: F64): boolean => a.lo <= 0 && a.hi >= 0;

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
    if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`powInt needs an integer exponent ≥ 0, got ${n}`);
    if (a.lo < 0 || Object.is(a.lo, -0)) throw FLOAT64_UNDECIDED;
    let result = point(1);
    let base = a;
    for (let k = n; k > 0; k = Math.floor(k / 2)) {
      if (k % 2 === 1) result = this.mulNonnegative(result, base);
      if (k > 1) base = this.mulNonnegative(base, base);
    }
    return result;
  }

  private mulNonnegative(a: F64, b: F64): F64 {
    if (a.lo !== a.lo || b.lo !== b.lo) return NAN;
    if (isPoint(a) && isPoint(b)) return pointProduct(a.lo, b.lo);
    const lo = down(a.lo * b.lo);
    return checked(lo < 0 ? 0 : lo, up(a.hi * b.hi));
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

function enclosureOfText(text: string): F64 {
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

const lnCache = new Map<number, readonly [number, number]>();
const Ln = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_EVEN });

/** ln of a double x > 0 to 40 digits (decimal.js, within one unit in the 40th digit), widened by two double ulps each way. */
function lnBounds(x: number): readonly [number, number] {
  let b = lnCache.get(x);
  if (b === undefined) {
    const r = Number(new Ln(exactOfDouble(x)).ln().toString());
    b = [nextDown(nextDown(r)), nextUp(nextUp(r))];
    lnCache.set(x, b);
  }
  return b;
}

/** An enclosure of ln on [a.lo, a.hi] (a.lo > 0): ln is increasing. */
export function lnEnclosure(a: F64): F64 {
  return { lo: lnBounds(a.lo)[0], hi: lnBounds(a.hi)[1] };
}

/** ln 2 lies between these doubles: 0x3FE62E42FEFA39EF and the next one (checked against decimal.js in the specs). */
export const LN2_BOUNDS: readonly [number, number] = [0.6931471805599453, 0.6931471805599454];

/** Terms of the Taylor polynomial of exp on |r| ≤ 0.36 (degree {@link EXP_DEGREE}). */
export const EXP_DEGREE = 20;
/**
 * A bound on the Taylor remainder of exp of degree {@link EXP_DEGREE} for |r| ≤ 0.36:
 * |R| ≤ 0.36^21 / 21! · e^0.36 < 1.33e-29; 2e-29 is used.
 */
export const EXP_REMAINDER = 2e-29;

/** 2^k as a double, by binary powering of 2 or ½ (every product a power of two, exact for −1074 ≤ k ≤ 1023). */
export function powerOfTwo(k: number): number {
  let p = 1;
  let base = k < 0 ? 0.5 : 2;
  for (let n = Math.abs(k); n > 0; n = Math.floor(n / 2)) {
    if (n % 2 === 1) p *= base;
    base *= base;
  }
  return p;
}

/**
 * An enclosure of exp(x) for a double x: x = k ln 2 + r with k = round(x / ln 2) and r enclosed
 * through {@link LN2_BOUNDS} (|r| ≤ 0.36), exp(r) by its Taylor polynomial in Horner's form plus
 * [−{@link EXP_REMAINDER}, +{@link EXP_REMAINDER}], times 2^k (in two factors when 2^k alone would
 * leave the double range), every operation in the outward-rounded arithmetic `f`.
 */
export function expEnclosure(f: Float64Enclosures, x: number): F64 {
  if (x !== x) return NAN;
  if (x > 710) return { lo: MAX, hi: Infinity };
  if (x < -746) return { lo: 0, hi: TINY };
  const k = Math.round(x / LN2_BOUNDS[0]);
  const r = f.sub(point(x), f.mul(point(k), { lo: LN2_BOUNDS[0], hi: LN2_BOUNDS[1] }));
  if (!(r.lo >= -0.36 && r.hi <= 0.36)) throw FLOAT64_UNDECIDED;
  let s: F64 = point(1);
  for (let i = EXP_DEGREE; i >= 1; i--) s = f.add(point(1), f.div(f.mul(r, s), point(i)));
  s = f.add(s, { lo: -EXP_REMAINDER, hi: EXP_REMAINDER });
  const half = Math.trunc(k / 2);
  const scaled = f.mul(f.mul(s, point(powerOfTwo(half))), point(powerOfTwo(k - half)));
  return scaled.lo < 0 ? { lo: 0, hi: scaled.hi } : scaled;
}
