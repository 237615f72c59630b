/**
 * The schedule entries as data: every preset configures with its defaults and has an exact value and
 * a production value at its first steps; options are accepted only where the framework exposes them;
 * domains, list orders and the constraints across parameters are enforced with messages that name
 * the parameter.
 */
import { describe, expect, it } from 'vitest';
import { HyperparameterError, PRESET_NAMES, StepInputError, UnknownNameError } from '../../core/catalogue/index.js';
import {
  configureSchedule,
  cosineAnnealing,
  exponentialDecay,
  piecewiseConstant,
  scheduleHyperparametersOf,
  schedules,
  type ScheduleConfig,
} from '../../core/schedules/index.js';
import { learningRateAt as exactAt } from '../../oracle/schedules/index.js';
import { learningRateAt } from '../../src/production/schedules/index.js';
import { judge } from './judge.js';

const presets = schedules.flatMap((entry) =>
  PRESET_NAMES.filter((p) => entry.presets[p] !== undefined).map((preset) => ({ entry, preset })),
);

describe('schedule entries', () => {
  it('cover the ten framework schedules of issue 15, point 4', () => {
    const classes = presets.map(({ entry, preset }) => entry.presets[preset]?.className).sort();
    expect(classes).toEqual([
      'keras.optimizers.schedules.CosineDecay',
      'keras.optimizers.schedules.ExponentialDecay',
      'keras.optimizers.schedules.PiecewiseConstantDecay',
      'optax.warmup_cosine_decay_schedule',
      'torch.optim.lr_scheduler.CosineAnnealingLR',
      'torch.optim.lr_scheduler.LinearLR',
      'torch.optim.lr_scheduler.MultiStepLR',
      'torch.optim.lr_scheduler.OneCycleLR',
      'torch.optim.lr_scheduler.StepLR',
    ]);
  });

  it.each(presets.map(({ entry, preset }) => [`${entry.name}/${preset}`, entry, preset] as const))(
    '%s: its defaults configure, and production is within its derived bound of the oracle at t = 0, 1, 2',
    (_, entry, preset) => {
      const config = configureSchedule(entry, preset) as unknown as ScheduleConfig;
      for (const t of [0, 1, 2]) expect(judge({ config, t }).ratio).toBeLessThanOrEqual(1);
    },
  );

  it('takes each framework its own hyperparameters', () => {
    expect(scheduleHyperparametersOf(cosineAnnealing, 'pytorch')).toEqual(['lr', 'decaySteps', 'minimum']);
    expect(scheduleHyperparametersOf(cosineAnnealing, 'keras')).toEqual([
      'lr',
      'decaySteps',
      'alpha',
      'peak',
      'warmupSteps',
    ]);
    expect(() => configureSchedule(cosineAnnealing, 'pytorch', { hyper: { alpha: '0.1' } })).toThrow(
      /alpha is not taken under preset pytorch/,
    );
  });

  it('accepts an option the framework exposes and refuses a convention', () => {
    const closed = configureSchedule(exponentialDecay, 'pytorch', { flags: { implementation: 'torch-closed-form' } });
    expect(closed.flags.implementation).toBe('torch-closed-form');
    expect(() => configureSchedule(exponentialDecay, 'pytorch', { flags: { staircase: false } })).toThrow(
      /staircase is a convention of preset pytorch/,
    );
    expect(() => configureSchedule(exponentialDecay, 'pytorch', { flags: { implementation: 'keras' } })).toThrow(
      HyperparameterError,
    );
    expect(() => configureSchedule(exponentialDecay, 'tfjs')).toThrow(UnknownNameError);
  });

  it('enforces domains, list order and the constraints across parameters', () => {
    expect(() => configureSchedule(exponentialDecay, 'keras', { hyper: { decaySteps: '0' } })).toThrow(
      /decaySteps = 0 is outside/,
    );
    expect(() => configureSchedule(exponentialDecay, 'keras', { hyper: { decaySteps: '2.5' } })).toThrow(/integers in/);
    expect(() => configureSchedule(piecewiseConstant, 'keras', { lists: { boundaries: [5, 5] } })).toThrow(
      /increase strictly/,
    );
    expect(() => configureSchedule(piecewiseConstant, 'keras', { lists: { values: ['1', '2'] } })).toThrow(
      /one element more than boundaries/,
    );
    expect(() => configureSchedule(cosineAnnealing, 'optax', { hyper: { warmupSteps: 1000 } })).toThrow(
      /must exceed warmupSteps/,
    );
    expect(() => exactAt(configureSchedule(exponentialDecay, 'keras'), -1)).toThrow(StepInputError);
    expect(() => learningRateAt(configureSchedule(exponentialDecay, 'keras'), 0.5)).toThrow(StepInputError);
  });
});
