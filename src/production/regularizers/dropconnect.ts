/**
 * DropConnect in float32 (Wan et al. 2013), elementwise parts written against {@link Float32Arith}.
 * For a layer y = (M ⊙ W) x with W of m × n and M_ij ~ Bernoulli(p):
 *
 *   train:     y_i = Σ_j (M_ij W_ij) x_j                       (tf.mul, then tf.matMul)
 *   mean:      μ_i = p · Σ_j W_ij x_j                           (the paper's moment matching, section 3)
 *   variance:  σ²_i = p (1 − p) · Σ_j W_ij² x_j²
 *   inference: (1/Z) Σ_z f(μ_i + σ_i ζ_z), ζ_z ~ N(0, 1)        (Wan et al., Algorithm 2)
 *
 * p (1 − p) is computed in float64 and rounded once to float32.
 *
 * @module
 */
import { checkConfiguration, type Configuration } from '../../../core/catalogue/index.js';
import { dropConnect, type DropConnectSchema } from '../../../core/catalogue/regularizers/masks.js';
import type { ScalarArith } from '../../../core/arith.js';

/** A DropConnect configuration. */
export type DropConnectConfiguration = Configuration<DropConnectSchema>;

/**
 * `config` with DropConnect's schema, after checking that it is a configuration of DropConnect (a
 * {@link ConfigurationError} naming `dropconnect` otherwise).
 */
export function dropConnectConfiguration(config: Configuration): DropConnectConfiguration {
  checkConfiguration(dropConnect.name, config, 'regularizer');
  // Checked just above: its entry is DropConnect, and configure accepted its hyperparameters.
  return config as DropConnectConfiguration;
}

/** The coefficients p and p (1 − p). */
export interface DropConnectCoefficients<S> {
  readonly keep: S;
  readonly keepVariance: S;
}

/** p and p (1 − p), in the scalar arithmetic `s`. */
export function dropConnectCoefficients<S>(
  s: ScalarArith<S>,
  config: DropConnectConfiguration,
): DropConnectCoefficients<S> {
  const keep = s.hyper(config.hyper.keep);
  return { keep, keepVariance: s.mul(keep, s.sub(s.integer(1), keep)) };
}

/** DropConnect's algorithm: its coefficients (the products and row sums are tensor operations). */
export interface DropConnectAlgorithm {
  coefficients<S>(s: ScalarArith<S>, config: DropConnectConfiguration): DropConnectCoefficients<S>;
}

/** This project's DropConnect, as the registry holds it. */
export const dropConnectAlgorithm: DropConnectAlgorithm = { coefficients: dropConnectCoefficients };

/** The activations the inference can average: the identity, the step 1{z > 0}, and the ReLU. */
export type Activation = 'identity' | 'step' | 'relu';
