/**
 * The values of the big-float stage (./big-float-intervals.ts): intervals of dyadics (./dyadic.ts),
 * exact points among them (a zero with its IEEE sign), and the IEEE specials NaN, +∞ and −∞ as
 * points of their own, with the rules IEEE 754 gives them (the decimal stage's, ./interval.ts):
 * ∞ − ∞, 0 · ∞, 0/0 and ∞/∞ are NaN; x/0 is ±∞ for x ≠ 0; x/∞ is a zero; √−∞ is NaN. Where such a rule
 * needs a sign an interval does not tell (∞ · [−1, 1]), the value is left undecided.
 *
 * @module
 */
import * as d from './dyadic.js';
import { Undecided } from './interval.js';

/** An enclosure [lo, hi] of dyadics; `negativeZero` marks the exact point −0. */
export interface BigInterval {
  readonly lo: d.Dyadic;
  readonly hi: d.Dyadic;
  readonly negativeZero: boolean;
}

/** The one Undecided the stage throws: the decimal stage decides what it leaves. */
export const UNDECIDED = new Undecided('the big-float stage leaves this to the decimal stage');

const special = (): BigInterval => Object.freeze({ lo: d.ZERO, hi: d.ZERO, negativeZero: false });
/** NaN: every operation with it gives NaN, and it is neither zero nor negative. Its ends are never read. */
export const NAN: BigInterval = special();
/** +∞ (its ends are never read). */
export const POSITIVE_INFINITY: BigInterval = special();
/** −∞ (its ends are never read). */
export const NEGATIVE_INFINITY: BigInterval = special();

const POSITIVE_ZERO: BigInterval = Object.freeze({ lo: d.ZERO, hi: d.ZERO, negativeZero: false });
const NEGATIVE_ZERO: BigInterval = Object.freeze({ lo: d.ZERO, hi: d.ZERO, negativeZero: true });

/** Whether a is ±∞. */
export const isInfinite = (a: BigInterval): boolean => a === POSITIVE_INFINITY || a === NEGATIVE_INFINITY;
/** Whether a is NaN or ±∞. */
export const isSpecial = (a: BigInterval): boolean => a === NAN || isInfinite(a);
/**
 * Whether a (not special) is an exact point: every point is made with one dyadic for both ends
 * ({@link pointOf}); an interval whose distinct ends happen to be equal is read as an interval, which
 * is sound (it only decides less).
 */
export const isPoint = (a: BigInterval): boolean => a.lo === a.hi;
/** The exact point x. */
export const pointOf = (x: d.Dyadic): BigInterval => ({ lo: x, hi: x, negativeZero: false });
/** The zero of the sign asked. */
export const zeroOf = (negative: boolean): BigInterval => (negative ? NEGATIVE_ZERO : POSITIVE_ZERO);
/** The infinity of the sign asked. */
export const infinityOf = (negative: boolean): BigInterval => (negative ? NEGATIVE_INFINITY : POSITIVE_INFINITY);
/** Whether a is an exact zero of either sign. */
export const isZeroPoint = (a: BigInterval): boolean => !isSpecial(a) && a.lo.m === 0n && a.hi.m === 0n;
/** Whether a point (not NaN) is negative, −0 and −∞ included. */
export const pointNegative = (a: BigInterval): boolean =>
  isInfinite(a) ? a === NEGATIVE_INFINITY : a.lo.m === 0n ? a.negativeZero : a.lo.m < 0n;

/** The interval of an operation's two roundings of one exact value; a point when it was exact. */
export function around(lo: d.Dyadic, hi: d.Dyadic, exact: boolean): BigInterval {
  return exact ? pointOf(lo) : { lo, hi, negativeZero: false };
}

/** Whether a value (not NaN) is negative, −0 and −∞ included; undecided for an interval that holds 0 without being it. */
function negativeOf(a: BigInterval): boolean {
  if (isInfinite(a) || isZeroPoint(a)) return pointNegative(a);
  if (d.sign(a.lo) > 0) return false;
  if (d.sign(a.hi) < 0) return true;
  throw UNDECIDED;
}

/** a + b when either is special, else undefined. */
export function specialSum(a: BigInterval, b: BigInterval): BigInterval | undefined {
  if (a === NAN || b === NAN) return NAN;
  if (isInfinite(a) && isInfinite(b)) return a === b ? a : NAN;
  if (isInfinite(a)) return a;
  if (isInfinite(b)) return b;
  return undefined;
}

/** a · b when either is special, else undefined. */
export function specialProduct(a: BigInterval, b: BigInterval): BigInterval | undefined {
  if (a === NAN || b === NAN) return NAN;
  if (!isInfinite(a) && !isInfinite(b)) return undefined;
  if (isZeroPoint(a) || isZeroPoint(b)) return NAN;
  return infinityOf(negativeOf(a) !== negativeOf(b));
}

/** a / b when either is special or b is an exact zero, else undefined. */
export function specialQuotient(a: BigInterval, b: BigInterval): BigInterval | undefined {
  if (a === NAN || b === NAN || (isInfinite(a) && isInfinite(b))) return NAN;
  if (isInfinite(a)) return infinityOf(negativeOf(a) !== negativeOf(b));
  if (isInfinite(b)) return zeroOf(negativeOf(a) !== negativeOf(b));
  if (!isZeroPoint(b)) return undefined;
  if (isZeroPoint(a)) return NAN;
  return infinityOf(negativeOf(a) !== b.negativeZero);
}

/** √a when a is special, else undefined. */
export function specialRoot(a: BigInterval): BigInterval | undefined {
  if (a === NAN || a === NEGATIVE_INFINITY) return NAN;
  return a === POSITIVE_INFINITY ? a : undefined;
}

/** max(a, b) when either is special, else undefined. */
export function specialMaximum(a: BigInterval, b: BigInterval): BigInterval | undefined {
  if (a === NAN || b === NAN) return NAN;
  if (a === POSITIVE_INFINITY || b === POSITIVE_INFINITY) return POSITIVE_INFINITY;
  if (a === NEGATIVE_INFINITY) return b;
  if (b === NEGATIVE_INFINITY) return a;
  return undefined;
}
