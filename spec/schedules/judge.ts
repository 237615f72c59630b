/**
 * The judgement of one schedule case: production's value, the same code's derived bound on error-
 * bounded values (which must reproduce production's value bit for bit), and the distance from the
 * oracle's exact value at its worst over the enclosure's ends, relative to the bound.
 *
 * @module
 */
import { Decimal } from 'decimal.js';
import { expect } from 'vitest';
import { exactOfDouble } from '../../oracle/float64-decimal.js';
import { IntervalArithmetic } from '../../oracle/interval.js';
import { learningRateEnclosure } from '../../oracle/schedules/index.js';
import { learningRateAt, learningRateWith } from '../../src/production/schedules/index.js';
import type { ScheduleCase } from './arbitraries.js';
import { boundedOps } from '../../src/gate/schedules/bounded-ops.js';

const a = IntervalArithmetic.at(40);

/** |production − exact| / bound at its worst over the enclosure's ends, the bound, and production's value. */
export function judge({ config, t }: ScheduleCase): { ratio: number; bound: number; value: number } {
  const value = learningRateAt(config, t);
  const bounded = learningRateWith(boundedOps, config, t);
  expect(Object.is(bounded.v, value), `bounded run ${bounded.v} reproduces production ${value}`).toBe(true);
  const exact = learningRateEnclosure(a, config, t);
  const p = new Decimal(exactOfDouble(value));
  const distance = Decimal.max(p.minus(exact.lo).abs(), p.minus(exact.hi).abs());
  return { ratio: distance.isZero() ? 0 : distance.div(bounded.e).toNumber(), bound: bounded.e, value };
}
