/**
 * RMSProp (Hinton, Lecture 6e; Ruder 2016, section 4.5) and its centered variant (Graves 2013,
 * eq. 38–41):
 *
 *   v ← ρ v + (1 − ρ) g²;  centered: ḡ ← ρ ḡ + (1 − ρ) g
 *   pytorch: d = √(v − ḡ²) + ε (ε outside);  μ > 0: b ← μ b + g/d, θ ← θ − α b;  else θ ← θ − α g/d
 *   keras:   d = √(v − ḡ² + ε) (ε inside);   μ > 0: b ← μ b + α g/d, θ ← θ − b;  else θ ← θ − α g/d
 *   tfjs:    d = √(v − (ḡ² + ε)) centered (ε subtracted), √(v + ε) plain;  b ← μ b + α g/d always
 *
 * (ḡ = 0 when not centered). g ← g + λ θ under PyTorch.
 *
 * @module
 */
import { defineEntry, optional, slot, type EntryDefinition, type FlagValuesOf, type SchemaOf } from '../define.js';
import { hyperparameters } from './common.js';

const rmspropHyperparameters = {
  lr: hyperparameters.learningRate,
  rho: hyperparameters.decay('ρ', 'decay rate of the mean square (PyTorch calls it alpha)'),
  momentum: hyperparameters.momentum,
  eps: hyperparameters.epsilon,
  weightDecay: optional(hyperparameters.weightDecay),
} as const;

const rmspropFlags = {
  form: {
    description:
      'pytorch: ε outside, α outside the buffer; keras: ε inside, α inside; tfjs: as keras, ε subtracted when centered, buffer always',
    values: ['pytorch', 'keras', 'tfjs'],
    defects: [
      {
        value: 'tfjs',
        when: { centered: true },
        finding: "tfjs's centered RMSProp subtracts ε under the root, √(v − (ḡ² + ε)), where Graves (2013) adds it",
      },
    ],
  },
  centered: {
    description: 'divide by an estimate of the variance instead of the raw second moment',
    values: [false, true],
  },
} as const;

type RmspropFlags = FlagValuesOf<typeof rmspropFlags>;

const rmspropSlots = {
  meanSquare: slot.nonnegative(2),
  meanGrad: { ...slot.signed(1), when: (f: RmspropFlags) => f.centered },
  buffer: slot.signed(1),
} as const;

/** RMSProp's hyperparameters, flags and slots, shared by the plain and the centered entry. */
export type RmspropSchema = SchemaOf<typeof rmspropHyperparameters, typeof rmspropFlags, typeof rmspropSlots>;

type RmspropPresets = EntryDefinition<
  typeof rmspropHyperparameters,
  typeof rmspropFlags,
  typeof rmspropSlots
>['presets'];

const entry = (name: string, title: string, centered: boolean, presets: RmspropPresets) =>
  defineEntry({
    name,
    kind: 'elementwise-update',
    title,
    source: centered
      ? 'Graves 2013, arXiv:1308.0850, eq. 38–41'
      : 'Hinton, Neural Networks for Machine Learning, lecture 6e; Ruder 2016, section 4.5',
    hyperparameters: rmspropHyperparameters,
    flags: rmspropFlags,
    slots: rmspropSlots,
    presets,
  });

const frameworks = (centered: boolean) =>
  ({
    pytorch: {
      source: 'torch/optim/rmsprop.py (alpha 0.99)',
      defaults: { lr: '0.01', rho: '0.99', momentum: '0', eps: '1e-8', weightDecay: '0' },
      flags: { form: 'pytorch', centered },
    },
    keras: {
      source: 'keras/src/optimizers/rmsprop.py',
      defaults: { lr: '0.001', rho: '0.9', momentum: '0', eps: '1e-7' },
      flags: { form: 'keras', centered },
    },
    tfjs: {
      source:
        'tfjs-core/src/optimizers/rmsprop_optimizer.ts (learningRate required, 0.001 used; ε the backend epsilon)',
      defaults: { lr: '0.001', rho: '0.9', momentum: '0', eps: '1e-7' },
      flags: { form: 'tfjs', centered },
    },
  }) satisfies RmspropPresets;

/** RMSProp: v ← ρ v + (1 − ρ) g², θ moved by α g / √v (with ε and momentum as the form says). */
export const rmsprop = entry('rmsprop', 'RMSProp', false, {
  paper: {
    source: 'Hinton, lecture 6e (ρ 0.9, α 0.001 suggested; ε 1e-8 as Ruder)',
    defaults: { lr: '0.001', rho: '0.9', momentum: '0', eps: '1e-8' },
    flags: { form: 'keras', centered: false },
  },
  ...frameworks(false),
});

/** Centered RMSProp: as RMSProp, dividing by √(v − ḡ²). */
export const rmspropCentered = entry('rmsprop-centered', 'RMSProp, centered', true, {
  paper: {
    source: 'Graves 2013, eq. 38–41 (ℵ 0.95, ℶ 0.9, ℷ 1e-4, ℸ 1e-4; ε inside, α inside the buffer)',
    defaults: { lr: '0.0001', rho: '0.95', momentum: '0.9', eps: '0.0001' },
    flags: { form: 'keras', centered: true },
  },
  ...frameworks(true),
});
