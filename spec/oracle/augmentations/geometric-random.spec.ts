/**
 * oracle/augmentations/geometric-random.ts against the generators' preimages counted again. A random
 * flip is the flip or the image; TensorFlow flips with probability 1/2, torchvision when
 * torch.rand(1) < p in float32: k 2^−24 < p₃₂ for ⌈p₃₂ 2^24⌉ of the 2^24 values of k. A random crop's
 * offset o in [0, L) is s mod L for a uniform 32-bit s under PyTorch: with 2^32 = q L + r, o has
 * q + [o < r] preimages; under TensorFlow, s mod (2^31 − 1) first (2^32 = 2 M + 2 for M = 2^31 − 1, so
 * 0 and 1 have three preimages and every other value two), then mod L: with M = q' L + r', o has
 * 2 (q' + [o < r']) + [o = 0] + [o = 1 mod L] preimages.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import {
  flipLeftRight,
  randomCrop,
  randomFlipLeftRight,
  randomFlipUpDown,
  type HwcImage,
} from '../../../core/catalogue/augmentations/geometric.js';
import { configure, StepInputError } from '../../../core/catalogue/index.js';
import {
  flipProbability,
  offsetDistribution,
  randomCropOracle,
  randomFlipLeftRightOracle,
  randomFlipUpDownOracle,
} from '../../../oracle/augmentations/geometric-random.js';
import { image, reverse, wordsOf } from './images.js';

const TWO_32 = 2n ** 32n;

/** Preimages of offset o in [0, L) of a uniform 32-bit draw, under each flag. */
function preimages(offsets: 'int32-modulo' | 'uint32-modulo', L: bigint, o: bigint): bigint {
  if (offsets === 'uint32-modulo') return TWO_32 / L + (o < TWO_32 % L ? 1n : 0n);
  const M = 2n ** 31n - 1n;
  return 2n * (M / L + (o < M % L ? 1n : 0n)) + (o === 0n ? 1n : 0n) + (o === 1n % L ? 1n : 0n);
}

describe('the random flips', () => {
  test.prop([image(), fc.constantFrom(0, 1)])('are the image for outcome 0 and the flip for outcome 1', (img, o) => {
    const w = wordsOf(img);
    const lr = randomFlipLeftRightOracle.apply(configure(randomFlipLeftRight, 'keras'), img, [o]);
    const ud = randomFlipUpDownOracle.apply(configure(randomFlipUpDown, 'pytorch'), img, [o]);
    expect(wordsOf(lr)).toEqual(o === 1 ? reverse(w, [1]) : w);
    expect(wordsOf(ud)).toEqual(o === 1 ? reverse(w, [0]) : w);
  });

  test.prop([fc.integer({ min: 0, max: 1000 })])(
    'flip with probability 1/2 under TensorFlow, ⌈p₃₂ 2^24⌉ / 2^24 under torchvision (p = k/1000)',
    (k) => {
      const p = k === 1000 ? '1' : `0.${String(k).padStart(3, '0')}`;
      // Three decimal digits lie far from any float32 midpoint, so Number then fround is p₃₂.
      const flips = BigInt(Math.ceil(Math.fround(Number(p)) * 2 ** 24));
      const expected = [
        { outcome: [0], probability: { num: 2n ** 24n - flips, den: 2n ** 24n } },
        { outcome: [1], probability: { num: flips, den: 2n ** 24n } },
      ].filter((o) => o.probability.num > 0n);
      const torch = configure(randomFlipUpDown, 'pytorch', { probability: p });
      expect(randomFlipUpDownOracle.distribution(torch, { height: 1, width: 1 })).toEqual(expected);
      expect(flipProbability(torch)).toEqual({ num: flips, den: 2n ** 24n });
      const tf = randomFlipLeftRightOracle.distribution(configure(randomFlipLeftRight, 'keras'), {
        height: 1,
        width: 1,
      });
      expect(tf).toEqual([
        { outcome: [0], probability: { num: 1n, den: 2n } },
        { outcome: [1], probability: { num: 1n, den: 2n } },
      ]);
    },
  );

  it('refuse an outcome other than 0 or 1, and another entry', () => {
    const img: HwcImage = { height: 1, width: 2, channels: 1, dtype: 'uint8', data: Uint8Array.of(1, 2) };
    const config = configure(randomFlipLeftRight, 'keras');
    expect(() => randomFlipLeftRightOracle.apply(config, img, [2])).toThrow('outcome 2 is not 0 or 1');
    expect(() => randomFlipLeftRightOracle.apply(config, img, [2])).toThrow(StepInputError);
    expect(() => randomFlipUpDownOracle.apply(config, img, [0])).toThrow(/random-flip-up-down/);
    expect(() => randomFlipUpDownOracle.distribution(config, img)).toThrow(/random-flip-up-down/);
    expect(() => randomFlipLeftRightOracle.apply(configure(flipLeftRight, 'keras'), img, [0])).toThrow(
      /random-flip-left-right/,
    );
    expect(() => randomFlipLeftRightOracle.apply(config, { ...img, width: 3 }, [0])).toThrow(StepInputError);
  });
});

