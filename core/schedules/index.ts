/**
 * Learning-rate schedules as catalogue data: each schedule's hyperparameters, lists and flags, one
 * preset per framework that has it, and their configuration. The exact values are in
 * oracle/schedules/, the frameworks' arithmetic in src/production/schedules/.
 *
 * @module
 */
import { cosineAnnealing } from './cosine.js';
import { exponentialDecay } from './exponential.js';
import { linear, oneCycle } from './linear.js';
import { multiStep, piecewiseConstant } from './piecewise.js';
import type { ScheduleEntry, ScheduleSchema } from './types.js';

export * from './types.js';
export * from './define.js';
export * from './common.js';
export * from './configure.js';
export * from './errors.js';
export { exponentialDecay, type ExponentialDecaySchema } from './exponential.js';
export { multiStep, piecewiseConstant, type MultiStepSchema, type PiecewiseConstantSchema } from './piecewise.js';
export { cosineAnnealing, type CosineAnnealingSchema } from './cosine.js';
export { linear, oneCycle, type LinearSchema, type OneCycleSchema } from './linear.js';

/** Every schedule, in the order docs/schedules.md lists them. */
export const schedules: readonly ScheduleEntry<ScheduleSchema>[] = [
  exponentialDecay,
  multiStep,
  piecewiseConstant,
  cosineAnnealing,
  linear,
  oneCycle,
];
