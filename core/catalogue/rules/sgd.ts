/**
 * Stochastic gradient descent (Robbins & Monro 1951; the survey, section 2): θ ← θ − α g, with
 * PyTorch's coupled weight decay g ← g + λ θ.
 *
 * @module
 */
import { defineEntry, optional, type SchemaOf } from '../define.js';
import { hyperparameters } from './common.js';

const sgdHyperparameters = {
  lr: hyperparameters.learningRate,
  weightDecay: optional(hyperparameters.weightDecay),
} as const;
const sgdFlags = {} as const;
const sgdSlots = {} as const;

/** SGD's hyperparameters (α, and λ under PyTorch); no flags, no state. */
export type SgdSchema = SchemaOf<typeof sgdHyperparameters, typeof sgdFlags, typeof sgdSlots>;

/** SGD: θ ← θ − α (g + λ θ). */
export const sgd = defineEntry({
  name: 'sgd',
  kind: 'elementwise-update',
  title: 'SGD',
  source: 'Ruder 2016, section 2.1; arXiv:1712.04711',
  hyperparameters: sgdHyperparameters,
  flags: sgdFlags,
  slots: sgdSlots,
  presets: {
    paper: { source: 'Ruder 2016, eq. 1 (no default α; 0.01 used)', defaults: { lr: '0.01' }, flags: {} },
    pytorch: {
      source: 'torch/optim/sgd.py (lr 1e-3 since 2.0; required in 1.13)',
      defaults: { lr: '0.001', weightDecay: '0' },
      flags: {},
    },
    keras: { source: 'keras/src/optimizers/sgd.py', defaults: { lr: '0.01' }, flags: {} },
    tfjs: {
      source: 'tfjs-core/src/optimizers/sgd_optimizer.ts (learningRate required; 0.01 used)',
      defaults: { lr: '0.01' },
      flags: {},
    },
  },
});
