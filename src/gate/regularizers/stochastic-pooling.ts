/**
 * Stochastic pooling as the gate sees it (Zeiler & Fergus 2013): the probabilities and the inference
 * output against the oracle within their derived bounds (src/gate/bound/stochastic-pooling-bound.ts);
 * each sampled value one of its region's activations with positive probability (or 0 for a region of
 * zeros, never NaN); and the distribution claims, at false-failure probability 1e-9 in all (Hoeffding,
 * union bound over the values):
 *
 *   P(sample = a_i) = p_i = a_i / Σ a_j,   E[sample] = Σ p_i a_i, which is the inference output.
 *
 * @module
 */
import fc from 'fast-check';
import { FALSE_FAILURE, meanConsistent, type MeanTest } from '../../../core/statistics.js';
import type { PresetName } from '../../../core/catalogue/index.js';
import { stochasticPoolingArrays, stochasticPoolingTrainArray } from '../../production/tfjs/stochastic-pooling.js';
import type { PoolingRecord } from '../../registry/records.js';
import { boundStochasticPooling } from '../bound/stochastic-pooling-bound.js';
import { configuration } from '../arbitraries/step-case.js';
import { compareEveryOutput } from '../compare.js';
import { DisagreementError, foldInto, type Tally } from '../properties.js';
import { maskSeed } from './dropout-property.js';

/** A stochastic pooling implementation under test. */
export interface StochasticPoolingImplementation {
  readonly name: string;
  deterministic(a: Float32Array, k: number): { probabilities: Float32Array; inference: Float32Array };
  /** `samples` draws per region (samples × regions). */
  train(a: Float32Array, k: number, seed: number, samples?: number): Float32Array;
}

/** This project's (src/production/tfjs/stochastic-pooling.ts). */
export const productionStochasticPooling: StochasticPoolingImplementation = {
  name: 'optim-oracle stochastic pooling',
  deterministic: stochasticPoolingArrays,
  train: stochasticPoolingTrainArray,
};

/** Regions of size k (1 to 6) of activations ≥ 0, some all zero, some with zeros inside. */
export const activations = (): fc.Arbitrary<{ a: Float32Array; k: number }> =>
  fc.integer({ min: 1, max: 6 }).chain((k) =>
    fc
      .array(fc.oneof(fc.constant(0), fc.float({ min: 2 ** -20, max: 2 ** 20, noNaN: true })), {
        minLength: k,
        maxLength: 8 * k,
      })
      .map((xs) => ({ a: Float32Array.from(xs.slice(0, xs.length - (xs.length % k))), k })),
  );

/** Agreement with the oracle (the registry's `record`: its entry and oracle), and every sample a possible one. */
export function stochasticPoolingProperty(
  impl: StochasticPoolingImplementation,
  record: PoolingRecord,
  preset: PresetName,
  tally?: Tally,
) {
  return fc.property(configuration(record.entry, preset), activations(), maskSeed(), (config, { a, k }, seed) => {
    const comparison = compareEveryOutput(impl.deterministic(a, k), record.oracle(a, k), boundStochasticPooling(a, k));
    foldInto(tally, comparison);
    if (comparison.mismatches.length > 0)
      throw new DisagreementError(impl.name, config, `on regions of ${k}`, comparison);
    impl.train(a, k, seed).forEach((v, r) => {
      const region = Array.from(a.subarray(r * k, (r + 1) * k));
      const possible = region.every((x) => x === 0) ? v === 0 : region.some((x) => x > 0 && x === v);
      if (!possible)
        throw new Error(`${impl.name}: region ${r} [${region.join(', ')}] sampled ${v}, which has probability 0`);
    });
  });
}

/** For each distinct value of the region: is its sampled frequency Σ_{a_i = value} p_i? (union bound over the values) */
export function samplingFrequencies(
  impl: StochasticPoolingImplementation,
  region: Float32Array,
  samples: number,
  seed: number,
): MeanTest[] {
  const draws = impl.train(region, region.length, seed, samples);
  const total = region.reduce((s, v) => s + v, 0);
  const values = [...new Set(region)].filter((v) => v > 0);
  const p = FALSE_FAILURE / Math.max(values.length, 1);
  return values.map((value) => {
    const expected = region.reduce((s, v) => s + (v === value ? v : 0), 0) / total;
    return meanConsistent(
      Float64Array.from(draws, (d) => (d === value ? 1 : 0)),
      expected,
      1,
      p,
    );
  });
}

/** Is the mean sample Σ p_i a_i (range [0, max a])? */
export function samplingExpectation(
  impl: StochasticPoolingImplementation,
  region: Float32Array,
  samples: number,
  seed: number,
): MeanTest {
  const draws = impl.train(region, region.length, seed, samples);
  const total = region.reduce((s, v) => s + v, 0);
  const expected = region.reduce((s, v) => s + v * v, 0) / total;
  return meanConsistent(draws, expected, Math.max(...region));
}
