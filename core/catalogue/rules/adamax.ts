/**
 * AdaMax (Kingma & Ba 2015, section 7.1): m ← β1 m + (1 − β1) g, u ← max(β2 u, |g|),
 * θ ← θ − (α / (1 − β1^t)) m / u. Where ε goes: `none` (the paper), `in-max` (PyTorch:
 * u ← max(β2 u, |g| + ε)), `denominator` (Keras and tfjs: θ ← θ − α m / ((1 − β1^t)(u + ε))). tfjs also
 * decays α to α / (1 + decay · (t − 1)) and keeps β1^t as a float32 running product.
 *
 * @module
 */
import { defineEntry, optional, slot, type FlagValuesOf, type SchemaOf } from '../define.js';
import { hyperparameters } from './common.js';

const adamaxHyperparameters = {
  lr: hyperparameters.learningRate,
  beta1: hyperparameters.decay('β1', 'exponential decay rate of the first moment'),
  beta2: hyperparameters.decay('β2', 'decay of the infinity norm'),
  eps: optional(hyperparameters.epsilon),
  decay: optional({ symbol: 'η', description: 'α_t = α / (1 + η (t − 1)) (tfjs)', domain: { min: '0' } }),
  weightDecay: optional(hyperparameters.weightDecay),
} as const;

const adamaxFlags = {
  epsPlacement: {
    description: "'none', 'in-max' (PyTorch), 'denominator' (Keras, tfjs)",
    values: ['none', 'in-max', 'denominator'],
  },
  biasCorrection: {
    description: "'exact-pow' or 'running-product' (tfjs)",
    values: ['exact-pow', 'running-product'],
  },
} as const;

type AdamaxFlags = FlagValuesOf<typeof adamaxFlags>;

const adamaxSlots = {
  m: slot.signed(1),
  u: slot.nonnegative(1),
  b1pow: { ...slot.runningProduct(), when: (f: AdamaxFlags) => f.biasCorrection === 'running-product' },
} as const;

/** AdaMax's hyperparameters, flags and slots (m, u, and β1^t under tfjs). */
export type AdamaxSchema = SchemaOf<typeof adamaxHyperparameters, typeof adamaxFlags, typeof adamaxSlots>;

/** AdaMax: u ← max(β2 u, |g|), θ ← θ − (α / (1 − β1^t)) m / u. */
export const adamax = defineEntry({
  name: 'adamax',
  kind: 'elementwise-update',
  title: 'AdaMax',
  source: 'Kingma & Ba 2015, arXiv:1412.6980, section 7.1, Algorithm 2',
  hyperparameters: adamaxHyperparameters,
  flags: adamaxFlags,
  slots: adamaxSlots,
  presets: {
    paper: {
      source: 'arXiv:1412.6980, Algorithm 2 (α 0.002)',
      defaults: { lr: '0.002', beta1: '0.9', beta2: '0.999' },
      flags: { epsPlacement: 'none', biasCorrection: 'exact-pow' },
    },
    pytorch: {
      source: 'torch/optim/adamax.py',
      defaults: { lr: '0.002', beta1: '0.9', beta2: '0.999', eps: '1e-8', weightDecay: '0' },
      flags: { epsPlacement: 'in-max', biasCorrection: 'exact-pow' },
    },
    keras: {
      source: 'keras/src/optimizers/adamax.py',
      defaults: { lr: '0.001', beta1: '0.9', beta2: '0.999', eps: '1e-7' },
      flags: { epsPlacement: 'denominator', biasCorrection: 'exact-pow' },
    },
    tfjs: {
      source: 'tfjs-core/src/optimizers/adamax_optimizer.ts',
      defaults: { lr: '0.002', beta1: '0.9', beta2: '0.999', eps: '1e-7', decay: '0' },
      flags: { epsPlacement: 'denominator', biasCorrection: 'running-product' },
    },
  },
});
