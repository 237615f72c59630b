/**
 * Pieces that several production rules share.
 *
 * @module
 */
import type { Configuration } from '../../../core/catalogue/index.js';
import type { Float32Arith, ScalarArith } from '../../../core/arith.js';

/** Every hyperparameter of the configuration as a float64 coefficient, by name. */
export function hyperCoefficients<S>(s: ScalarArith<S>, config: Configuration): Record<string, S> {
  return Object.fromEntries(Object.entries(config.hyper).map(([k, text]) => [k, s.hyper(text)]));
}

/**
 * PyTorch's coupled weight decay, g + λ θ, skipped when λ is absent or zero (as PyTorch skips it, so
 * that an infinite θ does not turn g into NaN through 0 · ∞).
 */
export function coupledGradient<T>(
  A: Float32Arith<T>,
  grad: T,
  param: T,
  c: Readonly<Record<string, T>>,
  config: Configuration,
): T {
  const text = config.hyper['weightDecay'];
  if (text === undefined || Number(text) === 0) return grad;
  return A.add(grad, A.mul(c['weightDecay']!, param));
}

/**
 * The exponential moving average ρ · previous + (1 − ρ) · x, in that order of float32 operations
 * (two products, then the sum), with ρ and 1 − ρ the rule's float32 coefficients.
 */
export function movingAverage<T>(A: Float32Arith<T>, rho: T, oneMinusRho: T, previous: T, x: T): T {
  return A.add(A.mul(rho, previous), A.mul(oneMinusRho, x));
}

/** Every hyperparameter as a coefficient, plus 1 − ρ for the rules that average with decay ρ (AdaDelta, RMSProp). */
export function decayCoefficients<S>(s: ScalarArith<S>, config: Configuration): Record<string, S> {
  const c = hyperCoefficients(s, config);
  c['oneMinusRho'] = s.sub(s.integer(1), c['rho']!);
  return c;
}
