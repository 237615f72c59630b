/**
 * Adam (Kingma & Ba, "Adam: A Method for Stochastic Optimization", ICLR 2015, Algorithm 1):
 *
 *   m ← β1 m + (1 − β1) g,   v ← β2 v + (1 − β2) g²,
 *   m̂ = m / (1 − β1^t),     v̂ = v / (1 − β2^t),     θ ← θ − α m̂ / (√v̂ + ε).
 *
 * The efficient form of section 2 (`form: 'efficient'`, Keras 3's): α_t = α √(1 − β2^t) / (1 − β1^t),
 * θ ← θ − α_t m / (√v + ε̂), which equals Algorithm 1 when ε̂ = ε √(1 − β2^t).
 * With `biasCorrection: 'running-product'` (TensorFlow.js), β1^t and β2^t are float32 state slots
 * `b1pow`, `b2pow`, starting at float32(β) and multiplied by β after each step.
 *
 * @module
 */
import type { CatalogueEntry } from '../types.js';
import { hyperparameters } from './common.js';

export const adam: CatalogueEntry = {
  name: 'adam',
  kind: 'update-rule',
  title: 'Adam',
  source: 'Kingma & Ba 2015, arXiv:1412.6980, Algorithm 1 and section 2',
  hyperparameters: {
    lr: hyperparameters.learningRate,
    beta1: hyperparameters.decay('β1', 'exponential decay rate of the first moment'),
    beta2: hyperparameters.decay('β2', 'exponential decay rate of the second moment'),
    eps: hyperparameters.epsilon,
  },
  flags: {
    form: {
      description: "'algorithm1': θ − α m̂/(√v̂ + ε); 'efficient': θ − α√(1−β2^t)/(1−β1^t) · m/(√v + ε)",
      values: ['algorithm1', 'efficient'],
    },
    biasCorrection: {
      description: "'exact-pow': β^t from t; 'running-product': β^t kept as a float32 state slot",
      values: ['exact-pow', 'running-product'],
    },
  },
  presets: {
    paper: {
      source: 'arXiv:1412.6980 Algorithm 1 (defaults α 0.001, β1 0.9, β2 0.999, ε 1e-8)',
      defaults: { lr: '0.001', beta1: '0.9', beta2: '0.999', eps: '1e-8' },
      flags: { form: 'algorithm1', biasCorrection: 'exact-pow' },
    },
    pytorch: {
      source: 'torch.optim.Adam documentation (algorithm box); torch/optim/adam.py',
      defaults: { lr: '0.001', beta1: '0.9', beta2: '0.999', eps: '1e-8' },
      flags: { form: 'algorithm1', biasCorrection: 'exact-pow' },
    },
    keras: {
      source: 'keras/src/optimizers/adam.py (Keras 3)',
      defaults: { lr: '0.001', beta1: '0.9', beta2: '0.999', eps: '1e-7' },
      flags: { form: 'efficient', biasCorrection: 'exact-pow' },
    },
    tfjs: {
      source: 'tfjs-core/src/optimizers/adam_optimizer.ts (ε defaults to the backend epsilon, 1e-7)',
      defaults: { lr: '0.001', beta1: '0.9', beta2: '0.999', eps: '1e-7' },
      flags: { form: 'algorithm1', biasCorrection: 'running-product' },
    },
  },
  state: (flags) => {
    const running = flags['biasCorrection'] === 'running-product';
    return {
      element: ['m', 'v'],
      tensor: running ? ['b1pow', 'b2pow'] : [],
      nonnegative: ['v'],
      unitInterval: running ? ['b1pow', 'b2pow'] : [],
    };
  },
};
