/**
 * Stochastic pooling (Zeiler & Fergus 2013): probabilities and inference agree with the oracle within
 * the derived bounds (every backend); samples are always possible ones; a region of zeros gives 0 and
 * no NaN; the sampling frequencies are the p_i and the mean sample is the inference output, each at
 * false-failure probability 1e-9 and shown to reject uniform sampling and max pooling.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { stochasticPoolingOracle } from '../../oracle/regularizers/stochastic-pooling.js';
import { stochasticPooling } from '../../core/catalogue/regularizers/masks.js';
import {
  productionStochasticPooling,
  samplingExpectation,
  samplingFrequencies,
  stochasticPoolingProperty,
  type StochasticPoolingImplementation,
} from '../../src/gate/regularizers/stochastic-pooling.js';
import { boundStochasticPooling } from '../../src/gate/bound/stochastic-pooling-bound.js';
import { seedFromEnv } from '../../src/gate/seed.js';
import { useBackend } from '../../src/production/tfjs/backend.js';
import { regularizerRecordOf } from '../../src/registry/regularizers.js';
import { backends } from '../backends.js';

const seed = seedFromEnv();
const region = Float32Array.of(0, 1, 3, 0.5, 2.5);
const SAMPLES = 20_000;

const broken: Record<string, StochasticPoolingImplementation> = {
  'uniform sampling': {
    ...productionStochasticPooling,
    train: (a, k, s, n = 1) =>
      productionStochasticPooling
        .train(
          a.map((v) => (v > 0 ? 1 : 0)),
          k,
          s,
          n,
        )
        .map((_, j) => {
          const idx = Math.floor((((j * 2654435761) % 2 ** 32) / 2 ** 32) * k);
          return a[idx]!;
        }),
  },
  'max pooling': {
    ...productionStochasticPooling,
    train: (a, k, _s, n = 1) =>
      Float32Array.from({ length: n * (a.length / k) }, (_, j) =>
        Math.max(...a.subarray((j % (a.length / k)) * k, ((j % (a.length / k)) + 1) * k)),
      ),
  },
};

describe.each(backends)('stochastic pooling on %s', (backend) => {
  beforeAll(async () => {
    await useBackend(backend);
  });
  it('probabilities and inference agree with the oracle within the derived bound; every sample is possible', () => {
    const record = regularizerRecordOf(stochasticPooling.name, 'pooling');
    fc.assert(stochasticPoolingProperty(productionStochasticPooling, record, 'paper'));
  });
  it('a region of zeros gives probabilities 0, inference 0 and sample 0, and no NaN', () => {
    const a = Float32Array.of(0, 0, 0, 1, 2, 3);
    const d = productionStochasticPooling.deterministic(a, 3);
    expect(Array.from(d.probabilities.subarray(0, 3))).toEqual([0, 0, 0]);
    expect(d.inference[0]).toBe(0);
    expect(Array.from(productionStochasticPooling.train(a, 3, seed, 50)).every((v) => !Number.isNaN(v))).toBe(true);
    expect(productionStochasticPooling.train(Float32Array.of(0, 0, 0), 3, seed, 20).every((v) => v === 0)).toBe(true);
  });
  it('draws are reproducible from their seed', () => {
    expect(Array.from(productionStochasticPooling.train(region, 5, 11, 100))).toEqual(
      Array.from(productionStochasticPooling.train(region, 5, 11, 100)),
    );
  });
});

describe('stochastic pooling: the bound derived from the production algorithm', () => {
  it('a region of zeros is exact, so judged bitwise (bound 0); a region with S > 0 is not', () => {
    const b = boundStochasticPooling(Float32Array.of(0, -0, 0, 3), 2);
    expect(b['probabilities']!.map((x) => x.bound)).toEqual([0, 0, expect.any(Number), expect.any(Number)]);
    expect(b['inference']![0]!.bound).toBe(0);
    expect(b['probabilities']!.slice(2).every((x) => x.bound > 0 && x.out === undefined)).toBe(true);
    expect(b['inference']![1]!.bound).toBeGreaterThan(0);
  });
  it('refuses a region size that is not a positive integer', () => {
    const a = Float32Array.of(1, 2);
    for (const k of [0, -1, 1.5, Number.NaN])
      expect(() => boundStochasticPooling(a, k)).toThrow(`regions of size ${k}`);
    expect(boundStochasticPooling(a, 1)['probabilities']).toHaveLength(2);
  });
  it('on [1, 3]: each p_i within 3u p_i (the sum, the division, the oracle), the inference within 5u Σ p a', () => {
    const u = 2 ** -24;
    const b = boundStochasticPooling(Float32Array.of(1, 3), 2);
    expect(b['probabilities']!.map((x) => x.bound / u)).toEqual([expect.closeTo(0.75, 5), expect.closeTo(2.25, 5)]);
    expect(b['inference']![0]!.bound / u).toBeCloseTo(12.5, 4);
  });
});

describe('stochastic pooling statistics (false failure ≤ 1e-9 per test; seeded)', () => {
  beforeAll(async () => {
    await useBackend();
  });
  it('the oracle: inference is Σ p_i a_i exactly (Σ a² / Σ a = 16.5/7)', () => {
    expect(stochasticPoolingOracle(region, 5).inference[0]).toBe(Math.fround(16.5 / 7));
  });
  it('sampled frequencies are p_i = a_i / Σ a, and the mean sample is the inference output, over 20,000 draws', () => {
    for (const t of samplingFrequencies(productionStochasticPooling, region, SAMPLES, seed))
      expect(t.ok, `frequency ${t.mean} against ${t.expected} ± ${t.halfWidth} (seed ${seed})`).toBe(true);
    const e = samplingExpectation(productionStochasticPooling, region, SAMPLES, seed + 1);
    expect(e.ok, `mean ${e.mean} against ${e.expected} ± ${e.halfWidth} (seed ${seed})`).toBe(true);
  });
  it.each(Object.entries(broken))('power: %s fails', (name, impl) => {
    const failed =
      samplingFrequencies(impl, region, SAMPLES, seed).some((t) => !t.ok) ||
      !samplingExpectation(impl, region, SAMPLES, seed + 1).ok;
    expect(failed, `${name} passed (seed ${seed})`).toBe(true);
  });
});
