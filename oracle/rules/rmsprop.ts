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
import { elementwiseRule, type ElementwiseUpdate, type StepContext } from '../rule.js';
import { contextOnly, coupledGradient, movingAverage } from './common.js';

export const rmspropUpdate: ElementwiseUpdate<StepContext> = {
  name: 'rmsprop',
  entries: ['rmsprop', 'rmsprop-centered'],
  initTensorSlots: () => ({}),
  prepare: contextOnly,
  element(a, { param, grad, slots }, { h, flags }) {
    const rho = h['rho']!;
    const eps = h['eps']!;
    const lr = h['lr']!;
    const mu = h['momentum']!;
    const form = flags['form'];
    const g = coupledGradient(a, grad, param, h);
    const meanSquare = movingAverage(a, rho, slots['meanSquare']!, a.square(g));
    const next: Record<string, ReturnType<typeof a.point>> = { meanSquare, buffer: slots['buffer']! };
    let variance = meanSquare;
    if (flags['centered'] === true) {
      const meanGrad = movingAverage(a, rho, slots['meanGrad']!, g);
      next['meanGrad'] = meanGrad;
      variance = a.sub(meanSquare, a.square(meanGrad));
    }
    const d =
      form === 'pytorch'
        ? a.add(a.sqrt(variance), eps)
        : form === 'tfjs' && flags['centered'] === true
          ? a.sqrt(a.sub(variance, eps))
          : a.sqrt(a.add(variance, eps));
    const keepsBuffer = form === 'tfjs' || !a.isZero(mu);
    if (!keepsBuffer) return { param: a.sub(param, a.div(a.mul(lr, g), d)), slots: next };
    if (form === 'pytorch') {
      next['buffer'] = a.add(a.mul(mu, slots['buffer']!), a.div(g, d));
      return { param: a.sub(param, a.mul(lr, next['buffer'])), slots: next };
    }
    next['buffer'] = a.add(a.mul(mu, slots['buffer']!), a.div(a.mul(lr, g), d));
    return { param: a.sub(param, next['buffer']), slots: next };
  },
  nextTensorSlots: () => ({}),
};

export const rmspropOracle = elementwiseRule(rmspropUpdate);
