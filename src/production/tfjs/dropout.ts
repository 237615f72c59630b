/**
 * Dropout on TensorFlow.js: this project's (src/production/regularizers/dropout.ts on tensors, with a mask from
 * src/production/tfjs/masks.ts), and tfjs's own tf.dropout, whose mask is read back from its output.
 *
 * @module
 */
import * as tf from '@tensorflow/tfjs-core';
import { float64Scalars } from '../../../core/arith.js';
import { checkFloat32Array, type Configuration } from '../../../core/catalogue/index.js';
import {
  dropoutConfiguration,
  dropoutInference,
  dropoutTrain,
  isInverted,
  keepProbability,
  type DropoutConfiguration,
} from '../regularizers/dropout.js';
import { tensorArith } from './arith.js';
import { bernoulliMask, checkSeed } from './masks.js';

/** One training pass: the output and the mask that made it. */
export interface DropoutArrays {
  readonly train: Float32Array;
  readonly mask: Float32Array;
}

/** The keep probability as production uses it: float64, then float32 in the tensors. */
export const keepOf = (config: DropoutConfiguration): number => keepProbability(float64Scalars, config);

/** `config` as dropout's, after checking that it is a dropout configuration and `x` a Float32Array. */
function checkDropout(config: Configuration, x: Float32Array): DropoutConfiguration {
  const dropout = dropoutConfiguration(config);
  checkFloat32Array('dropout', 'x', x);
  return dropout;
}

/** This project's dropout in training, with the mask drawn from `seed`. */
export function dropoutTrainArrays(config: Configuration, x: Float32Array, seed: number): DropoutArrays {
  const dropout = checkDropout(config, x);
  return tf.tidy(() => {
    const mask = bernoulliMask([x.length], keepOf(dropout), seed);
    const keep = tf.scalar(keepOf(dropout), 'float32');
    const y = dropoutTrain(tensorArith, tf.tensor1d(x, 'float32'), mask, keep, dropout);
    return { train: y.dataSync() as Float32Array, mask: mask.dataSync() as Float32Array };
  });
}

/** This project's dropout at inference. */
export function dropoutInferenceArray(config: Configuration, x: Float32Array): Float32Array {
  const dropout = checkDropout(config, x);
  return tf.tidy(
    () =>
      dropoutInference(
        tensorArith,
        tf.tensor1d(x, 'float32'),
        tf.scalar(keepOf(dropout), 'float32'),
        dropout,
      ).dataSync() as Float32Array,
  );
}

/**
 * tfjs's tf.dropout(x, rate, undefined, seed) in training; its mask is 1 where the output is nonzero
 * (or where x is 0, whose output is 0 either way). Inverted presets only: tf.dropout takes the rate.
 */
export function tfDropoutTrainArrays(config: Configuration, x: Float32Array, seed: number): DropoutArrays {
  const dropout = checkDropout(config, x);
  const rate = isInverted(dropout) ? dropout.hyper.rate : undefined;
  if (rate === undefined)
    throw new RangeError(`tf.dropout is inverted dropout and takes the drop rate; preset '${dropout.preset}' is not`);
  checkSeed(seed);
  return tf.tidy(() => {
    const y = tf.dropout(tf.tensor1d(x, 'float32'), Number(rate), undefined, seed).dataSync() as Float32Array;
    return { train: Float32Array.from(y), mask: Float32Array.from(y, (v, i) => (v !== 0 || x[i] === 0 ? 1 : 0)) };
  });
}
