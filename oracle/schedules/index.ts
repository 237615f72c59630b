/**
 * The exact learning rate of every schedule at a step: `learningRateAt(config, t)` certifies its
 * float32 and float64 roundings; `learningRateEnclosure(a, config, t)` encloses it at the precision
 * of an interval arithmetic, which is what a rule's `prepare` needs to take a schedule in place of
 * a constant learning rate (the enclosure is a point whenever the value is a finite decimal within
 * the precision).
 *
 * @module
 */
import { required } from '../../core/required.js';
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
} from '../../core/schedules/index.js';
import type { Interval, IntervalArithmetic } from '../interval.js';
import { certifyRate, type CertifiedRate } from './certify.js';
import { cosineAnnealingExact, oneCycleExact } from './exact-cosine.js';
import {
  exponentialDecayExact,
  linearExact,
  multiStepExact,
  piecewiseConstantExact,
  type ExactSchedule,
} from './exact-decay.js';

export { certifyRate, certifiedFloat64, nearestDouble, type CertifiedRate } from './certify.js';
export { cosPi, piEnclosure } from './cos-pi.js';
export type { ExactSchedule } from './exact-decay.js';

interface ExactRecord {
  readonly entry: ScheduleEntry;
  readonly exact: ExactSchedule<ScheduleSchema>;
}

/** Pairs an entry with its exact formula; the schema ties the two at compile time. */
function record<S extends ScheduleSchema>(entry: ScheduleEntry<S>, exact: ExactSchedule<S>): ExactRecord {
  // The formula reads only its own entry's configurations, which exactOf hands it.
  return { entry: entry as unknown as ScheduleEntry, exact: exact as unknown as ExactSchedule<ScheduleSchema> };
}

const records: readonly ExactRecord[] = [
  record(exponentialDecay, exponentialDecayExact),
  record(multiStep, multiStepExact),
  record(piecewiseConstant, piecewiseConstantExact),
  record(cosineAnnealing, cosineAnnealingExact),
  record(linear, linearExact),
  record(oneCycle, oneCycleExact),
];

function exactOf<S extends ScheduleSchema>(config: ScheduleConfig<S>): ExactSchedule<S> {
  const found = records.find((r) => r.entry === (config.entry as unknown as ScheduleEntry));
  // The record found is the one of config's own entry, whose schema is S.
  return required(found?.exact, `the exact formula of ${config.entry.name}`) as unknown as ExactSchedule<S>;
}

/** The exact learning rate at step t ≥ 0 (0 on the first update), enclosed at the arithmetic's precision. */
export function learningRateEnclosure<S extends ScheduleSchema>(
  a: IntervalArithmetic,
  config: ScheduleConfig<S>,
  t: number,
): Interval {
  checkScheduleStep(config.entry.name, t);
  return exactOf(config)(a, config, t);
}

/** The exact learning rate at step t ≥ 0, rounded to float32 and to float64 with certificates. */
export function learningRateAt<S extends ScheduleSchema>(config: ScheduleConfig<S>, t: number): CertifiedRate {
  checkScheduleStep(config.entry.name, t);
  const exact = exactOf(config);
  return certifyRate((a) => exact(a, config, t));
}
