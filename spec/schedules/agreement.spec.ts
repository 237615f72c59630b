/**
 * Production against the oracle: for every schedule, preset and production path, on random
 * configurations and steps, the framework's value (src/production/schedules/) lies within the bound
 * that running the same code on error-bounded values derives (src/gate/schedules/bounded-ops.ts) of the exact value
 * (oracle/schedules/). The bounded run must also reproduce production's value bit for bit, so that
 * the bound is that of the code production runs.
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { runsFromEnv, seedFromEnv } from '../../src/gate/seed.js';
import { scheduleUnits } from '../../src/gate/schedules/arbitraries.js';
import { judge } from './judge.js';

const seed = seedFromEnv();
const numRuns = runsFromEnv(100);
const worst = new Map<string, number>();

describe('schedules: production within its derived bound of the exact learning rate', () => {
  it.each(scheduleUnits)('$label', ({ label, cases }) => {
    let largest = 0;
    fc.assert(
      fc.property(cases, (c) => {
        const { ratio, bound } = judge(c);
        expect(Number.isFinite(bound), `a finite bound at t = ${c.t}`).toBe(true);
        expect(
          ratio,
          `t = ${c.t}, ${JSON.stringify(c.config.hyper)} ${JSON.stringify(c.config.lists)}`,
        ).toBeLessThanOrEqual(1);
        largest = Math.max(largest, ratio);
      }),
      { seed, numRuns },
    );
    worst.set(label, largest);
  });

  afterAll(() => {
    if (process.env['OPTIM_ORACLE_SCHEDULE_REPORT'] === '1')
      console.log([...worst].map(([k, v]) => `${k}: worst err/bound ${v.toFixed(3)}`).join('\n'));
  });
});
