/**
 * Pieces that several exact updates share.
 *
 * @module
 */
import type { Interval, IntervalArithmetic } from '../interval.js';
import type { StepContext } from '../rule.js';

/** PyTorch's coupled weight decay g + λ θ, absent when λ is absent or exactly zero (PyTorch skips it). */
export function coupledGradient(a: IntervalArithmetic, grad: Interval, param: Interval, h: StepContext['h']): Interval {
  const lambda = h['weightDecay'];
  if (lambda === undefined || lambda.near.isZero()) return grad;
  return a.add(grad, a.mul(lambda, param));
}

/** The step context itself as the shared part, for updates that precompute nothing. */
export function contextOnly(_a: IntervalArithmetic, context: StepContext): StepContext {
  return context;
}

/** The exponential moving average ρ · previous + (1 − ρ) · x, exactly (1 − ρ computed here when not given). */
export function movingAverage(a: IntervalArithmetic, rho: Interval, previous: Interval, x: Interval, oneMinusRho: Interval = a.sub(a.point(1), rho)): Interval {
  return a.add(a.mul(rho, previous), a.mul(oneMinusRho, x));
}
