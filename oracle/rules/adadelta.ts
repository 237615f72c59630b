/**
 * AdaDelta, exact (Zeiler 2012, Algorithm 1): with g' = g + λ θ (PyTorch),
 * E[g²]' = ρ E[g²] + (1 − ρ) g'², Δ = √((E[Δ²] + ε) / (E[g²]* + ε)) · g', E[Δ²]' = ρ E[Δ²] + (1 − ρ) Δ²,
 * θ' = θ − α Δ, where E[g²]* is the updated average (`current`) or the previous one (tfjs).
 *
 * @module
 */
import { elementwiseRule, type ElementwiseUpdate, type StepContext } from '../rule.js';
import { contextOnly, coupledGradient, movingAverage } from './common.js';

export const adadeltaUpdate: ElementwiseUpdate<StepContext> = {
  name: 'adadelta',
  entries: ['adadelta'],
  initTensorSlots: () => ({}),
  prepare: contextOnly,
  element(a, { param, grad, slots }, { h, flags }) {
    const rho = h['rho']!;
    const eps = h['eps']!;
    const g = coupledGradient(a, grad, param, h);
    const gradSquared = movingAverage(a, rho, slots['gradSquared']!, a.square(g));
    const inDenominator = flags['denominator'] === 'previous' ? slots['gradSquared']! : gradSquared;
    // √(E[Δ²] + ε) / √(E[g²] + ε) evaluated as one square root of the ratio, so that equal averages give
    // exactly 1 (tfjs's convention keeps them equal at every step; see docs/conventions.md).
    const delta = a.mul(a.sqrt(a.div(a.add(slots['updateSquared']!, eps), a.add(inDenominator, eps))), g);
    const updateSquared = movingAverage(a, rho, slots['updateSquared']!, a.square(delta));
    return { param: a.sub(param, a.mul(h['lr']!, delta)), slots: { gradSquared, updateSquared } };
  },
  nextTensorSlots: () => ({}),
};

export const adadeltaOracle = elementwiseRule(adadeltaUpdate);
