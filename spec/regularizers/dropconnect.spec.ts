/**
 * DropConnect (Wan et al. 2013): agreement with the oracle given the mask (derived bounds, every
 * backend); E[y] = p W x and the variance p (1 − p) (W ⊙ W)(x ⊙ x) over many masks; the paper's
 * Gaussian moment-matching inference; each statistical test at false-failure probability 1e-9 and
 * shown to reject broken variants (no mask, p and 1 − p swapped, inference without the variance).
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { configure } from '../../core/catalogue/index.js';
import { dropConnect } from '../../core/catalogue/regularizers/masks.js';
import {
  dropConnectInferenceStep,
  dropConnectMean,
  dropConnectProperty,
  dropConnectVariance,
  normalCdf,
  productionDropConnect,
  type DropConnectImplementation,
} from '../../src/gate/regularizers/dropconnect.js';
import { seedFromEnv } from '../../src/gate/seed.js';
import { useBackend } from '../../src/production/tfjs/backend.js';
import { regularizerRecordOf } from '../../src/registry/regularizers.js';
import { backends } from '../backends.js';

const seed = seedFromEnv();
const config = configure(dropConnect, 'paper', { keep: '0.7' });
const w = Float32Array.of(0.5, -1.25, 2, 0.75, 1, -0.5, 0.25, 3, -2);
const x = Float32Array.of(1, 0.5, -1);
const SAMPLES = 20_000;

const broken: Record<string, DropConnectImplementation> = {
  'no mask': {
    ...productionDropConnect,
    train: (c, W, X, s, n = 1) => {
      const r = productionDropConnect.train(c, W, X, s, n);
      return {
        ...r,
        train: r.train.map((_, k) => {
          const m = W.length / X.length;
          const i = k % m;
          return X.reduce((acc, xj, j) => acc + W[i * X.length + j]! * xj, 0);
        }),
      };
    },
  },
  'p and 1 − p swapped': {
    ...productionDropConnect,
    train: (c, W, X, s, n) =>
      productionDropConnect.train(
        configure(dropConnect, 'paper', { keep: String(1 - Number(c.hyper['keep'])) }),
        W,
        X,
        s,
        n,
      ),
  },
  'inference without the variance': {
    ...productionDropConnect,
    moments: (c, W, X) => ({
      ...productionDropConnect.moments(c, W, X),
      variance: new Float32Array(W.length / X.length),
    }),
    inference: (c, W, X, _f, n, s) =>
      productionDropConnect
        .inference(c, W, X, 'step', n, s)
        .map((_, i) => (productionDropConnect.moments(c, W, X).mean[i]! > 0 ? 1 : 0)),
  },
};

describe.each(backends)('DropConnect on %s', (backend) => {
  beforeAll(async () => {
    await useBackend(backend);
  });
  it('train, the mean and the variance agree with the oracle given the mask, within the derived bound', () => {
    fc.assert(
      dropConnectProperty(productionDropConnect, regularizerRecordOf(dropConnect.name, 'weight-mask'), 'paper'),
    );
  });
  it('masks are reproducible from their seed', () => {
    expect(Array.from(productionDropConnect.train(config, w, x, 7, 3).mask)).toEqual(
      Array.from(productionDropConnect.train(config, w, x, 7, 3).mask),
    );
  });
});

describe('DropConnect statistics (false failure ≤ 1e-9 per test, union over outputs; seeded)', () => {
  beforeAll(async () => {
    await useBackend();
  });
  it('E[y] = p W x and E[(y − p W x)²] = p (1 − p) (W ⊙ W)(x ⊙ x) over 20,000 masks', () => {
    for (const t of dropConnectMean(productionDropConnect, config, w, x, SAMPLES, seed))
      expect(t.ok, `mean ${t.mean} against ${t.expected} ± ${t.halfWidth} (seed ${seed})`).toBe(true);
    for (const t of dropConnectVariance(productionDropConnect, config, w, x, SAMPLES, seed + 1))
      expect(t.ok, `variance ${t.mean} against ${t.expected} ± ${t.halfWidth} (seed ${seed})`).toBe(true);
  });
  it('the moment-matched inference with f = 1{z > 0} averages to Φ(μ/σ) over 20,000 Gaussian draws', () => {
    for (const t of dropConnectInferenceStep(productionDropConnect, config, w, x, SAMPLES, seed))
      expect(t.ok, `${t.mean} against Φ = ${t.expected} ± ${t.halfWidth} (seed ${seed})`).toBe(true);
  });
  it.each(Object.entries(broken))('power: the variant with %s fails', (name, impl) => {
    const failed =
      dropConnectMean(impl, config, w, x, SAMPLES, seed).some((t) => !t.ok) ||
      dropConnectVariance(impl, config, w, x, SAMPLES, seed + 1).some((t) => !t.ok) ||
      dropConnectInferenceStep(impl, config, w, x, SAMPLES, seed).some((t) => !t.ok);
    expect(failed, `${name} passed every test (seed ${seed})`).toBe(true);
  });
  it('normalCdf: Φ(0) = 1/2, Φ(1.959963984540054) = 0.975, Φ(−3) = 0.0013498980316301', () => {
    expect(normalCdf(0)).toBe(0.5);
    expect(normalCdf(1.959963984540054)).toBeCloseTo(0.975, 12);
    expect(normalCdf(-3)).toBeCloseTo(0.0013498980316301, 13);
  });
});
