/**
 * The judgement of one schedule case: production's value, the same code's derived bound on error-
 * bounded values (which must reproduce production's value bit for bit, so that the bound is that of
 * the code that runs), and the distance from the oracle's exact value at its worst over the
 * enclosure's ends, relative to the bound.
 *
 * @module
 */
import { Decimal } from 'decimal.js';
import { exactOfDouble } from '../../../oracle/float64-decimal.js';
import { IntervalArithmetic } from '../../../oracle/interval.js';
import { learningRateEnclosure } from '../../../oracle/schedules/index.js';
import { learningRateAt, learningRateWith } from '../../production/schedules/index.js';
import type { ScheduleCase } from './arbitraries.js';
import { boundedOps } from './bounded-ops.js';

const a = IntervalArithmetic.at(40);

/** What {@link judgeSchedule} measured. */
export interface ScheduleJudgement {
  /** max over the exact value's enclosure of |production − exact| / bound (0 when production is exact). */
  readonly ratio: number;
  /** The derived bound on |production − exact| (∞ outside the analysed domain). */
  readonly bound: number;
  /** Production's value (the framework's). */
  readonly value: number;
  /** The bounded run's value, which must be production's bit for bit. */
  readonly bounded: number;
}

/** |production − exact| / bound at its worst over the enclosure's ends, the bound, and both runs' values. */
export function judgeSchedule({ config, t }: ScheduleCase): ScheduleJudgement {
  const value = learningRateAt(config, t);
  const bounded = learningRateWith(boundedOps, config, t);
  const exact = learningRateEnclosure(a, config, t);
  const p = new Decimal(exactOfDouble(value));
  const distance = Decimal.max(p.minus(exact.lo).abs(), p.minus(exact.hi).abs());
  return {
    ratio: distance.isZero() ? 0 : distance.div(bounded.e).toNumber(),
    bound: bounded.e,
    value,
    bounded: bounded.v,
  };
}
