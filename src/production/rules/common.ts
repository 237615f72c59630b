/**
 * Pieces that several production rules share.
 *
 * @module
 */
import type { Float32Arith, ScalarArith } from '../../../core/arith.js';
import type { ScheduleRef } from '../../../core/catalogue/index.js';
import { asSchedule } from '../../../core/schedules/index.js';
import type { CoefficientArith } from './rule.js';

/**
 * PyTorch's coupled weight decay, g + λ θ, skipped when λ is absent or zero (as PyTorch skips it, so
 * that an infinite θ does not turn g into NaN through 0 · ∞). `lambda` is λ's float32 coefficient,
 * `lambdaText` its decimal text from the configuration.
 */
export function coupledGradient<T>(
  A: Float32Arith<T>,
  grad: T,
  param: T,
  lambda: T | undefined,
  lambdaText: string | undefined,
): T {
  if (lambda === undefined || lambdaText === undefined || Number(lambdaText) === 0) return grad;
  return A.add(grad, A.mul(lambda, param));
}

/**
 * The exponential moving average ρ · previous + (1 − ρ) · x, in that order of float32 operations
 * (two products, then the sum), with ρ and 1 − ρ the rule's float32 coefficients.
 */
export function movingAverage<T>(A: Float32Arith<T>, rho: T, oneMinusRho: T, previous: T, x: T): T {
  return A.add(A.mul(rho, previous), A.mul(oneMinusRho, x));
}

/** The coefficient `{ weightDecay: λ }` in float64 when the configuration takes λ (PyTorch's presets), else `{}`. */
export function weightDecayCoefficient<X>(s: ScalarArith<X>, text: string | undefined): { readonly weightDecay?: X } {
  return text === undefined ? {} : { weightDecay: s.hyper(text) };
}

/** A decay rate ρ and 1 − ρ, both in float64, for the rules that average with it (AdaDelta, RMSProp). */
export function decayRate<X>(s: ScalarArith<X>, rhoText: string): { readonly rho: X; readonly oneMinusRho: X } {
  const rho = s.hyper(rhoText);
  return { rho, oneMinusRho: s.sub(s.integer(1), rho) };
}

/**
 * The learning rate of step t (from 1): the constant α read from its decimal text, or, when the
 * configuration has a schedule, the value the schedule's production code computes at t − 1 (the
 * framework's, docs/schedules.md "The step"), taken exactly.
 */
export function learningRate<X>(s: CoefficientArith<X>, lr: string, schedule: ScheduleRef | undefined, t: number): X {
  return schedule === undefined ? s.hyper(lr) : s.scheduledRate(asSchedule(schedule), t - 1);
}
