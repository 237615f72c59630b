/**
 * SGD in float32: θ' = θ − α · g', g' = g + λ θ under PyTorch's coupled weight decay (Robbins & Monro
 * 1951; Ruder 2016, section 2.1).
 *
 * @module
 */
import type { SgdSchema } from '../../../core/catalogue/rules/sgd.js';
import { coupledGradient, weightDecayCoefficient, learningRate } from './common.js';
import type { ProductionRule } from './rule.js';

type Always = 'lr';
type Sometimes = 'weightDecay';

/** SGD's production step: α and λ rounded once to float32, then θ − α · g'. */
export const sgd: ProductionRule<SgdSchema, Always, Sometimes> = {
  kind: 'elementwise',
  initTensorSlots: () => ({}),
  coefficients: (s, { hyper, schedule }, t) => ({
    lr: learningRate(s, hyper.lr, schedule, t),
    ...weightDecayCoefficient(s, hyper.weightDecay),
  }),
  step(A, { param, grad }, c, { hyper }) {
    const g = coupledGradient(A, grad, param, c.weightDecay, hyper.weightDecay);
    return { param: A.sub(param, A.mul(c.lr, g)), slots: {} };
  },
};
