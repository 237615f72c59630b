/**
 * RAdam, exact (Liu et al. 2019, arXiv:1908.03265, Algorithm 2), with g' = g + λ θ (PyTorch),
 * m' = β1 m + (1 − β1) g', v' = β2 v + (1 − β2) g'², b1 = 1 − β1^t, b2 = 1 − β2^t:
 *
 *   ρ∞ = 2/(1 − β2) − 1,   ρ_t = ρ∞ − 2 t β2^t / b2,   rectified when ρ_t > 4, > 5 or ≥ 5 (flag `threshold`)
 *   rectified:  r = √((ρ_t − 4)(ρ_t − 2) ρ∞ / ((ρ∞ − 4)(ρ∞ − 2) ρ_t))
 *               before-correction (PyTorch):  θ' = θ − α r (m'/b1) √b2 / (√v' + ε)
 *               after-correction (optax):     θ' = θ − α r (m'/b1) / (√(v'/b2 + ε_root) + ε)
 *   otherwise:  θ' = θ − α m'/b1
 *
 * The test on ρ_t is decided exactly (its enclosure must exclude the threshold, or be it exactly),
 * after ρ∞ > threshold, without which ρ_t < ρ∞ cannot pass it.
 *
 * @module
 */
import type { RadamSchema } from '../../core/catalogue/rules/radam.js';
import type { Enclosure } from '../enclosure.js';
import { elementwiseRule } from '../elementwise.js';
import type { ElementwiseUpdate, StepContext } from '../rule.js';
import { coupledGradient, decidedSign, movingAverage } from './common.js';

interface Shared {
  readonly context: StepContext<RadamSchema>;
  readonly oneMinusBeta1: Enclosure;
  readonly oneMinusBeta2: Enclosure;
  readonly biasCorrection1: Enclosure;
  readonly biasCorrection2: Enclosure;
  /** r_t when the step is rectified. */
  readonly rectifier?: Enclosure;
}

const THRESHOLDS = { '>4': 4, '>5': 5, '>=5': 5 } as const;

/** RAdam's exact elementwise update. */
export const radamUpdate: ElementwiseUpdate<RadamSchema, Shared> = {
  name: 'radam',
  entries: ['radam'],
  initTensorSlots: () => ({}),
  prepare(a, context) {
    const { h, t, flags } = context;
    const one = a.point(1);
    const two = a.point(2);
    const oneMinusBeta2 = a.sub(one, h.beta2);
    const beta2Power = a.powInt(h.beta2, t);
    const biasCorrection2 = a.sub(one, beta2Power);
    const rhoInf = a.sub(a.div(two, oneMinusBeta2), one);
    const rho = a.sub(rhoInf, a.div(a.mul(a.point(2 * t), beta2Power), biasCorrection2));
    const threshold = a.point(THRESHOLDS[flags.threshold]);
    // ρ_t < ρ∞ (2 t β2^t / b2 > 0), so ρ∞ ≤ threshold never rectifies; deciding that first keeps
    // β2 = 0.6 (ρ∞ = 4 exactly) off ρ_t − 4 = −2 t 0.6^t / b2, which no precision separates from 0 at large t.
    const reachable = decidedSign(a, a.sub(rhoInf, threshold)) > 0;
    const margin = reachable ? decidedSign(a, a.sub(rho, threshold)) : -1;
    const rectified = margin > 0 || (margin === 0 && flags.threshold === '>=5');
    const shared = {
      context,
      oneMinusBeta1: a.sub(one, h.beta1),
      oneMinusBeta2,
      biasCorrection1: a.sub(one, a.powInt(h.beta1, t)),
      biasCorrection2,
    };
    if (!rectified) return shared;
    const four = a.point(4);
    const numerator = a.mul(a.mul(a.sub(rho, four), a.sub(rho, two)), rhoInf);
    const denominator = a.mul(a.mul(a.sub(rhoInf, four), a.sub(rhoInf, two)), rho);
    return { ...shared, rectifier: a.sqrt(a.div(numerator, denominator)) };
  },
  element(a, { param, grad, slots }, s) {
    const { h, flags } = s.context;
    const g = coupledGradient(a, grad, param, h);
    const m = movingAverage(a, h.beta1, slots.m, g, s.oneMinusBeta1);
    const v = movingAverage(a, h.beta2, slots.v, a.square(g), s.oneMinusBeta2);
    const mHat = a.div(m, s.biasCorrection1);
    if (s.rectifier === undefined) return { param: a.sub(param, a.mul(h.lr, mHat)), slots: { m, v } };
    const adaptive =
      flags.epsPlacement === 'before-correction'
        ? a.div(a.sqrt(s.biasCorrection2), a.add(a.sqrt(v), h.eps))
        : a.div(a.point(1), a.add(a.sqrt(a.add(a.div(v, s.biasCorrection2), h.epsRoot ?? a.point(0))), h.eps));
    return { param: a.sub(param, a.mul(a.mul(h.lr, s.rectifier), a.mul(mHat, adaptive))), slots: { m, v } };
  },
  nextTensorSlots: () => ({}),
};

/** RAdam as an oracle rule. */
export const radamOracle = elementwiseRule(radamUpdate);
