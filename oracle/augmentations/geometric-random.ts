/**
 * The random geometric operations, exactly: the output given the draw's outcome, and the exact
 * distribution of the outcome under each framework's generator (docs/augmentation.md, section
 * Random versions). Probabilities are rationals with power-of-two denominators, as the generators
 * make them.
 *
 * Random flip, outcome [1] (flipped) or [0]:
 * - TensorFlow (random_flip_*, rank 3): flips when u < 0.5, u uniform on multiples of 2^−23 in [0, 1):
 *   P = 1/2 exactly.
 * - torchvision (RandomHorizontalFlip / RandomVerticalFlip): flips when torch.rand(1) < p, compared in
 *   float32 (p rounds to p₃₂), torch.rand uniform on multiples of 2^−24: P = ⌈p₃₂ 2^24⌉ / 2^24.
 *
 * Random crop, outcome [y₀, x₀], drawn independently per axis from a 32-bit uniform s, L = H − h + 1:
 * - TensorFlow (random_crop): random_uniform(int32, maxval = 2^31 − 1) is s mod (2^31 − 1)
 *   (random_distributions.h), then mod L: r ∈ [0, 2^31 − 1) has 2 preimages, r = 0 and r = 1 a
 *   third, so P(o) = (2 n_o + [o = 0] + [o = 1 mod L]) / 2^32, n_o = ⌊(2^31 − 2 − o)/L⌋ + 1.
 * - PyTorch (RandomCrop, torch.randint(0, L)): s mod L for L < 2^28 (DistributionsHelper.h),
 *   P(o) = (⌊(2^32 − 1 − o)/L⌋ + 1) / 2^32.
 *
 * @module
 */
import {
  checkImage,
  type HwcImage,
  type RandomCropSchema,
  type RandomFlipSchema,
} from '../../core/catalogue/augmentations/geometric.js';
import { StepInputError, type Configuration } from '../../core/catalogue/index.js';
import { checkEntry } from '../marks.js';
import { float32FromDecimalText } from '../binary32.js';
import type { Rational } from '../rational.js';
import { boxCrop, gather } from './geometric-windows.js';

/** One outcome of the draw and its exact probability. */
export interface Outcome {
  readonly outcome: readonly number[];
  readonly probability: Rational;
}

/** A random operation's oracle: the output given an outcome, and the outcomes' exact distribution. */
export interface RandomTransformOracle {
  apply(config: Configuration, image: HwcImage, outcome: readonly number[]): HwcImage;
  /** Every outcome of positive probability for an image of this shape, in a fixed order; they sum to 1. */
  distribution(config: Configuration, shape: { readonly height: number; readonly width: number }): Outcome[];
}

const TWO_32 = 2n ** 32n;

/** P(flip) under `config`: 1/2 (TensorFlow) or ⌈p₃₂ 2^24⌉ / 2^24 (torchvision). */
export function flipProbability(config: Configuration<RandomFlipSchema>): Rational {
  const p = config.hyper.probability;
  if (p === undefined) return { num: 1n, den: 2n };
  return { num: BigInt(Math.ceil(float32FromDecimalText(p) * 2 ** 24)), den: 2n ** 24n };
}

function randomFlip(entry: string, axis: 'width' | 'height'): RandomTransformOracle {
  return {
    apply(config, image, [flipped]) {
      checkEntry(entry, [entry], config);
      checkImage(entry, image);
      if (flipped === 0) return gather(image, image, (y, x) => [y, x]);
      if (flipped !== 1) throw new StepInputError(entry, `outcome ${String(flipped)} is not 0 or 1`);
      return gather(image, image, (y, x) => (axis === 'width' ? [y, image.width - 1 - x] : [image.height - 1 - y, x]));
    },
    distribution(config) {
      checkEntry(entry, [entry], config);
      const p = flipProbability(config as Configuration<RandomFlipSchema>);
      return [
        { outcome: [0], probability: { num: p.den - p.num, den: p.den } },
        { outcome: [1], probability: p },
      ].filter((o) => o.probability.num > 0n);
    },
  };
}

/** The random horizontal flip: outcome [1] is the flip, [0] the image. */
export const randomFlipLeftRightOracle = randomFlip('random-flip-left-right', 'width');

/** The random vertical flip. */
export const randomFlipUpDownOracle = randomFlip('random-flip-up-down', 'height');

/** The exact distribution of one offset in [0, limit) under the flag's draw. */
export function offsetDistribution(offsets: RandomCropSchema['flags']['offsets'], limit: number): Rational[] {
  const L = BigInt(limit);
  return Array.from({ length: limit }, (_, i) => {
    const o = BigInt(i);
    if (offsets === 'uint32-modulo') return { num: (TWO_32 - 1n - o) / L + 1n, den: TWO_32 };
    const n = (2n ** 31n - 2n - o) / L + 1n;
    return { num: 2n * n + (o === 0n ? 1n : 0n) + (o === 1n % L ? 1n : 0n), den: TWO_32 };
  });
}

/** The crop's limits L = H − h + 1 and W − w + 1; a crop larger than the image is an error (both frameworks). */
function limits(config: Configuration<RandomCropSchema>, height: number, width: number): [number, number] {
  const h = Number(config.hyper.targetHeight);
  const w = Number(config.hyper.targetWidth);
  if (h > height || w > width)
    throw new StepInputError('random-crop', `a ${h} × ${w} crop does not fit a ${height} × ${width} image`);
  return [height - h + 1, width - w + 1];
}

/** The random crop: outcome [y₀, x₀], the box's corner. */
export const randomCropOracle: RandomTransformOracle = {
  apply(config, image, outcome) {
    checkEntry('random-crop', ['random-crop'], config);
    checkImage('random-crop', image);
    const crop = config as Configuration<RandomCropSchema>;
    const [Ly, Lx] = limits(crop, image.height, image.width);
    const [y0 = -1, x0 = -1] = outcome;
    if (!(Number.isInteger(y0) && Number.isInteger(x0) && y0 >= 0 && y0 < Ly && x0 >= 0 && x0 < Lx))
      throw new StepInputError(
        'random-crop',
        `outcome [${outcome.join(', ')}] is not a corner in [0, ${Ly}) × [0, ${Lx})`,
      );
    return boxCrop(image, y0, x0, Number(crop.hyper.targetHeight), Number(crop.hyper.targetWidth));
  },
  distribution(config, { height, width }) {
    checkEntry('random-crop', ['random-crop'], config);
    const crop = config as Configuration<RandomCropSchema>;
    const [Ly, Lx] = limits(crop, height, width);
    const rows = offsetDistribution(crop.flags.offsets, Ly);
    const columns = offsetDistribution(crop.flags.offsets, Lx);
    return rows.flatMap((py, y) =>
      columns.map((px, x) => ({ outcome: [y, x], probability: { num: py.num * px.num, den: py.den * px.den } })),
    );
  },
};
