/**
 * The schedules checked against PyTorch 1.13 itself (Debian's python3-torch through /usr/bin/python3,
 * examples/pytorch/schedules.py): on random configurations of every PyTorch preset and path, each
 * value torch returns over a run of steps lies within the derived bound (src/gate/schedules/bounded-ops.ts) of the
 * oracle's exact value, and equals production's bit for bit wherever the framework computes with
 * +, −, ×, ÷ only (libm's cos and pow may differ from the platform's by an ulp). Skipped only when
 * torch is absent and OPTIM_ORACLE_REQUIRE_TORCH is not 1.
 */
import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  configureSchedule,
  exponentialDecay,
  linear,
  oneCycle,
  type ScheduleConfig,
} from '../../core/schedules/index.js';
import { exactOfDouble } from '../../oracle/float64-decimal.js';
import { IntervalArithmetic } from '../../oracle/interval.js';
import { learningRateEnclosure } from '../../oracle/schedules/index.js';
import { floatOps, learningRateSequence } from '../../src/production/schedules/index.js';
import { seedFromEnv } from '../../src/gate/seed.js';
import { scheduleUnits, type ScheduleCase } from '../../src/gate/schedules/arbitraries.js';
import { boundedOps } from '../../src/gate/schedules/bounded-ops.js';
import { runTorch, torchCase, torchVersion, type TorchRun } from './torch-cases.js';

const required = process.env['OPTIM_ORACLE_REQUIRE_TORCH'] === '1';
if (required && torchVersion === undefined)
  throw new Error(
    'OPTIM_ORACLE_REQUIRE_TORCH=1 but /usr/bin/python3 cannot import torch (apt-get install python3-torch)',
  );

const CASES = 12;
const MAX_STEPS = 200;
const a = IntervalArithmetic.at(40);
const units = scheduleUnits.filter((u) => u.label.includes('/pytorch') && !u.label.includes('float32'));

/** Whether production computes with +, −, ×, ÷ only (no cos, no pow of an exponent other than 1). */
function arithmeticOnly({ config }: ScheduleCase): boolean {
  const name = config.entry.name;
  const closed = config.flags['implementation'] === 'torch-closed-form';
  if (name === 'cosine-annealing') return false;
  if (name === 'one-cycle') return config.flags['anneal'] === 'linear';
  if (name === 'multi-step')
    return (
      !closed &&
      new Set(config.lists['milestones' as never]).size === (config.lists['milestones' as never] as string[]).length
    );
  return name === 'linear' || !closed;
}

describe.skipIf(torchVersion === undefined)(
  torchVersion === undefined
    ? 'PyTorch schedulers (skipped: /usr/bin/python3 cannot import torch)'
    : `the schedules agree with PyTorch ${torchVersion}'s schedulers`,
  () => {
    const samples = new Map<string, ScheduleCase[]>();
    const runs = new Map<string, TorchRun[]>();
    beforeAll(() => {
      const all = units.map((u) => [u.label, fc.sample(u.cases, { numRuns: CASES, seed: seedFromEnv() })] as const);
      const results = runTorch(all.flatMap(([, cs]) => cs.map((c) => torchCase(c.config, Math.min(c.t, MAX_STEPS)))));
      let k = 0;
      for (const [label, cs] of all) {
        samples.set(label, cs);
        runs.set(label, results.slice(k, (k += cs.length)));
      }
    });

    it.each(units.map((u) => u.label))('%s: every torch value within the derived bound of the exact value', (label) => {
      const problems: string[] = [];
      let worst = 0;
      samples.get(label)!.forEach((c, i) => {
        const run = runs.get(label)![i]!;
        expect(run.error, `case ${i}: torch raised`).toBeUndefined();
        const n = Math.min(c.t, MAX_STEPS);
        const production = learningRateSequence(floatOps, c.config, n);
        const bounded = learningRateSequence(boundedOps, c.config, n);
        expect(run.values).toHaveLength(n + 1);
        run.values.forEach((torch, t) => {
          const exact = learningRateEnclosure(a, c.config, t);
          const p = new Decimal(exactOfDouble(torch));
          const distance = Decimal.max(p.minus(exact.lo).abs(), p.minus(exact.hi).abs());
          const ratio = distance.isZero() ? 0 : distance.div(bounded[t]!.e).toNumber();
          worst = Math.max(worst, ratio);
          if (!(ratio <= 1)) problems.push(`case ${i} t = ${t}: torch ${torch}, ${ratio} × bound`);
          if (arithmeticOnly(c) && !Object.is(torch, production[t]))
            problems.push(`case ${i} t = ${t}: torch ${torch}, production ${production[t]}`);
        });
      });
      expect(problems.slice(0, 5)).toEqual([]);
      expect(worst).toBeLessThanOrEqual(1);
      if (process.env['OPTIM_ORACLE_SCHEDULE_REPORT'] === '1') {
        const compared = runs.get(label)!.reduce((n, r) => n + r.values.length, 0);
        console.log(`${label}: ${compared} torch values, worst err/bound ${worst.toFixed(3)}`);
      }
    });

    it('F2, F6, F7, F8: the named cases, in torch as in production', () => {
      const step = configureSchedule(exponentialDecay, 'pytorch', {
        hyper: { lr: '0.1', decayRate: '0.99', decaySteps: 1 },
      });
      const oneCycleLinear = configureSchedule(oneCycle, 'pytorch', {
        hyper: { maxLr: '1', totalSteps: 90, pctStart: '0.7' },
        flags: { anneal: 'linear' },
      });
      const oneCycleCos = configureSchedule(oneCycle, 'pytorch', { hyper: { maxLr: '1', totalSteps: 10 } });
      const asConfig = (c: unknown) => c as ScheduleConfig;
      const [exponential, stepOne, linearCycle, cosCycle, linearZero, emptyPhase] = runTorch([
        torchCase(asConfig(step), 500),
        { ...torchCase(asConfig(step), 500), class: 'StepLR', ints: { step_size: 1 } },
        torchCase(asConfig(oneCycleLinear), 62),
        torchCase(asConfig(oneCycleCos), 0),
        torchCase(asConfig(configureSchedule(linear, 'pytorch', { hyper: { startFactor: '0' } })), 3),
        torchCase(asConfig(configureSchedule(oneCycle, 'pytorch', { hyper: { totalSteps: 10, pctStart: '0.1' } })), 3),
      ]);
      expect(stepOne!.values).toEqual(exponential!.values);
      expect(exponential!.values).toEqual(learningRateSequence(floatOps, step, 500));
      expect(linearCycle!.values[62]).toBe(0.9999999999999998);
      expect(cosCycle!.values[0]).toBe(0.04 + 5 * 2 ** -57);
      expect([linearZero!.error, linearZero!.at]).toEqual(['ZeroDivisionError: float division by zero', 1]);
      expect([emptyPhase!.error, emptyPhase!.at]).toEqual(['ZeroDivisionError: float division by zero', 0]);
    });
  },
);
