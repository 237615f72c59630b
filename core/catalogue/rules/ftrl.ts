/**
 * FTRL-Proximal (McMahan et al. 2013, "Ad Click Prediction: a View from the Trenches", KDD,
 * Algorithm 1) and Keras 3's Ftrl (keras/src/optimizers/ftrl.py, update_step), per coordinate, with
 * the accumulator n and the linear term z as state and q(x) = x^(−p) for the learning-rate power p:
 *
 *   g' = g + 2 λs θ              (Keras's l2_shrinkage_regularization_strength λs; the paper has none)
 *   n' = n + g²                  (the raw gradient)
 *   σ = (q(n') − q(n)) / α,      z' = z + g' − σ θ
 *   θ' = (clip(z', −λ1, λ1) − z') / (q(n')/α + k λ2 + β/α)
 *      = 0 where |z'| ≤ λ1, else −(z' − sign(z') λ1) / ((β + q(n'))/α + k λ2)
 *
 * Keras's code has k = 2: its denominator is n'^(−p)/lr + 2 · l2_reg with l2_reg = λ2 + β/(2 lr),
 * while its docstring, like the paper, writes (β + √n)/α + λ2, k = 1. The flag `l2Scale` is this
 * k: `doubled` (what Keras computes) or `single` (the docstring and the paper). The paper's n starts
 * at 0 and its power is fixed at −0.5 (q = √); Keras's n starts at `initial_accumulator_value` 0.1.
 * The flag `learningRatePower` takes Keras's p = −0.5 (its default) or 0 (a fixed rate, q = 1);
 * other powers are not modelled: the oracle's decimal stage raises only exact points to real powers,
 * and n' is computed.
 *
 * @module
 */
import { defineEntry, optional, slot, type SchemaOf } from '../define.js';
import { hyperparameters } from './common.js';

const nonnegative = { min: '0' } as const;

const ftrlHyperparameters = {
  lr: hyperparameters.learningRate,
  initialAccumulator: { symbol: 'n₀', description: 'initial value of the accumulator n', domain: nonnegative },
  l1: { symbol: 'λ1', description: 'L1 strength: θ = 0 where |z| ≤ λ1', domain: nonnegative },
  l2: { symbol: 'λ2', description: 'L2 strength in the denominator (k λ2)', domain: nonnegative },
  l2Shrinkage: optional({
    symbol: 'λs',
    description: "Keras's shrinkage: the gradient becomes g + 2 λs θ in z (not in n)",
    domain: nonnegative,
  }),
  beta: { symbol: 'β', description: 'added to q(n) in the per-coordinate rate α / (β + q(n))', domain: nonnegative },
} as const;

const ftrlFlags = {
  learningRatePower: {
    description: "Keras's learning_rate_power p, q(n) = n^(−p): '-0.5' (√n, the paper's) or '0' (a fixed rate)",
    values: ['-0.5', '0'],
  },
  l2Scale: {
    description:
      "k in the denominator k λ2: 'doubled' (Keras's code, 2 · l2_reg) or 'single' (its docstring, the paper)",
    values: ['doubled', 'single'],
  },
} as const;

const ftrlSlots = {
  accumulator: { ...slot.nonnegative(2), initialFrom: 'initialAccumulator' },
  linear: slot.signed(1),
} as const;

/** FTRL's hyperparameters, its power and λ2 flags, and its accumulator n and linear term z. */
export type FtrlSchema = SchemaOf<typeof ftrlHyperparameters, typeof ftrlFlags, typeof ftrlSlots>;

/** FTRL-Proximal: θ' = (clip(z', −λ1, λ1) − z') / (q(n')/α + k λ2 + β/α). */
export const ftrl = defineEntry({
  name: 'ftrl',
  kind: 'elementwise-update',
  title: 'FTRL-Proximal',
  source: 'McMahan et al. 2013, "Ad Click Prediction: a View from the Trenches", KDD, Algorithm 1',
  hyperparameters: ftrlHyperparameters,
  flags: ftrlFlags,
  slots: ftrlSlots,
  presets: {
    paper: {
      source:
        'McMahan et al. 2013, Algorithm 1 (n from 0; β 1, which section 3.1 calls usually good enough; no default α, λ1, λ2: 0.1, 0, 0 used)',
      defaults: { lr: '0.1', initialAccumulator: '0', l1: '0', l2: '0', beta: '1' },
      flags: { learningRatePower: '-0.5', l2Scale: 'single' },
    },
    keras: {
      source: 'keras/src/optimizers/ftrl.py (Keras 3), update_step',
      defaults: { lr: '0.001', initialAccumulator: '0.1', l1: '0', l2: '0', l2Shrinkage: '0', beta: '0' },
      flags: { learningRatePower: '-0.5', l2Scale: 'doubled' },
    },
  },
});
