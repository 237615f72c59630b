/**
 * The values of the rational stage with binary64 alongside (./rational-with-float64.ts): an exact part
 * q plus a remainder enclosed in binary64, x ∈ q + r, with the enclosure w of the whole value; how they
 * are built, and how one rounds to float32 where both ends of q + r round alike.
 *
 * @module
 */
import { MAX_FLOAT32, nextFloat32 } from './binary32.js';
import { Float64Enclosures, type F64 } from './float64.js';
import { Undecided } from './interval.js';
import {
  compareRationals,
  NOT_RATIONAL,
  RationalArithmetic,
  rationalOfDouble,
  roundRationalToFloat32,
  type Rational,
} from './rational.js';

/**
 * A value of the rational stage with binary64 alongside: x ∈ exact + rest and x ∈ whole. `rest` is undefined when
 * binary64 could not enclose it, `whole` when it could not enclose x; `exact` is NOT_RATIONAL only
 * when `rest` is undefined.
 */
export interface RationalPair {
  readonly exact: Rational;
  readonly rest: F64 | undefined;
  readonly whole: F64 | undefined;
  /**
   * The remainder's sign where it is known to be nonzero though its enclosure may reach 0: a power
   * a^n or a^y of a positive a underflows binary64 (0.96^t at t = 10^6 is 10^−17,729, enclosed by
   * [0, 2^−1074]) but stays positive, and so do its products with nonzero exact parts. Keras Nadam's
   * μ product P β1 (1 − ½ 0.96^t) is then a float32 midpoint P β1 plus a remainder known to be
   * negative, which rounds down.
   */
  readonly restSign?: 1 | -1;
}

export const Q = RationalArithmetic.instance;
export const F = Float64Enclosures.instance;
export const ZERO: Rational = Object.freeze({ num: 0n, den: 1n });
export const NO_REST: F64 = Object.freeze({ lo: 0, hi: 0 });

export const isRational = (r: Rational): boolean => r.den !== 0n;
export const isSurd = (r: Rational): boolean => r.root === true;
export const restless = (x: RationalPair): boolean => x.rest === NO_REST;

/** A rational operation's value, or NOT_RATIONAL where it throws (NaN and ±∞ have no rational). */
export function exactly(f: () => Rational): Rational {
  try {
    return f();
  } catch (e) {
    if (e instanceof Undecided) return NOT_RATIONAL;
    throw e;
  }
}

/** A binary64 operation's enclosure, or undefined where an operand has none or it cannot be decided. */
export function enclosed(f: () => F64 | undefined): F64 | undefined {
  try {
    return f();
  } catch (e) {
    if (e instanceof Undecided) return undefined;
    throw e;
  }
}

/** f on defined operands, else undefined. */
export function both(x: F64 | undefined, y: F64 | undefined, f: (x: F64, y: F64) => F64): F64 | undefined {
  return x === undefined || y === undefined ? undefined : enclosed(() => f(x, y));
}

/**
 * The value with exact part q and remainder r (of sign `restSign` where known), re-based on q = 0,
 * r = whole, with no sign known, when q left the rationals.
 */
export function value(exact: Rational, rest: F64 | undefined, whole: F64 | undefined, restSign?: 1 | -1): RationalPair {
  if (isRational(exact) && rest !== undefined)
    return restSign === undefined ? { exact, rest, whole } : { exact, rest, whole, restSign };
  return { exact: whole === undefined ? NOT_RATIONAL : ZERO, rest: whole, whole };
}

/** x re-based on its whole value (0 + w, as {@link value} gives) with that value known to be positive. */
export function positiveRest(x: RationalPair): RationalPair {
  return x.rest === x.whole && x.rest !== undefined && x.exact.num === 0n ? { ...x, restSign: 1 } : x;
}

/**
 * x with its whole cut to another enclosure of the same value (either alone where the other is
 * undefined). A max that keeps the operand its exact ends put above the other cuts it to the max of
 * both wholes, and |x| of a negative x to binary64's |w|: where w reaches across 0 (an underflow), −w
 * would reach below it, which binary64's |w| of the same operand does not.
 */
