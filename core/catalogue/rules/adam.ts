/**
 * Adam (Kingma & Ba 2015, Algorithm 1), AMSGrad (Reddi et al. 2018) and AdamW (Loshchilov & Hutter
 * 2019), one family:
 *
 *   m ← β1 m + (1 − β1) g,   v ← β2 v + (1 − β2) g²,   AMSGrad: v̂max ← max(v̂max, v) replaces v below
 *   m̂ = m / (1 − β1^t),     v̂ = v / (1 − β2^t),       θ ← θ − α m̂ / (√v̂ + ε)
 *
 * The efficient form of section 2 (`form: 'efficient'`, Keras 3's): α_t = α √(1 − β2^t) / (1 − β1^t),
 * θ ← θ − α_t m / (√v + ε̂), which equals Algorithm 1 when ε̂ = ε √(1 − β2^t).
 * With `biasCorrection: 'running-product'` (TensorFlow.js), β1^t and β2^t are float32 state slots
 * `b1pow`, `b2pow`, starting at float32(β) and multiplied by β after each step; with 'none' (Reddi's
 * AMSGrad) there is no bias correction.
 * Weight decay λ: `coupled` (PyTorch's Adam: g ← g + λ θ), `decoupled` (AdamW in PyTorch:
 * θ ← θ (1 − α λ) before the step, torch/optim/adamw.py), `decoupled-before` (AdamW in Keras 3:
 * θ ← θ − (θ λ) α before the step, keras/src/optimizers/base_optimizer.py `_apply_weight_decay` in
 * the TensorFlow backend's order; the same exact value as `decoupled` for a finite θ, rounded
 * differently; λ = 0 skips it, as Lion's and LAMB's `before` do), or `decoupled-unscaled` (the AdamW
 * paper, Algorithm 2 with a schedule multiplier of 1: θ ← θ − α m̂ / (√v̂ + ε) − λ θ).
 *
 * @module
 */
import { defineEntry, optional, slot, type EntryDefinition, type FlagValuesOf, type SchemaOf } from '../define.js';
import { hyperparameters } from './common.js';

const adamHyperparameters = {
  lr: hyperparameters.learningRate,
  beta1: hyperparameters.decay('β1', 'exponential decay rate of the first moment'),
  beta2: hyperparameters.decay('β2', 'exponential decay rate of the second moment'),
  eps: hyperparameters.epsilon,
  weightDecay: optional(hyperparameters.weightDecay),
} as const;

const adamFlags = {
  form: {
    description: "'algorithm1': θ − α m̂/(√v̂ + ε); 'efficient': θ − α√(1−β2^t)/(1−β1^t) · m/(√v + ε)",
    values: ['algorithm1', 'efficient'],
  },
  biasCorrection: {
    description: "'exact-pow': β^t from t; 'running-product': β^t kept as a float32 state slot; 'none'",
    values: ['exact-pow', 'running-product', 'none'],
  },
  amsgrad: { description: 'divide by the running maximum of v (AMSGrad)', values: [false, true] },
  weightDecay: {
    description:
      "how λ enters: 'coupled', 'decoupled' (θ(1 − αλ)), 'decoupled-before' (θ − θλα first, Keras), 'decoupled-unscaled' (− λθ)",
    values: ['coupled', 'decoupled', 'decoupled-before', 'decoupled-unscaled'],
  },
} as const;

type AdamFlags = FlagValuesOf<typeof adamFlags>;
const running = (f: AdamFlags) => f.biasCorrection === 'running-product';

const adamSlots = {
  m: slot.signed(1),
  v: slot.nonnegative(2),
  vmax: { ...slot.nonnegative(2), when: (f: AdamFlags) => f.amsgrad },
  b1pow: { ...slot.runningProduct(), when: running },
  b2pow: { ...slot.runningProduct(), when: running },
} as const;

/** Adam's hyperparameters, flags and slots, shared by Adam, AMSGrad and AdamW. */
export type AdamSchema = SchemaOf<typeof adamHyperparameters, typeof adamFlags, typeof adamSlots>;

type AdamPresets = EntryDefinition<typeof adamHyperparameters, typeof adamFlags, typeof adamSlots>['presets'];

