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

/**
 * The sign of x as a number: −1, 0 or +1 (an exact zero of either sign gives 0), and NaN for NaN.
 * Every arithmetic throws `Undecided` from `isZero` or `isNegative` when x's enclosure holds 0
 * without being the exact zero, and the caller retries at a higher precision.
 */
export function decidedSign(a: Arithmetic, x: Enclosure): number {
  if (a.isZero(x)) return 0;
  if (a.isNegative(x)) return -1;
  return a.isNegative(a.neg(x)) ? 1 : NaN;
}

/** sign(x) as an enclosure: the exact −1, 0 or +1 ({@link decidedSign}), or x itself when it is NaN. */
export function signOf(a: Arithmetic, x: Enclosure): Enclosure {
  const s = decidedSign(a, x);
  return Number.isNaN(s) ? x : a.point(s);
}

/** The step context itself as the shared part, for updates that precompute nothing. */
export function contextOnly<S extends Schema>(_a: Arithmetic, context: StepContext<S>): StepContext<S> {
  return context;
}

/** A step context with 1 − ρ computed once per step, for updates whose averages all decay by ρ. */
export interface DecayContext<S extends Schema> {
  readonly context: StepContext<S>;
  /** 1 − ρ, exactly (its enclosure from the decimal ρ, not from ρ's binary64 enclosure, in the refined stage). */
  readonly oneMinusRho: Enclosure;
}

/** The preparation of {@link DecayContext}: the context and 1 − ρ for the hyperparameter `rho`. */
export function decayContext<S extends Schema>(
  a: Arithmetic,
  context: StepContext<S> & { readonly h: { readonly rho: Enclosure } },
): DecayContext<S> {
  return { context, oneMinusRho: a.sub(a.point(1), context.h.rho) };
}

/**
 * The exponential moving average ρ · previous + (1 − ρ) · x, exactly, with 1 − ρ computed once per
 * step by the caller: in each element, from ρ's binary64 enclosure, a ρ that no double holds
 * (0.9999999999998863) leaves 1 − ρ known to 10^−3 of itself, where the preparation has it from decimal.
 */
export function movingAverage(
  a: Arithmetic,
  rho: Enclosure,
  previous: Enclosure,
  x: Enclosure,
  oneMinusRho: Enclosure,
): Enclosure {
  return a.add(a.mul(rho, previous), a.mul(oneMinusRho, x));
}
