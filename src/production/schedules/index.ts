/**
 * The learning rate each framework computes at a step, in its own arithmetic:
 * `learningRateAt(config, t)` is the JavaScript number equal to the framework's value (a Python
 * float for PyTorch, a float32 for Keras and optax); `learningRateWith(ops, config, t)` runs the same
 * code on other values (the tests' error-bounded ones), and `learningRateSequence` gives the values
 * at 0, 1, …, n in one pass (a recursive schedule's value at t costs t steps).
 *
 * @module
 */
import { required } from '../../../core/required.js';
import {
  checkScheduleStep,
  cosineAnnealing,
  exponentialDecay,
  linear,
  multiStep,
  oneCycle,
  piecewiseConstant,
  type ScheduleConfig,
  type ScheduleEntry,
  type ScheduleSchema,
} from '../../../core/schedules/index.js';
import { cosineAnnealingProduction } from './cosine.js';
import {
  exponentialDecayProduction,
  linearProduction,
  multiStepProduction,
  piecewiseConstantProduction,
} from './decay.js';
import { oneCycleProduction } from './one-cycle.js';
import { floatOps, type ScheduleOps } from './ops.js';
import type { ProductionSchedule } from './schedule.js';

export * from './ops.js';
export * from './schedule.js';

interface ProductionRecord {
  readonly entry: ScheduleEntry;
  readonly production: ProductionSchedule<ScheduleSchema>;
}

function record<S extends ScheduleSchema>(
  entry: ScheduleEntry<S>,
  production: ProductionSchedule<S>,
): ProductionRecord {
  // The production code reads only its own entry's configurations, which productionOf hands it.
  return {
    entry: entry as unknown as ScheduleEntry,
    production: production as unknown as ProductionSchedule<ScheduleSchema>,
  };
}

const records: readonly ProductionRecord[] = [
  record(exponentialDecay, exponentialDecayProduction),
  record(multiStep, multiStepProduction),
  record(piecewiseConstant, piecewiseConstantProduction),
  record(cosineAnnealing, cosineAnnealingProduction),
  record(linear, linearProduction),
  record(oneCycle, oneCycleProduction),
];

/** The production code of a configuration's schedule. */
export function productionOf<S extends ScheduleSchema>(config: ScheduleConfig<S>): ProductionSchedule<S> {
  const found = records.find((r) => r.entry === (config.entry as unknown as ScheduleEntry));
  // The record found is the one of config's own entry, whose schema is S.
  return required(found?.production, `the production of ${config.entry.name}`) as unknown as ProductionSchedule<S>;
}

/** The values at steps 0, 1, …, n, each from the one before where the framework does so. */
export function learningRateSequence<S extends ScheduleSchema, T>(
  ops: ScheduleOps<T>,
  config: ScheduleConfig<S>,
  n: number,
): T[] {
  checkScheduleStep(config.entry.name, n);
  const p = productionOf(config);
  const values: T[] = [];
  let before = p.initial(ops, config);
  for (let t = 0; t <= n; t++) {
    before = p.step(ops, config, t, before);
    values.push(before);
  }
  return values;
}

/** The value at step t ≥ 0 on the values of `ops`. */
export function learningRateWith<S extends ScheduleSchema, T>(
  ops: ScheduleOps<T>,
  config: ScheduleConfig<S>,
  t: number,
): T {
  checkScheduleStep(config.entry.name, t);
  const p = productionOf(config);
  if (p.recursive(config)) return required(learningRateSequence(ops, config, t).at(-1), 'the last value');
  return p.step(ops, config, t, p.initial(ops, config));
}

/** The learning rate the framework computes at step t ≥ 0 (0 on the first update). */
export function learningRateAt<S extends ScheduleSchema>(config: ScheduleConfig<S>, t: number): number {
  return learningRateWith(floatOps, config, t);
}
