/**
 * The random geometric operations on TensorFlow.js: a seeded draw from tfjs's generator
 * (tf.randomUniform, seedrandom's Alea seeded with the seed; seed 0 means unseeded there, so it is
 * refused), then the exact operation (geometric.ts). tfjs has none of these operations; the draws
 * follow the frameworks' rules:
 *
 * - random flip: u = tf.randomUniform([1], 0, 1, 'float32', seed), flip when u < p, both float32
 *   (TensorFlow: p = 0.5; torchvision: its p rounded to float32, as torch compares), so the
 *   comparison of the two numbers is the float32 comparison;
 * - random crop: r = tf.randomUniform([2], 0, 2^31 − 1, 'int32', seed), which tfjs truncates to
 *   integers in [0, 2^31 − 1), then each offset r mod L, L = H − h + 1, as TensorFlow's random_crop.
 *
 * Alea's draws lie on a 2^−32 grid, so these distributions differ from the frameworks' (oracle/
 * augmentations/geometric-random.ts) by less than 2^−24 per outcome; the statistical tests judge the
 * frequencies against the frameworks' exact probabilities.
 *
 * @module
 */
import * as tf from '@tensorflow/tfjs-core';
import type {
  HwcImage,
  HwcShape,
  RandomCropSchema,
  RandomFlipSchema,
} from '../../../core/catalogue/augmentations/geometric.js';
import { StepInputError, type Configuration } from '../../../core/catalogue/index.js';
import { checkSeed } from '../tfjs/masks.js';
import { paddedSlice, tfFlipLeftRight } from './geometric.js';
import { checkTransform, onTensor } from './geometric-tensors.js';

/** A random operation as production implements it: the seeded draw, and the operation given its outcome. */
export interface RandomTransformProduction {
  readonly name: string;
  /** The outcome drawn from `seed` for an image of `shape`: [0] or [1] for a flip, [y₀, x₀] for a crop. */
  draw(config: Configuration, shape: Omit<HwcShape, 'channels'>, seed: number): number[];
  apply(config: Configuration, image: HwcImage, outcome: readonly number[]): HwcImage;
}

/** The flip probability production compares with: 0.5, or torchvision's p, as float32. */
export const flipThreshold = (config: Configuration<RandomFlipSchema>): number =>
  Math.fround(config.hyper.probability === undefined ? 0.5 : Number(config.hyper.probability));

function randomFlip(entry: string, axis: 'width' | 'height'): RandomTransformProduction {
  return {
    name: `tf.randomUniform, then ${axis === 'width' ? 'tf.image.flipLeftRight' : 'tf.reverse(image, 0)'}`,
    draw(config, _shape, seed) {
      checkSeed(seed);
      const p = flipThreshold(config as Configuration<RandomFlipSchema>);
      const [u = 1] = tf.tidy(() => tf.randomUniform([1], 0, 1, 'float32', seed).dataSync());
      return [u < p ? 1 : 0];
    },
    apply(config, image, [flipped]) {
      checkTransform(entry, config, image);
      if (flipped !== 0 && flipped !== 1) throw new StepInputError(entry, `outcome ${String(flipped)} is not 0 or 1`);
      if (flipped === 0) return onTensor(image, (x) => tf.clone(x));
      return onTensor(image, (x) => (axis === 'width' ? tfFlipLeftRight(x) : tf.reverse(x, 0)));
    },
  };
}

/** Random horizontal flip. */
export const randomFlipLeftRightProduction = randomFlip('random-flip-left-right', 'width');

/** Random vertical flip. */
export const randomFlipUpDownProduction = randomFlip('random-flip-up-down', 'height');

/** The crop's size, checked to fit the image. */
function cropSize(config: Configuration<RandomCropSchema>, height: number, width: number): [number, number] {
  const h = Number(config.hyper.targetHeight);
  const w = Number(config.hyper.targetWidth);
  if (h > height || w > width)
    throw new StepInputError('random-crop', `a ${h} × ${w} crop does not fit a ${height} × ${width} image`);
  return [h, w];
}

/** Random crop: two int32 draws, each mod its limit, then tf.slice. */
export const randomCropProduction: RandomTransformProduction = {
  name: 'tf.randomUniform (int32), then tf.slice',
  draw(config, { height, width }, seed) {
    checkSeed(seed);
    const [h, w] = cropSize(config as Configuration<RandomCropSchema>, height, width);
    const r = tf.tidy(() => tf.randomUniform([2], 0, 2 ** 31 - 1, 'int32', seed).dataSync());
    const [ry = 0, rx = 0] = r;
    return [ry % (height - h + 1), rx % (width - w + 1)];
  },
  apply(config, image, outcome) {
    checkTransform('random-crop', config, image);
    const [h, w] = cropSize(config as Configuration<RandomCropSchema>, image.height, image.width);
    const [y0 = -1, x0 = -1] = outcome;
    if (!(y0 >= 0 && y0 <= image.height - h && x0 >= 0 && x0 <= image.width - w))
      throw new StepInputError('random-crop', `outcome [${outcome.join(', ')}] is not a corner of the crop`);
    return onTensor(image, (x) => paddedSlice(x, y0, x0, h, w));
  },
};

/** A labelled example: an image and its class. */
export interface LabelledImage {
  readonly image: HwcImage;
  readonly label: number;
}

/**
 * A batch through a random operation, each example with its own draw (seed + its index), its label
 * carried with it: the frameworks' per-image independent draws.
 */
export function augmentBatch(
  production: RandomTransformProduction,
  config: Configuration,
  batch: readonly LabelledImage[],
  seed: number,
): { image: HwcImage; label: number; outcome: number[] }[] {
  return batch.map(({ image, label }, i) => {
    const outcome = production.draw(config, image, seed + i);
    return { image: production.apply(config, image, outcome), label, outcome };
  });
}
