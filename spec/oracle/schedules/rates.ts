/**
 * What the schedules' closed-form specs share: the check of a rate against its closed form at step t.
 */
import { expect } from 'vitest';
import type { ScheduleConfig, ScheduleSchema } from '../../../core/schedules/index.js';
import { roundToFloat32 } from '../../../oracle/binary32.js';
import { IntervalArithmetic } from '../../../oracle/interval.js';
import { learningRateAt, learningRateEnclosure } from '../../../oracle/schedules/index.js';
import { APPROXIMATE, holds, type D } from '../closed-forms.js';

const PRECISION = 100;
const a = IntervalArithmetic.at(PRECISION);

/**
 * The rate at t holds `expected` (within {@link APPROXIMATE} when `approximate`: a closed form with a
 * power or cosine), is a point when `point` and `expected` has at most the arithmetic's digits, and
 * rounds to float32 and float64 as `expected` does.
 */
export function expectRate<S extends ScheduleSchema>(
  config: ScheduleConfig<S>,
  t: number,
  expected: D,
  { point, approximate }: { point: boolean; approximate: boolean },
): void {
  const e = learningRateEnclosure(a, config, t);
  expect(holds(e, expected, approximate ? APPROXIMATE : '0'), `t = ${t}: ${e.lo} … ${e.hi}`).toBe(true);
  if (point && expected.sd() <= PRECISION) expect(e.lo.eq(e.hi), `t = ${t}: a point`).toBe(true);
  const r = learningRateAt(config, t);
  expect(r.float32, `t = ${t}: float32`).toBe(roundToFloat32(expected));
  expect(r.float64, `t = ${t}: float64`).toBe(Number(expected.toSignificantDigits(40).toString()));
}

/** Whether cos(π t/T) is rational (Niven: t/T ≡ 0, ±1/3, ±1/2, ±2/3, 1 mod 2), so the rate is exact. */
export function rationalCosine(t: number, T: number): boolean {
  const r = (t % (2 * T)) / T;
  return [0, 1 / 3, 1 / 2, 2 / 3, 1, 4 / 3, 3 / 2, 5 / 3].some((x) => Math.abs(r - x) < 1e-12);
}
