/**
 * DropConnect as the gate sees it (Wan et al. 2013): agreement with the oracle given the mask, and the
 * distribution claims, each statistical test at false-failure probability 1e-9 in all (Hoeffding,
 * with a union bound over the m outputs):
 *
 *   E[y_i] = μ_i = p Σ_j W_ij x_j;   E[(y_i − μ_i)²] = σ²_i = p (1 − p) Σ_j W_ij² x_j²;
 *   the moment-matched inference with f = 1{z > 0} averages to Φ(μ_i / σ_i).
 *
 * @module
 */
import fc from 'fast-check';
import { dropConnectOracle } from '../../../oracle/regularizers/dropconnect.js';
import { FALSE_FAILURE, hoeffdingHalfWidth, meanConsistent, type MeanTest } from '../../../core/statistics.js';
import type { Configuration, PresetName } from '../../../core/catalogue/index.js';
import { required } from '../../../core/required.js';
import type { Activation } from '../../production/regularizers/dropconnect.js';
import {
  dropConnectInferenceArray,
  dropConnectMomentsArrays,
  dropConnectTrainArrays,
} from '../../production/tfjs/dropconnect.js';
import type { WeightMaskRecord } from '../../registry/records.js';
import { moderateFloat32 } from '../arbitraries/float32.js';
import { configuration } from '../arbitraries/step-case.js';
import { boundDropConnect } from '../bound/dropconnect-bound.js';
import type { StepBound } from '../bound/step-bound.js';
import { compareEveryOutput } from '../compare.js';
import { DisagreementError, foldInto, type Tally } from '../properties.js';
import { maskSeed } from './dropout-property.js';

/** A DropConnect implementation under test. */
export interface DropConnectImplementation {
  readonly name: string;
  /** `samples` independent masks: outputs (samples × m) and masks (samples × m × n). */
  train(
    config: Configuration,
    w: Float32Array,
    x: Float32Array,
    seed: number,
    samples?: number,
  ): { train: Float32Array; mask: Float32Array };
  moments(config: Configuration, w: Float32Array, x: Float32Array): { mean: Float32Array; variance: Float32Array };
  inference(
    config: Configuration,
    w: Float32Array,
    x: Float32Array,
    activation: Activation,
    samples: number,
    seed: number,
  ): Float32Array;
  bound(config: Configuration, w: Float32Array, x: Float32Array, mask: Float32Array): StepBound;
}

/** This project's DropConnect (src/production/tfjs/dropconnect.ts). */
export const productionDropConnect: DropConnectImplementation = {
  name: 'optim-oracle dropconnect',
  train: dropConnectTrainArrays,
  moments: dropConnectMomentsArrays,
  inference: dropConnectInferenceArray,
  bound: boundDropConnect,
};

/** A layer: W (m × n) and x (n), moderate values. */
export const layer = (): fc.Arbitrary<{ w: Float32Array; x: Float32Array }> =>
  fc.tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 8 })).chain(([m, n]) =>
    fc.record({
      w: fc.array(moderateFloat32(), { minLength: m * n, maxLength: m * n }).map((v) => Float32Array.from(v)),
      x: fc.array(moderateFloat32(), { minLength: n, maxLength: n }).map((v) => Float32Array.from(v)),
    }),
  );

/**
 * Agreement with the oracle (the registry's `record`: its entry and oracle) given one mask: train,
 * mean and variance within their derived bounds.
 */
export function dropConnectProperty(
  impl: DropConnectImplementation,
  record: WeightMaskRecord,
  preset: PresetName,
  tally?: Tally,
) {
  return fc.property(configuration(record.entry, preset), layer(), maskSeed(), (config, { w, x }, seed) => {
    const r = impl.train(config, w, x, seed);
    const bad = r.mask.findIndex((v) => v !== 0 && v !== 1);
    if (bad >= 0) throw new Error(`${impl.name}: mask[${bad}] = ${r.mask[bad]}, not 0 or 1`);
    const comparison = compareEveryOutput(
      { train: r.train, ...impl.moments(config, w, x) },
      record.oracle(config, w, x, r.mask),
      impl.bound(config, w, x, r.mask),
    );
    foldInto(tally, comparison);
    if (comparison.mismatches.length > 0)
      throw new DisagreementError(impl.name, config, `with seed ${seed}`, comparison);
  });
}

