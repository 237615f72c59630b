/**
 * The exact learning rates of the decays (exponential and step, multi-step, piecewise-constant,
 * linear), written from the schedules' formulas, not from the frameworks' code: each value is a
 * rational computed exactly (./rational.ts), or α₀ γ^(t/s), enclosed by directed interval operations.
 *
 * @module
 */
import type {
  ExponentialDecaySchema,
  LinearSchema,
  MultiStepSchema,
  PiecewiseConstantSchema,
  ScheduleConfig,
  ScheduleSchema,
} from '../../core/schedules/index.js';
import { required } from '../../core/required.js';
import type { Interval, IntervalArithmetic } from '../interval.js';
import { add, cmp, div, enclose, floor, min, mul, rational, ratio, sub, type Q } from './rational.js';

/** A schedule's exact learning rate at step t ≥ 0, enclosed at the arithmetic's precision. */
export type ExactSchedule<S extends ScheduleSchema> = (
  a: IntervalArithmetic,
  config: ScheduleConfig<S>,
  t: number,
) => Interval;

/**
 * γ^e for exact γ ≥ 0 and a rational e > 0 that is not an integer: the hull of γ^lo and γ^hi over
 * the ends of e's enclosure (γ^y is monotone in y), each from the interval arithmetic's `powReal`
 * (oracle/interval.ts: decimal.js's pow with guard digits and a two-unit slack; the point 0 for γ = 0).
 */
export function powRational(a: IntervalArithmetic, base: string, e: Q): Interval {
  const b = a.point(base);
  const y = enclose(a, e);
  const atLo = a.powReal(b, a.point(y.lo));
  const atHi = a.powReal(b, a.point(y.hi));
  const [lo, hi] = atLo.lo.lte(atHi.lo) ? [atLo.lo, atHi.hi] : [atHi.lo, atLo.hi];
  return { lo, hi, near: atLo.near };
}

/**
 * α_t = α₀ γ^⌊t/s⌋ (staircase), α₀ γ^(t/s) otherwise: StepLR and ExponentialLR (PyTorch 1.13's
 * docstrings and `_get_closed_form_lr`), Keras 3's ExponentialDecay docstring.
 */
export const exponentialDecayExact: ExactSchedule<ExponentialDecaySchema> = (a, { hyper, flags }, t) => {
  const e = ratio(BigInt(t), BigInt(hyper.decaySteps));
  const lr = a.point(hyper.lr);
  if (flags.staircase || e.den === 1n) return a.mul(lr, a.powInt(a.point(hyper.decayRate), Number(floor(e))));
  return a.mul(lr, powRational(a, hyper.decayRate, e));
};

/** α_t = α₀ γ^#{m ∈ M : m ≤ t}, milestones counted with repeats (MultiStepLR's docstring). */
export const multiStepExact: ExactSchedule<MultiStepSchema> = (a, { hyper, lists }, t) => {
  const passed = lists.milestones.filter((m) => BigInt(m) <= BigInt(t)).length;
  return a.mul(a.point(hyper.lr), a.powInt(a.point(hyper.decayRate), passed));
};

/** α_t = v_i with i = #{b : b < t}: v_0 while t ≤ b_0 (PiecewiseConstantDecay's docstring). */
export const piecewiseConstantExact: ExactSchedule<PiecewiseConstantSchema> = (a, { lists }, t) => {
  const i = lists.boundaries.filter((b) => BigInt(b) < BigInt(t)).length;
  return a.point(required(lists.values[i], `value ${i}`));
};

/** α_t = α₀ (f₀ + (f₁ − f₀) min(t, T)/T), a rational (LinearLR's docstring and closed form). */
export const linearExact: ExactSchedule<LinearSchema> = (a, { hyper }, t) => {
  const total = rational(hyper.totalIters);
  const start = rational(hyper.startFactor);
  const slope = div(sub(rational(hyper.endFactor), start), total);
  const factor = add(start, mul(slope, min(rational(t), total)));
  return enclose(a, mul(rational(hyper.lr), factor));
};

/** Whether the step t ≤ the rational e. */
export const atOrBefore = (t: number, e: Q): boolean => cmp(rational(t), e) <= 0;
