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
import { checkConfiguration, type Configuration } from '../../../core/catalogue/index.js';
import { dropout, type DropoutSchema } from '../../../core/catalogue/regularizers/masks.js';
import type { Float32Arith, ScalarArith } from '../../../core/arith.js';
import { required } from '../../../core/required.js';

/** A dropout configuration. */
export type DropoutConfiguration = Configuration<DropoutSchema>;

/**
 * `config` with dropout's schema, after checking that it is a configuration of dropout (a
 * {@link ConfigurationError} naming `dropout` otherwise).
 */
export function dropoutConfiguration(config: Configuration): DropoutConfiguration {
  checkConfiguration(dropout.name, config, 'regularizer');
  // Checked just above: its entry is dropout, and configure accepted its hyperparameters.
  return config as DropoutConfiguration;
}

/** Whether `config` is inverted dropout (the frameworks') rather than the paper's original form. */
export const isInverted = (config: DropoutConfiguration): boolean => config.flags.form === 'inverted';

/** The keep probability p: the `keep` hyperparameter, or 1 − `rate`. */
export function keepProbability<S>(s: ScalarArith<S>, { hyper }: DropoutConfiguration): S {
  return hyper.keep !== undefined
    ? s.hyper(hyper.keep)
    : s.sub(s.integer(1), s.hyper(required(hyper.rate, "dropout's keep or rate")));
}

/** Training output for input x and mask m. */
export function dropoutTrain<T>(A: Float32Arith<T>, x: T, m: T, keep: T, config: DropoutConfiguration): T {
  return isInverted(config) ? A.mul(m, A.div(x, keep)) : A.mul(m, x);
}

/** Inference output. */
export function dropoutInference<T>(A: Float32Arith<T>, x: T, keep: T, config: DropoutConfiguration): T {
  return isInverted(config) ? x : A.mul(keep, x);
}

/** tf.dropout's training output: x · (m / p). */
export function tfDropoutTrain<T>(A: Float32Arith<T>, x: T, m: T, keep: T): T {
  return A.mul(x, A.div(m, keep));
}

/** Dropout's algorithm: its keep probability, training output given the mask, and inference output. */
export interface DropoutAlgorithm {
  keep<S>(s: ScalarArith<S>, config: DropoutConfiguration): S;
  train<T>(A: Float32Arith<T>, x: T, m: T, keep: T, config: DropoutConfiguration): T;
  inference<T>(A: Float32Arith<T>, x: T, keep: T, config: DropoutConfiguration): T;
}

/** This project's dropout, as the registry holds it. */
export const dropoutAlgorithm: DropoutAlgorithm = {
  keep: keepProbability,
  train: dropoutTrain,
  inference: dropoutInference,
};
