/**
 * Momentum and Nesterov momentum in float32, each framework's form (the catalogue entry `momentum`
 * gives the formulas; Polyak 1964, Ruder 2016 sections 4.1–4.2); the buffer is the state slot
 * `buffer`.
 *
 *   paper:   v' = μ v + α g,  θ' = θ − v'           Nesterov: θ' = θ − μ v' − α g
 *   pytorch: b' = μ b + (1 − d) g' (g' at t = 1),  θ' = θ − α b'   Nesterov: θ' = θ − α (g' + μ b')
 *   keras:   m' = μ m − α g,  θ' = θ + m'           Nesterov: θ' = θ + μ m' − α g
 *   tfjs:    a' = μ a + g,  θ' = θ − α a'           Nesterov: θ' = θ − α (g + μ a')
 *
 * @module
 */
import type { MomentumSchema } from '../../../core/catalogue/rules/momentum.js';
import { coupledGradient, weightDecayCoefficient, learningRate } from './common.js';
import type { ProductionRule } from './rule.js';

type Always = 'lr' | 'momentum';
type Sometimes = 'weightDecay' | 'oneMinusDampening';

/** Momentum's production step (Nesterov momentum by the flag `nesterov`), in the form the flag `form` names. */
export const momentum: ProductionRule<MomentumSchema, Always, Sometimes> = {
  kind: 'elementwise',
  initTensorSlots: () => ({}),
  coefficients: (s, { hyper, schedule }, t) => ({
    lr: learningRate(s, hyper.lr, schedule, t),
    momentum: s.hyper(hyper.momentum),
    ...weightDecayCoefficient(s, hyper.weightDecay),
    ...(hyper.dampening === undefined ? {} : { oneMinusDampening: s.sub(s.integer(1), s.hyper(hyper.dampening)) }),
  }),
  step(A, { param, grad, slots }, c, { hyper, flags }, t) {
    const { nesterov } = flags;
    const lr = c.lr;
    const mu = c.momentum;
    const b = slots.buffer;
    switch (flags.form) {
      case 'paper': {
        const v = A.add(A.mul(mu, b), A.mul(lr, grad));
        return {
          param: nesterov ? A.sub(A.sub(param, A.mul(mu, v)), A.mul(lr, grad)) : A.sub(param, v),
          slots: { buffer: v },
        };
      }
      case 'pytorch': {
        const g = coupledGradient(A, grad, param, c.weightDecay, hyper.weightDecay);
        if (Number(hyper.momentum) === 0) return { param: A.sub(param, A.mul(lr, g)), slots: { buffer: b } };
        const undamped = c.oneMinusDampening === undefined ? g : A.mul(c.oneMinusDampening, g);
        const next = t === 1 ? g : A.add(A.mul(mu, b), undamped);
        return { param: A.sub(param, A.mul(lr, nesterov ? A.add(g, A.mul(mu, next)) : next)), slots: { buffer: next } };
      }
      case 'keras': {
        const m = A.sub(A.mul(mu, b), A.mul(lr, grad));
        return {
          param: nesterov ? A.sub(A.add(param, A.mul(mu, m)), A.mul(lr, grad)) : A.add(param, m),
          slots: { buffer: m },
        };
      }
      case 'tfjs': {
        const a = A.add(A.mul(mu, b), grad);
        return { param: A.sub(param, A.mul(lr, nesterov ? A.add(grad, A.mul(mu, a)) : a)), slots: { buffer: a } };
      }
    }
  },
};
