/**
 * RMSProp, plain and centered, in float32, each framework's form (the catalogue entry gives the
 * formulas). Where a framework keeps no buffer (μ = 0 in PyTorch and Keras) the slot passes through.
 *
 * @module
 */
import { coupledGradient, decayCoefficients, movingAverage } from './common.js';
import type { ProductionRule } from './rule.js';

export const rmsprop: ProductionRule = {
  name: 'rmsprop',
  initTensorSlots: () => ({}),
  coefficients: decayCoefficients,
  step(A, { param, grad, slots }, c, config) {
    const form = config.flags['form'];
    const centered = config.flags['centered'] === true;
    const g = coupledGradient(A, grad, param, c, config);
    const meanSquare = movingAverage(A, c['rho']!, c['oneMinusRho']!, slots['meanSquare']!, A.square(g));
    const next: Record<string, typeof meanSquare> = { meanSquare, buffer: slots['buffer']! };
    let variance = meanSquare;
    if (centered) {
      const meanGrad = movingAverage(A, c['rho']!, c['oneMinusRho']!, slots['meanGrad']!, g);
      next['meanGrad'] = meanGrad;
      variance = A.sub(meanSquare, A.square(meanGrad));
    }
    const d =
      form === 'pytorch'
        ? A.add(A.sqrt(variance), c['eps']!)
        : form === 'tfjs' && centered
          ? A.sqrt(A.sub(variance, c['eps']!))
          : A.sqrt(A.add(variance, c['eps']!));
    if (form !== 'tfjs' && Number(config.hyper['momentum']) === 0)
      return { param: A.sub(param, A.div(A.mul(c['lr']!, g), d)), slots: next };
    if (form === 'pytorch') {
      next['buffer'] = A.add(A.mul(c['momentum']!, slots['buffer']!), A.div(g, d));
      return { param: A.sub(param, A.mul(c['lr']!, next['buffer'])), slots: next };
    }
    next['buffer'] = A.add(A.mul(c['momentum']!, slots['buffer']!), A.div(A.mul(c['lr']!, g), d));
    return { param: A.sub(param, next['buffer']), slots: next };
  },
};