/** The element `k` of `values`, which the caller sized to hold it. */
const at = (values: ArrayLike<number>, k: number, what: string): number => required(values[k], `${what}[${k}]`);

/** Σ_j max(0, W_ij x_j) and Σ_j min(0, W_ij x_j): the range of y_i. */
function rowRange(w: Float32Array, x: Float32Array, i: number): [number, number] {
  let lo = 0;
  let hi = 0;
  x.forEach((xj, j) => {
    const t = at(w, i * x.length + j, 'W') * xj;
    if (t > 0) hi += t;
    else lo += t;
  });
  return [lo, hi];
}

/** Exact moments in float64 from the oracle's certified float32 values. */
function exactMoments(config: Configuration, w: Float32Array, x: Float32Array) {
  const o = dropConnectOracle(config, w, x, new Float32Array(w.length));
  return { mean: o.mean, variance: o.variance };
}

/** Per output i: is the mean of y_i over `samples` masks p (W x)_i? */
export function dropConnectMean(
  impl: DropConnectImplementation,
  config: Configuration,
  w: Float32Array,
  x: Float32Array,
  samples: number,
  seed: number,
): MeanTest[] {
  const m = w.length / x.length;
  const { train } = impl.train(config, w, x, seed, samples);
  const { mean } = exactMoments(config, w, x);
  return Array.from({ length: m }, (_, i) => {
    const [lo, hi] = rowRange(w, x, i);
    return meanConsistent(
      Float64Array.from({ length: samples }, (_, s) => at(train, s * m + i, 'train')),
      at(mean, i, 'mean'),
      hi - lo,
      FALSE_FAILURE / m,
    );
  });
}

/** Per output i: is the mean of (y_i − μ_i)² over `samples` masks σ²_i? */
export function dropConnectVariance(
  impl: DropConnectImplementation,
  config: Configuration,
  w: Float32Array,
  x: Float32Array,
  samples: number,
  seed: number,
): MeanTest[] {
  const m = w.length / x.length;
  const { train } = impl.train(config, w, x, seed, samples);
  const { mean, variance } = exactMoments(config, w, x);
  return Array.from({ length: m }, (_, i) => {
    const [lo, hi] = rowRange(w, x, i);
    const mu = at(mean, i, 'mean');
    const range = Math.max((hi - mu) ** 2, (lo - mu) ** 2);
    return meanConsistent(
      Float64Array.from({ length: samples }, (_, s) => (at(train, s * m + i, 'train') - mu) ** 2),
      at(variance, i, 'variance'),
      range,
      FALSE_FAILURE / m,
    );
  });
}

/** Φ(z), the standard normal CDF, by composite Simpson's rule on the density (error below 1e-12). */
export function normalCdf(z: number): number {
  if (z < 0) return 1 - normalCdf(-z);
  if (z > 40) return 1;
  const steps = 4000;
  const h = z / steps;
  const f = (t: number) => Math.exp((-t * t) / 2);
  let s = f(0) + f(z);
  for (let k = 1; k < steps; k++) s += (k % 2 === 1 ? 4 : 2) * f(k * h);
  return 0.5 + (s * h) / 3 / Math.sqrt(2 * Math.PI);
}

/**
 * Per output i: does the moment-matched inference with f = 1{z > 0} average to Φ(μ_i / σ_i)? Each
 * sample of f lies in [0, 1], so Hoeffding's half-width is √(ln(2m/p) / (2Z)); tf.mean's float32 sum of
 * 0s and 1s is exact below 2^24 samples, and its division adds at most 2^−23 more.
 */
export function dropConnectInferenceStep(
  impl: DropConnectImplementation,
  config: Configuration,
  w: Float32Array,
  x: Float32Array,
  samples: number,
  seed: number,
): MeanTest[] {
  const m = w.length / x.length;
  const y = impl.inference(config, w, x, 'step', samples, seed);
  const { mean, variance } = exactMoments(config, w, x);
  const halfWidth = hoeffdingHalfWidth(1, samples, FALSE_FAILURE / m) + 2 ** -23;
  return Array.from({ length: m }, (_, i) => {
    const mu = at(mean, i, 'mean');
    const sigma = Math.sqrt(at(variance, i, 'variance'));
    const expected = sigma === 0 ? (mu > 0 ? 1 : 0) : normalCdf(mu / sigma);
    const yi = at(y, i, 'inference');
    return { ok: Math.abs(yi - expected) <= halfWidth, mean: yi, expected, halfWidth };
  });
}
