/**
 * DropConnect on TensorFlow.js (src/production/regularizers/dropconnect.ts): masks from src/production/tfjs/masks.ts, a
 * batch of `samples` independent masks at once, products by tf.mul and row sums by tf.sum.
 *
 * @module
 */
import * as tf from '@tensorflow/tfjs-core';
import { float64Scalars } from '../../../core/arith.js';
import { checkFloat32Array, type Configuration } from '../../../core/catalogue/index.js';
import {
  dropConnectCoefficients,
  dropConnectConfiguration,
  type Activation,
  type DropConnectConfiguration,
} from '../regularizers/dropconnect.js';
import { bernoulliMask, checkSeed } from './masks.js';

/**
 * The configuration as DropConnect's and the rows m of W (m × n, row-major) for an input of length n,
 * after checking the configuration and the arrays' types.
 */
function layerOf(
  config: Configuration,
  w: Float32Array,
  x: Float32Array,
): { config: DropConnectConfiguration; m: number } {
  const dropConnect = dropConnectConfiguration(config);
  checkFloat32Array('dropconnect', 'W', w);
  checkFloat32Array('dropconnect', 'x', x);
  if (x.length === 0 || w.length % x.length !== 0)
    throw new RangeError(`W has ${w.length} values, not a multiple of x's length ${x.length}`);
  return { config: dropConnect, m: w.length / x.length };
}

/** Training outputs for `samples` masks drawn from `seed`: y (samples × m) and the masks (samples × m × n). */
export function dropConnectTrainArrays(
  config: Configuration,
  w: Float32Array,
  x: Float32Array,
  seed: number,
  samples = 1,
): { train: Float32Array; mask: Float32Array } {
  const { config: dropConnect, m } = layerOf(config, w, x);
  const n = x.length;
  return tf.tidy(() => {
    const mask = bernoulliMask([samples, m, n], dropConnectCoefficients(float64Scalars, dropConnect).keep, seed);
    const y = tf.sum(
      tf.mul(tf.mul(mask, tf.tensor3d(w, [1, m, n], 'float32')), tf.tensor3d(x, [1, 1, n], 'float32')),
      2,
    );
    return { train: y.dataSync() as Float32Array, mask: mask.dataSync() as Float32Array };
  });
}

/** The moment-matched Gaussian: μ = p (W x) and σ² = p (1 − p) Σ_j (W_ij x_j)². */
export function dropConnectMomentsArrays(
  config: Configuration,
  w: Float32Array,
  x: Float32Array,
): { mean: Float32Array; variance: Float32Array } {
  const { config: dropConnect, m } = layerOf(config, w, x);
  const c = dropConnectCoefficients(float64Scalars, dropConnect);
  return tf.tidy(() => {
    const products = tf.mul(tf.tensor2d(w, [m, x.length], 'float32'), tf.tensor2d(x, [1, x.length], 'float32'));
    return {
      mean: tf.mul(tf.scalar(c.keep, 'float32'), tf.sum(products, 1)).dataSync() as Float32Array,
      variance: tf.mul(tf.scalar(c.keepVariance, 'float32'), tf.sum(tf.square(products), 1)).dataSync() as Float32Array,
    };
  });
}

/** The paper's inference (Wan et al. 2013, Algorithm 2): the mean of f over `samples` draws of N(μ, σ²), from `seed`. */
export function dropConnectInferenceArray(
  config: Configuration,
  w: Float32Array,
  x: Float32Array,
  activation: Activation,
  samples: number,
  seed: number,
): Float32Array {
  checkSeed(seed);
  const { mean, variance } = dropConnectMomentsArrays(config, w, x);
  return tf.tidy(() => {
    const z = tf.add(
      tf.tensor2d(mean, [1, mean.length]),
      tf.mul(
        tf.sqrt(tf.tensor2d(variance, [1, variance.length])),
        tf.randomNormal([samples, mean.length], 0, 1, 'float32', seed),
      ),
    );
    const f = activation === 'identity' ? z : activation === 'relu' ? tf.relu(z) : tf.cast(tf.greater(z, 0), 'float32');
    return tf.mean(f, 0).dataSync() as Float32Array;
  });
}
