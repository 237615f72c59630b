/**
 * The penalties on TensorFlow.js tensors: a penalty's algorithm (src/production/regularizers/penalties.ts)
 * on {@link tensorArith}, coefficients computed in float64 and rounded once to float32 scalars, the
 * penalty summed by tf.sum. The registry (src/registry/regularizers.ts) finds the algorithm of a
 * configuration.
 *
 * @module
 */
import * as tf from '@tensorflow/tfjs-core';
import { float64Scalars } from '../../../core/arith.js';
import {
  checkConfiguration,
  checkFloat32Array,
  describeValue,
  StepInputError,
  type Configuration,
} from '../../../core/catalogue/index.js';
import type { PenaltyAlgorithm } from '../regularizers/penalties.js';
import { tensorArith } from './arith.js';

/** A penalty's outputs on a weight tensor. */
export interface PenaltyTensors {
  readonly penalty: tf.Scalar;
  readonly gradient: tf.Tensor;
  /** The proximal step, where the penalty has a closed form for it. */
  readonly prox?: tf.Tensor;
}

/** Penalty, gradient and proximal step of `w` under `config`, a configuration of `algorithm`'s penalty. */
export function tfjsPenaltyTensors(algorithm: PenaltyAlgorithm, config: Configuration, w: tf.Tensor): PenaltyTensors {
  checkConfiguration(algorithm.name, config, 'penalty');
  if (!(w instanceof tf.Tensor))
    throw new StepInputError(
      config.entry.name,
      `w is ${describeValue(w)}; a float32 tf.Tensor required (penaltyArrays takes a Float32Array)`,
    );
  if (w.dtype !== 'float32') throw new StepInputError(config.entry.name, `w has dtype ${w.dtype}; expected float32`);
  const coefficients = algorithm.coefficients(float64Scalars, config);
  return tf.tidy(() => {
    const c = Object.fromEntries(Object.entries(coefficients).map(([k, v]) => [k, tf.scalar(v, 'float32')]));
    const out: { penalty: tf.Scalar; gradient: tf.Tensor; prox?: tf.Tensor } = {
      // tf.sum of an empty tensor returns uninitialised memory on wasm (3.6e-41, say), not 0.
      penalty: w.size === 0 ? tf.scalar(0, 'float32') : tf.sum(algorithm.term(tensorArith, w, c)),
      gradient: algorithm.gradient(tensorArith, w, c),
    };
    if (algorithm.prox) out.prox = algorithm.prox(tensorArith, w, c);
    return out;
  });
}

/** {@link tfjsPenaltyTensors} on plain arrays; `w` must be a Float32Array. */
export function tfjsPenaltyArrays(
  algorithm: PenaltyAlgorithm,
  config: Configuration,
  w: Float32Array,
): Record<string, Float32Array> {
  checkConfiguration(algorithm.name, config, 'penalty');
  checkFloat32Array(algorithm.name, 'w', w);
  const out = tfjsPenaltyTensors(algorithm, config, tf.tensor1d(w, 'float32'));
  const arrays = Object.fromEntries(
    Object.entries(out).map(([k, t]) => [k, (t as tf.Tensor).dataSync() as Float32Array]),
  );
  tf.dispose(Object.values(out));
  return arrays;
}
