/**
 * The random geometric augmentations' outcome frequencies against the frameworks' exact
 * probabilities (false failure ≤ 1e-9 for each test; seeded), the exact distributions themselves
 * (they sum to 1; TensorFlow's modulo chain), and the power of the test: each broken variant is
 * rejected, and the power bound computed before the run says it must be (≥ 1 − 1e-9).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { randomCrop, randomFlipLeftRight, randomFlipUpDown } from '../../core/catalogue/augmentations/geometric.js';
import { configure, type Configuration } from '../../core/catalogue/index.js';
import { FALSE_FAILURE } from '../../core/statistics.js';
import { offsetDistribution } from '../../oracle/augmentations/geometric-random.js';
import {
  describeFrequencies,
  frequencyHalfWidth,
  frequencyPower,
  outcomeFrequencies,
} from '../../src/gate/augmentations/geometric-statistics.js';
import { seedFromEnv } from '../../src/gate/seed.js';
import type { RandomTransformProduction } from '../../src/production/augmentations/geometric-random.js';
import { useBackend } from '../../src/production/tfjs/backend.js';
import { geometricRecordOf, type RandomTransformRecord } from '../../src/registry/augmentations-geometric.js';

const seed = seedFromEnv();
const N = 10_000;
const random = (name: string): RandomTransformRecord => {
  const r = geometricRecordOf(name);
  if (r.form !== 'random') throw new Error(`${name} is not random`);
  return r;
};
const flipLR = random(randomFlipLeftRight.name);
const flipUD = random(randomFlipUpDown.name);
const crop = random(randomCrop.name);
const shape = { height: 5, width: 4 };

beforeAll(async () => {
  await useBackend();
});

describe('exact distributions', () => {
  it.each([1, 2, 3, 7, 100])('offsets in [0, %i) sum to 1 under both draws, each within 2^-30 of uniform', (L) => {
    for (const offsets of ['int32-modulo', 'uint32-modulo'] as const) {
      const d = offsetDistribution(offsets, L);
      expect(d.reduce((s, p) => s + p.num, 0n)).toBe(2n ** 32n);
      for (const p of d) expect(Math.abs(Number(p.num) / 2 ** 32 - 1 / L)).toBeLessThan(2 ** -30 * L);
    }
  });

  it("TensorFlow's chain on [0, 3): 715827883·2 + 1 + 0, … ; PyTorch's s mod 3: 1431655766, 1431655765, 1431655765", () => {
    expect(offsetDistribution('int32-modulo', 3).map((p) => p.num)).toEqual([1431655767n, 1431655765n, 1431655764n]);
    expect(offsetDistribution('uint32-modulo', 3).map((p) => p.num)).toEqual([1431655766n, 1431655765n, 1431655765n]);
  });
});

describe('outcome frequencies (false failure ≤ 1e-9 each; seeded)', () => {
  const cases: Array<[string, RandomTransformRecord, Configuration]> = [
    ['random-flip-left-right/keras', flipLR, configure(randomFlipLeftRight, 'keras')],
    [
      'random-flip-left-right/pytorch p = 0.2',
      flipLR,
      configure(randomFlipLeftRight, 'pytorch', { probability: '0.2' }),
    ],
    ['random-flip-up-down/pytorch p = 0.9', flipUD, configure(randomFlipUpDown, 'pytorch', { probability: '0.9' })],
    ['random-crop/keras 3 × 2 of 5 × 4', crop, configure(randomCrop, 'keras', { targetHeight: 3, targetWidth: 2 })],
    ['random-crop/pytorch 4 × 4 of 5 × 4', crop, configure(randomCrop, 'pytorch', { targetHeight: 4, targetWidth: 4 })],
  ];
  it.each(cases)('%s: every outcome within δ of its probability', (_name, record, config) => {
    const test = outcomeFrequencies(record, config, shape, N, seed);
    expect(test.ok, `${describeFrequencies(test)} (seed ${seed})`).toBe(true);
  });
});

describe('power: broken generators are rejected', () => {
  const flipWith = (p: (configured: number) => number): RandomTransformProduction => ({
    ...flipLR.production,
    draw: (config, s, k) => {
      const q = p(Number(config.hyper['probability'] ?? 0.5));
      return flipLR.production.draw(configure(randomFlipLeftRight, 'pytorch', { probability: String(q) }), s, k);
    },
  });
  const cropWith = (draw: RandomTransformProduction['draw']): RandomTransformProduction => ({
    ...crop.production,
    draw,
  });
  const p02 = configure(randomFlipLeftRight, 'pytorch', { probability: '0.2' });
  const crop33 = configure(randomCrop, 'pytorch', { targetHeight: 3, targetWidth: 2 });
  const broken: Array<[string, RandomTransformProduction, Configuration, RandomTransformRecord, number]> = [
    ['p and 1 − p swapped', flipWith((p) => 1 - p), p02, flipLR, 0.6],
    ['p ignored (always 1/2)', flipWith(() => 0.5), p02, flipLR, 0.3],
    [
      'offsets in [0, L − 1) (randint(0, H − h))',
      cropWith((config, s, k) => crop.production.draw(config, s, k).map((o) => (o === 0 ? 0 : o - 1))),
      crop33,
      crop,
      1 / 9,
    ],
    [
      'one draw for both axes',
      cropWith((config, s, k) => {
        const [y = 0] = crop.production.draw(config, s, k);
        return [y, y % 3];
      }),
      crop33,
      crop,
      1 / 9,
    ],
  ];
  it.each(broken)('%s', (_name, production, config, record, distance) => {
    const halfWidth = frequencyHalfWidth(record.oracle.distribution(config, shape).length, N);
    expect(frequencyPower(distance, N, halfWidth)).toBeGreaterThan(1 - FALSE_FAILURE);
    const test = outcomeFrequencies(record, config, shape, N, seed, production);
    expect(test.ok, describeFrequencies(test)).toBe(false);
  });
});
