/**
 * {@link Float32Arith} (and {@link RegionArith}) on TensorFlow.js tensors: each operation is one float32
 * tensor op.
 *
 * @module
 */
import * as tf from '@tensorflow/tfjs-core';
import type { Float32Arith, RegionArith } from '../../../core/arith.js';

/** Float32 tensor arithmetic; scalars broadcast. A selection is tf.where on tf.greater(c, 0). */
export const tensorArith: Float32Arith<tf.Tensor> = {
  add: (a, b) => tf.add(a, b),
  sub: (a, b) => tf.sub(a, b),
  mul: (a, b) => tf.mul(a, b),
  div: (a, b) => tf.div(a, b),
  sqrt: (a) => tf.sqrt(a),
  square: (a) => tf.square(a),
  // tf.maximum drops a NaN second operand on the wasm backend (maximum(1, NaN) = 1, as x86 maxps) and
  // propagates it on cpu; NaN is made to propagate on every backend, as torch.maximum and IEEE 754-2019
  // maximum do.
  max: (a, b) => tf.where(tf.isNaN(b), b, tf.maximum(a, b)),
  abs: (a) => tf.abs(a),
  // tf.sign returns 0 for subnormals on wasm and 0 for NaN on every backend; comparisons are exact.
  sign: (a) =>
    tf.where(tf.isNaN(a), a, tf.sub(tf.cast(tf.greater(a, 0), 'float32'), tf.cast(tf.less(a, 0), 'float32'))),
  wherePositive(c, a, b) {
    // tf.where broadcasts a scalar `a` against empty tensors to one element (tf.broadcastTo(scalar, [0])
    // has shape [1] in tfjs-core 4.22); an empty result is built from the broadcast shape instead.
    const shape = tf.broadcast_util.assertAndGetBroadcastShape(
      tf.broadcast_util.assertAndGetBroadcastShape(c.shape, a.shape),
      b.shape,
    );
    return shape.includes(0) ? tf.zeros(shape) : tf.where(tf.greater(c, 0), a, b);
  },
};

/**
 * {@link RegionArith} on tensors whose last axis is the region: {@link tensorArith}, and tf.sum over the
 * last axis (keepDims).
 */
export const tensorRegionArith: RegionArith<tf.Tensor> = {
  ...tensorArith,
  regionSum: (a) => tf.sum(a, -1, true),
};
