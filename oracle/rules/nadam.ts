/**
 * Nadam, exact (Dozat 2016), with g' = g + λ θ (PyTorch), m' = β1 m + (1 − β1) g',
 * v' = β2 v + (1 − β2) g'², b1 = 1 − β1^t, b2 = 1 − β2^t:
 *
 *   none:    θ' = θ − α / (√(v'/b2) + ε) · (β1 m'/b1 + (1 − β1) g' / b1)
 *   pytorch: μ_t = β1 (1 − ½ 0.96^(t ψ)), P_t = P μ_t (P the float32 slot), d = √(v'/b2) + ε,
 *            θ' = θ − α (1 − μ_t) / (1 − P_t) · g'/d − α μ_{t+1} / (1 − P_t μ_{t+1}) · m'/d
 *   keras:   u_t = β1 (1 − ½ 0.96^t), P_t = P u_t,
 *            θ' = θ − α (u_{t+1} m' / (1 − P_t u_{t+1}) + (1 − u_t) g / (1 − P_t)) / (√(v'/b2) + ε)
 *
 * and the slot's next value is float32(P_t).
 *
 * @module
 */
import type { NadamSchema } from '../../core/catalogue/rules/nadam.js';
import { required } from '../../core/required.js';
import type { Enclosure } from '../enclosure.js';
import { elementwiseRule } from '../elementwise.js';
import type { ElementwiseUpdate, StepContext, TensorEnclosures } from '../rule.js';
import { coupledGradient, movingAverage } from './common.js';

interface Shared {
  readonly context: StepContext<NadamSchema>;
  readonly biasCorrection1: Enclosure;
  readonly biasCorrection2: Enclosure;
  /**
   * 1 − β1 and 1 − β2, prepared once: in binary64 a β2 such as 0.9999999999998863, which no double
   * holds, leaves 1 − β2 known to 10^−3 of itself when each element computes it from β2's enclosure.
   */
  readonly oneMinusBeta1: Enclosure;
  readonly oneMinusBeta2: Enclosure;
  /** Coefficients of g and m' in the step: θ' = θ − (cg g + cm m') / d. */
  readonly gradCoefficient: Enclosure;
  readonly momentCoefficient: Enclosure;
  /** P_t, under a momentum schedule. */
  readonly product?: Enclosure;
}

/** Nadam's exact elementwise update, with the momentum schedule the flag `schedule` names. */
export const nadamUpdate: ElementwiseUpdate<NadamSchema, Shared> = {
  name: 'nadam',
  entries: ['nadam'],
  initTensorSlots(a, { flags }): TensorEnclosures<NadamSchema> {
    return flags.schedule === 'none' ? {} : { muProduct: a.point(1) };
  },
  prepare(a, context) {
    const { h, tensor, t, flags } = context;
    const one = a.point(1);
    const half = a.point('0.5');
    const beta1 = h.beta1;
    const lr = h.lr;
    const biasCorrection1 = a.sub(one, a.powInt(beta1, t));
    const biasCorrection2 = a.sub(one, a.powInt(h.beta2, t));
    const oneMinusBeta1 = a.sub(one, beta1);
    const oneMinusBeta2 = a.sub(one, h.beta2);
    const schedule = flags.schedule;
    if (schedule === 'none') {
      return {
        context,
        biasCorrection1,
        biasCorrection2,
        oneMinusBeta1,
        oneMinusBeta2,
        gradCoefficient: a.div(a.mul(lr, oneMinusBeta1), biasCorrection1),
        momentCoefficient: a.div(a.mul(lr, beta1), biasCorrection1),
      };
    }
    const decay = a.point('0.96');
    const decayPower = (k: number) =>
      schedule === 'pytorch'
        ? a.powReal(decay, a.mul(a.point(k), required(h.momentumDecay, 'momentumDecay')))
        : a.powInt(decay, k);
    const mu = (power: Enclosure) => a.mul(beta1, a.sub(one, a.mul(half, power)));
    const powerT = decayPower(t);
    const muT = mu(powerT);
    // Keras: 0.96^(t+1) = 0.96^t · 0.96, one product instead of a second power.
    const muNext = mu(schedule === 'pytorch' ? decayPower(t + 1) : a.mul(powerT, decay));
    const product = a.mul(required(tensor.muProduct, 'muProduct'), muT);
    // PyTorch 1.13 multiplies μ_t in twice: mu_product_next = mu_product * mu * mu_next after mu_product *= mu.
    const productNext =
      flags.productNext === 'torch-1.13' ? a.mul(a.mul(product, muT), muNext) : a.mul(product, muNext);
    return {
      context,
      biasCorrection1,
      biasCorrection2,
      oneMinusBeta1,
      oneMinusBeta2,
      gradCoefficient: a.div(a.mul(lr, a.sub(one, muT)), a.sub(one, product)),
      momentCoefficient: a.div(a.mul(lr, muNext), a.sub(one, productNext)),
      product,
    };
  },
  element(a, { param, grad, slots }, s) {
    const { h } = s.context;
    const g = coupledGradient(a, grad, param, h);
    const m = movingAverage(a, h.beta1, slots.m, g, s.oneMinusBeta1);
    const v = movingAverage(a, h.beta2, slots.v, a.square(g), s.oneMinusBeta2);
    const d = a.add(a.sqrt(a.div(v, s.biasCorrection2)), h.eps);
    const numerator = a.add(a.mul(s.gradCoefficient, g), a.mul(s.momentCoefficient, m));
    return { param: a.sub(param, a.div(numerator, d)), slots: { m, v } };
  },
  nextTensorSlots(_a, s): TensorEnclosures<NadamSchema> {
    return s.product === undefined ? {} : { muProduct: s.product };
  },
};

/** Nadam as an oracle rule. */
export const nadamOracle = elementwiseRule(nadamUpdate);
