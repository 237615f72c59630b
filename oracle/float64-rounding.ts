/**
 * The primitives of outward-rounded binary64 arithmetic: the enclosure type {@link F64}, IEEE
 * nextUp/nextDown, the one-ulp-outward steps {@link down} and {@link up}, and the error-free
 * transformations (Knuth's TwoSum, Dekker's TwoProduct) that keep the result of an operation on two
 * exact points an exact point when it is representable. {@link Float64Enclosures} is built on these.
 *
 * Every +, −, ×, ÷ and √ of JavaScript is correctly rounded to nearest (ECMA-262 §6.1.6.1, IEEE 754),
 * so the exact result of one operation on doubles lies within half an ulp of the double returned.
 *
 * @module
 */
import { Undecided } from './interval.js';

/** An interval of doubles [lo, hi] containing the exact value; a point (lo === hi) is exact. */
export interface F64 {
  readonly lo: number;
  readonly hi: number;
}

/** The largest finite double, (2 − 2^−52) · 2^1023. */
export const MAX = Number.MAX_VALUE;
/** The smallest positive double, 2^−1074 (a literal: ECMAScript does not bound the error of **). */
export const TINY = 5e-324;
const EPS = 2.220446049250313e-16; // 2^−52
const SPLITTER = 134217729; // 2^27 + 1, Veltkamp's constant for binary64

/** The one Undecided the float64 stage throws: it carries no message worth a stack trace per element. */
export const FLOAT64_UNDECIDED = new Undecided('the float64 stage cannot decide this operation');

/** The enclosure of NaN (both ends NaN), shared and frozen. */
export const NAN: F64 = Object.freeze({ lo: NaN, hi: NaN });

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

/** The exact point [x, x]. */
export function point(x: number): F64 {
  return { lo: x, hi: x };
}

/**
 * Where the operations write their result, so that one implementation serves both the enclosure
 * objects of {@link Float64Enclosures} and the columns of the tape (./float64-tape.ts), which keeps
 * no object per element: `R[0]` is the lower end, `R[1]` the upper. Float64Array keeps −0 and NaN.
 */
export const R = new Float64Array(2);

/** The enclosure in {@link R}, as an object. */
export function result(): F64 {
  return { lo: R[0] as number, hi: R[1] as number };
}

/** Writes [lo, hi] into {@link R}. */
export function set(lo: number, hi: number): void {
  R[0] = lo;
  R[1] = hi;
}

/** Writes [lo, hi], or throws {@link FLOAT64_UNDECIDED} when either end is NaN (0 · ∞ or ∞ − ∞ at one end). */
export function setChecked(lo: number, hi: number): void {
  if (lo !== lo || hi !== hi) throw FLOAT64_UNDECIDED;
  R[0] = lo;
  R[1] = hi;
}

/** Writes the enclosure around the rounded result r of an operation whose exact value is r + err (err's sign known). */
function setAround(r: number, err: number): void {
  if (err < 0) set(down(r), r);
  else if (err > 0) set(r, up(r));
  else set(r, r);
}

/** Writes the enclosure of an overflowed result r = ±∞ of finite operands: beyond ±MAX_VALUE, on r's side. */
export function setOverflowed(r: number): void {
  if (r === Infinity) set(MAX, Infinity);
  else set(-Infinity, -MAX);
}

/** Whether x is finite (x − x is 0 exactly for finite x, NaN for ±∞ and NaN). */
export const finite = (x: number): boolean => x - x === 0;

/**
 * The exact error x · y − p of p = RN(x · y) by Dekker's TwoProduct, or NaN out of its range.
 * Veltkamp's splitting of x and y is exact unless 2^27 · x overflows (|x| above about 2^997), and
 * then the halves, and the error, come out NaN; the products of the halves are exact unless they
 * underflow (p below 2^−900 here) or xh · yh overflows (p within 2^−25 of MAX_VALUE, so p above
 * 2^990 here), where the error would come out +∞ whatever its sign.
 */
export function productError(x: number, y: number, p: number): number {
  const ap = Math.abs(p);
  if (!(ap > 2 ** -900 && ap < 2 ** 990)) return NaN;
  let c = SPLITTER * x;
  const xh = c - (c - x);
  const xl = x - xh;
  c = SPLITTER * y;
  const yh = c - (c - y);
  const yl = y - yh;
  return xh * yh - p + xh * yl + xl * yh + xl * yl;
}

/** x · y for exact x, y: the point when TwoProduct finds it exact, else one ulp outward on the side of the error. */
export function setPointProduct(x: number, y: number): void {
  const p = x * y;
  if (finite(p)) {
    if (x === 0 || y === 0) return set(p, p);
    const err = productError(x, y, p);
    return err === err ? setAround(p, err) : set(down(p), up(p));
  }
  // A NaN needs an infinite operand (∞ · 0); a product of finite doubles that is not finite overflowed.
  if (!finite(x) || !finite(y)) return set(p, p);
  setOverflowed(p);
}

/** x + y for exact x, y: the point when TwoSum finds the error zero, else one ulp outward on its side. */
export function setPointSum(x: number, y: number): void {
  const s = x + y;
  if (finite(s)) {
    const bb = s - x;
    return setAround(s, x - (s - bb) + (y - bb));
  }
  // A NaN needs an infinite operand (∞ − ∞); a sum of finite doubles that is not finite overflowed.
  if (!finite(x) || !finite(y)) return set(s, s);
  setOverflowed(s);
}

/** Whether the enclosure is an exact point (lo === hi). */
export const isPoint = (a: F64): boolean => a.lo === a.hi;
