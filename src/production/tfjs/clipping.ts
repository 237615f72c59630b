/**
 * Gradient clipping on TensorFlow.js tensors: a clipping's algorithm
 * (src/production/gradient-transforms/clipping.ts) on {@link wholeTensorArith} (each variable's gradient one
 * tensor, tf.sum over it), per-variable sums added by tf.sum(tf.stack([...parts])) as Keras's
 * ops.sum(ops.stack(...)), coefficients in float64 rounded once to float32 scalars.
 *
 * @module
 */
import * as tf from '@tensorflow/tfjs-core';
import { float64Scalars } from '../../../core/arith.js';
import { checkConfiguration, checkFloat32Array, type Configuration } from '../../../core/catalogue/index.js';
import type { ClipAlgorithm, ClipArith } from '../gradient-transforms/clipping.js';
import { wholeTensorArith } from './whole-tensor-arith.js';

/** {@link ClipArith} on tensors: each value one variable's tensor or a scalar. */
export const tensorClipArith: ClipArith<tf.Tensor> = {
  ...wholeTensorArith,
  // tf.sum of an empty tensor returns uninitialised memory on wasm (3.6e-41, say), not 0.
  regionSum: (a) => (a.size === 0 ? tf.scalar(0, 'float32') : tf.sum(a)),
  total: (parts) => tf.sum(tf.stack([...parts])),
  plusZeroOf: (x, n) => tf.add(x, tf.sub(n, n)),
  neg: (x) => tf.neg(x),
};

/** The clipped gradients of `grads` (one tensor per variable) under `config`, a configuration of `algorithm`'s entry. */
export function tfjsClipTensors(
  algorithm: ClipAlgorithm,
  config: Configuration,
  grads: readonly tf.Tensor[],
): tf.Tensor[] {
  checkConfiguration(algorithm.name, config, 'gradient transform');
  const coefficients = algorithm.coefficients(float64Scalars, config);
  return tf.tidy(() => {
    const c = Object.fromEntries(Object.entries(coefficients).map(([k, v]) => [k, tf.scalar(v, 'float32')]));
    return algorithm.clip(tensorClipArith, grads, c, config);
  });
}

/** {@link tfjsClipTensors} on Float32Arrays (one per variable), concatenated in variable order. */
export function tfjsClipArrays(
  algorithm: ClipAlgorithm,
  config: Configuration,
  grads: readonly Float32Array[],
): Float32Array {
  checkConfiguration(algorithm.name, config, 'gradient transform');
  grads.forEach((g, i) => checkFloat32Array(algorithm.name, `grads[${i}]`, g));
  const tensors = grads.map((g) => tf.tensor1d(g, 'float32'));
  const out = tfjsClipTensors(algorithm, config, tensors);
  const flat = Float32Array.from(out.flatMap((t) => Array.from(t.dataSync())));
  tf.dispose([...tensors, ...out]);
  return flat;
}
