/**
 * Stochastic pooling's deterministic outputs in float32 (Zeiler & Fergus 2013, section 3), written once
 * against {@link RegionArith} so that the gate derives their error bounds from the same code. Over
 * regions of k activations a ≥ 0 (the last axis), with S = Σ a (a region sum: float32 additions in any
 * order):
 *
 *   probabilities  p_i = a_i / S where S > 0, else 0   (divided by 1 there, so that no NaN is formed)
 *   inference      Σ_i p_i a_i                          (0 for a region of zeros)
 *
 * Training (src/production/tfjs/stochastic-pooling.ts) draws one a_i per region with probability p_i:
 * its output is one activation, selected exactly, with no rounding to bound.
 *
 * @module
 */
import type { RegionArith } from '../../../core/arith.js';

/** The float32 constants the algorithm selects: 0 and 1 (exact). */
export interface StochasticPoolingConstants<T> {
  readonly zero: T;
  readonly one: T;
}

/** Probabilities (one per activation) and inference (one per region, as an axis of length 1). */
export interface StochasticPoolingOutputs<T> {
  readonly probabilities: T;
  readonly inference: T;
}

/** p = a / S where S > 0 (else 0) and Σ p a, for the regions of `a` (its last axis). */
export function stochasticPooling<T>(
  A: RegionArith<T>,
  a: T,
  { zero, one }: StochasticPoolingConstants<T>,
): StochasticPoolingOutputs<T> {
  const sum = A.regionSum(a);
  const probabilities = A.wherePositive(sum, A.div(a, A.wherePositive(sum, sum, one)), zero);
  return { probabilities, inference: A.regionSum(A.mul(probabilities, a)) };
}

/** Stochastic pooling's algorithm: its deterministic outputs (training selects an activation exactly). */
export interface StochasticPoolingAlgorithm {
  outputs<T>(A: RegionArith<T>, a: T, constants: StochasticPoolingConstants<T>): StochasticPoolingOutputs<T>;
}

/** This project's stochastic pooling, as the registry holds it. */
export const stochasticPoolingAlgorithm: StochasticPoolingAlgorithm = { outputs: stochasticPooling };
