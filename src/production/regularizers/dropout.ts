/**
 * Dropout in float32 (Srivastava et al. 2014), written against {@link Float32Arith} so that the gate
 * derives its bound from the same code. With mask m ∈ {0, 1} and keep probability p (the paper's p,
 * or 1 − rate computed in float64, rounded once to float32):
 *
 *   inverted:  train y = m · (x / p),  inference y = x
 *   original:  train y = m · x,        inference y = p · x
 *
 * TensorFlow.js's tf.dropout computes y = x · (m / p) instead (tfjs-core/src/ops/dropout.ts:
 * `mul(x, div(floor(add(u, keepProb)), keepProb))`); {@link tfDropoutTrain} is that algorithm, for its
 * bound.
 *
 * @module
 */
import type { Configuration } from '../../../core/catalogue/index.js';
import type { Float32Arith, ScalarArith } from '../../../core/arith.js';

/** Whether `config` is inverted dropout (the frameworks') rather than the paper's original form. */
export const isInverted = (config: Configuration): boolean => config.flags['form'] === 'inverted';

/** The keep probability p: the `keep` hyperparameter, or 1 − `rate`. */
export function keepProbability<S>(s: ScalarArith<S>, config: Configuration): S {
  const keep = config.hyper['keep'];
  return keep !== undefined ? s.hyper(keep) : s.sub(s.integer(1), s.hyper(config.hyper['rate']!));
}

/** Training output for input x and mask m. */
export function dropoutTrain<T>(A: Float32Arith<T>, x: T, m: T, keep: T, config: Configuration): T {
  return isInverted(config) ? A.mul(m, A.div(x, keep)) : A.mul(m, x);
}

/** Inference output. */
export function dropoutInference<T>(A: Float32Arith<T>, x: T, keep: T, config: Configuration): T {
  return isInverted(config) ? x : A.mul(keep, x);
}

/** tf.dropout's training output: x · (m / p). */
export function tfDropoutTrain<T>(A: Float32Arith<T>, x: T, m: T, keep: T): T {
  return A.mul(x, A.div(m, keep));
}
