/**
 * Brightness and contrast on TensorFlow.js: the algorithms of ./colour.ts on tensors, an image split
 * into its channel planes (each a [1, H W] tensor, so that a region sum is a sum over the image) and
 * joined back in HWC order; coefficients rounded once from float64 to float32 scalars. The inputs are
 * checked as the oracle checks them (the frameworks' own errors: torchvision's factors ≥ 0 and 1 or 3
 * channels, Keras's layers on float32 images).
 *
 * @module
 */
import * as tf from '@tensorflow/tfjs-core';
import { float64Scalars } from '../../../core/arith.js';
import { checkImage, type HwcImage } from '../../../core/catalogue/augmentations/geometric.js';
import {
  checkConfiguration,
  HyperparameterError,
  StepInputError,
  type Configuration,
} from '../../../core/catalogue/index.js';
import { tensorRegionArith } from '../tfjs/arith.js';
import type { ColourAlgorithm, ColourArith, ColourCoefficient, ColourShape } from './colour.js';
import { imageTensor, tensorImage } from './interpolating.js';

/** {@link ColourArith} on tensors whose last axis is the region: tf.minimum, tf.floor. */
export const tensorColourArith: ColourArith<tf.Tensor> = {
  ...tensorRegionArith,
  min: (a, b) => tf.minimum(a, b),
  floor: (a) => tf.floor(a),
};

/**
 * Throws what the framework of `config`'s convention throws for `image`: a negative factor or a
 * channel count other than 1 or 3 under torchvision's (multiplicative brightness, grayscale contrast),
 * a uint8 image under Keras's value range.
 */
export function checkColourInputs(config: Configuration, image: HwcImage): void {
  const flags = config.flags as Readonly<Record<string, unknown>>;
  const hyper = config.hyper as Readonly<Record<string, string | undefined>>;
  const name = config.entry.name;
  if (flags['clip'] === 'value-range' && image.dtype !== 'float32')
    throw new StepInputError(name, "the 'value-range' convention (Keras 3's layers) takes float32 images");
  const torchvision = flags['convention'] === 'multiplicative' || flags['mean'] === 'grayscale';
  if (torchvision && (hyper['factor'] ?? '').startsWith('-'))
    throw new HyperparameterError(
      name,
      'factor',
      `factor = ${hyper['factor']}: torchvision's convention takes factors ≥ 0`,
    );
  if (torchvision && image.channels !== 1 && image.channels !== 3)
    throw new StepInputError(name, `torchvision's convention takes 1 or 3 channels, got ${image.channels}`);
}

/** The image's {@link ColourShape}. */
export const colourShape = (image: HwcImage): ColourShape => ({
  pixels: image.height * image.width,
  channels: image.channels,
  dtype: image.dtype,
});

/** `algorithm` on `image` under `config`, on the active backend; shape and dtype kept. */
export function colourProduction(algorithm: ColourAlgorithm, config: Configuration, image: HwcImage): HwcImage {
  checkConfiguration(algorithm.name, config, 'image transform');
  checkImage(algorithm.name, image);
  checkColourInputs(config, image);
  const shape = colourShape(image);
  const { height: H, width: W, channels: C } = image;
  const out = tf.tidy(() => {
    const c = Object.fromEntries(
      Object.entries(algorithm.coefficients(float64Scalars, config, shape)).map(([k, v]) => [
        k,
        tf.scalar(v, 'float32'),
      ]),
    ) as Record<ColourCoefficient, tf.Tensor>;
    const x = tf.cast(imageTensor(image), 'float32');
    const planes = tf.split(tf.transpose(tf.reshape(x, [H * W, C])), C, 0);
    const adjusted = algorithm.apply(tensorColourArith, planes, c, config, shape);
    const joined = tf.reshape(tf.transpose(tf.concat(adjusted, 0)), [H, W, C]);
    return image.dtype === 'float32' ? joined : tf.cast(joined, 'int32');
  });
  try {
    return tensorImage(out, image.dtype);
  } finally {
    out.dispose();
  }
}
