/**
 * The judgement of one schedule case (src/gate/schedules/judge.ts), with the bounded run's value
 * checked to be production's bit for bit.
 *
 * @module
 */
import { expect } from 'vitest';
import type { ScheduleCase } from '../../src/gate/schedules/arbitraries.js';
import { judgeSchedule } from '../../src/gate/schedules/judge.js';

/** |production − exact| / bound at its worst over the enclosure's ends, the bound, and production's value. */
export function judge(c: ScheduleCase): { ratio: number; bound: number; value: number } {
  const { ratio, bound, value, bounded } = judgeSchedule(c);
  expect(Object.is(bounded, value), `bounded run ${bounded} reproduces production ${value}`).toBe(true);
  return { ratio, bound, value };
}
