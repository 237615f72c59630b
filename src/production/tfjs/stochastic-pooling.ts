/**
 * Stochastic pooling on TensorFlow.js (Zeiler & Fergus 2013, section 3), over regions of k consecutive
 * activations a ≥ 0 with S = Σ a (tf.sum):
 *
 *   probabilities  p_i = a_i / S (0 where S = 0)
 *   inference      Σ_i p_i a_i (0 where S = 0)
 *   train          one a_i per region, drawn with probability p_i: with a draw u ~ U[0, 1) from
 *                  tf.randomUniform(…, seed) and the running sums c_i = a_1 + … + a_i (tf.cumsum),
 *                  the index is the number of c_i ≤ u S (capped at k − 1). A region of zeros gives 0:
 *                  no division by S happens on that path, so no NaN.
 *
 * The probabilities and the inference are the algorithm of src/production/regularizers/stochastic-pooling.ts
 * on {@link tensorRegionArith}, each region a row.
 *
 * @module
 */
import * as tf from '@tensorflow/tfjs-core';
import { checkFloat32Array } from '../../../core/catalogue/index.js';
import { stochasticPooling } from '../regularizers/stochastic-pooling.js';
import { tensorRegionArith } from './arith.js';
import { checkSeed } from './masks.js';

function regions(a: Float32Array, k: number): number {
  checkFloat32Array('stochastic-pooling', 'activations', a);
  if (!Number.isInteger(k) || k < 1 || a.length % k !== 0)
    throw new RangeError(`regions of size ${k} do not tile ${a.length} activations`);
  if (a.some((v) => !(v >= 0))) throw new RangeError('stochastic pooling takes activations ≥ 0 (after a ReLU)');
  return a.length / k;
}

/** Probabilities and inference output. */
export function stochasticPoolingArrays(
  a: Float32Array,
  k: number,
): { probabilities: Float32Array; inference: Float32Array } {
  const r = regions(a, k);
  return tf.tidy(() => {
    const out = stochasticPooling(tensorRegionArith, tf.tensor2d(a, [r, k], 'float32'), {
      zero: tf.scalar(0, 'float32'),
      one: tf.scalar(1, 'float32'),
    });
    return {
      probabilities: out.probabilities.dataSync() as Float32Array,
      inference: out.inference.dataSync() as Float32Array,
    };
  });
}

/** One sampled activation per region, for `samples` independent draws (samples × regions), from `seed`. */
export function stochasticPoolingTrainArray(a: Float32Array, k: number, seed: number, samples = 1): Float32Array {
  checkSeed(seed);
  const r = regions(a, k);
  return tf.tidy(() => {
    const x = tf.tensor3d(a, [1, r, k], 'float32');
    const sum = tf.sum(x, 2, true);
    const threshold = tf.mul(tf.randomUniform([samples, r, 1], 0, 1, 'float32', seed), sum);
    const index = tf.minimum(
      tf.sum(tf.cast(tf.lessEqual(tf.cumsum(x, 2), threshold), 'int32'), 2, true),
      tf.scalar(k - 1, 'int32'),
    );
    // Σ_i a_i · 1{i = index}: one activation plus zeros, so exact.
    const chosen = tf.cast(tf.equal(index, tf.reshape(tf.range(0, k, 1, 'int32'), [1, 1, k])), 'float32');
    const picked = tf.sum(tf.mul(chosen, x), 2);
    return picked.dataSync() as Float32Array;
  });
}
