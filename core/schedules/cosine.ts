/**
 * Cosine annealing (Loshchilov & Hutter 2017, SGDR, eq. 5 without restarts), with each framework's
 * floor, warmup and end:
 *
 * - PyTorch 1.13's CosineAnnealingLR: α_t = η + (α₀ − η)(1 + cos(π t/T))/2 for every t ≥ 0, so that
 *   past T it rises again (period 2T). Its default get_lr computes each value from the one before.
 * - Keras 3's CosineDecay: the floor is a fraction a of the start, η = a α₀; t is clamped to T. With
 *   a warmup target p: α rises linearly from α₀ at t = 0 to p at t = W, then decays from p over T
 *   further steps (T counts after the warmup), clamped at t = W + T.
 * - optax's warmup_cosine_decay_schedule: the same warmup from α₀ to p over W steps, then a decay
 *   from p to the end value e over T − W steps (T counts the warmup), clamped; the decay's cosine
 *   factor is raised to a power k.
 *
 * @module
 */
import { Decimal } from 'decimal.js';
import { optional } from '../catalogue/define.js';
import { torchFlags, learningRate, stepCount } from './common.js';
import { defineSchedule } from './define.js';
import type { ScheduleSchemaOf } from './types.js';

const cosineHyperparameters = {
  lr: learningRate,
  decaySteps: stepCount('T', 'steps of the decay (PyTorch T_max, Keras and optax decay_steps)'),
  minimum: optional({ symbol: 'η', description: 'the floor, as a learning rate (PyTorch eta_min)', domain: {} }),
  alpha: optional({
    symbol: 'a',
    description: 'the floor, as a fraction of the decay start (Keras alpha)',
    domain: {},
  }),
  peak: optional({
    symbol: 'p',
    description: 'the learning rate at the end of the warmup (Keras warmup_target, optax peak_value)',
    domain: {},
  }),
  warmupSteps: optional({
    symbol: 'W',
    description: 'steps of the linear warmup',
    domain: { min: '0', integer: true },
  }),
  end: optional({
    symbol: 'e',
    description: 'the learning rate at the end of the decay (optax end_value)',
    domain: {},
  }),
  exponent: optional({
    symbol: 'k',
    description: 'the power of the cosine factor (optax exponent)',
    domain: { min: '0', minOpen: true },
  }),
} as const;

const cosineFlags = {
  implementation: {
    description: `${torchFlags.implementation.description}; 'keras': CosineDecay.__call__ in float32; 'optax': warmup_cosine_decay_schedule in float32`,
    values: ['torch-get-lr', 'torch-closed-form', 'keras', 'optax'],
  },
  arithmetic: torchFlags.arithmetic,
  beyondEnd: {
    description: "'periodic': the cosine goes on past T (PyTorch); 'clamped': t is clamped to the end (Keras, optax)",
    values: ['periodic', 'clamped'],
  },
  decayStepsCount: optional({
    description:
      "with a warmup: 'after-warmup': T counts the decay only (Keras); 'including-warmup': T counts the warmup too (optax)",
    values: ['after-warmup', 'including-warmup'],
  }),
} as const;

/** Cosine annealing's hyperparameters (each framework takes its own subset) and flags. */
export type CosineAnnealingSchema = ScheduleSchemaOf<
  typeof cosineHyperparameters,
  typeof cosineFlags,
  Record<never, never>
>;

/** α_t = η + (α₀ − η)(1 + cos(π t/T))/2, with each framework's floor, warmup and clamping. */
export const cosineAnnealing = defineSchedule({
  name: 'cosine-annealing',
  title: 'Cosine annealing',
  source: 'Loshchilov & Hutter 2017, "SGDR", arXiv:1608.03983, eq. 5',
  hyperparameters: cosineHyperparameters,
  lists: {},
  flags: cosineFlags,
  presets: {
    pytorch: {
      source:
        'torch/optim/lr_scheduler.py CosineAnnealingLR (PyTorch 1.13): eta_min=0; T_max required (100 used); lr from the optimizer (0.1 used)',
      className: 'torch.optim.lr_scheduler.CosineAnnealingLR',
      defaults: { lr: '0.1', decaySteps: '100', minimum: '0' },
      lists: {},
      flags: { implementation: 'torch-get-lr', arithmetic: 'float64', beyondEnd: 'periodic' },
      options: { implementation: ['torch-get-lr', 'torch-closed-form'], arithmetic: ['float64', 'float32'] },
    },
    keras: {
      source:
        'keras/src/optimizers/schedules/learning_rate_schedule.py CosineDecay (Keras 3 at 3422977a): alpha=0.0, warmup_target=None (no warmup), warmup_steps=0; initial_learning_rate and decay_steps required (0.1 and 1000 used, its docstring example)',
      className: 'keras.optimizers.schedules.CosineDecay',
      defaults: { lr: '0.1', decaySteps: '1000', alpha: '0', warmupSteps: '0' },
      accepts: ['peak'],
      lists: {},
      flags: { implementation: 'keras', arithmetic: 'float32', beyondEnd: 'clamped', decayStepsCount: 'after-warmup' },
      options: {},
    },
    optax: {
      source:
        'optax/schedules/_schedule.py warmup_cosine_decay_schedule (optax at 2edbcbe2): end_value=0.0, exponent=1.0; init_value, peak_value, warmup_steps, decay_steps required (0, 1, 50, 1000 used)',
      className: 'optax.warmup_cosine_decay_schedule',
      defaults: { lr: '0', peak: '1', warmupSteps: '50', decaySteps: '1000', end: '0', exponent: '1' },
      lists: {},
      flags: {
        implementation: 'optax',
        arithmetic: 'float32',
        beyondEnd: 'clamped',
        decayStepsCount: 'including-warmup',
      },
      options: {},
    },
  },
  constraint: ({ hyper, flags }) => {
    const warmup = hyper.warmupSteps ?? '0';
    if (flags.decayStepsCount === 'including-warmup' && new Decimal(hyper.decaySteps).lte(warmup))
      return `decaySteps = ${hyper.decaySteps} must exceed warmupSteps = ${warmup}: the decay lasts T − W steps (optax raises ValueError)`;
    return undefined;
  },
});
