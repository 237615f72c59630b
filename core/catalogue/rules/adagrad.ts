/**
 * Adagrad (Duchi, Hazan & Singer 2011; Ruder 2016, section 4.3):
 *
 *   G ← G + g²,   θ ← θ − α_t g / √(G + ε)   (ε inside: paper, Keras, tfjs)
 *                 θ ← θ − α_t g / (√G + ε)   (ε outside: PyTorch)
 *
 * with α_t = α / (1 + (t − 1) · lr_decay) and g ← g + λ θ under PyTorch; G starts at
 * `initialAccumulator` (0 in the paper and PyTorch, 0.1 in Keras and tfjs).
 *
 * @module
 */
import { defineEntry, optional, slot, type SchemaOf } from '../define.js';
import { hyperparameters } from './common.js';

const adagradHyperparameters = {
  lr: hyperparameters.learningRate,
  eps: hyperparameters.epsilon,
  initialAccumulator: { symbol: 'G₀', description: 'initial value of the accumulator G', domain: { min: '0' } },
  lrDecay: optional({ symbol: 'η', description: 'α_t = α / (1 + (t − 1) η)', domain: { min: '0' } }),
  weightDecay: optional(hyperparameters.weightDecay),
} as const;

const adagradFlags = {
  epsPlacement: {
    description: "ε under the square root ('inside') or after it ('outside')",
    values: ['inside', 'outside'],
  },
} as const;

const adagradSlots = { accumulator: { ...slot.nonnegative(2), initialFrom: 'initialAccumulator' } } as const;

/** Adagrad's hyperparameters, its ε flag and its accumulator G, which starts at G₀. */
export type AdagradSchema = SchemaOf<typeof adagradHyperparameters, typeof adagradFlags, typeof adagradSlots>;

/** Adagrad: G ← G + g², θ ← θ − α_t g / √(G + ε) (or / (√G + ε)). */
export const adagrad = defineEntry({
  name: 'adagrad',
  kind: 'elementwise-update',
  title: 'Adagrad',
  source: 'Duchi et al. 2011; Ruder 2016, section 4.3',
  hyperparameters: adagradHyperparameters,
  flags: adagradFlags,
  slots: adagradSlots,
  presets: {
    paper: {
      source: 'Ruder 2016, eq. for Adagrad (ε 1e-8, no default α; 0.01 used)',
      defaults: { lr: '0.01', eps: '1e-8', initialAccumulator: '0' },
      flags: { epsPlacement: 'inside' },
    },
    pytorch: {
      source: 'torch/optim/adagrad.py',
      defaults: { lr: '0.01', eps: '1e-10', initialAccumulator: '0', lrDecay: '0', weightDecay: '0' },
      flags: { epsPlacement: 'outside' },
    },
    keras: {
      source: 'keras/src/optimizers/adagrad.py',
      defaults: { lr: '0.001', eps: '1e-7', initialAccumulator: '0.1' },
      flags: { epsPlacement: 'inside' },
    },
    tfjs: {
      source:
        'tfjs-core/src/optimizers/adagrad_optimizer.ts (ε is the backend epsilon; learningRate required, 0.01 used)',
      defaults: { lr: '0.01', eps: '1e-7', initialAccumulator: '0.1' },
      flags: { epsPlacement: 'inside' },
    },
  },
});
