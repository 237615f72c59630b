/**
 * The gradient clippings' agreement property (what `check` runs): production on TensorFlow.js against
 * the exact oracle within the derived bound, under every preset, on every backend; and hand-computed
 * cases from the formulas of keras/src/optimizers/base_optimizer.py and torch/nn/utils/clip_grad.py.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { configure, PRESET_NAMES } from '../../core/catalogue/index.js';
import { clipByGlobalNorm, clipByNorm, clipByValue } from '../../core/catalogue/gradient-transforms/clipping.js';
import { clipOracle } from '../../oracle/gradient-transforms/clipping.js';
import { gradientTransformProperty } from '../../src/gate/gradient-transforms/agreement.js';
import { newTally } from '../../src/gate/properties.js';
import { RUNS_ENV, runsFromEnv, seedFromEnv } from '../../src/gate/seed.js';
import { useBackend } from '../../src/production/tfjs/backend.js';
import { tfjsClipArrays } from '../../src/production/tfjs/clipping.js';
import { gradientTransformRecordOf, gradientTransformRecords } from '../../src/registry/gradient-transforms.js';
import { backends } from '../backends.js';

const seed = seedFromEnv();
/**
 * Cases per property: an eighth of the global count (25 by default) on the first backend and a
 * twentieth (10) on the others, so that `npm test` stays within its two minutes; the whole count everywhere when
 * $OPTIM_ORACLE_RUNS is set (CI).
 */
const casesOn = (backend: string): number => {
  const runs = runsFromEnv(200);
  if ((process.env[RUNS_ENV] ?? '') !== '') return runs;
  return Math.max(10, Math.round(runs / (backend === backends[0] ? 8 : 20)));
};

describe.each(backends)('gradient clipping on %s', (backend) => {
  beforeAll(async () => {
    await useBackend(backend);
  });
  const units = gradientTransformRecords.flatMap((r) =>
    PRESET_NAMES.filter((p) => r.entry.presets[p] !== undefined).map((p) => [r.entry.name, p] as const),
  );
  it.each(units)('%s under %s agrees with the oracle within the derived bound', (name, preset) => {
    const tally = newTally();
    const numRuns = casesOn(backend);
    fc.assert(gradientTransformProperty(gradientTransformRecordOf(name), preset, tally, `optim-oracle on ${backend}`), {
      seed,
      numRuns,
    });
    expect(tally.steps).toBe(numRuns);
    const grads = tally.outputs['grads'];
    expect(grads?.compared ?? 0).toBeGreaterThan(0);
    expect(grads?.maxRatio ?? 0).toBeLessThanOrEqual(1);
  });
});

describe('clipping, worked by hand', () => {
  const g = [Float32Array.of(3, 4), Float32Array.of(12)];
  const both = (config: ReturnType<typeof configure>) => {
    const record = gradientTransformRecordOf(config.entry.name);
    return [
      Array.from(clipOracle(record.oracle, config, g).grads),
      Array.from(tfjsClipArrays(record.production, config, g)),
    ];
  };

  it('clipnorm 2.5 halves (3, 4) (norm 5) and scales (12) to 2.5, each variable by its own norm', () => {
    const [oracle, production] = both(configure(clipByNorm, 'keras', { clipnorm: '2.5' }));
    expect(oracle).toEqual([1.5, 2, 2.5]);
    expect(production).toEqual([1.5, 2, 2.5]);
  });

  it('global_clipnorm 6.5 halves every gradient: the global norm is √(9 + 16 + 144) = 13', () => {
    const [oracle, production] = both(configure(clipByGlobalNorm, 'keras', { maxNorm: '6.5' }));
    expect(oracle).toEqual([1.5, 2, 6]);
    expect(production).toEqual([1.5, 2, 6]);
  });

  it("PyTorch's clip_grad_norm_ scales by 6.5 / (13 + 1e-6), slightly below a half", () => {
    const config = configure(clipByGlobalNorm, 'pytorch', { maxNorm: '6.5' });
    const [oracle] = both(config);
    // 3 · 6.5 / 13.000001 = 1.4999998846…, whose nearest float32 is 1.4999999 (1.5 − 2^−23 = 1.49999988).
    expect(oracle![0]).toBe(Math.fround(1.5 - 2 ** -23));
  });

  it('clip_grad_value_ and clipvalue clamp each element to [−v, v], keeping −0', () => {
    const config = configure(clipByValue, 'pytorch', { clipValue: '3.5' });
    const record = gradientTransformRecordOf('clip-by-value');
    const w = [Float32Array.of(-0, 5, -7, 2)];
    expect(Array.from(clipOracle(record.oracle, config, w).grads)).toEqual([-0, 3.5, -3.5, 2]);
    expect(Array.from(tfjsClipArrays(record.production, config, w))).toEqual([-0, 3.5, -3.5, 2]);
  });

  it('an empty variable adds nothing to the global norm, on every backend', async () => {
    for (const backend of backends) {
      await useBackend(backend);
      const config = configure(clipByGlobalNorm, 'keras', { maxNorm: '6.5' });
      const record = gradientTransformRecordOf('clip-by-global-norm');
      expect(Array.from(tfjsClipArrays(record.production, config, [new Float32Array(0), ...g]))).toEqual([1.5, 2, 6]);
    }
  });

  it('a threshold at the norm leaves the gradient as it is (Keras: c / max(N, c) = 1)', () => {
    const [oracle, production] = both(configure(clipByGlobalNorm, 'keras', { maxNorm: '13' }));
    expect(oracle).toEqual([3, 4, 12]);
    expect(production).toEqual([3, 4, 12]);
  });
});
