/**
 * Exponential decay: α_t = α₀ γ^(t/s), or α₀ γ^⌊t/s⌋ with `staircase`.
 *
 * PyTorch 1.13's StepLR is the staircase (γ applied at every multiple of s, recursively: α ← α γ),
 * and its ExponentialLR is StepLR with s = 1 (the same get_lr path, bit for bit; checked against
 * torch in spec/schedules/pytorch.spec.ts). Keras 3's ExponentialDecay computes α₀ γ^(t/s) in
 * float32, flooring t/s when `staircase=True`.
 *
 * @module
 */
import { torchFlags, learningRate, stepCount } from './common.js';
import { defineSchedule } from './define.js';
import type { ScheduleSchemaOf } from './types.js';

const exponentialHyperparameters = {
  lr: learningRate,
  decayRate: { symbol: 'γ', description: 'the factor applied every s steps', domain: { min: '0' } },
  decaySteps: stepCount('s', 'steps between two applications of γ (StepLR step_size, Keras decay_steps)'),
} as const;

const exponentialFlags = {
  staircase: { description: 'floor t/s: γ is applied at whole multiples of s only', values: [true, false] },
  implementation: {
    description: `${torchFlags.implementation.description}; 'keras': ExponentialDecay.__call__ in float32`,
    values: ['torch-get-lr', 'torch-closed-form', 'keras'],
  },
  arithmetic: torchFlags.arithmetic,
} as const;

/** Exponential decay's hyperparameters (α₀, γ, s), its flags, no lists. */
export type ExponentialDecaySchema = ScheduleSchemaOf<
  typeof exponentialHyperparameters,
  typeof exponentialFlags,
  Record<never, never>
>;

/** α_t = α₀ γ^(t/s), or α₀ γ^⌊t/s⌋ with `staircase`. */
export const exponentialDecay = defineSchedule({
  name: 'exponential-decay',
  title: 'Exponential (step) decay',
  source: 'torch/optim/lr_scheduler.py StepLR and ExponentialLR; keras/src/optimizers/schedules ExponentialDecay',
  hyperparameters: exponentialHyperparameters,
  lists: {},
  flags: exponentialFlags,
  presets: {
    pytorch: {
      source:
        'torch/optim/lr_scheduler.py StepLR (PyTorch 1.13): gamma=0.1; step_size required (30 used, its docstring example); lr from the optimizer (0.05 used, the example). ExponentialLR(gamma) is decaySteps = 1',
      className: 'torch.optim.lr_scheduler.StepLR',
      defaults: { lr: '0.05', decayRate: '0.1', decaySteps: '30' },
      lists: {},
      flags: { staircase: true, implementation: 'torch-get-lr', arithmetic: 'float64' },
      options: { implementation: ['torch-get-lr', 'torch-closed-form'], arithmetic: ['float64', 'float32'] },
    },
    keras: {
      source:
        'keras/src/optimizers/schedules/learning_rate_schedule.py ExponentialDecay (Keras 3 at 3422977a): staircase=False; initial_learning_rate, decay_steps, decay_rate required (0.1, 100000, 0.96 used, its docstring example)',
      className: 'keras.optimizers.schedules.ExponentialDecay',
      defaults: { lr: '0.1', decayRate: '0.96', decaySteps: '100000' },
      lists: {},
      flags: { staircase: false, implementation: 'keras', arithmetic: 'float32' },
      options: { staircase: [false, true] },
    },
  },
});
