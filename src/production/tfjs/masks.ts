/**
 * Bernoulli masks on TensorFlow.js, seeded and reproducible. The source is tfjs's own generator:
 * tf.randomUniform(shape, 0, 1, 'float32', seed), which draws from seedrandom's Alea seeded with
 * `seed` (tfjs-core/src/ops/rand_util.ts) and rounds each draw to float32; an element is kept when
 * its draw u satisfies u < p, p the keep probability rounded to float32. The same seed gives the same
 * mask on every backend (the draws are made in JavaScript). tfjs treats seed 0 as "no seed", so
 * seeds must be nonzero integers.
 *
 * @module
 */
import * as tf from '@tensorflow/tfjs-core';

/** Throws unless `seed` is a nonzero safe integer. */
export function checkSeed(seed: number): void {
  if (!Number.isSafeInteger(seed) || seed === 0)
    throw new RangeError(`a mask seed must be a nonzero integer (tfjs reads 0 as "unseeded"), got ${seed}`);
}

/** A float32 mask of 0s and 1s of `shape`, each 1 with probability `keep`, from `seed`. */
export function bernoulliMask(shape: readonly number[], keep: number, seed: number): tf.Tensor {
  checkSeed(seed);
  if (!(keep > 0 && keep <= 1)) throw new RangeError(`the keep probability must lie in (0, 1], got ${keep}`);
  // A draw can round up to 1.0 in float32; with p = 1 every element is kept regardless.
  if (keep === 1) return tf.ones([...shape], 'float32');
  return tf.tidy(() =>
    tf.cast(tf.less(tf.randomUniform([...shape], 0, 1, 'float32', seed), tf.scalar(keep, 'float32')), 'float32'),
  );
}
