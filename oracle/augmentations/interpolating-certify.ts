/**
 * Certified float32 rounding of a whole image's values, in stages: the fast stages of oracle/staged.ts
 * (the float64 enclosures, then, for what they leave open, exact rationals and big floats: every
 * interpolating and colour formula is rational in its inputs, so these decide each output whose
 * inputs are finite, exact midpoints and zeros included); and only when they fall through (an open
 * output while a NaN or ±∞ lies among the inputs: the exact stages take finite values only), the
 * decimal ladder of {@link certify}, which may leave an exact midpoint uncertified.
 *
 * @module
 */
import { certify, type Certified } from '../certify.js';
import type { Arithmetic, Enclosure } from '../enclosure.js';
import type { Interval, IntervalArithmetic } from '../interval.js';
import { fastStages } from '../staged.js';

/** The correctly rounded float32 of each output of `compute` (a pure function of its arithmetic). */
export function certifyValues(compute: (a: Arithmetic) => Record<string, Enclosure>): Certified<string> {
  const fast = fastStages(compute);
  if ('values' in fast) return { values: fast.values, precision: 0, uncertified: [] };
  return certify(compute as unknown as (a: IntervalArithmetic) => Record<string, Interval>);
}
