/**
 * The oracle against closed forms computed independently with decimal.js: StepLR and MultiStepLR at
 * their boundaries, the cosines at 0, T/4, T/2 and T (√2/2 from decimal.js's sqrt), Keras's
 * non-staircase decay at a half step (√γ), the piecewise pieces, LinearLR's ends, OneCycleLR's phase
 * ends; and the certified roundings against decimal.js's exact values rounded once.
 */
import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import {
  configureSchedule,
  cosineAnnealing,
  exponentialDecay,
  linear,
  multiStep,
  oneCycle,
  piecewiseConstant,
  type ScheduleConfig,
  type ScheduleSchema,
} from '../../core/schedules/index.js';
import { roundToFloat32 } from '../../oracle/binary32.js';
import { IntervalArithmetic } from '../../oracle/interval.js';
import { learningRateAt, learningRateEnclosure } from '../../oracle/schedules/index.js';

const D = Decimal.clone({ precision: 120 });
const a = IntervalArithmetic.at(80);

/** The oracle encloses `expected` within 10^−70 relative, and rounds it as decimal.js's value rounds. */
function expectRate<S extends ScheduleSchema>(
  config: ScheduleConfig<S>,
  t: number,
  expected: Decimal,
  point = false,
): void {
  const e = learningRateEnclosure(a, config, t);
  const slack = expected.abs().times('1e-70');
  expect(e.lo.lte(expected.plus(slack)) && e.hi.gte(expected.minus(slack)), `t = ${t}: ${e.lo} … ${e.hi}`).toBe(true);
  if (point) expect(e.lo.eq(e.hi) && e.lo.eq(expected), `t = ${t}: an exact point`).toBe(true);
  const r = learningRateAt(config, t);
  expect(r.float32).toBe(roundToFloat32(expected));
  expect(r.float64).toBe(Number(expected.toString()));
  expect(r.uncertified).toEqual([]);
}

describe('oracle closed forms', () => {
  it('StepLR decays at every multiple of step_size, not before: α₀ γ^⌊t/s⌋', () => {
    const c = configureSchedule(exponentialDecay, 'pytorch', {
      hyper: { lr: '0.05', decayRate: '0.1', decaySteps: 30 },
    });
    for (const [t, k] of [
      [0, 0],
      [29, 0],
      [30, 1],
      [59, 1],
      [60, 2],
      [90, 3],
    ] as const)
      expectRate(c, t, new D('0.05').times(new D('0.1').pow(k)), true);
  });

  it("Keras's ExponentialDecay without staircase at a half step is α₀ √γ, and γ^(t/s) at whole steps", () => {
    const c = configureSchedule(exponentialDecay, 'keras', { hyper: { lr: '0.1', decayRate: '0.96', decaySteps: 2 } });
    expectRate(c, 1, new D('0.1').times(new D('0.96').sqrt()));
    expectRate(c, 4, new D('0.1').times(new D('0.96').pow(2)), true);
    const stair = configureSchedule(exponentialDecay, 'keras', {
      hyper: { decaySteps: 2 },
      flags: { staircase: true },
    });
    expectRate(stair, 3, new D('0.1').times('0.96'), true);
  });

  it('MultiStepLR applies γ from the milestone on, γ² at a milestone given twice', () => {
    const c = configureSchedule(multiStep, 'pytorch', {
      hyper: { decayRate: '0.5' },
      lists: { milestones: [3, 7, 7] },
    });
    for (const [t, k] of [
      [2, 0],
      [3, 1],
      [6, 1],
      [7, 3],
      [100, 3],
    ] as const)
      expectRate(c, t, new D('0.05').times(new D('0.5').pow(k)), true);
  });

  it("Keras's PiecewiseConstantDecay holds v_i up to and including b_i", () => {
    const c = configureSchedule(piecewiseConstant, 'keras', {
      lists: { boundaries: [10, 20], values: ['1', '0.5', '0.1'] },
    });
    for (const [t, v] of [
      [0, '1'],
      [10, '1'],
      [11, '0.5'],
      [20, '0.5'],
      [21, '0.1'],
    ] as const)
      expectRate(c, t, new D(v), true);
  });

  it('CosineAnnealingLR: α₀ at 0, the midpoint at T/2, η at T, √2/2 at T/4, back to α₀ at 2T', () => {
    const c = configureSchedule(cosineAnnealing, 'pytorch', {
      hyper: { lr: '0.1', decaySteps: 100, minimum: '0.001' },
    });
    expectRate(c, 0, new D('0.1'), true);
    expectRate(c, 50, new D('0.0505'), true);
    expectRate(c, 100, new D('0.001'), true);
    expectRate(c, 200, new D('0.1'), true);
    expectRate(c, 25, new D('0.001').plus(new D('0.099').times(new D(1).plus(new D(2).sqrt().div(2))).div(2)));
  });

  it("Keras's CosineDecay: α₀ at 0, α₀(1 + a)/2 at T/2, a α₀ from T on; with warmup, the target at W", () => {
    const c = configureSchedule(cosineAnnealing, 'keras', { hyper: { lr: '0.1', decaySteps: 1000, alpha: '0.2' } });
    expectRate(c, 0, new D('0.1'), true);
    expectRate(c, 500, new D('0.06'), true);
    expectRate(c, 1000, new D('0.02'), true);
    expectRate(c, 5000, new D('0.02'), true);
    const w = configureSchedule(cosineAnnealing, 'keras', {
      hyper: { lr: '0', decaySteps: 1000, warmupSteps: 100, peak: '0.1' },
    });
    expectRate(w, 50, new D('0.05'), true);
    expectRate(w, 100, new D('0.1'), true);
    expectRate(w, 600, new D('0.05'), true);
    expectRate(w, 1100, new D('0'), true);
  });

  it("optax's warmup_cosine_decay_schedule: the peak at W, the mean of peak and end half-way, the end at T", () => {
    const c = configureSchedule(cosineAnnealing, 'optax', {
      hyper: { lr: '0', peak: '1', warmupSteps: 50, decaySteps: 1050, end: '0.1' },
    });
    expectRate(c, 25, new D('0.5'), true);
    expectRate(c, 50, new D('1'), true);
    expectRate(c, 550, new D('0.55'), true);
    expectRate(c, 1050, new D('0.1'), true);
    expectRate(c, 2000, new D('0.1'), true);
  });

  it('LinearLR: f₀ α₀ at 0, f₁ α₀ from T on, linear between', () => {
    const c = configureSchedule(linear, 'pytorch', { hyper: { lr: '0.05', startFactor: '0.5', totalIters: 4 } });
    for (const [t, v] of [
      [0, '0.025'],
      [1, '0.03125'],
      [3, '0.04375'],
      [4, '0.05'],
      [9, '0.05'],
    ] as const)
      expectRate(c, t, new D(v), true);
  });

  it('OneCycleLR: α_max/d at 0, α_max at the end of the rise, α_max/(d d_f) at N − 1', () => {
    const c = configureSchedule(oneCycle, 'pytorch', { hyper: { maxLr: '1', totalSteps: 100, pctStart: '0.3' } });
    expectRate(c, 0, new D('0.04'), true);
    expectRate(c, 29, new D('1'), true);
    expectRate(c, 99, new D('0.000004'), true);
    const three = configureSchedule(oneCycle, 'pytorch', {
      hyper: { maxLr: '1', totalSteps: 101, pctStart: '0.3' },
      flags: { threePhase: true, anneal: 'linear' },
    });
    expectRate(three, 29, new D('0.04').plus(new D('0.96').times(new D(29).div('29.3'))));
    expectRate(three, 100, new D('0.000004'), true);
  });
});
