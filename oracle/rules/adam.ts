/**
 * Adam, AMSGrad and AdamW, exact (Kingma & Ba 2015, Algorithm 1 and section 2; Reddi et al. 2018;
 * Loshchilov & Hutter 2019):
 *
 *   g' = g + λ θ (coupled decay),   m' = β1 m + (1 − β1) g',   v' = β2 v + (1 − β2) g'²,
 *   AMSGrad: w = max(vmax, v') (and vmax' = w), else w = v';   b1 = 1 − β1^t,  b2 = 1 − β2^t (1 with no correction)
 *   algorithm1:  Δ = α (m'/b1) / (√(w/b2) + ε)
 *   efficient:   Δ = (α √b2 / b1) m' / (√w + ε̂) = α (m'/b1) / (√(w/b2) + ε̂/√b2)
 *   θ' = θ − Δ;   decoupled decay: θ' = θ (1 − α λ) − Δ;   unscaled decoupled: θ' = θ − Δ − λ θ
 *   decoupled-before (Keras 3): θ' = (θ − θ λ α) − Δ, the same exact value as decoupled for a finite θ
 *   (an infinite θ gives ∞ − ∞ there, as in Keras), skipped when λ = 0
 *
 * β^t is the exact power of the decimal β (`exact-pow`), or the float32 slot value carried in the
 * state (`running-product`, TensorFlow.js), whose next value is float32(slot · β).
 * The efficient form is evaluated in its second, equal, shape: with ε̂ = 0 its irrational factors √b2
 * cancel symbolically, so an exact result that is a float32 rounding boundary (θ − 3 when m̂ = g,
 * v̂ = g²) stays a point that certification can decide; in the first shape it never would.
 *
 * @module
 */
import type { AdamSchema } from '../../core/catalogue/rules/adam.js';
import type { SlotValues } from '../../core/catalogue/index.js';
import { required } from '../../core/required.js';
import type { Enclosure } from '../enclosure.js';
import { elementwiseRule } from '../elementwise.js';
import type { ElementwiseUpdate, StepContext, TensorEnclosures } from '../rule.js';
import { coupledGradient, movingAverage } from './common.js';

interface Shared {
  readonly context: StepContext<AdamSchema>;
  readonly oneMinusBeta1: Enclosure;
  readonly oneMinusBeta2: Enclosure;
  readonly beta1Power: Enclosure;
  readonly beta2Power: Enclosure;
  readonly biasCorrection1: Enclosure;
  readonly biasCorrection2: Enclosure;
  /** The ε added to √v̂: ε in Algorithm 1, ε̂ / √b2 in the efficient form. */
  readonly epsilon: Enclosure;
}

/** Adam's exact elementwise update (AMSGrad and AdamW by flags). */
export const adamUpdate: ElementwiseUpdate<AdamSchema, Shared> = {
  name: 'adam',
  entries: ['adam', 'amsgrad', 'adamw'],
  initTensorSlots(_a, { h, flags }): TensorEnclosures<AdamSchema> {
    return flags.biasCorrection === 'running-product' ? { b1pow: h.beta1, b2pow: h.beta2 } : {};
  },
  prepare(a, context) {
    const { h, tensor, t, flags } = context;
    const one = a.point(1);
    const correction = flags.biasCorrection;
    const power = (beta: Enclosure, slot: 'b1pow' | 'b2pow') =>
      correction === 'running-product' ? required(tensor[slot], slot) : a.powInt(beta, t);
    const beta1Power = power(h.beta1, 'b1pow');
    const beta2Power = power(h.beta2, 'b2pow');
    const biasCorrection1 = correction === 'none' ? one : a.sub(one, beta1Power);
    const biasCorrection2 = correction === 'none' ? one : a.sub(one, beta2Power);
    return {
      context,
      oneMinusBeta1: a.sub(one, h.beta1),
      oneMinusBeta2: a.sub(one, h.beta2),
      beta1Power,
      beta2Power,
      biasCorrection1,
      biasCorrection2,
      epsilon: flags.form === 'efficient' ? a.div(h.eps, a.sqrt(biasCorrection2)) : h.eps,
    };
  },
  element(a, { param, grad, slots }, s) {
    const { h, flags } = s.context;
    const decay = flags.weightDecay;
    const g = decay === 'coupled' ? coupledGradient(a, grad, param, h) : grad;
    const m = movingAverage(a, h.beta1, slots.m, g, s.oneMinusBeta1);
    const v = movingAverage(a, h.beta2, slots.v, a.square(g), s.oneMinusBeta2);
    let next: SlotValues<AdamSchema, Enclosure> = { m, v };
    let w = v;
    if (flags.amsgrad) {
      w = a.max(required(slots.vmax, 'vmax'), v);
      next = { m, v, vmax: w };
    }
    const delta = a.div(
      a.mul(h.lr, a.div(m, s.biasCorrection1)),
      a.add(a.sqrt(a.div(w, s.biasCorrection2)), s.epsilon),
    );
    const lambda = h.weightDecay;
    if (decay === 'decoupled-before' && lambda !== undefined && !a.isZero(lambda))
      return { param: a.sub(a.sub(param, a.mul(a.mul(param, lambda), h.lr)), delta), slots: next };
    if (decay === 'decoupled' && lambda !== undefined) {
      return { param: a.sub(a.mul(param, a.sub(a.point(1), a.mul(h.lr, lambda))), delta), slots: next };
    }
    if (decay === 'decoupled-unscaled' && lambda !== undefined)
      return { param: a.sub(a.sub(param, delta), a.mul(lambda, param)), slots: next };
    return { param: a.sub(param, delta), slots: next };
  },
  nextTensorSlots(a, s): TensorEnclosures<AdamSchema> {
    const { h, flags } = s.context;
    if (flags.biasCorrection !== 'running-product') return {};
    return { b1pow: a.mul(s.beta1Power, h.beta1), b2pow: a.mul(s.beta2Power, h.beta2) };
  },
};

/** Adam as an oracle rule. */
export const adamOracle = elementwiseRule(adamUpdate);
