/**
 * SGD in float32: θ' = θ − α · g', g' = g + λ θ under PyTorch's coupled weight decay.
 *
 * @module
 */
import { coupledGradient, hyperCoefficients } from './common.js';
import type { ProductionRule } from './rule.js';

export const sgd: ProductionRule = {
  name: 'sgd',
  initTensorSlots: () => ({}),
  coefficients: (s, config) => hyperCoefficients(s, config),
  step(A, { param, grad }, c, config) {
    return { param: A.sub(param, A.mul(c['lr']!, coupledGradient(A, grad, param, c, config))), slots: {} };
  },
};