const family = (name: string, title: string, source: string, presets: AdamPresets) =>
  defineEntry({
    name,
    kind: 'elementwise-update',
    title,
    source,
    hyperparameters: adamHyperparameters,
    flags: adamFlags,
    slots: adamSlots,
    presets,
  });

const flags = (
  form: AdamFlags['form'],
  biasCorrection: AdamFlags['biasCorrection'],
  amsgrad: boolean,
  weightDecay: AdamFlags['weightDecay'] = 'coupled',
): AdamFlags => ({ form, biasCorrection, amsgrad, weightDecay });

export const adam = family('adam', 'Adam', 'Kingma & Ba 2015, arXiv:1412.6980, Algorithm 1 and section 2', {
  paper: {
    source: 'arXiv:1412.6980 Algorithm 1 (defaults α 0.001, β1 0.9, β2 0.999, ε 1e-8)',
    defaults: { lr: '0.001', beta1: '0.9', beta2: '0.999', eps: '1e-8' },
    flags: flags('algorithm1', 'exact-pow', false),
  },
  pytorch: {
    source: 'torch.optim.Adam documentation (algorithm box); torch/optim/adam.py',
    defaults: { lr: '0.001', beta1: '0.9', beta2: '0.999', eps: '1e-8', weightDecay: '0' },
    flags: flags('algorithm1', 'exact-pow', false),
  },
  keras: {
    source: 'keras/src/optimizers/adam.py (Keras 3)',
    defaults: { lr: '0.001', beta1: '0.9', beta2: '0.999', eps: '1e-7' },
    flags: flags('efficient', 'exact-pow', false),
  },
  tfjs: {
    source: 'tfjs-core/src/optimizers/adam_optimizer.ts (ε defaults to the backend epsilon, 1e-7)',
    defaults: { lr: '0.001', beta1: '0.9', beta2: '0.999', eps: '1e-7' },
    flags: flags('algorithm1', 'running-product', false),
  },
});

export const amsgrad = family(
  'amsgrad',
  'AMSGrad',
  'Reddi, Kale & Kumar 2018, "On the Convergence of Adam and Beyond", Algorithm 2',
  {
    paper: {
      source: 'Reddi et al. 2018, Algorithm 2 with constant β1 and α (no bias correction; ε 1e-8 added as in Adam)',
      defaults: { lr: '0.001', beta1: '0.9', beta2: '0.999', eps: '1e-8' },
      flags: flags('algorithm1', 'none', true),
    },
    pytorch: {
      source: 'torch/optim/adam.py with amsgrad=True (maximum of the raw v, divided by √(1 − β2^t))',
      defaults: { lr: '0.001', beta1: '0.9', beta2: '0.999', eps: '1e-8', weightDecay: '0' },
      flags: flags('algorithm1', 'exact-pow', true),
    },
    keras: {
      source: 'keras/src/optimizers/adam.py with amsgrad=True (maximum of the raw v, efficient form)',
      defaults: { lr: '0.001', beta1: '0.9', beta2: '0.999', eps: '1e-7' },
      flags: flags('efficient', 'exact-pow', true),
    },
  },
);

export const adamw = family(
  'adamw',
  'AdamW',
  'Loshchilov & Hutter 2019, "Decoupled Weight Decay Regularization", Algorithm 2',
  {
    paper: {
      source: "Loshchilov & Hutter 2019, Algorithm 2 with η_t = 1 (no default λ; 1e-5 used, PyTorch's α λ)",
      defaults: { lr: '0.001', beta1: '0.9', beta2: '0.999', eps: '1e-8', weightDecay: '0.00001' },
      flags: flags('algorithm1', 'exact-pow', false, 'decoupled-unscaled'),
    },
    pytorch: {
      source: 'torch/optim/adamw.py (λ 0.01)',
      defaults: { lr: '0.001', beta1: '0.9', beta2: '0.999', eps: '1e-8', weightDecay: '0.01' },
      flags: flags('algorithm1', 'exact-pow', false, 'decoupled'),
    },
    keras: {
      source:
        'keras/src/optimizers/adamw.py and base_optimizer.py _apply_weight_decay, the TensorFlow backend’s θ − θ·λ·α (λ 0.004)',
      defaults: { lr: '0.001', beta1: '0.9', beta2: '0.999', eps: '1e-7', weightDecay: '0.004' },
      flags: flags('efficient', 'exact-pow', false, 'decoupled-before'),
    },
  },
);
