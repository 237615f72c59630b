/**
 * RMSProp, plain and centered, exact, in each framework's form (g' = g + λ θ under PyTorch):
 *
 *   v' = ρ v + (1 − ρ) g'²,   ḡ' = ρ ḡ + (1 − ρ) g'  (centered; else ḡ' = 0)
 *   pytorch: d = √(v' − ḡ'²) + ε;   μ > 0: b' = μ b + g'/d, θ' = θ − α b';  μ = 0: θ' = θ − α g'/d
 *   keras:   d = √(v' − ḡ'² + ε);   μ > 0: b' = μ b + α g/d, θ' = θ − b';   μ = 0: θ' = θ − α g/d
 *   tfjs:    d = √(v' − (ḡ'² + ε)) centered, √(v' + ε) plain;  b' = μ b + α g/d;  θ' = θ − b'
 *
 * Where a framework keeps no buffer (μ = 0), the slot is passed through unchanged.
 *
 * @module
 */
import type { RmspropSchema } from '../../core/catalogue/rules/rmsprop.js';
import type { SlotValues } from '../../core/catalogue/index.js';
import { required } from '../../core/required.js';
import type { Enclosure } from '../enclosure.js';
import { elementwiseRule } from '../elementwise.js';
import type { ElementwiseUpdate, StepContext } from '../rule.js';
import { contextOnly, coupledGradient, movingAverage } from './common.js';

/** The exact elementwise update of RMSProp, plain and centered, in the form the flag `form` names. */
export const rmspropUpdate: ElementwiseUpdate<RmspropSchema, StepContext<RmspropSchema>> = {
  name: 'rmsprop',
  entries: ['rmsprop', 'rmsprop-centered'],
  initTensorSlots: () => ({}),
  prepare: contextOnly,
  element(a, { param, grad, slots }, { h, flags }) {
    const { rho, eps, lr, momentum: mu } = h;
    const form = flags.form;
    const g = coupledGradient(a, grad, param, h);
    const meanSquare = movingAverage(a, rho, slots.meanSquare, a.square(g));
    let meanGrad: Enclosure | undefined;
    let variance = meanSquare;
    if (flags.centered) {
      meanGrad = movingAverage(a, rho, required(slots.meanGrad, 'meanGrad'), g);
      variance = a.sub(meanSquare, a.square(meanGrad));
    }
    const next = (buffer: Enclosure): SlotValues<RmspropSchema, Enclosure> =>
      meanGrad === undefined ? { meanSquare, buffer } : { meanSquare, meanGrad, buffer };
    const d =
      form === 'pytorch'
        ? a.add(a.sqrt(variance), eps)
        : form === 'tfjs' && flags.centered
          ? a.sqrt(a.sub(variance, eps))
          : a.sqrt(a.add(variance, eps));
    const keepsBuffer = form === 'tfjs' || !a.isZero(mu);
    if (!keepsBuffer) return { param: a.sub(param, a.div(a.mul(lr, g), d)), slots: next(slots.buffer) };
    if (form === 'pytorch') {
      const buffer = a.add(a.mul(mu, slots.buffer), a.div(g, d));
      return { param: a.sub(param, a.mul(lr, buffer)), slots: next(buffer) };
    }
    const buffer = a.add(a.mul(mu, slots.buffer), a.div(a.mul(lr, g), d));
    return { param: a.sub(param, buffer), slots: next(buffer) };
  },
  nextTensorSlots: () => ({}),
};

/** RMSProp, plain and centered, as an oracle rule. */
export const rmspropOracle = elementwiseRule(rmspropUpdate);
