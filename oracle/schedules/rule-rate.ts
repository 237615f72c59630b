/**
 * A schedule's exact learning rate where a rule's preparation reads its hyperparameters: update k
 * (k from 1) takes the schedule's value at step t = k − 1 (docs/schedules.md, "The step") in place of
 * the constant α, in whichever arithmetic the stage evaluates:
 *
 * - the decimal stage ({@link IntervalArithmetic}) encloses it at its own precision;
 * - the float64 stage takes the doubles around its enclosure at {@link REFINED_PRECISION} digits
 *   ([the largest double ≤ lo, the smallest double ≥ hi], ../refined-preparation.ts), so every exact
 *   value the decimal enclosure holds is enclosed again;
 * - the rational stage takes it only where that enclosure is an exact point (a finite decimal, as
 *   α₀ γ^k is), and otherwise leaves the rationals (the outputs that depend on it go on to the
 *   decimal stage); paired with binary64 (../rational-with-float64.ts), its enclosure is the
 *   float64 stage's;
 * - the big-float stage (../big-float-intervals.ts) encloses that decimal enclosure's ends at its bits.
 *
 * An enclosure that is a point is exact in every arithmetic ({@link Arithmetic.point}).
 *
 * @module
 */
import type { ScheduleConfig } from '../../core/schedules/index.js';
import { BigFloatIntervals } from '../big-float-intervals.js';
import type { Arithmetic, Enclosure } from '../enclosure.js';
import { Float64Enclosures } from '../float64.js';
import { SharedDecimalFloat64 } from '../float64-shared-decimal.js';
import { IntervalArithmetic, type Interval } from '../interval.js';
import { LazyArithmetic } from '../lazy-arithmetic.js';
import { NOT_RATIONAL, RationalArithmetic } from '../rational.js';
import { doublesEnclosing, REFINED_PRECISION } from '../refined-preparation.js';
import { RationalWithFloat64 } from '../rational-with-float64.js';
import { learningRateEnclosure } from './index.js';

/** The last enclosure at {@link REFINED_PRECISION}: a step's stages ask for the same t in turn. */
let last: { schedule: ScheduleConfig; t: number; enclosure: Interval } | undefined;

function refinedEnclosure(schedule: ScheduleConfig, t: number): Interval {
  if (last?.schedule === schedule && last.t === t) return last.enclosure;
  const enclosure = learningRateEnclosure(IntervalArithmetic.at(REFINED_PRECISION), schedule, t);
  // Stryker disable next-line ObjectLiteral: equivalent; an empty entry names no schedule, so nothing is ever taken from the cache (computed anew, the same interval).
  last = { schedule, t, enclosure };
  return enclosure;
}

/**
 * The learning rate of update `k` (from 1) under `schedule`, the schedule's exact value at t = k − 1,
 * as an enclosure of arithmetic `a`.
 */
export function scheduledRate(a: Arithmetic, schedule: ScheduleConfig, k: number): Enclosure {
  if (a instanceof LazyArithmetic) return a.later(() => scheduledRate(a.inner, schedule, k));
  const t = k - 1;
  if (a instanceof IntervalArithmetic) return learningRateEnclosure(a, schedule, t);
  const enclosure = refinedEnclosure(schedule, t);
  // A point's value is exact; its zero takes the sign IEEE gives the exact computation, which `near` carries.
  if (enclosure.lo.eq(enclosure.hi)) return a.point(enclosure.near);
  if (a instanceof Float64Enclosures) return doublesEnclosing(enclosure);
  if (a instanceof SharedDecimalFloat64) return a.ofDecimal(enclosure);
  if (a instanceof BigFloatIntervals) return a.ofDecimalInterval(enclosure);
  if (a instanceof RationalArithmetic) return NOT_RATIONAL;
  if (a instanceof RationalWithFloat64)
    return a.pair(
      () => NOT_RATIONAL,
      () => doublesEnclosing(enclosure),
    );
  throw new Error(`internal: a scheduled learning rate in an arithmetic of no stage (${a.constructor.name})`);
}
