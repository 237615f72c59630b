/**
 * LAMB, exact (You et al. 2020, arXiv:1904.00962, Algorithm 2; core/catalogue/rules/lamb.ts), on a
 * whole tensor:
 *
 *   m' = β1 m + (1 − β1) g,   v' = β2 v + (1 − β2) g²,   u = (m' / (1 − β1^t)) / (√(v' / (1 − β2^t)) + ε)
 *   inside:  θ* = θ,            r = u + λ θ
 *   before:  θ* = θ − (θ λ) α,  r = u
 *   θ' = θ* − α ρ r,   ρ = ‖θ*‖ / ‖r‖ with the zero-norm rule of the flag `trustRatio`
 *
 * λ = 0 skips the decay (no 0 · θ, which is NaN for an infinite θ), as optax and Keras do.
 *
 * @module
 */
import type { LambSchema } from '../../core/catalogue/rules/lamb.js';
import { required } from '../../core/required.js';
import type { Enclosure } from '../enclosure.js';
import { tensorRule, type TensorUpdate } from '../tensor-rule.js';
import { movingAverage } from './common.js';
import { norm, trustRatio } from './trust-ratio.js';

/** Element i of a tensor's enclosures. */
const at = (xs: readonly Enclosure[], i: number): Enclosure => required(xs[i], `element ${i}`);

/** LAMB's exact step on a whole tensor. */
export const lambUpdate: TensorUpdate<LambSchema> = {
  name: 'lamb',
  entries: ['lamb'],
  step(a, { params, grads, slots }, { h, t, flags }) {
    const one = a.point(1);
    const correction1 = a.sub(one, a.powInt(h.beta1, t));
    const correction2 = a.sub(one, a.powInt(h.beta2, t));
    const m = grads.map((g, i) => movingAverage(a, h.beta1, at(slots.m, i), g));
    const v = grads.map((g, i) => movingAverage(a, h.beta2, at(slots.v, i), a.square(g)));
    const u = m.map((mi, i) => a.div(a.div(mi, correction1), a.add(a.sqrt(a.div(at(v, i), correction2)), h.eps)));
    const decay = !a.isZero(h.weightDecay);
    const base =
      decay && flags.weightDecay === 'before'
        ? params.map((p) => a.sub(p, a.mul(a.mul(p, h.weightDecay), h.lr)))
        : params;
    const r =
      decay && flags.weightDecay === 'inside' ? u.map((ui, i) => a.add(ui, a.mul(h.weightDecay, at(params, i)))) : u;
    const paramNorm = norm(a, base);
    const updateNorm = norm(a, r);
    const ratio = trustRatio(a, flags.trustRatio, paramNorm, updateNorm, () => a.div(paramNorm, updateNorm));
    const step = a.mul(h.lr, ratio);
    return { params: base.map((p, i) => a.sub(p, a.mul(step, at(r, i)))), slots: { m, v } };
  },
};

/** LAMB as an oracle rule. */
export const lambOracle = tensorRule(lambUpdate);
