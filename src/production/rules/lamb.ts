/**
 * LAMB in float32 on a whole tensor (You et al. 2020, arXiv:1904.00962, Algorithm 2), with
 * b1 = float32(β1), c1 = float32(1 − β1), k1 = float32(1 − β1^t) and so on:
 *
 *   m' = b1 · m + c1 · g,   v' = b2 · v + c2 · g²,   u = (m' / k1) / (√(v' / k2) + ε)
 *   inside (paper; optax/_src/alias.py lamb):  θ* = θ,                 r = u + λ · θ
 *   before (keras/src/optimizers/lamb.py after base_optimizer.py _apply_weight_decay):
 *                                              θ* = θ − (θ · λ) · α,   r = u
 *   p = ‖θ*‖,   q = ‖r‖ (scaled by Σ|·|, ./tensor-rule.ts),   ρ = trust ratio of p, q and p / q (./tensor-rule.ts)
 *   θ' = θ* − (ρ · α) · r
 *
 * as Keras orders `ratio * lr * update`. λ = 0 skips the decay.
 *
 * @module
 */
import type { LambSchema } from '../../../core/catalogue/rules/lamb.js';
import { movingAverage, learningRate } from './common.js';
import { norm, trustRatio, type TensorRule } from './tensor-rule.js';

type Always =
  'lr' | 'beta1' | 'oneMinusBeta1' | 'beta2' | 'oneMinusBeta2' | 'correction1' | 'correction2' | 'eps' | 'one' | 'zero';
type Sometimes = 'weightDecay';

/** LAMB's production step on a whole tensor, with the decay and the zero-norm rule its flags choose. */
export const lamb: TensorRule<LambSchema, Always, Sometimes> = {
  kind: 'tensor',
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
      correction1: s.sub(one, s.powInt(beta1, t)),
      correction2: s.sub(one, s.powInt(beta2, t)),
      eps: s.hyper(hyper.eps),
      one,
      zero: s.integer(0),
      ...(Number(hyper.weightDecay) === 0 ? {} : { weightDecay: s.hyper(hyper.weightDecay) }),
    };
  },
  step(A, { param, grad, slots }, c, { flags }) {
    const m = movingAverage(A, c.beta1, c.oneMinusBeta1, slots.m, grad);
    const v = movingAverage(A, c.beta2, c.oneMinusBeta2, slots.v, A.square(grad));
    const u = A.div(A.div(m, c.correction1), A.add(A.sqrt(A.div(v, c.correction2)), c.eps));
    const lambda = c.weightDecay;
    const base =
      lambda !== undefined && flags.weightDecay === 'before' ? A.sub(param, A.mul(A.mul(param, lambda), c.lr)) : param;
    const r = lambda !== undefined && flags.weightDecay === 'inside' ? A.add(u, A.mul(lambda, param)) : u;
    const p = norm(A, base, c.one);
    const q = norm(A, r, c.one);
    const ratio = trustRatio(A, flags.trustRatio, p, q, A.div(p, q), c.one, c.zero);
    return { param: A.sub(base, A.mul(A.mul(ratio, c.lr), r)), slots: { m, v } };
  },
};
