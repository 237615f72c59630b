/**
 * Stochastic pooling, exact (Zeiler & Fergus 2013, section 3), each output certified correctly
 * rounded to float32 through the oracle's stages ({@link certifyStaged}): for each region of k
 * activations a ≥ 0 with S = Σ a_j,
 *
 *   probabilities p_i = a_i / S,   inference Σ_i p_i a_i = Σ a_i² / S,   both 0 when S = 0.
 *
 * @module
 */
import type { Arithmetic } from '../enclosure.js';
import { certifyStaged } from '../staged.js';
import { uncertifiedAt, uncertifiedOf } from '../marks.js';
import { StepInputError, type UncertifiedElement } from '../../core/catalogue/index.js';
import { required } from '../../core/required.js';

/** The entry's name: its input errors and its certifications (oracle/staged.ts statistics) go under it. */
const NAME = 'stochastic-pooling';

/** Stochastic pooling's oracle outputs. */
export type StochasticPoolingOracleOutputs = {
  probabilities: Float32Array;
  inference: Float32Array;
  uncertified: UncertifiedElement[];
};

/**
 * Probabilities (one per activation) and inference (one per region) for regions of size k, and the
 * elements left uncertified.
 */
export function stochasticPoolingOracle(a: Float32Array, k: number): StochasticPoolingOracleOutputs {
  if (!Number.isInteger(k) || k < 1 || a.length % k !== 0)
    throw new StepInputError(NAME, `${a.length} activations are not whole regions of ${k}`);
  const uncertified: UncertifiedElement[] = [];
  const probabilities = new Float32Array(a.length);
  const inference = new Float32Array(a.length / k);
  for (let start = 0; start < a.length; start += k) {
    const region = a.subarray(start, start + k);
    if (region.every((v) => v === 0)) continue;
    /** The region's activations and their sum S, exactly. */
    const exact = (ar: Arithmetic) => {
      const xs = Array.from(region, (v) => ar.fromFloat32(v));
      return { xs, sum: xs.reduce((s, v) => ar.add(s, v), ar.point(0)) };
    };
    const mean = certifyStaged(NAME, (ar) => {
      const { xs, sum } = exact(ar);
      return {
        inference: ar.div(
          xs.reduce((s, v) => ar.add(s, ar.square(v)), ar.point(0)),
          sum,
        ),
      };
    });
    // Keyed by the activation's index in `a`.
    const p = certifyStaged<string>(NAME, (ar) => {
      const { xs, sum } = exact(ar);
      return Object.fromEntries(xs.map((v, i) => [String(start + i), ar.div(v, sum)]));
    });
    inference[start / k] = mean.values.inference;
    region.forEach((_, i) => (probabilities[start + i] = required(p.values[String(start + i)], 'the certified p_i')));
    uncertified.push(...uncertifiedAt(mean, start / k), ...uncertifiedOf(p, 'probabilities'));
  }
  return { probabilities, inference, uncertified };
}
