/**
 * Lion in float32 (Chen et al. 2023, arXiv:2302.06675, Algorithm 2), with b1 = float32(β1),
 * c1 = float32(1 − β1) and so on:
 *
 *   c = b1 · m + c1 · g,   s = sign(c) (exact)
 *   inside (paper; optax/_src/alias.py lion):  θ' = θ − α · (s + λ · θ)
 *   before (keras/src/optimizers/lion.py after base_optimizer.py _apply_weight_decay):
 *                                              θ* = θ − (θ · λ) · α,  θ' = θ* − α · s
 *   m' = b2 · m + c2 · g
 *
 * λ = 0 skips the decay (no λ · θ, which would turn an infinite θ into NaN).
 *
 * @module
 */
import type { LionSchema } from '../../../core/catalogue/rules/lion.js';
import { movingAverage, learningRate } from './common.js';
import type { ProductionRule } from './rule.js';

type Always = 'lr' | 'beta1' | 'oneMinusBeta1' | 'beta2' | 'oneMinusBeta2';
type Sometimes = 'weightDecay';

/** Lion's production step, with the decay where the flag `weightDecay` puts it. */
export const lion: ProductionRule<LionSchema, Always, Sometimes> = {
  kind: 'elementwise',
  initTensorSlots: () => ({}),
  coefficients(s, { hyper, schedule }, t) {
    const one = s.integer(1);
    const beta1 = s.hyper(hyper.beta1);
    const beta2 = s.hyper(hyper.beta2);
    return {
      lr: learningRate(s, hyper.lr, schedule, t),
      beta1,
      oneMinusBeta1: s.sub(one, beta1),
      beta2,
      oneMinusBeta2: s.sub(one, beta2),
      ...(Number(hyper.weightDecay) === 0 ? {} : { weightDecay: s.hyper(hyper.weightDecay) }),
    };
  },
  step(A, { param, grad, slots }, c, { flags }) {
    const direction = A.sign(movingAverage(A, c.beta1, c.oneMinusBeta1, slots.m, grad));
    const m = movingAverage(A, c.beta2, c.oneMinusBeta2, slots.m, grad);
    const lambda = c.weightDecay;
    if (lambda === undefined) return { param: A.sub(param, A.mul(c.lr, direction)), slots: { m } };
    if (flags.weightDecay === 'before') {
      const decayed = A.sub(param, A.mul(A.mul(param, lambda), c.lr));
      return { param: A.sub(decayed, A.mul(c.lr, direction)), slots: { m } };
    }
    return { param: A.sub(param, A.mul(c.lr, A.add(direction, A.mul(lambda, param)))), slots: { m } };
  },
};
