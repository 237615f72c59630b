/**
 * The error analysis of a scheduled learning rate as a float64 coefficient: its exact value is the
 * schedule's (oracle/schedules/, enclosed at 40 digits), and production's value is the framework's
 * ({@link cachedRate} on the same production code), whose distance from the exact value the same
 * code run on error-bounded values bounds (./bounded-ops.ts). So a rule's derived bound counts the
 * schedule's own rounding as part of production's error, and the oracle takes the exact value.
 *
 * @module
 */
import { Decimal } from 'decimal.js';
import { IntervalArithmetic } from '../../../oracle/interval.js';
import { learningRateEnclosure } from '../../../oracle/schedules/index.js';
import type { CoefficientArith } from '../../production/rules/rule.js';
import { cachedRate } from '../../production/schedules/rates.js';
import { scalarBoundArith, type ScalarBound } from '../bound/scalar-bound.js';
import { boundedOps } from './bounded-ops.js';

const D = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_EVEN });
const a = IntervalArithmetic.at(40);

/**
 * The learning rate at step t of `schedule` under error analysis: x the exact value's 40-digit
 * approximation, err the bounded run's bound on |framework − exact| plus the enclosure's width
 * (|exact − x|), widened by 2^−40 relative for its own float64 evaluation. Infinite where the
 * schedule's code leaves its analysed domain.
 */
export function scheduledRateBound(
  schedule: Parameters<CoefficientArith<ScalarBound>['scheduledRate']>[0],
  t: number,
): ScalarBound {
  const framework = cachedRate(boundedOps, schedule, t);
  const exact = learningRateEnclosure(a, schedule, t);
  const width = exact.hi.minus(exact.lo).toNumber();
  return { x: new D(exact.near), err: (framework.e + width) * (1 + 2 ** -40) };
}

/** {@link scalarBoundArith} with scheduled learning rates: the gate's coefficient arithmetic. */
export const coefficientBoundArith: CoefficientArith<ScalarBound> = {
  ...scalarBoundArith,
  scheduledRate: scheduledRateBound,
};
