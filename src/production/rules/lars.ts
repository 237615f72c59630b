/**
 * LARS in float32 on a whole tensor, in the order of optax's chain (optax/_src/alias.py `lars`:
 * add_decayed_weights, scale_by_trust_ratio, scale_by_learning_rate, trace; then apply_updates):
 *
 *   u = g + λ · θ,   p = ‖θ‖,   q = ‖u‖ (scaled by Σ|·|, ./tensor-rule.ts),   ρ = where(p == 0 or q == 0, 1, (η · p) / (q + ε))
 *   s = (u · ρ) · (−α),   b' = s + μ · b,   θ' = θ + b'   (Nesterov: θ' = θ + (s + μ · b'))
 *
 * λ = 0 skips the decay, as optax skips a zero constant.
 *
 * @module
 */
import type { LarsSchema } from '../../../core/catalogue/rules/lars.js';
import { learningRate } from './common.js';
import { norm, trustRatio, type TensorRule } from './tensor-rule.js';

type Always = 'negativeLr' | 'momentum' | 'trustCoefficient' | 'eps' | 'one' | 'zero';
type Sometimes = 'weightDecay';

/** LARS's production step on a whole tensor. */
export const lars: TensorRule<LarsSchema, Always, Sometimes> = {
  kind: 'tensor',
  initTensorSlots: () => ({}),
  coefficients(s, { hyper, schedule }, t) {
    return {
      negativeLr: s.sub(s.integer(0), learningRate(s, hyper.lr, schedule, t)),
      momentum: s.hyper(hyper.momentum),
      trustCoefficient: s.hyper(hyper.trustCoefficient),
      eps: s.hyper(hyper.eps),
      one: s.integer(1),
      zero: s.integer(0),
      ...(Number(hyper.weightDecay) === 0 ? {} : { weightDecay: s.hyper(hyper.weightDecay) }),
    };
  },
  step(A, { param, grad, slots }, c, { flags }) {
    const u = c.weightDecay === undefined ? grad : A.add(grad, A.mul(c.weightDecay, param));
    const p = norm(A, param, c.one);
    const q = norm(A, u, c.one);
    const quotient = A.div(A.mul(c.trustCoefficient, p), A.add(q, c.eps));
    const ratio = trustRatio(A, 'zero-norm-one', p, q, quotient, c.one, c.zero);
    const s = A.mul(A.mul(u, ratio), c.negativeLr);
    const trace = A.add(s, A.mul(c.momentum, slots.trace));
    const direction = flags.nesterov ? A.add(s, A.mul(c.momentum, trace)) : trace;
    return { param: A.add(param, direction), slots: { trace } };
  },
};