describe('the random crop', () => {
  test.prop([fc.constantFrom('int32-modulo' as const, 'uint32-modulo' as const), fc.integer({ min: 1, max: 70_000 })])(
    "gives each offset its generator's preimages over 2^32",
    (offsets, limit) => {
      const got = offsetDistribution(offsets, limit);
      expect(got).toHaveLength(limit);
      const L = BigInt(limit);
      for (const o of new Set(
        [0, 1, 2, limit - 2, limit - 1, Math.floor(limit / 2)].filter((o) => o >= 0 && o < limit),
      ))
        expect(got[o], `offset ${o}`).toEqual({ num: preimages(offsets, L, BigInt(o)), den: TWO_32 });
    },
  );

  test.prop([
    image(5),
    fc.integer({ min: 1, max: 5 }),
    fc.integer({ min: 1, max: 5 }),
    fc.constantFrom('keras', 'pytorch' as const),
  ])(
    "puts its corner at each outcome of the product of the axes' distributions, and crops there",
    (img, h, w, preset) => {
      fc.pre(h <= img.height && w <= img.width);
      const config = configure(randomCrop, preset, { targetHeight: String(h), targetWidth: String(w) });
      const offsets = preset === 'keras' ? 'int32-modulo' : 'uint32-modulo';
      const [Ly, Lx] = [img.height - h + 1, img.width - w + 1];
      const outcomes = randomCropOracle.distribution(config, img);
      expect(outcomes.map((o) => o.outcome)).toEqual(
        Array.from({ length: Ly * Lx }, (_, i) => [Math.floor(i / Lx), i % Lx]),
      );
      const words = wordsOf(img);
      for (const { outcome, probability } of outcomes) {
        const [y0, x0] = outcome as [number, number];
        const num = preimages(offsets, BigInt(Ly), BigInt(y0)) * preimages(offsets, BigInt(Lx), BigInt(x0));
        expect(probability).toEqual({ num, den: TWO_32 * TWO_32 });
        const crop = randomCropOracle.apply(config, img, outcome);
        expect(wordsOf(crop)).toEqual(words.slice(y0, y0 + h).map((row) => row.slice(x0, x0 + w)));
      }
    },
  );

  it('refuses a crop larger than the image, a corner outside its range, and another entry', () => {
    const img: HwcImage = { height: 2, width: 3, channels: 1, dtype: 'uint8', data: new Uint8Array(6) };
    const config = configure(randomCrop, 'keras', { targetHeight: '2', targetWidth: '2' });
    const big = configure(randomCrop, 'keras', { targetHeight: '3', targetWidth: '1' });
    const wide = configure(randomCrop, 'keras', { targetHeight: '1', targetWidth: '4' });
    expect(() => randomCropOracle.distribution(big, img)).toThrow(
      'random-crop: a 3 × 1 crop does not fit a 2 × 3 image',
    );
    expect(() => randomCropOracle.apply(wide, img, [0, 0])).toThrow(
      'random-crop: a 1 × 4 crop does not fit a 2 × 3 image',
    );
    for (const outcome of [[1, 0], [0, 2], [-1, 0], [0, -1], [0.5, 0], [0, 0.5], [0], []])
      expect(() => randomCropOracle.apply(config, img, outcome), JSON.stringify(outcome)).toThrow(
        `random-crop: outcome [${outcome.join(', ')}] is not a corner in [0, 1) × [0, 2)`,
      );
    expect(randomCropOracle.apply(config, img, [0, 1]).width).toBe(2);
    const small = configure(randomCrop, 'pytorch', { targetHeight: '1', targetWidth: '1' });
    for (const outcome of [[], [1]])
      expect(() => randomCropOracle.apply(small, img, outcome)).toThrow(
        `random-crop: outcome [${outcome.join(', ')}] is not a corner in [0, 2) × [0, 3)`,
      );
    const other =
      "the oracle rule 'random-crop' (for random-crop) was given a configuration of 'random-flip-left-right'";
    expect(() => randomCropOracle.apply(configure(randomFlipLeftRight, 'keras'), img, [0, 0])).toThrow(other);
    expect(() => randomCropOracle.distribution(configure(randomFlipLeftRight, 'keras'), img)).toThrow(other);
    expect(() => randomCropOracle.apply(config, { ...img, width: 4 }, [0, 0])).toThrow(
      'random-crop: a uint8 image of this shape holds a Uint8Array of 8 values',
    );
  });
});
