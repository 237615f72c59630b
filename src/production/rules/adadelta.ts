/**
 * AdaDelta in float32 (Zeiler 2012, Algorithm 1, in PyTorch's order of operations): g' = g + λ θ
 * (PyTorch), E' = ρ E + (1 − ρ) g'², Δ = (√(E[Δ²] + ε) / √(E* + ε)) · g',
 * E[Δ²]' = ρ E[Δ²] + (1 − ρ) Δ², θ' = θ − α Δ, with E* = E' (or E under tfjs's `previous`).
 *
 * @module
 */
import type { AdadeltaSchema } from '../../../core/catalogue/rules/adadelta.js';
import { coupledGradient, decayRate, movingAverage, weightDecayCoefficient, learningRate } from './common.js';
import type { ProductionRule } from './rule.js';

type Always = 'lr' | 'rho' | 'oneMinusRho' | 'eps';
type Sometimes = 'weightDecay';

/** AdaDelta's production step. */
export const adadelta: ProductionRule<AdadeltaSchema, Always, Sometimes> = {
  kind: 'elementwise',
  initTensorSlots: () => ({}),
  coefficients: (s, { hyper, schedule }, t) => ({
    lr: learningRate(s, hyper.lr, schedule, t),
    ...decayRate(s, hyper.rho),
    eps: s.hyper(hyper.eps),
    ...weightDecayCoefficient(s, hyper.weightDecay),
  }),
  step(A, { param, grad, slots }, c, { hyper, flags }) {
    const g = coupledGradient(A, grad, param, c.weightDecay, hyper.weightDecay);
    const gradSquared = movingAverage(A, c.rho, c.oneMinusRho, slots.gradSquared, A.square(g));
    const inDenominator = flags.denominator === 'previous' ? slots.gradSquared : gradSquared;
    const delta = A.mul(A.div(A.sqrt(A.add(slots.updateSquared, c.eps)), A.sqrt(A.add(inDenominator, c.eps))), g);
    const updateSquared = movingAverage(A, c.rho, c.oneMinusRho, slots.updateSquared, A.square(delta));
    return { param: A.sub(param, A.mul(c.lr, delta)), slots: { gradSquared, updateSquared } };
  },
};
