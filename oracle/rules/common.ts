/**
 * Pieces that several exact updates share.
 *
 * @module
 */
import type { Schema } from '../../core/catalogue/index.js';
import type { Arithmetic, Enclosure } from '../enclosure.js';
import type { StepContext } from '../rule.js';

/**
 * PyTorch's coupled weight decay g + λ θ, with λ the hyperparameter `weightDecay` of `h`; absent when
 * λ is absent or exactly zero (PyTorch skips it).
 */
export function coupledGradient(
  a: Arithmetic,
  grad: Enclosure,
  param: Enclosure,
  h: { readonly weightDecay?: Enclosure },
): Enclosure {
  const lambda = h.weightDecay;
  if (lambda === undefined || a.isZero(lambda)) return grad;
  return a.add(grad, a.mul(lambda, param));
}

/** The step context itself as the shared part, for updates that precompute nothing. */
export function contextOnly<S extends Schema>(_a: Arithmetic, context: StepContext<S>): StepContext<S> {
  return context;
}

/** The exponential moving average ρ · previous + (1 − ρ) · x, exactly (1 − ρ computed here when not given). */
export function movingAverage(
  a: Arithmetic,
  rho: Enclosure,
  previous: Enclosure,
  x: Enclosure,
  oneMinusRho: Enclosure = a.sub(a.point(1), rho),
): Enclosure {
  return a.add(a.mul(rho, previous), a.mul(oneMinusRho, x));
}
