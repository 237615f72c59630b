/**
 * Dropout: this project's and tfjs's tf.dropout agree with the oracle given their masks (derived
 * bounds, every backend); masks are seeded and reproducible; and the distribution claims hold, each
 * statistical test at false-failure probability 1e-9 (Hoeffding, DKW), and each shown to reject the
 * broken variants: no rescaling, rescaling at inference too, p and 1 − p swapped.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { configure, PRESET_NAMES, type Configuration } from '../../core/catalogue/index.js';
import { dropout } from '../../core/catalogue/regularizers/masks.js';
import {
  productionDropout,
  tfjsDropout,
  type DropoutImplementation,
} from '../../src/gate/regularizers/dropout-implementation.js';
import { dropoutProperty } from '../../src/gate/regularizers/dropout-property.js';
import {
  binomialCdf,
  dropoutMean,
  dropoutVariance,
  inferenceIsIdentity,
  keptCountDistribution,
} from '../../src/gate/regularizers/dropout-statistics.js';
import { seedFromEnv } from '../../src/gate/seed.js';
import { useBackend } from '../../src/production/tfjs/backend.js';
import { dropoutConfiguration } from '../../src/production/regularizers/dropout.js';
import { keepOf } from '../../src/production/tfjs/dropout.js';
import { regularizerRecordOf } from '../../src/registry/regularizers.js';
import { backends } from '../backends.js';

const seed = seedFromEnv();
const N = 20_000;
const record = regularizerRecordOf(dropout.name, 'activation-mask');
const keepOfAny = (c: Configuration) => keepOf(dropoutConfiguration(c));

/** Broken variants, each built on the real one: what the statistical tests must reject. */
const broken: Record<string, DropoutImplementation> = {
  'no rescaling': {
    ...productionDropout,
    name: 'no rescaling',
    train: (c, x, s) => {
      const r = productionDropout.train(c, x, s);
      return { ...r, train: Float32Array.from(x, (v, i) => v * r.mask[i]!) };
    },
  },
  'rescaling at inference too': {
    ...productionDropout,
    name: 'rescaling at inference too',
    inference: (c, x) => {
      const keep = keepOfAny(c);
      return Float32Array.from(x, (v) => v / keep);
    },
  },
  'p and 1 − p swapped': {
    ...productionDropout,
    name: 'p and 1 − p swapped',
    train: (c, x, s) => {
      const swapped = configure(dropout, c.preset, { rate: String(1 - Number(c.hyper['rate'])) });
      const { mask } = productionDropout.train(swapped, x, s);
      const keep = keepOfAny(c);
      return { mask, train: Float32Array.from(x, (v, i) => (mask[i]! * v) / keep) };
    },
  },
};

describe.each(backends)('dropout on %s', (backend) => {
  beforeAll(async () => {
    await useBackend(backend);
  });

  const presets = PRESET_NAMES.filter((p) => dropout.presets[p] !== undefined);
  it.each(presets)(
    'optim-oracle dropout (%s) agrees with the oracle given its mask, within the derived bound',
    (preset) => {
      fc.assert(dropoutProperty(productionDropout, record, preset));
    },
  );
  it.each(presets.filter((p) => p !== 'paper'))(
    'tf.dropout (%s) agrees with the oracle given the mask read from its output, within its derived bound',
    (preset) => {
      fc.assert(dropoutProperty(tfjsDropout, record, preset));
    },
  );

  it('masks are reproducible: the same seed gives the same mask, another seed another', () => {
    const config = configure(dropout, 'pytorch', { rate: '0.3' });
    const x = new Float32Array(256).fill(1);
    const a = productionDropout.train(config, x, 42).mask;
    expect(Array.from(productionDropout.train(config, x, 42).mask)).toEqual(Array.from(a));
    expect(Array.from(productionDropout.train(config, x, 43).mask)).not.toEqual(Array.from(a));
    expect(Array.from(tfjsDropout.train(config, x, 42).mask)).toEqual(
      Array.from(tfjsDropout.train(config, x, 42).mask),
    );
  });

  it('rejects seed 0 (tfjs would draw an unseeded mask)', () => {
    expect(() => productionDropout.train(configure(dropout, 'pytorch'), Float32Array.of(1), 0)).toThrow(/nonzero/);
  });
});

describe('dropout statistics (false failure ≤ 1e-9 each; seeded)', () => {
  beforeAll(async () => {
    await useBackend();
  });
  const inverted = configure(dropout, 'pytorch', { rate: '0.2' });
  const original = configure(dropout, 'paper', { keep: '0.8' });
  const cases: Array<[string, DropoutImplementation, Configuration]> = [
    ['optim-oracle, inverted', productionDropout, inverted],
    ['tf.dropout, inverted', tfjsDropout, inverted],
    ['optim-oracle, original', productionDropout, original],
  ];

  it.each(cases)(
    '%s: E[y] and Var[y] as stated, the kept count ~ Binomial(n, p), inference as stated',
    (_name, impl, config) => {
      for (const x of [1, -2.5, 0.1]) {
        const mean = dropoutMean(impl, config, x, N, seed);
        expect(
          mean.ok,
          `E[y] at x = ${x}: mean ${mean.mean} against ${mean.expected} ± ${mean.halfWidth} (seed ${seed})`,
        ).toBe(true);
        const variance = dropoutVariance(impl, config, x, N, seed + 1);
        expect(
          variance.ok,
          `Var[y] at x = ${x}: ${variance.mean} against ${variance.expected} ± ${variance.halfWidth} (seed ${seed})`,
        ).toBe(true);
      }
      const kept = keptCountDistribution(impl, config, 40, 2000, seed);
      expect(kept.ok, `DKW distance ${kept.distance} > ${kept.threshold} (seed ${seed})`).toBe(true);
      if (config.flags['form'] === 'inverted')
        expect(inferenceIsIdentity(impl, config, Float32Array.of(1, -0, 3.5e-40, 1e30))).toBe(true);
    },
  );

  it.each(Object.entries(broken))('power: the variant with %s fails a test', (name, impl) => {
    const mean = dropoutMean(impl, inverted, 1, N, seed);
    const kept = keptCountDistribution(impl, inverted, 40, 2000, seed);
    const identity = inferenceIsIdentity(impl, inverted, Float32Array.of(1, 2, 3));
    const failures = [!mean.ok && 'E[y]', !kept.ok && 'kept count', !identity && 'inference'].filter(Boolean);
    expect(failures.length, `${name} passed every test (seed ${seed})`).toBeGreaterThan(0);
    if (name === 'no rescaling') expect(mean.ok).toBe(false);
    if (name === 'rescaling at inference too') expect(identity).toBe(false);
    if (name === 'p and 1 − p swapped') expect(!mean.ok && !kept.ok).toBe(true);
  });

  it('binomialCdf: sums to 1 and matches a small case exactly (n = 2, p = 1/2: 1/4, 3/4, 1)', () => {
    expect(Array.from(binomialCdf(2, 0.5)).map((v) => Number(v.toFixed(12)))).toEqual([0.25, 0.75, 1]);
    expect(binomialCdf(40, 0.8)[40]).toBeCloseTo(1, 12);
  });
});
