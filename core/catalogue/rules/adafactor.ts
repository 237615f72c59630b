/**
 * Adafactor (Shazeer & Stern 2018, "Adafactor: Adaptive Learning Rates with Sublinear Memory Cost",
 * arXiv:1804.04235, Algorithms 4 and 5, without momentum), per parameter tensor X of shape n × m:
 *
 *   β̂2_t = 1 − t^(−c),   G2 = G² + ε1
 *   matrix:  R ← β̂2_t R + (1 − β̂2_t) rowmean(G2),   C ← β̂2_t C + (1 − β̂2_t) colmean(G2),
 *            V̂ = R Cᵀ / mean(R)   (the paper's R C / (1ᵀR) with sums: the same V̂)
 *   vector:  V ← β̂2_t V + (1 − β̂2_t) G2,  V̂ = V
 *   U = G / √V̂,   Û = U / max(1, RMS(U) / d)
 *   relative step (paper, Keras):  X ← X − max(ε2, RMS(X)) · min(α, 1/√t) · Û
 *   parameter scale (optax):       X ← X − max(RMS(X), ε2) · Û
 *
 * with RMS(x) = √(mean(x²)) over the whole tensor. The flag `factoring` says which tensors are
 * factored and which statistic is normalised: `last-two` (Keras: every matrix, the row statistic R
 * divided by its mean) or `two-largest` (optax: a matrix whose smaller dimension is at least
 * `minDimSizeToFactor`, the statistic averaged over the larger dimension normalised). The flag `stepSize` is
 * the step: `relative` or `parameter-scale` as above. Vectors keep the full V (Keras keeps scalar
 * row and column placeholders for them, optax (1,) ones); a matrix under Keras keeps R, C and V (V
 * overwritten with V̂), under optax R and C (its V, a (1,) placeholder, passes through here).
 *
 * @module
 */
import { defineEntry, optional, slot, type SchemaOf } from '../define.js';
import { hyperparameters } from './common.js';

const adafactorHyperparameters = {
  lr: optional({
    ...hyperparameters.learningRate,
    description: 'learning rate α: the relative step is min(α, 1/√t) (paper, Keras; optax takes none)',
  }),
  decayRate: {
    symbol: 'c',
    description: 'the exponent of β̂2_t = 1 − t^(−c) (Keras beta_2_decay = −c, optax decay_rate = c)',
    domain: { min: '0', max: '1', maxOpen: true },
  },
  eps1: { symbol: 'ε1', description: 'added to g² (epsilon_1, optax eps)', domain: { min: '0' } },
  eps2: { symbol: 'ε2', description: 'the least parameter scale max(ε2, RMS(θ))', domain: { min: '0' } },
  clipThreshold: {
    symbol: 'd',
    description: 'clipping threshold: Û = U / max(1, RMS(U) / d)',
    domain: { min: '0', minOpen: true },
  },
  minDimSizeToFactor: optional({
    symbol: 'k',
    description: 'optax: factor a matrix only when its smaller dimension is at least k',
    domain: { min: '0', integer: true },
  }),
} as const;

const adafactorFlags = {
  factoring: {
    description:
      "'last-two': every matrix factored, R normalised (Keras); 'two-largest': only when min(rows, cols) ≥ k, the mean over the larger dimension normalised (optax)",
    values: ['last-two', 'two-largest'],
  },
  stepSize: {
    description:
      "'relative': max(ε2, RMS(θ)) · min(α, 1/√t) (paper, Keras); 'parameter-scale': max(RMS(θ), ε2) (optax)",
    values: ['relative', 'parameter-scale'],
  },
} as const;

const adafactorSlots = { r: slot.rowMoment(), c: slot.columnMoment(), v: slot.nonnegative(2) } as const;

/** Adafactor's hyperparameters, flags and slots (row and column statistics r, c; the full v). */
export type AdafactorSchema = SchemaOf<typeof adafactorHyperparameters, typeof adafactorFlags, typeof adafactorSlots>;

/** Adafactor: factored second moments for matrices, a relative or parameter-scaled step, update clipping. */
export const adafactor = defineEntry({
  name: 'adafactor',
  kind: 'elementwise-update',
  title: 'Adafactor',
  source:
    'Shazeer & Stern 2018, "Adafactor: Adaptive Learning Rates with Sublinear Memory Cost", arXiv:1804.04235, Algorithms 4 and 5',
  hyperparameters: adafactorHyperparameters,
  flags: adafactorFlags,
  slots: adafactorSlots,
  presets: {
    paper: {
      source:
        'arXiv:1804.04235 Algorithms 4 and 5 (β̂2_t = 1 − t^−0.8, ρ_t = min(10^−2, 1/√t), ε1 10^−30, ε2 10^−3, d 1)',
      defaults: { lr: '0.01', decayRate: '0.8', eps1: '1e-30', eps2: '0.001', clipThreshold: '1' },
      flags: { factoring: 'last-two', stepSize: 'relative' },
    },
    keras: {
      source: 'keras/src/optimizers/adafactor.py build and update_step (Keras 3)',
      defaults: { lr: '0.001', decayRate: '0.8', eps1: '1e-30', eps2: '0.001', clipThreshold: '1' },
      flags: { factoring: 'last-two', stepSize: 'relative' },
    },
    optax: {
      source: 'optax/_src/alias.py adafactor, factorized.py scale_by_factored_rms (learning_rate None)',
      defaults: { decayRate: '0.8', eps1: '1e-30', eps2: '0.001', clipThreshold: '1', minDimSizeToFactor: '128' },
      flags: { factoring: 'two-largest', stepSize: 'parameter-scale' },
    },
  },
});
