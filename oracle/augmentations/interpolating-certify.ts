/**
 * Certified float32 rounding of a whole image's values, in stages: the float64 enclosures first
 * (oracle/staged.ts's fast stage); then, since every interpolating and colour formula is rational in
 * its inputs, exact rational arithmetic rounded correctly to float32 (an exact zero read as +0: these
 * outputs are compared under a bound, never by the sign of a zero); and only when that leaves the
 * rationals, the decimal ladder of {@link certify}.
 *
 * @module
 */
import { required } from '../../core/required.js';
import { certify, type Certified } from '../certify.js';
import type { Arithmetic, Enclosure } from '../enclosure.js';
import { Undecided, type Interval, type IntervalArithmetic } from '../interval.js';
import { RationalArithmetic, RATIONAL_UNDECIDED, roundRationalToFloat32, type Rational } from '../rational.js';
import { fastStages } from '../staged.js';

/** The correctly rounded float32 of each output of `compute` (a pure function of its arithmetic). */
export function certifyValues(compute: (a: Arithmetic) => Record<string, Enclosure>): Certified<string> {
  const fast = fastStages(compute);
  if ('values' in fast) return { values: fast.values, precision: 0, uncertified: [] };
  try {
    const values: Record<string, number> = {};
    for (const [key, e] of Object.entries(compute(RationalArithmetic.instance))) {
      // The rational arithmetic's enclosures are rationals.
      const r = e as Rational;
      if (r.den === 0n) throw RATIONAL_UNDECIDED;
      values[key] = r.num === 0n ? 0 : required(roundRationalToFloat32(r), `the rounding of output ${key}`);
    }
    return { values, precision: 0, uncertified: [] };
  } catch (e) {
    if (!(e instanceof Undecided)) throw e;
  }
  return certify(compute as unknown as (a: IntervalArithmetic) => Record<string, Interval>);
}
