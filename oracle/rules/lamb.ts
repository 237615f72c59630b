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
 * On a one-element tensor with finite θ* and r and the quotient as ratio, ρ r = (|θ*| / |r|) r = s θ*
 * with s = sign(θ*) sign(r), so θ' = θ* (1 − α s): the same exact value, in a form where the
 * cancellation θ* − θ* (α = 1, s = 1) is an exact +0 (IEEE's x − x) that every stage decides. In the
 * quotient form no enclosure knows that ‖r‖ and r share |r|, so that zero stays an interval around 0,
 * which no precision separates.
 *
 * @module
 */
import type { LambSchema } from '../../core/catalogue/rules/lamb.js';
import { required } from '../../core/required.js';
import type { Arithmetic, Enclosure } from '../enclosure.js';
import { tensorRule, type TensorUpdate } from '../tensor-rule.js';
import { movingAverage } from './common.js';
import { norm, trustRatio } from './trust-ratio.js';

/** Element i of a tensor's enclosures. */
const at = (xs: readonly Enclosure[], i: number): Enclosure => required(xs[i], `element ${i}`);

/** Whether x is finite: 0 · x is an exact zero for finite x and NaN for ±∞ and NaN. */
const isFinite = (a: Arithmetic, x: Enclosure): boolean => a.isZero(a.mul(a.point(0), x));

/**
 * θ' = θ* (1 − α s) for one element, s = sign(θ*) sign(r): θ* − α ρ r with ρ = |θ*| / |r| (both
 * nonzero), or undefined where that identity does not hold (θ* or r infinite or NaN).
 */
function oneElementStep(a: Arithmetic, lr: Enclosure, base: Enclosure, r: Enclosure): Enclosure | undefined {
  if (!isFinite(a, base) || !isFinite(a, r)) return undefined;
  const one = a.point(1);
  const factor = a.isNegative(base) === a.isNegative(r) ? a.sub(one, lr) : a.add(one, lr);
  return a.isZero(factor) ? a.point(0) : a.mul(base, factor);
}

/** LAMB's exact step on a whole tensor. */
export const lambUpdate: TensorUpdate<LambSchema> = {
  name: 'lamb',
  entries: ['lamb'],
  step(a, { params, grads, slots }, { h, t, flags }) {
    const one = a.point(1);
    const correction1 = a.sub(one, a.powInt(h.beta1, t));
    const correction2 = a.sub(one, a.powInt(h.beta2, t));
    const [oneMinusBeta1, oneMinusBeta2] = [a.sub(one, h.beta1), a.sub(one, h.beta2)];
    const m = grads.map((g, i) => movingAverage(a, h.beta1, at(slots.m, i), g, oneMinusBeta1));
    const v = grads.map((g, i) => movingAverage(a, h.beta2, at(slots.v, i), a.square(g), oneMinusBeta2));
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
    let quotient = false;
    const ratio = trustRatio(a, flags.trustRatio, paramNorm, updateNorm, () => {
      quotient = true;
      return a.div(paramNorm, updateNorm);
    });
    const single = quotient && base.length === 1 ? oneElementStep(a, h.lr, at(base, 0), at(r, 0)) : undefined;
    if (single !== undefined) return { params: [single], slots: { m, v } };
    const step = a.mul(h.lr, ratio);
    return { params: base.map((p, i) => a.sub(p, a.mul(step, at(r, i)))), slots: { m, v } };
  },
};

/** LAMB as an oracle rule. */
export const lambOracle = tensorRule(lambUpdate);
