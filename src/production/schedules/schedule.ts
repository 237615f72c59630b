/**
 * What a production schedule is: the frameworks' code, in their order of operations, against
 * {@link ScheduleOps}. A schedule computes the value at step t from the value at t − 1 (PyTorch's
 * chainable get_lr reads `group['lr']`, the value it wrote last) or from t alone (closed forms,
 * Keras, optax); {@link ProductionSchedule.recursive} says which, so that a value at t alone costs
 * one evaluation when it can.
 *
 * @module
 */
import { ScheduleStepError } from '../../../core/schedules/index.js';
import type { ScheduleConfig, ScheduleSchema } from '../../../core/schedules/index.js';
import type { FloatFormat, ScheduleOps } from './ops.js';

/** A framework's schedule, generic in the values it computes with. */
export interface ProductionSchedule<S extends ScheduleSchema> {
  /** Whether {@link step} reads the value at t − 1. */
  recursive(config: ScheduleConfig<S>): boolean;
  /** The learning rate the optimizer holds before the schedule's first step (its `lr`). */
  initial<T>(ops: ScheduleOps<T>, config: ScheduleConfig<S>): T;
  /** The value at step t, given the value at t − 1 (at t = 0: {@link initial}). */
  step<T>(ops: ScheduleOps<T>, config: ScheduleConfig<S>, t: number, before: T): T;
}

/**
 * a / b as Python computes it: a float64 division by zero raises ZeroDivisionError (float32 tensors
 * give IEEE's ±∞ or NaN instead).
 */
export function pythonDiv<T>(ops: ScheduleOps<T>, a: T, b: T, format: FloatFormat, schedule: string): T {
  if (format === 'float64' && ops.valueOf(b) === 0)
    throw new ScheduleStepError(schedule, 'ZeroDivisionError', 'float division by zero');
  return ops.div(a, b, format);
}

/**
 * a ** b as Python computes it on floats: a finite result out of float64's range raises
 * OverflowError (float32 tensors give ±∞ instead).
 */
export function pythonPow<T>(ops: ScheduleOps<T>, a: T, b: T, format: FloatFormat, schedule: string): T {
  const r = ops.pow(a, b, format);
  if (format === 'float64' && !Number.isFinite(ops.valueOf(r)) && Number.isFinite(ops.valueOf(a)))
    throw new ScheduleStepError(schedule, 'OverflowError', 'numerical result out of range');
  return r;
}

/** n // d for integers, exactly (Python's floor division). */
export const floorDiv = (n: number, d: number): number => Number(BigInt(n) / BigInt(d));
