/**
 * Nadam in float32 (Dozat 2016), in PyTorch's order of operations: g' = g + λ θ (PyTorch),
 * m' = b1 · m + c1 · g', v' = b2 · v + c2 · g'², d = √(v' / (1 − β2^t)) + ε,
 * θ' = θ − (cg · g' + cm · m') / d, with cg and cm computed in float64 from the schedule:
 *
 *   none:              cg = α (1 − β1) / (1 − β1^t),  cm = α β1 / (1 − β1^t)
 *   pytorch, keras:    μ_k = β1 (1 − ½ · 0.96^(k ψ)) (keras: ψ = 1, by Math.pow on an integer power),
 *                      P = P_{t−1} μ_t,  cg = α (1 − μ_t) / (1 − P),  cm = α μ_{t+1} / (1 − P μ_{t+1})
 *
 * The schedule's running product P_{t−1} is the float32 slot `muProduct`, advanced in float32 by μ_t.
 *
 * @module
 */
import type { NadamSchema } from '../../../core/catalogue/rules/nadam.js';
import { required } from '../../../core/required.js';
import { coupledGradient, movingAverage, weightDecayCoefficient, learningRate } from './common.js';
import type { ProductionRule } from './rule.js';

type Always =
  | 'beta1'
  | 'beta2'
  | 'oneMinusBeta1'
  | 'oneMinusBeta2'
  | 'biasCorrection2'
  | 'eps'
  | 'gradCoefficient'
  | 'momentCoefficient';
type Sometimes = 'weightDecay' | 'mu';

/** Nadam's production step, with the momentum schedule the flag `schedule` names. */
export const nadam: ProductionRule<NadamSchema, Always, Sometimes> = {
  kind: 'elementwise',
  initTensorSlots(s, { flags }) {
    if (flags.schedule === 'none') return {};
    return { muProduct: s.integer(1) };
  },
  coefficients(s, { hyper, flags, schedule }, t, tensorSlots) {
    const one = s.integer(1);
    const beta1 = s.hyper(hyper.beta1);
    const beta2 = s.hyper(hyper.beta2);
    const lr = learningRate(s, hyper.lr, schedule, t);
    const oneMinusBeta1 = s.sub(one, beta1);
    const c = {
      beta1,
      beta2,
      oneMinusBeta1,
      oneMinusBeta2: s.sub(one, beta2),
      biasCorrection2: s.sub(one, s.powInt(beta2, t)),
      eps: s.hyper(hyper.eps),
      ...weightDecayCoefficient(s, hyper.weightDecay),
    };
    if (flags.schedule === 'none') {
      const bc1 = s.sub(one, s.powInt(beta1, t));
      return {
        ...c,
        gradCoefficient: s.div(s.mul(lr, oneMinusBeta1), bc1),
        momentCoefficient: s.div(s.mul(lr, beta1), bc1),
      };
    }
    const decay = s.hyper('0.96');
    const half = s.hyper('0.5');
    const psi = flags.schedule === 'pytorch' ? s.hyper(required(hyper.momentumDecay, 'momentumDecay')) : undefined;
    const power = (k: number) => (psi === undefined ? s.powInt(decay, k) : s.pow(decay, s.mul(s.integer(k), psi)));
    const mu = (k: number) => s.mul(beta1, s.sub(one, s.mul(half, power(k))));
    const muT = mu(t);
    const muNext = mu(t + 1);
    const product = s.mul(s.float32(required(tensorSlots.muProduct, 'muProduct')), muT);
    return {
      ...c,
      mu: muT,
      gradCoefficient: s.div(s.mul(lr, s.sub(one, muT)), s.sub(one, product)),
      momentCoefficient: s.div(s.mul(lr, muNext), s.sub(one, s.mul(product, muNext))),
    };
  },
  step(A, { param, grad, slots }, c, { hyper }) {
    const g = coupledGradient(A, grad, param, c.weightDecay, hyper.weightDecay);
    const m = movingAverage(A, c.beta1, c.oneMinusBeta1, slots.m, g);
    const v = movingAverage(A, c.beta2, c.oneMinusBeta2, slots.v, A.square(g));
    const d = A.add(A.sqrt(A.div(v, c.biasCorrection2)), c.eps);
    const next =
      c.mu === undefined ? { m, v } : { m, v, muProduct: A.mul(required(slots.muProduct, 'muProduct'), c.mu) };
    return {
      param: A.sub(param, A.div(A.add(A.mul(c.gradCoefficient, g), A.mul(c.momentCoefficient, m)), d)),
      slots: next,
    };
  },
};
