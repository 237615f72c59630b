/**
 * FTRL-Proximal in float32, in the order of Keras 3's update_step (keras/src/optimizers/ftrl.py),
 * with q(x) = √x (p = −0.5) or 1 (p = 0), and C = k λ2 + β/α and 2 λs computed in float64 and rounded
 * once (the divisions by α are float32 operations, as in Keras):
 *
 *   g' = g + (2 λs) · θ      (when the configuration has λs, even at λs = 0, as Keras computes it)
 *   n' = n + g · g,   z' = z + (g' − ((q(n') − q(n)) / α) · θ)
 *   θ' = (−sign(z') · max(|z'| − λ1, 0)) / (q(n') / α + C)
 *
 * The numerator is Keras's clip(z', −λ1, λ1) − z' rounded once: where |z'| > λ1 it is
 * sign(z') λ1 − z' = −sign(z') (|z'| − λ1), and float32 rounds both alike (rounding is symmetric);
 * elsewhere it is 0. The paper's form (McMahan et al. 2013, Algorithm 1) is the same with k = 1.
 *
 * @module
 */
import type { FtrlSchema } from '../../../core/catalogue/rules/ftrl.js';
import { learningRate } from './common.js';
import type { ProductionRule } from './rule.js';

type Always = 'lr' | 'l1' | 'constant' | 'zero' | 'minusOne';
type Sometimes = 'shrinkage' | 'one';

/** FTRL-Proximal's production step. */
export const ftrl: ProductionRule<FtrlSchema, Always, Sometimes> = {
  kind: 'elementwise',
  initTensorSlots: () => ({}),
  coefficients(s, { hyper, flags, schedule }, t) {
    const lr = learningRate(s, hyper.lr, schedule, t);
    const k = s.integer(flags.l2Scale === 'doubled' ? 2 : 1);
    return {
      lr,
      l1: s.hyper(hyper.l1),
      constant: s.add(s.mul(k, s.hyper(hyper.l2)), s.div(s.hyper(hyper.beta), lr)),
      zero: s.integer(0),
      minusOne: s.integer(-1),
      ...(hyper.l2Shrinkage === undefined ? {} : { shrinkage: s.mul(s.integer(2), s.hyper(hyper.l2Shrinkage)) }),
      ...(flags.learningRatePower === '0' ? { one: s.integer(1) } : {}),
    };
  },
  step(A, { param, grad, slots }, c) {
    const g = c.shrinkage === undefined ? grad : A.add(grad, A.mul(c.shrinkage, param));
    const n = A.add(slots.accumulator, A.square(grad));
    const rate = c.one ?? A.sqrt(n);
    const previous = c.one ?? A.sqrt(slots.accumulator);
    const z = A.add(slots.linear, A.sub(g, A.mul(A.div(A.sub(rate, previous), c.lr), param)));
    // The scalar first: tensorArith.max(x, scalar) of an empty x has one element (a tf.where broadcast).
    const excess = A.max(c.zero, A.sub(A.abs(z), c.l1));
    const numerator = A.mul(A.mul(c.minusOne, A.sign(z)), excess);
    return {
      param: A.div(numerator, A.add(A.div(rate, c.lr), c.constant)),
      slots: { accumulator: n, linear: z },
    };
  },
};
