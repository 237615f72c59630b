/**
 * AdaDelta in float32 (Zeiler 2012, in PyTorch's order of operations): g' = g + λ θ (PyTorch),
 * E' = ρ E + (1 − ρ) g'², Δ = (√(E[Δ²] + ε) / √(E* + ε)) · g', E[Δ²]' = ρ E[Δ²] + (1 − ρ) Δ²,
 * θ' = θ − α Δ, with E* = E' (or E under tfjs's `previous`).
 *
 * @module
 */
import { coupledGradient, decayCoefficients, movingAverage } from './common.js';
import type { ProductionRule } from './rule.js';

export const adadelta: ProductionRule = {
  name: 'adadelta',
  initTensorSlots: () => ({}),
  coefficients: decayCoefficients,
  step(A, { param, grad, slots }, c, config) {
    const g = coupledGradient(A, grad, param, c, config);
    const gradSquared = movingAverage(A, c['rho']!, c['oneMinusRho']!, slots['gradSquared']!, A.square(g));
    const inDenominator = config.flags['denominator'] === 'previous' ? slots['gradSquared']! : gradSquared;
    const delta = A.mul(
      A.div(A.sqrt(A.add(slots['updateSquared']!, c['eps']!)), A.sqrt(A.add(inDenominator, c['eps']!))),
      g,
    );
    const updateSquared = movingAverage(A, c['rho']!, c['oneMinusRho']!, slots['updateSquared']!, A.square(delta));
    return { param: A.sub(param, A.mul(c['lr']!, delta)), slots: { gradSquared, updateSquared } };
  },
};
