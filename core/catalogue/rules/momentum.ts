/**
 * Momentum and Nesterov momentum on given gradients, in each framework's form:
 *
 *   paper   (Ruder 2016, eq. 2):  v ← μ v + α g;  θ ← θ − v      Nesterov (Bengio et al. 2013): θ ← θ − μ v − α g
 *   pytorch (torch/optim/sgd.py): b ← μ b + (1 − d) g, b ← g at t = 1;  θ ← θ − α b      Nesterov: θ ← θ − α (g + μ b)
 *                                 (μ = 0: no buffer, θ ← θ − α g, dampening ignored)
 *   keras   (sgd.py):             m ← μ m − α g;  θ ← θ + m       Nesterov: θ ← θ + μ m − α g
 *   tfjs    (momentum_optimizer): a ← μ a + g;  θ ← θ − α a       Nesterov: θ ← θ − α (g + μ a)
 *
 * with the new buffer on the right. A preset is the flag `form`; `nesterov` is on in the `nesterov`
 * entry. The frameworks' default μ is 0 (Keras, PyTorch: plain SGD); these entries use 0.9, the
 * survey's typical value, so that the buffer matters.
 *
 * @module
 */
import { defineEntry, optional, slot, type EntryDefinition, type SchemaOf } from '../define.js';
import { hyperparameters } from './common.js';

const momentumHyperparameters = {
  lr: hyperparameters.learningRate,
  momentum: hyperparameters.momentum,
  dampening: optional(hyperparameters.dampening),
  weightDecay: optional(hyperparameters.weightDecay),
} as const;

const momentumFlags = {
  form: {
    description: 'whose form of the buffer: paper (α inside), pytorch, keras (negated, α inside), tfjs',
    values: ['paper', 'pytorch', 'keras', 'tfjs'],
  },
  nesterov: {
    description: 'Nesterov momentum in the reformulated form (on the given gradient)',
    values: [false, true],
  },
} as const;

const momentumSlots = { buffer: slot.signed(1) } as const;

/** The hyperparameters, flags and slot of momentum and Nesterov momentum. */
export type MomentumSchema = SchemaOf<typeof momentumHyperparameters, typeof momentumFlags, typeof momentumSlots>;

type MomentumPresets = EntryDefinition<
  typeof momentumHyperparameters,
  typeof momentumFlags,
  typeof momentumSlots
>['presets'];

function presets(nesterov: boolean): MomentumPresets {
  return {
    paper: {
      source: 'Ruder 2016, section 4.1 and 4.2; Bengio et al. 2013 for Nesterov',
      defaults: { lr: '0.01', momentum: '0.9' },
      flags: { form: 'paper', nesterov },
    },
    pytorch: {
      // PyTorch rejects Nesterov momentum with a non-zero dampening, so the Nesterov entry does not take it.
      source: 'torch/optim/sgd.py, _single_tensor_sgd',
      defaults: nesterov
        ? { lr: '0.001', momentum: '0.9', weightDecay: '0' }
        : { lr: '0.001', momentum: '0.9', dampening: '0', weightDecay: '0' },
      flags: { form: 'pytorch', nesterov },
    },
    keras: {
      source: 'keras/src/optimizers/sgd.py',
      defaults: { lr: '0.01', momentum: '0.9' },
      flags: { form: 'keras', nesterov },
    },
    tfjs: {
      source: 'tfjs-core/src/optimizers/momentum_optimizer.ts',
      defaults: { lr: '0.01', momentum: '0.9' },
      flags: { form: 'tfjs', nesterov },
    },
  };
}

const family = (name: string, title: string, source: string, nesterov: boolean) =>
  defineEntry({
    name,
    kind: 'elementwise-update',
    title,
    source,
    hyperparameters: momentumHyperparameters,
    flags: momentumFlags,
    slots: momentumSlots,
    presets: presets(nesterov),
  });

/** Momentum (heavy ball): the buffer accumulates gradients, θ moves by the buffer. */
export const momentum = family('momentum', 'Momentum', 'Polyak 1964; Ruder 2016, section 4.1', false);

/** Nesterov momentum, reformulated on the given gradient (the frameworks' form). */
export const nesterov = family(
  'nesterov',
  'Nesterov momentum (reformulated, on given gradients)',
  'Sutskever et al. 2013; Bengio et al. 2013; Ruder 2016, section 4.2',
  true,
);
