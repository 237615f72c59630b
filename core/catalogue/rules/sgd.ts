/**
 * Stochastic gradient descent (Robbins & Monro 1951; the survey, section 2): θ ← θ − α g, with
 * PyTorch's coupled weight decay g ← g + λ θ.
 *
 * @module
 */
import type { CatalogueEntry } from '../types.js';
import { elementSlots, hyperparameters } from './common.js';

export const sgd: CatalogueEntry = {
  name: 'sgd',
  kind: 'update-rule',
  title: 'SGD',
  source: 'Ruder 2016, section 2.1; arXiv:1712.04711',
  hyperparameters: { lr: hyperparameters.learningRate, weightDecay: hyperparameters.weightDecay },
  flags: {},
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
  state: () => elementSlots([]),
};
