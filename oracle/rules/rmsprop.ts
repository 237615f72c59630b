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
import type { Arithmetic, Enclosure } from '../enclosure.js';
import { elementwiseRule } from '../elementwise.js';
import type { ElementwiseUpdate } from '../rule.js';
import { coupledGradient, decayContext, movingAverage, type DecayContext } from './common.js';

/**
 * v' − ḡ'² in a form without cancellation: with v' = ρ v + (1 − ρ) g² and ḡ' = ρ ḡ + (1 − ρ) g,
 * v' − ḡ'² = ρ (v − ḡ²) + ρ (1 − ρ) (g − ḡ)², exactly (expand both sides). Evaluated as written,
 * v' − ḡ'² subtracts two nearly equal numbers when ρ is tiny or g ≈ ḡ, and no enclosure narrower than
 * their rounding decides its sign. An exact zero comes out +0 in both forms (x − x is +0; here each
 * term is a product of nonnegative factors, or 0 times a difference, and −0 + +0 is +0).
 */
function centeredVariance(
  a: Arithmetic,
  rho: Enclosure,
  oneMinusRho: Enclosure,
  meanSquare: Enclosure,
  meanGrad: Enclosure,
  g: Enclosure,
): Enclosure {
  const spread = a.sub(meanSquare, a.square(meanGrad));
  return a.add(a.mul(rho, spread), a.mul(a.mul(rho, oneMinusRho), a.square(a.sub(g, meanGrad))));
}

/** The exact elementwise update of RMSProp, plain and centered, in the form the flag `form` names. */
export const rmspropUpdate: ElementwiseUpdate<RmspropSchema, DecayContext<RmspropSchema>> = {
  name: 'rmsprop',
  entries: ['rmsprop', 'rmsprop-centered'],
  initTensorSlots: () => ({}),
  prepare: decayContext,
  element(a, { param, grad, slots }, { context: { h, flags }, oneMinusRho }) {
    const { rho, eps, lr, momentum: mu } = h;
    const form = flags.form;
    const g = coupledGradient(a, grad, param, h);
    const meanSquare = movingAverage(a, rho, slots.meanSquare, a.square(g), oneMinusRho);
    let meanGrad: Enclosure | undefined;
    let variance = meanSquare;
    if (flags.centered) {
      const previousMean = required(slots.meanGrad, 'meanGrad');
      meanGrad = movingAverage(a, rho, previousMean, g, oneMinusRho);
      variance = centeredVariance(a, rho, oneMinusRho, slots.meanSquare, previousMean, g);
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
