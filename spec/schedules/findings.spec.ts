/**
 * The named findings of docs/schedules.md that need no PyTorch (those that do are in
 * ./pytorch.spec.ts): the off-by-one boundaries between frameworks as exact identities of the
 * oracle, and the places where a framework's arithmetic leaves the exact schedule, each with the
 * derived bound saying so (a value beyond its bound would be a defect; an infinite bound marks a
 * step outside the analysed domain).
 */
import { describe, expect, it } from 'vitest';
import {
  ScheduleStepError,
  configureSchedule,
  cosineAnnealing,
  exponentialDecay,
  linear,
  multiStep,
  oneCycle,
  piecewiseConstant,
  type ScheduleConfig,
} from '../../core/schedules/index.js';
import { learningRateAt as exactAt } from '../../oracle/schedules/index.js';
import { learningRateAt, learningRateWith } from '../../src/production/schedules/index.js';
import { boundedOps } from '../../src/gate/schedules/bounded-ops.js';

const steps = (n: number) => Array.from({ length: n }, (_, t) => t);

describe('findings', () => {
  it("F3: Keras's boundary b is PyTorch's milestone b + 1 (Keras switches after b, PyTorch at m)", () => {
    const torch = configureSchedule(multiStep, 'pytorch', {
      hyper: { lr: '0.5', decayRate: '0.5' },
      lists: { milestones: [5, 9] },
    });
    const keras = configureSchedule(piecewiseConstant, 'keras', {
      lists: { boundaries: [4, 8], values: ['0.5', '0.25', '0.125'] },
    });
    const values = (c: ScheduleConfig, t: number) => {
      const r = exactAt(c, t);
      return [r.float32, r.float64, r.enclosure.lo.toString(), r.enclosure.hi.toString()];
    };
    const [k, p] = [keras, torch] as unknown as [ScheduleConfig, ScheduleConfig];
    for (const t of steps(14)) expect(values(k, t)).toEqual(values(p, t));
    const same = configureSchedule(piecewiseConstant, 'keras', {
      lists: { boundaries: [5, 9], values: ['0.5', '0.25', '0.125'] },
    });
    expect([5, 9].map((t) => exactAt(same, t).float64)).not.toEqual([5, 9].map((t) => exactAt(torch, t).float64));
  });

  it("F4: Keras's decay_steps counts after the warmup, optax's includes it: Keras (W, T, a) is optax (W, T + W, e = a p)", () => {
    const keras = configureSchedule(cosineAnnealing, 'keras', {
      hyper: { lr: '0.01', decaySteps: 300, alpha: '0.1', peak: '0.4', warmupSteps: 20 },
    });
    const optax = configureSchedule(cosineAnnealing, 'optax', {
      hyper: { lr: '0.01', peak: '0.4', warmupSteps: 20, decaySteps: 320, end: '0.04', exponent: '1' },
    });
    for (const t of [0, 1, 19, 20, 21, 97, 170, 319, 320, 400]) {
      const k = exactAt(keras, t);
      const o = exactAt(optax, t);
      expect([k.float32, k.float64]).toEqual([o.float32, o.float64]);
    }
    const sameNumbers = configureSchedule(cosineAnnealing, 'optax', {
      hyper: { lr: '0.01', peak: '0.4', warmupSteps: 20, decaySteps: 300, end: '0.04', exponent: '1' },
    });
    expect(exactAt(sameNumbers, 170).float64).not.toBe(exactAt(keras, 170).float64);
  });

  it("F5: PyTorch's cosine is periodic past T_max (α₀ again at 2 T_max); Keras and optax stay at the floor", () => {
    const torch = configureSchedule(cosineAnnealing, 'pytorch', { hyper: { lr: '0.1', decaySteps: 100 } });
    const keras = configureSchedule(cosineAnnealing, 'keras', { hyper: { lr: '0.1', decaySteps: 100 } });
    expect([100, 150, 200].map((t) => exactAt(torch, t).float64)).toEqual([0, 0.05, 0.1]);
    expect([100, 150, 200].map((t) => exactAt(keras, t).float64)).toEqual([0, 0, 0]);
  });

  it('F6: OneCycleLR (ρ = 0.7, N = 90) puts t = 62 in its second phase, as float(0.7 · 90) − 1 = 61.99999999999999', () => {
    const c = configureSchedule(oneCycle, 'pytorch', {
      hyper: { maxLr: '1', totalSteps: 90, pctStart: '0.7' },
      flags: { anneal: 'linear' },
    });
    expect(0.7 * 90 - 1).toBe(61.99999999999999);
    expect(exactAt(c, 62).float64).toBe(1);
    expect(learningRateAt(c, 62)).toBe(0.9999999999999998);
    expect(Math.abs(learningRateAt(c, 62) - 1)).toBeLessThanOrEqual(learningRateWith(boundedOps, c, 62).e);
  });

  it('F7: OneCycleLR starts 5 ulps away from max_lr/div_factor (1/25), its cosine anneal at pct = 0', () => {
    const c = configureSchedule(oneCycle, 'pytorch', { hyper: { maxLr: '1', totalSteps: 10 } });
    expect(exactAt(c, 0).float64).toBe(0.04);
    expect(learningRateAt(c, 0)).toBe(0.04 + 5 * 2 ** -57);
  });

  it('F8: LinearLR with start_factor 0 and OneCycleLR with ρ N = 1 raise ZeroDivisionError; the schedule has a value', () => {
    const lin = configureSchedule(linear, 'pytorch', { hyper: { startFactor: '0' } });
    expect(learningRateAt(lin, 0)).toBe(0);
    expect(() => learningRateAt(lin, 1)).toThrow(ScheduleStepError);
    expect(exactAt(lin, 1).float64).toBe(0.01);
    const closed = configureSchedule(linear, 'pytorch', {
      hyper: { startFactor: '0' },
      flags: { implementation: 'torch-closed-form' },
    });
    expect(learningRateAt(closed, 1)).toBe(0.05 * 0.2);
    const cycle = configureSchedule(oneCycle, 'pytorch', { hyper: { totalSteps: 10, pctStart: '0.1' } });
    expect(() => learningRateAt(cycle, 0)).toThrow(/ZeroDivisionError/);
    expect(() => exactAt(cycle, 0)).toThrow(/ZeroDivisionError/);
  });

  it('F9: Keras casts the step to float32, so a staircase decays early past 2^24 (the floor leaves the analysed domain)', () => {
    const c = configureSchedule(exponentialDecay, 'keras', {
      hyper: { lr: '0.1', decayRate: '0.5', decaySteps: 2 ** 24 + 4 },
      flags: { staircase: true },
    });
    const t = 2 ** 24 + 3;
    expect(exactAt(c, t).float32).toBe(Math.fround(0.1));
    expect(learningRateAt(c, t)).toBe(Math.fround(0.05));
    expect(learningRateWith(boundedOps, c, t).e).toBe(Infinity);
  });

  it('F11: OneCycleLR takes step N (one past the cycle) and extrapolates back up; only N + 1 raises ValueError', () => {
    const c = configureSchedule(oneCycle, 'pytorch', { hyper: { maxLr: '1', totalSteps: 10 } });
    expect(exactAt(c, 9).float64).toBe(0.000004);
    expect(exactAt(c, 10).float64).toBeGreaterThan(0.04);
    expect(() => learningRateAt(c, 11)).toThrow(/ValueError/);
  });

  it("F12: Keras's warmup is α₀ + (p − α₀) s/W (its docstring omits the + α₀)", () => {
    const c = configureSchedule(cosineAnnealing, 'keras', { hyper: { lr: '0.1', peak: '0.5', warmupSteps: 10 } });
    expect(exactAt(c, 5).float64).toBe(0.3);
    expect(learningRateAt(c, 5)).toBe(Math.fround(0.3));
  });

  it('F13: in float32 the last steps of a cosine decay to 0 are rounding (1 + cos cancels): Keras gives 0 at T − 1', () => {
    const c = configureSchedule(cosineAnnealing, 'keras', { hyper: { lr: '1', decaySteps: 100_000 } });
    const exact = exactAt(c, 99_999).float32;
    expect(exact).toBeCloseTo(2.4674e-10, 13);
    expect(learningRateAt(c, 99_999)).toBe(0);
    expect(learningRateAt(c, 99_990) / exactAt(c, 99_990).float64).toBeGreaterThan(1.2);
    expect(learningRateWith(boundedOps, c, 99_999).e).toBeGreaterThan(100 * exact);
  });
});
