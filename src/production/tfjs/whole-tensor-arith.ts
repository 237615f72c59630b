/**
 * {@link RegionArith} on TensorFlow.js tensors whose region is the whole tensor, for the rules on
 * whole tensors (src/production/rules/tensor-rule.ts): {@link tensorArith}, tf.sum over every axis
 * (a scalar, which broadcasts against the tensor); its selections are tensorArith's. Elementwise rules
 * never call the reduction, so the optimizer's carrier can use it for every rule.
 *
 * @module
 */
import * as tf from '@tensorflow/tfjs-core';
import type { MatrixArith, RegionArith } from '../../../core/arith.js';
import { tensorArith } from './arith.js';

/**
 * Float32 tensor arithmetic with the whole tensor as the one region, and the means of a matrix rule
 * (../rules/matrix-rule.ts) as Keras writes them (keras/src/optimizers/adafactor.py): tf.mean over
 * every axis, over the last (a row statistic, shape [rows]) or the second last (a column statistic,
 * shape [cols]), and tf.expandDims to place a statistic against the matrix.
 */
export const wholeTensorArith: RegionArith<tf.Tensor> & MatrixArith<tf.Tensor> = {
  ...tensorArith,
  regionSum: (a) => tf.sum(a),
  sum: (a) => tf.sum(a),
  mean: (a) => tf.mean(a),
  rowMean: (a) => tf.mean(a, -1),
  colMean: (a) => tf.mean(a, -2),
  alongRows: (r) => tf.expandDims(r, -1),
  alongColumns: (c) => tf.expandDims(c, -2),
};
