/**
 * ASGD in float32, in PyTorch 1.13's order (torch/optim/asgd.py, _single_tensor_asgd), with η and μ
 * the float32 tensor slots and t this step's count:
 *
 *   g' = g + λ_wd · θ,   θ' = θ · float32(1 − λ η) − η · g'
 *   ax' = θ' (μ = 1: a copy),  else ax + (θ' − ax) · μ
 *   η' = float32(lr / (1 + λ lr t)^α),   μ' = float32(1 / max(1, t − t0))   (both in float64 first)
 *
 * @module
 */
import type { ScalarArith } from '../../../core/arith.js';
import type { AsgdSchema } from '../../../core/catalogue/rules/asgd.js';
import { required } from '../../../core/required.js';
import { coupledGradient, weightDecayCoefficient, learningRate } from './common.js';
import type { ProductionRule } from './rule.js';

type Always = 'eta' | 'decay' | 'nextEta' | 'nextMu';
type Sometimes = 'weightDecay' | 'mu';

/**
 * max(1, x) in float64, as Python's max(1, step − t0). The value where x ≤ 1 is written 1 + (x − x):
 * exactly 1 in float64, and in the gate's analysis it keeps x's error, which bounds how far
 * production's x̂ can be from 1 when float64 and exact arithmetic take different sides of 1.
 */
function atLeastOne<X>(s: ScalarArith<X>, x: X): X {
  return s.valueOf(x) > 1 ? x : s.add(s.integer(1), s.sub(x, x));
}

/** ASGD's production step. */
export const asgd: ProductionRule<AsgdSchema, Always, Sometimes> = {
  kind: 'elementwise',
  initTensorSlots: (s, { hyper }) => ({ eta: s.hyper(hyper.lr), mu: s.integer(1) }),
  coefficients(s, { hyper, schedule }, t, tensorSlots) {
    const one = s.integer(1);
    const lr = learningRate(s, hyper.lr, schedule, t);
    const lambd = s.hyper(hyper.lambd);
    const eta = s.float32(required(tensorSlots.eta, 'eta'));
    const mu = required(tensorSlots.mu, 'mu');
    const base = s.add(one, s.mul(s.mul(lambd, lr), s.integer(t)));
    return {
      eta,
      decay: s.sub(one, s.mul(lambd, eta)),
      ...(mu === 1 ? {} : { mu: s.float32(mu) }),
      ...weightDecayCoefficient(s, hyper.weightDecay),
      nextEta: s.div(lr, s.pow(base, s.hyper(hyper.alpha))),
      nextMu: s.div(one, atLeastOne(s, s.sub(s.integer(t), s.hyper(hyper.t0)))),
    };
  },
  step(A, { param, grad, slots }, c, { hyper }) {
    const g = coupledGradient(A, grad, param, c.weightDecay, hyper.weightDecay);
    const theta = A.sub(A.mul(param, c.decay), A.mul(c.eta, g));
    // μ = 1: ax is a copy of θ' (max(θ', θ') is θ' exactly, NaN included), a tensor of its own.
    const ax = c.mu === undefined ? A.max(theta, theta) : A.add(slots.ax, A.mul(A.sub(theta, slots.ax), c.mu));
    return { param: theta, slots: { ax, eta: c.nextEta, mu: c.nextMu } };
  },
};
