/**
 * The exact geometric operations on TensorFlow.js (docs/augmentation.md, section Geometric
 * operations): tfjs's own tf.image.flipLeftRight where tfjs has the operation, this project's code on
 * tensors (tf.reverse, tf.transpose, tf.slice, tf.pad) where it does not, following TensorFlow's
 * composition of each operation (tensorflow/python/ops/image_ops_impl.py).
 *
 * tf.image.flipLeftRight takes float32 rank-4 tensors only (an int32 tensor is rejected), so a uint8
 * image goes through it as float32, which holds every uint8 value exactly, and comes back as int32.
 *
 * @module
 */
import * as tf from '@tensorflow/tfjs-core';
import type {
  CentralCropSchema,
  CropToBoundingBoxSchema,
  HwcImage,
  Rot90Schema,
} from '../../../core/catalogue/augmentations/geometric.js';
import { StepInputError, type Configuration } from '../../../core/catalogue/index.js';
import { checkTransform, onTensor } from './geometric-tensors.js';

/** An exact operation as production implements it: the output image of `image` under `config`. */
export interface ExactTransformProduction {
  /** The framework operation or the project's code it runs, for messages. */
  readonly name: string;
  apply(config: Configuration, image: HwcImage): HwcImage;
}

/** tf.image.flipLeftRight on a rank-3 tensor: as a batch of one, in float32, back in the input's dtype. */
export function tfFlipLeftRight(x: tf.Tensor3D): tf.Tensor3D {
  const flipped = tf.squeeze<tf.Tensor3D>(
    tf.image.flipLeftRight(tf.expandDims<tf.Tensor4D>(tf.cast(x, 'float32'), 0)),
    [0],
  );
  return x.dtype === 'float32' ? flipped : tf.cast(flipped, x.dtype);
}

/** Horizontal flip: tf.image.flipLeftRight. */
export const flipLeftRightProduction: ExactTransformProduction = {
  name: 'tf.image.flipLeftRight',
  apply(config, image) {
    checkTransform('flip-left-right', config, image);
    return onTensor(image, tfFlipLeftRight);
  },
};

/** Vertical flip: tf.reverse on the height axis (tfjs has no flipUpDown). */
export const flipUpDownProduction: ExactTransformProduction = {
  name: 'tf.reverse(image, 0)',
  apply(config, image) {
    checkTransform('flip-up-down', config, image);
    return onTensor(image, (x) => tf.reverse(x, 0));
  },
};

/** TensorFlow's _rot90_3D on tfjs tensors: k = 1 transpose(reverse(x, 1)), 2 reverse(x, [0, 1]), 3 reverse(transpose(x), 1). */
export function rot90Tensor(x: tf.Tensor3D, k: number): tf.Tensor {
  const turns = ((k % 4) + 4) % 4;
  if (turns === 1) return tf.transpose(tf.reverse(x, 1), [1, 0, 2]);
  if (turns === 2) return tf.reverse(x, [0, 1]);
  if (turns === 3) return tf.reverse(tf.transpose(x, [1, 0, 2]), 1);
  return tf.clone(x);
}

/** Quarter turns: TensorFlow's composition of reverse and transpose (tfjs has no rot90). */
export const rot90Production: ExactTransformProduction = {
  name: 'reverse and transpose (TensorFlow’s rot90)',
  apply(config, image) {
    checkTransform('rot90', config, image);
    return onTensor(image, (x) => rot90Tensor(x, Number((config as Configuration<Rot90Schema>).hyper.k)));
  },
};

/**
 * The box [y₀, y₀ + h) × [x₀, x₀ + w) of `x`, zeros where it leaves the image: tf.slice of the part
 * inside, then tf.pad with zeros on each side (all zeros when nothing is inside).
 */
export function paddedSlice(x: tf.Tensor3D, y0: number, x0: number, h: number, w: number): tf.Tensor {
  const [H = 0, W = 0, C = 0] = x.shape;
  const top = Math.min(Math.max(y0, 0), H);
  const bottom = Math.max(Math.min(y0 + h, H), top);
  const left = Math.min(Math.max(x0, 0), W);
  const right = Math.max(Math.min(x0 + w, W), left);
  if (bottom === top || right === left) return tf.zeros([h, w, C], x.dtype);
  const inside = tf.slice(x, [top, left, 0], [bottom - top, right - left, C]);
  if (top - y0 === 0 && bottom - top === h && left - x0 === 0 && right - left === w) return inside;
  return tf.pad(inside, [
    [top - y0, h - (bottom - y0)],
    [left - x0, w - (right - x0)],
    [0, 0],
  ]);
}

/** TensorFlow's assertions of crop_to_bounding_box, in its order. */
function assertInside(y0: number, x0: number, h: number, w: number, H: number, W: number): void {
  const message =
    x0 < 0
      ? 'offset_width must be >= 0.'
      : y0 < 0
        ? 'offset_height must be >= 0.'
        : w <= 0 || h <= 0
          ? 'target sizes must be > 0.'
          : W < w + x0
            ? 'width must be >= target + offset.'
            : H < h + y0
              ? 'height must be >= target + offset.'
              : undefined;
  if (message !== undefined) throw new StepInputError('crop-to-bounding-box', message);
}

/** crop_to_bounding_box: tf.slice after TensorFlow's checks ('error'), or the zero-padded box ('zero-pad'). */
export const cropToBoundingBoxProduction: ExactTransformProduction = {
  name: 'tf.slice and tf.pad',
  apply(config, image) {
    checkTransform('crop-to-bounding-box', config, image);
    const { hyper, flags } = config as Configuration<CropToBoundingBoxSchema>;
    const [y0, x0, h, w] = [hyper.offsetHeight, hyper.offsetWidth, hyper.targetHeight, hyper.targetWidth].map(Number);
    if (y0 === undefined || x0 === undefined || h === undefined || w === undefined) throw new TypeError('no box');
    if (flags.outside === 'error') assertInside(y0, x0, h, w, image.height, image.width);
    return onTensor(image, (x) => paddedSlice(x, y0, x0, h, w));
  },
};

/** Python's round() of a double: to nearest, ties to even. */
export function pythonRound(x: number): number {
  const r = Math.round(x);
  return r - x === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

/** The central crop's [start, length] on a side of `size`, as the framework computes it. */
export function centralWindow(config: Configuration<CentralCropSchema>, size: number, side: 'height' | 'width') {
  const { hyper, flags } = config;
  if (flags.anchor === 'fraction-float64') {
    const f = Number(hyper.fraction);
    const start = f === 1 ? 0 : Math.trunc((size - size * f) / 2);
    return [start, size - 2 * start] as const;
  }
  const length = Number(hyper[side]);
  const start = length > size ? -Math.floor((length - size) / 2) : pythonRound((size - length) / 2);
  return [start, length] as const;
}

/** The central crop: the framework's window of each side, by tf.slice (and tf.pad for torchvision's padding). */
export const centralCropProduction: ExactTransformProduction = {
  name: 'tf.slice and tf.pad',
  apply(config, image) {
    checkTransform('central-crop', config, image);
    const central = config as Configuration<CentralCropSchema>;
    const [y0, h] = centralWindow(central, image.height, 'height');
    const [x0, w] = centralWindow(central, image.width, 'width');
    return onTensor(image, (x) => paddedSlice(x, y0, x0, h, w));
  },
};