export function wholeCut(x: RationalPair, whole: F64 | undefined): RationalPair {
  if (whole === undefined || x.whole === undefined) return whole === undefined ? x : { ...x, whole };
  return { ...x, whole: { lo: Math.max(x.whole.lo, whole.lo), hi: Math.min(x.whole.hi, whole.hi) } };
}

/** x with a surd exact part moved into the remainder: 0 + w. */
export function surdAsRest(x: RationalPair): RationalPair {
  return isSurd(x.exact) ? value(NOT_RATIONAL, undefined, x.whole) : x;
}

/** The exact sum of a rational (not a surd) and a finite double. */
function plusDouble(q: Rational, d: number): Rational {
  return d === 0 ? q : Q.add(q, rationalOfDouble(d));
}

/** The exact bounds q + lo(r), q + hi(r) of a value, or undefined (a surd, no remainder, an infinite end). */
export function exactEnds(x: RationalPair): { lo: Rational; hi: Rational } | undefined {
  const { exact, rest } = x;
  if (rest === undefined || !isRational(exact) || isSurd(exact)) return undefined;
  if (rest.lo - rest.lo !== 0 || rest.hi - rest.hi !== 0) return undefined;
  return { lo: plusDouble(exact, rest.lo), hi: plusDouble(exact, rest.hi) };
}

/**
 * The float32 a value rounds to, when both ends of q + r round to it (and, for a zero, when the ends
 * are on one side of 0); undefined otherwise. An exact zero (no remainder) is the signed zero its
 * rational carries; an end of q + r at 0 decides nothing, since no operation gave that zero its sign.
 * A remainder of known sign whose enclosure reaches 0 on the other side puts the value strictly on
 * that side of q: that end rounds as the values just beside q do (a tie at q goes their way, a zero
 * q gives the zero of their sign).
 */
export function roundPairToFloat32(x: RationalPair): number | undefined {
  if (restless(x)) {
    if (isSurd(x.exact)) return roundSurdToFloat32(x.exact, x.whole);
    if (isRational(x.exact) && x.exact.num === 0n) return x.exact.negativeZero === true ? -0 : 0;
    return roundRationalToFloat32(x.exact);
  }
  const ends = exactEnds(x);
  if (ends === undefined) return undefined;
  const rest = x.rest as F64;
  const lo = x.restSign === 1 && rest.lo <= 0 ? roundRationalToFloat32(x.exact, 1) : roundRationalToFloat32(ends.lo);
  const hi = x.restSign === -1 && rest.hi >= 0 ? roundRationalToFloat32(x.exact, -1) : roundRationalToFloat32(ends.hi);
  return lo !== undefined && Object.is(lo, hi) ? lo : undefined;
}

/** 2^128 − 2^103, the boundary between the largest float32 and +∞ (exact in binary64). */
const OVERFLOW_BOUNDARY = MAX_FLOAT32 + 2 ** 103;

/**
 * The float32 nearest the surd s · √X (X = |num| / den, never a square, so never on a rounding
 * boundary, which is rational): the enclosure w of its magnitude names the few float32 values it may
 * round to, and each boundary b between them is settled by comparing X with b² exactly. Undefined
 * without an enclosure, or when it spans more than a few float32 values.
 */
function roundSurdToFloat32(surd: Rational, whole: F64 | undefined): number | undefined {
  if (whole === undefined || whole.lo !== whole.lo) return undefined;
  const sign = surd.num < 0n ? -1 : 1;
  const square: Rational = { num: sign < 0 ? -surd.num : surd.num, den: surd.den };
  const lo = Math.fround(sign < 0 ? -whole.hi : whole.lo);
  const hi = Math.fround(sign < 0 ? -whole.lo : whole.hi);
  let f = Math.max(lo, 0);
  for (let steps = 0; steps < 4; steps++) {
    if (f >= hi) return sign * f;
    const next = nextFloat32(f, Infinity);
    const boundary = next === Infinity ? OVERFLOW_BOUNDARY : (f + next) / 2;
    const b = rationalOfDouble(boundary);
    if (compareRationals(square, Q.mul(b, b)) < 0) return sign * f;
    f = next;
  }
  return undefined;
}
