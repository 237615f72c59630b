/**
 * AdaDelta, exact (Zeiler 2012, Algorithm 1): with g' = g + λ θ (PyTorch),
 * E[g²]' = ρ E[g²] + (1 − ρ) g'², Δ = √((E[Δ²] + ε) / (E[g²]* + ε)) · g', E[Δ²]' = ρ E[Δ²] + (1 − ρ) Δ²,
 * θ' = θ − α Δ, where E[g²]* is the updated average (`current`) or the previous one (tfjs).
 *
 * @module
 */
import type { AdadeltaSchema } from '../../core/catalogue/rules/adadelta.js';
import { elementwiseRule } from '../elementwise.js';
import type { ElementwiseUpdate } from '../rule.js';
import { coupledGradient, decayContext, movingAverage, type DecayContext } from './common.js';

/** AdaDelta's exact elementwise update. */
export const adadeltaUpdate: ElementwiseUpdate<AdadeltaSchema, DecayContext<AdadeltaSchema>> = {
  name: 'adadelta',
  entries: ['adadelta'],
  initTensorSlots: () => ({}),
  prepare: decayContext,
  element(a, { param, grad, slots }, { context: { h, flags }, oneMinusRho }) {
    const g = coupledGradient(a, grad, param, h);
    const gradSquared = movingAverage(a, h.rho, slots.gradSquared, a.square(g), oneMinusRho);
    const inDenominator = flags.denominator === 'previous' ? slots.gradSquared : gradSquared;
    // √(E[Δ²] + ε) / √(E[g²] + ε) evaluated as one square root of the ratio, so that equal averages give
    // exactly 1 (tfjs's convention keeps them equal at every step; see docs/conventions.md).
    const delta = a.mul(a.sqrt(a.div(a.add(slots.updateSquared, h.eps), a.add(inDenominator, h.eps))), g);
    const updateSquared = movingAverage(a, h.rho, slots.updateSquared, a.square(delta), oneMinusRho);
    return { param: a.sub(param, a.mul(h.lr, delta)), slots: { gradSquared, updateSquared } };
  },
  nextTensorSlots: () => ({}),
};

/** AdaDelta as an oracle rule. */
export const adadeltaOracle = elementwiseRule(adadeltaUpdate);
