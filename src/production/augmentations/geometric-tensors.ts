/**
 * Images between plain arrays and TensorFlow.js tensors, bits kept: a float32 image becomes a
 * float32 tensor of shape [H, W, C]; a uint8 image an int32 tensor (tfjs has no uint8), every value
 * exact. Read back, a float32 tensor's data is copied as bytes (TypedArray.prototype.slice), never
 * through numbers, so what the backend wrote is what the caller gets.
 *
 * @module
 */
import * as tf from '@tensorflow/tfjs-core';
import { checkImage, type HwcImage, type ImageDtype } from '../../../core/catalogue/augmentations/geometric.js';
import { checkConfiguration, type Configuration } from '../../../core/catalogue/index.js';

/** The tensor of `image`: float32, or int32 holding the uint8 values. */
export function toTensor(image: HwcImage): tf.Tensor3D {
  const shape: [number, number, number] = [image.height, image.width, image.channels];
  return image.dtype === 'float32'
    ? tf.tensor3d(image.data, shape, 'float32')
    : tf.tensor3d(Int32Array.from(image.data), shape, 'int32');
}

/**
 * The image a rank-3 tensor holds, as `dtype`: float32 data copied byte for byte; int32 data (values
 * in [0, 255], as every operation here only moves them) copied into a Uint8Array.
 */
export function fromTensor(t: tf.Tensor, dtype: ImageDtype): HwcImage {
  const [height = 0, width = 0, channels = 0] = t.shape;
  const shape = { height, width, channels };
  if (dtype === 'float32') {
    const data = t.dataSync();
    if (!(data instanceof Float32Array)) throw new TypeError(`expected float32 data, got a ${t.dtype} tensor`);
    return { ...shape, dtype: 'float32', data: data.slice() };
  }
  return { ...shape, dtype: 'uint8', data: Uint8Array.from(t.dataSync() as ArrayLike<number>) };
}

/**
 * `op` on the tensor of `image`, read back as an image of the same dtype; tensors made inside are
 * released. `op` may return a tensor of either dtype holding the image's values.
 */
export function onTensor(image: HwcImage, op: (x: tf.Tensor3D) => tf.Tensor): HwcImage {
  const t = tf.tidy(() => op(toTensor(image)));
  try {
    return fromTensor(t, image.dtype);
  } finally {
    t.dispose();
  }
}

/** Checks that `config` configures `entry` and `image` is an image, as the oracle does. */
export function checkTransform(entry: string, config: Configuration, image: unknown): asserts image is HwcImage {
  checkConfiguration(entry, config, 'image transform');
  checkImage(entry, image);
}
