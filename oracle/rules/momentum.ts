/**
 * Momentum and Nesterov momentum, exact, in each framework's form (new buffer on the right):
 *
 *   paper:   v' = μ v + α g,               θ' = θ − v'             Nesterov: θ' = θ − μ v' − α g
 *   pytorch: b' = μ b + (1 − d) g' (g' at t = 1), θ' = θ − α b'    Nesterov: θ' = θ − α (g' + μ b')
 *            (μ = 0: no buffer, θ' = θ − α g', dampening ignored)
 *   keras:   m' = μ m − α g,               θ' = θ + m'             Nesterov: θ' = θ + μ m' − α g
 *   tfjs:    a' = μ a + g,                 θ' = θ − α a'           Nesterov: θ' = θ − α (g + μ a')
 *
 * g' = g + λ θ under PyTorch's coupled weight decay.
 *
 * @module
 */
import type { MomentumSchema } from '../../core/catalogue/rules/momentum.js';
import { elementwiseRule } from '../elementwise.js';
import type { ElementwiseUpdate, StepContext } from '../rule.js';
import { contextOnly, coupledGradient } from './common.js';

/** The exact elementwise update of momentum and Nesterov momentum, in the form the flag `form` names. */
export const momentumUpdate: ElementwiseUpdate<MomentumSchema, StepContext<MomentumSchema>> = {
  name: 'momentum',
  entries: ['momentum', 'nesterov'],
  initTensorSlots: () => ({}),
  prepare: contextOnly,
  element(a, { param, grad, slots }, { h, t, flags }) {
    const nesterov = flags.nesterov;
    const lr = h.lr;
    const mu = h.momentum;
    const b = slots.buffer;
    switch (flags.form) {
      case 'paper': {
        const v = a.add(a.mul(mu, b), a.mul(lr, grad));
        return { param: a.sub(param, nesterov ? a.add(a.mul(mu, v), a.mul(lr, grad)) : v), slots: { buffer: v } };
      }
      case 'pytorch': {
        const g = coupledGradient(a, grad, param, h);
        // PyTorch keeps no buffer when μ = 0: plain SGD, dampening ignored, the slot passes through.
        if (a.isZero(mu)) return { param: a.sub(param, a.mul(lr, g)), slots: { buffer: b } };
        const dampening = h.dampening;
        const undamped = dampening === undefined ? g : a.mul(a.sub(a.point(1), dampening), g);
        const next = t === 1 ? g : a.add(a.mul(mu, b), undamped);
        return { param: a.sub(param, a.mul(lr, nesterov ? a.add(g, a.mul(mu, next)) : next)), slots: { buffer: next } };
      }
      case 'keras': {
        const m = a.sub(a.mul(mu, b), a.mul(lr, grad));
        return {
          param: nesterov ? a.sub(a.add(param, a.mul(mu, m)), a.mul(lr, grad)) : a.add(param, m),
          slots: { buffer: m },
        };
      }
      default: {
        // tfjs
        const acc = a.add(a.mul(mu, b), grad);
        return { param: a.sub(param, a.mul(lr, nesterov ? a.add(grad, a.mul(mu, acc)) : acc)), slots: { buffer: acc } };
      }
    }
  },
  nextTensorSlots: () => ({}),
};

/** Momentum and Nesterov momentum as an oracle rule. */
export const momentumOracle = elementwiseRule(momentumUpdate);
