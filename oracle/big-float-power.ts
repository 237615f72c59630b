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
import { UNDECIDED, type BigInterval } from './big-float-values.js';
import { IntervalArithmetic, type Interval } from './interval.js';

/**
 * The most bits at which {@link powerInDecimal} computes a power. Measured on 1,000 one-step cases per
 * preset drawn as the properties draw them (seed 20171213): at 160 bits, Nadam under pytorch (0.96^(tψ))
 * left 12 computations to decimal and Adafactor (1 − t^−c) 11, 11 and 14 under paper, keras and optax;
 * at 640 bits, 7 and 3, 3, 5, in the same time within the noise of two runs each (Adafactor's 1,000
 * steps 0.3–0.6 s either way); at 2,560 bits, 6 and 0, 0, 1, but optax's steps took 2.1 s instead of
 * 0.6: a power at 770 digits costs more than the ladder it spares. (An earlier measurement, before
 * the decimal stage's faster roots and kept squarings, had put the limit at 160.)
 */
export const POW_REAL_MAX_BITS = 640;

/**
 * The decimal interval of the same ends. Its `near` is an end: only a point's is ever read, and the
 * sign of a zero never matters here (the base is above 0, and a^−0 = a^+0 = 1).
 */
function decimalOf(a: BigInterval): Interval {
  const lo = d.toDecimal(a.lo);
  const hi = d.toDecimal(a.hi);
  if (lo === undefined || hi === undefined) throw UNDECIDED;
  return { lo, hi, near: lo };
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
