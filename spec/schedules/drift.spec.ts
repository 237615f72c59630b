/**
 * How far CosineAnnealingLR's recursive get_lr drifts from its closed form (PyTorch 1.13), in
 * float64 (as PyTorch computes) and float32 (the same code in float32): in exact arithmetic both are
 * η + (α₀ − η)(1 + cos(π t/T))/2, so at every step their difference must lie within the sum of their
 * derived bounds (src/gate/schedules/bounded-ops.ts), and the drift docs/schedules.md reports is measured here.
 *
 * Steps: OPTIM_ORACLE_DRIFT_STEPS (default 10^4; docs/schedules.md reports 10^5, about 3 s per
 * configuration). OPTIM_ORACLE_SCHEDULE_REPORT=1 prints the measurements.
 */
import { describe, expect, it } from 'vitest';
import { configureSchedule, cosineAnnealing } from '../../core/schedules/index.js';
import { parseCount } from '../../src/gate/seed.js';
import { floatOps, learningRateSequence } from '../../src/production/schedules/index.js';
import { boundedOps } from '../../src/gate/schedules/bounded-ops.js';

const STEPS_ENV = 'OPTIM_ORACLE_DRIFT_STEPS';
const text = process.env[STEPS_ENV];
const steps = text === undefined || text === '' ? 10_000 : parseCount(text, STEPS_ENV, 1);

const configs = (T: number, arithmetic: 'float64' | 'float32') => {
  const hyper = { lr: '0.1', decaySteps: T, minimum: '0' };
  return [
    configureSchedule(cosineAnnealing, 'pytorch', { hyper, flags: { arithmetic } }),
    configureSchedule(cosineAnnealing, 'pytorch', {
      hyper,
      flags: { arithmetic, implementation: 'torch-closed-form' },
    }),
  ] as const;
};

describe(`CosineAnnealingLR: recursive get_lr against the closed form over ${steps} steps`, () => {
  it.each([
    [100, 'float64'],
    [100, 'float32'],
    [1000, 'float64'],
    [1000, 'float32'],
    [100_000, 'float64'],
  ] as const)('T_max = %i, %s: within the sum of the derived bounds at every step', (T, arithmetic) => {
    const [recursive, closed] = configs(T, arithmetic);
    const r = learningRateSequence(floatOps, recursive, steps);
    const c = learningRateSequence(floatOps, closed, steps);
    const rb = learningRateSequence(boundedOps, recursive, steps);
    const cb = learningRateSequence(boundedOps, closed, steps);
    let drift = 0;
    let at = 0;
    let ratio = 0;
    for (let t = 0; t <= steps; t++) {
      const d = Math.abs(r[t]! - c[t]!);
      const bound = rb[t]!.e + cb[t]!.e;
      expect(d, `t = ${t}: recursive ${r[t]}, closed ${c[t]}`).toBeLessThanOrEqual(bound);
      if (d > drift) [drift, at] = [d, t];
      if (d > 0) ratio = Math.max(ratio, d / bound);
    }
    expect(drift).toBeGreaterThan(0);
    if (process.env['OPTIM_ORACLE_SCHEDULE_REPORT'] === '1')
      console.log(
        `T_max ${T} ${arithmetic}: largest |recursive − closed| = ${(drift / 0.1).toExponential(3)} α₀ at t = ${at}; bound there ${((rb[at]!.e + cb[at]!.e) / 0.1).toExponential(3)} α₀; largest drift/bound ${ratio.toFixed(3)}`,
      );
  });

  it('F10: in float32 the recursion divides by 1 + cos(π (t − 1)/T) = 0 before T_max = 50000, where the bound is infinite', () => {
    const [recursive] = configs(50_000, 'float32');
    const r = learningRateSequence(floatOps, recursive, 50_000);
    const first = r.findIndex((x) => !Number.isFinite(x));
    expect(first).toBeGreaterThan(49_990);
    expect(first).toBeLessThan(50_000);
    expect(learningRateSequence(boundedOps, recursive, first)[first]!.e).toBe(Infinity);
    const [float64] = configs(50_000, 'float64');
    expect(learningRateSequence(floatOps, float64, 50_000).every(Number.isFinite)).toBe(true);
  });
});
