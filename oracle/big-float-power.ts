/**
 * Powers with a real exponent for the big-float stage (./big-float-intervals.ts): a^y for a > 0, by
 * the decimal stage's own enclosure of it (./interval.ts) on the exact decimal values of the dyadic
 * ends, at the digits of the stage's bits and ten more. Where a^y is monotone in each argument over
 * the box (a on one side of 1 and y on one side of 0: ∂/∂a has y's sign, ∂/∂y has ln a's), its extremes
 * are at two corners, and only those two powers are computed; otherwise all four.
 *
 * @module
 */
import * as d from './dyadic.js';
import { UNDECIDED, isZeroPoint, type BigInterval } from './big-float-values.js';
import { IntervalArithmetic, type Interval } from './interval.js';

/**
 * The most bits at which {@link powerInDecimal} computes a power. Measured on 900 Nadam steps drawn
 * as the one-step property draws them: powers at every precision (160, 640, 2560 bits) took 5.1–5.4 s
 * and left 3 outputs to decimal; at 160 bits only, 3.3–3.7 s and 6; with no big-float stage at all,
 * 3.1–3.3 s and 53. Beyond it, decimal powers at hundreds of digits cost more than the ladder they
 * would spare.
 */
export const POW_REAL_MAX_BITS = 160;

/** The decimal interval of the same ends (its `near` is an end: only a point's is ever read). */
function decimalOf(a: BigInterval): Interval {
  const lo = d.toDecimal(a.lo);
  const hi = d.toDecimal(a.hi);
  if (lo === undefined || hi === undefined) throw UNDECIDED;
  return { lo, hi, near: isZeroPoint(a) && a.negativeZero ? lo.neg() : lo };
}

/** The point interval of one dyadic, as a decimal. */
function decimalPoint(x: d.Dyadic): Interval {
  const v = d.toDecimal(x);
  if (v === undefined) throw UNDECIDED;
  return { lo: v, hi: v, near: v };
}

/** An enclosure of a^y (a > 0, both finite) in decimal, at the digits of `bits`; undecided past {@link POW_REAL_MAX_BITS}. */
export function powerInDecimal(a: BigInterval, y: BigInterval, bits: number): Interval {
  if (bits > POW_REAL_MAX_BITS) throw UNDECIDED;
  const decimal = IntervalArithmetic.at(Math.ceil(bits * Math.LOG10E * Math.LN2) + 10);
  const aboveOne = d.compare(a.lo, d.ONE) >= 0;
  const belowOne = d.compare(a.hi, d.ONE) <= 0;
  const nonnegative = d.sign(y.lo) >= 0;
  if ((!aboveOne && !belowOne) || (!nonnegative && d.sign(y.hi) > 0))
    return decimal.powReal(decimalOf(a), decimalOf(y));
  // Increasing in a when y ≥ 0, and in y when a ≥ 1: the least value at the corner below in both.
  const least = decimal.powReal(decimalPoint(nonnegative ? a.lo : a.hi), decimalPoint(aboveOne ? y.lo : y.hi));
  const greatest = decimal.powReal(decimalPoint(nonnegative ? a.hi : a.lo), decimalPoint(aboveOne ? y.hi : y.lo));
  return { lo: least.lo, hi: greatest.hi, near: least.near };
}
