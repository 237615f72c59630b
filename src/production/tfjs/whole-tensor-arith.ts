/**
 * {@link RegionArith} on TensorFlow.js tensors whose region is the whole tensor, for the rules on
 * whole tensors (src/production/rules/tensor-rule.ts): {@link tensorArith}, tf.sum over every axis
 * (a scalar, which broadcasts against the tensor); its selections are tensorArith's. Elementwise rules
 * never call the reduction, so the optimizer's carrier can use it for every rule.
 *
 * @module
 */
import * as tf from '@tensorflow/tfjs-core';
import type { RegionArith } from '../../../core/arith.js';
import { tensorArith } from './arith.js';

/** Float32 tensor arithmetic with the whole tensor as the one region. */
export const wholeTensorArith: RegionArith<tf.Tensor> = {
  ...tensorArith,
  regionSum: (a) => tf.sum(a),
};
