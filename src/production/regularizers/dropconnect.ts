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
import type { Configuration } from '../../../core/catalogue/index.js';
import type { ScalarArith } from '../../../core/arith.js';

/** The coefficients p and p (1 − p). */
export function dropConnectCoefficients<S>(s: ScalarArith<S>, config: Configuration): { keep: S; keepVariance: S } {
  const keep = s.hyper(config.hyper['keep']!);
  return { keep, keepVariance: s.mul(keep, s.sub(s.integer(1), keep)) };
}

/** The activations the inference can average: the identity, the step 1{z > 0}, and the ReLU. */
export type Activation = 'identity' | 'step' | 'relu';
