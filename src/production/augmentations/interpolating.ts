/**
 * The interpolating augmentations in production, on TensorFlow.js's own operations: rotation by
 * tf.image.rotateWithOffset (nearest, fill value, centre), resizing by tf.image.resizeBilinear and
 * tf.image.resizeNearestNeighbor with the (alignCorners, halfPixelCenters) pair of the entry's
 * coordinate convention. A uint8 image travels as an int32 tensor (tfjs has no uint8); rotation, which
 * tfjs takes in float32 only, casts it there and back, exactly. The output keeps the input's dtype,
 * except bilinear resizing, whose output is float32 as in TensorFlow.
 *
 * @module
 */
import * as tf from '@tensorflow/tfjs-core';
import { float64Scalars } from '../../../core/arith.js';
import { checkImage, type HwcImage, type ImageDtype } from '../../../core/catalogue/augmentations/geometric.js';
import type { OutputSize, ResizeSchema, RotateSchema } from '../../../core/catalogue/augmentations/interpolating.js';
import { checkConfiguration, StepInputError, type Configuration } from '../../../core/catalogue/index.js';
import { rotationParameters, tfjsResizeFlags } from './interpolating-parameters.js';

/** The rank-3 tensor of `image`: float32, or int32 holding uint8 values. */
export function imageTensor(image: HwcImage): tf.Tensor3D {
  const shape: [number, number, number] = [image.height, image.width, image.channels];
  return image.dtype === 'float32'
    ? tf.tensor3d(image.data, shape, 'float32')
    : tf.tensor3d(Int32Array.from(image.data), shape, 'int32');
}

/**
 * The image a rank-3 (or one-image rank-4) tensor holds, as `dtype`: float32 data copied bit for bit;
 * for uint8, values that must be integers in [0, 255] (any other is an error, not a silent wrap).
 */
export function tensorImage(t: tf.Tensor, dtype: ImageDtype): HwcImage {
  const [height = 0, width = 0, channels = 0] = t.rank === 4 ? t.shape.slice(1) : t.shape;
  const values = t.dataSync();
  if (dtype === 'float32') {
    const data = values instanceof Float32Array ? values.slice() : Float32Array.from(values as ArrayLike<number>);
    return { height, width, channels, dtype, data };
  }
  const data = new Uint8Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = Number(values[i]);
    if (!Number.isInteger(v) || v < 0 || v > 255) throw new RangeError(`uint8 value expected, got ${v} at ${i}`);
    data[i] = v;
  }
  return { height, width, channels, dtype, data };
}

/** `op` on `image`'s tensor, read back as `dtype`; the tensors made inside are released. */
function onImage(image: HwcImage, dtype: ImageDtype, op: (x: tf.Tensor3D) => tf.Tensor): HwcImage {
  const t = tf.tidy(() => op(imageTensor(image)));
  try {
    return tensorImage(t, dtype);
  } finally {
    t.dispose();
  }
}

function checked(entry: string, config: Configuration, image: HwcImage): void {
  checkConfiguration(entry, config, 'image transform');
  checkImage(entry, image);
}

function checkSize(entry: string, size: OutputSize): void {
  const ok = (n: number) => Number.isSafeInteger(n) && n > 0;
  if (!ok(size.height) || !ok(size.width))
    throw new StepInputError(entry, `the output size must be positive integers, got ${size.height}×${size.width}`);
}

/**
 * Rotation under `config` by tf.image.rotateWithOffset: θ = angle π/180 and the centre fractions of
 * {@link rotationParameters} in float64, the fill value as given.
 */
export function rotateProduction(config: Configuration, image: HwcImage): HwcImage {
  checked('rotate', config, image);
  // Checked just above: a configuration of rotate.
  const rotation = config as Configuration<RotateSchema>;
  const p = rotationParameters(float64Scalars, rotation, image.height, image.width);
  return onImage(image, image.dtype, (x) => {
    const batch = tf.expandDims(tf.cast(x, 'float32'), 0) as tf.Tensor4D;
    const rotated = tf.image.rotateWithOffset(batch, p.radians, Number(rotation.hyper.fill), [p.centreX, p.centreY]);
    return image.dtype === 'float32' ? rotated : tf.cast(rotated, 'int32');
  });
}

const resizeFlags = (config: Configuration): [boolean, boolean] =>
  // The configuration of a resize entry, checked by the caller.
  tfjsResizeFlags((config as Configuration<ResizeSchema>).flags.coordinates);

/** Bilinear resize to `size` by tf.image.resizeBilinear; float32 output for either dtype. */
export function resizeBilinearProduction(config: Configuration, image: HwcImage, size: OutputSize): HwcImage {
  checked('resize-bilinear', config, image);
  checkSize('resize-bilinear', size);
  const [alignCorners, halfPixelCenters] = resizeFlags(config);
  return onImage(image, 'float32', (x) =>
    tf.image.resizeBilinear(x, [size.height, size.width], alignCorners, halfPixelCenters),
  );
}

/**
 * Nearest-neighbour resize to `size` by tf.image.resizeNearestNeighbor, dtype kept (tfjs's wasm backend
 * returns float32 for an int32 image; its values are read back into the uint8 image).
 */
export function resizeNearestProduction(config: Configuration, image: HwcImage, size: OutputSize): HwcImage {
  checked('resize-nearest', config, image);
  checkSize('resize-nearest', size);
  const [alignCorners, halfPixelCenters] = resizeFlags(config);
  return onImage(image, image.dtype, (x) =>
    tf.image.resizeNearestNeighbor(x, [size.height, size.width], alignCorners, halfPixelCenters),
  );
}
