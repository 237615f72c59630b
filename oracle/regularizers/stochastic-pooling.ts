/**
 * Stochastic pooling, exact (Zeiler & Fergus 2013, section 3), each output certified correctly
 * rounded to float32: for each region of k activations a ≥ 0 with S = Σ a_j,
 *
 *   probabilities p_i = a_i / S,   inference Σ_i p_i a_i = Σ a_i² / S,   both 0 when S = 0.
 *
 * @module
 */
import { exactFromFloat32 } from '../binary32.js';
import { certify } from '../certify.js';
import { uncertifiedElements } from '../marks.js';
import type { UncertifiedElement } from '../../core/catalogue/index.js';
import { required } from '../../core/required.js';

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
  const uncertified: UncertifiedElement[] = [];
  const regions = a.length / k;
  const probabilities = new Float32Array(a.length);
  const inference = new Float32Array(regions);
  for (let r = 0; r < regions; r++) {
    const region = a.subarray(r * k, (r + 1) * k);
    if (region.every((v) => v === 0)) continue;
    const c = certify<string>((ar) => {
      const xs = Array.from(region, (v) => ar.point(exactFromFloat32(v)));
      const sum = xs.reduce((s, v) => ar.add(s, v), ar.point(0));
      const out: Record<string, ReturnType<typeof ar.point>> = {
        inference: ar.div(
          xs.reduce((s, v) => ar.add(s, ar.square(v)), ar.point(0)),
          sum,
        ),
      };
      xs.forEach((v, i) => (out[`p${i}`] = ar.div(v, sum)));
      return out;
    });
    inference[r] = required(c.values['inference'], 'the certified inference');
    for (let i = 0; i < k; i++) probabilities[r * k + i] = required(c.values[`p${i}`], `the certified p${i}`);
    uncertified.push(
      ...uncertifiedElements(c, (key) =>
        key === 'inference'
          ? { output: key, index: r }
          : { output: 'probabilities', index: r * k + Number(key.slice(1)) },
      ),
    );
  }
  return { probabilities, inference, uncertified };
}
