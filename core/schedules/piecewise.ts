/**
 * Piecewise-constant schedules, which differ in where a piece starts:
 *
 * - PyTorch 1.13's MultiStepLR: α_t = α₀ γ^#{m ∈ milestones : m ≤ t} (counted with repeats): the
 *   decayed value applies *from* the milestone, t = m.
 * - Keras 3's PiecewiseConstantDecay: α_t = values[#{b ∈ boundaries : b < t}]: values[i] holds for
 *   b_{i−1} < t ≤ b_i, so the new value applies from t = b + 1.
 *
 * With the same counting of t (0 on the first update), Keras's boundary b is PyTorch's milestone
 * b + 1 (docs/schedules.md, finding F3).
 *
 * @module
 */
import { torchFlags, learningRate } from './common.js';
import { defineSchedule } from './define.js';
import type { ScheduleSchemaOf } from './types.js';

const multiStepHyperparameters = {
  lr: learningRate,
  decayRate: { symbol: 'γ', description: 'the factor applied at each milestone', domain: { min: '0' } },
} as const;

const multiStepLists = {
  milestones: {
    symbol: 'M',
    description: 'the steps from which one more factor γ applies (a milestone given twice applies γ²)',
    domain: { min: '0', integer: true },
  },
} as const;

/** MultiStepLR's hyperparameters (α₀, γ), its milestones and flags. */
export type MultiStepSchema = ScheduleSchemaOf<
  typeof multiStepHyperparameters,
  typeof torchFlags,
  typeof multiStepLists
>;

/** α_t = α₀ γ^#{m ∈ M : m ≤ t}. */
export const multiStep = defineSchedule({
  name: 'multi-step',
  title: 'Multi-step decay',
  source: 'torch/optim/lr_scheduler.py MultiStepLR',
  hyperparameters: multiStepHyperparameters,
  lists: multiStepLists,
  flags: torchFlags,
  presets: {
    pytorch: {
      source:
        'torch/optim/lr_scheduler.py MultiStepLR (PyTorch 1.13): gamma=0.1; milestones required ([30, 80] used, its docstring example); lr from the optimizer (0.05 used, the example)',
      className: 'torch.optim.lr_scheduler.MultiStepLR',
      defaults: { lr: '0.05', decayRate: '0.1' },
      lists: { milestones: ['30', '80'] },
      flags: { implementation: 'torch-get-lr', arithmetic: 'float64' },
      options: { implementation: ['torch-get-lr', 'torch-closed-form'], arithmetic: ['float64', 'float32'] },
    },
  },
});

const piecewiseLists = {
  boundaries: {
    symbol: 'b',
    description: 'the last step of each piece but the last (integers, as the step)',
    domain: { integer: true },
    increasing: 'strict',
  },
  values: {
    symbol: 'v',
    description: 'the learning rate of each piece, one more than the boundaries',
    domain: {},
  },
} as const;

const piecewiseFlags = {
  implementation: { description: "'keras': PiecewiseConstantDecay.__call__", values: ['keras'] },
} as const;

/** PiecewiseConstantDecay's boundaries and values. */
export type PiecewiseConstantSchema = ScheduleSchemaOf<
  Record<never, never>,
  typeof piecewiseFlags,
  typeof piecewiseLists
>;

/** α_t = v_i for b_{i−1} < t ≤ b_i (v_0 up to b_0, the last value after the last boundary). */
export const piecewiseConstant = defineSchedule({
  name: 'piecewise-constant',
  title: 'Piecewise-constant decay',
  source: 'keras/src/optimizers/schedules/learning_rate_schedule.py PiecewiseConstantDecay',
  hyperparameters: {},
  lists: piecewiseLists,
  flags: piecewiseFlags,
  presets: {
    keras: {
      source:
        'keras/src/optimizers/schedules/learning_rate_schedule.py PiecewiseConstantDecay (Keras 3 at 3422977a): boundaries and values required ([100000, 110000] and [1.0, 0.5, 0.1] used, its docstring example)',
      className: 'keras.optimizers.schedules.PiecewiseConstantDecay',
      defaults: {},
      lists: { boundaries: ['100000', '110000'], values: ['1', '0.5', '0.1'] },
      flags: { implementation: 'keras' },
      options: {},
    },
  },
  constraint: ({ lists }) =>
    lists.values.length === lists.boundaries.length + 1
      ? undefined
      : `values must have one element more than boundaries (Keras raises ValueError): ${lists.values.length} values, ${lists.boundaries.length} boundaries`,
});
