/**
 * Adam's step-size claims (src/claims/adam-step-size/), and the cases worth keeping by name: the
 * counterexamples fast-check shrank to, and the refutations at the defaults that do not depend on the
 * degenerate corner β2 = 0.
 */
import { describe, expect, it } from 'vitest';
import { Decimal } from 'decimal.js';
import { adamStepSizeClaims } from '../../src/claims/adam-step-size/index.js';
import { adamConfig, float32Step } from '../../src/claims/adam-step-size/float32-step.js';
import {
  adamStep,
  compareExact,
  extremalGradients,
  paperBound,
  tightBound,
} from '../../oracle/claims/adam-step-size.js';
import { IntervalArithmetic } from '../../oracle/interval.js';
import { useBackend } from '../../src/production/tfjs/backend.js';
import { claimTests } from './verdicts.js';

claimTests(adamStepSizeClaims);

const holds = (b1: string, b2: string, gs: string[], bound: (a: IntervalArithmetic) => ReturnType<typeof adamStep>) =>
  compareExact((a) => ({ x: a.abs(adamStep(a, b1, b2, '1', gs)), y: bound(a) }));

describe("named counterexamples to the paper's bound (exact)", () => {
  it('fast-check, float32 inputs, seed 20171213: β1 = 2^-24, β2 = 0, g = (1 + 2^-23, 1) gives |Δ_2| = α (1 + 7.1e-15) > α', () => {
    const [b1, b2, g1] = [
      new Decimal(2).pow(-24).toString(),
      '0',
      new Decimal(1).plus(new Decimal(2).pow(-23)).toString(),
    ];
    expect(holds(b1, b2, [g1, '1'], (a) => paperBound(a, b1, b2, '1'))).toBe(false);
    const step = adamStep(IntervalArithmetic.at(60), b1, b2, '1', [g1, '1']).near;
    expect(step.minus(1).toNumber()).toBeCloseTo(7.105e-15, 17);
  });

  it('fast-check, decimal inputs (an earlier generator): β1 = 0.01, β2 = 0, g = (−0.0001, 0) makes v̂_2 = 0 while m̂_2 ≠ 0, so |Δ_2| = ∞', () => {
    expect(adamStep(IntervalArithmetic.at(60), '0.01', '0', '1', ['-0.0001', '0']).near.toString()).toBe('-Infinity');
    expect(holds('0.01', '0', ['-0.0001', '0'], (x) => paperBound(x, '0.01', '0', '1'))).toBe(false);
  });

  it('the decimal defaults, t = 1000, g_i = (β1/β2)^(1000−i): |Δ| = 5.7811602003… α > 3.1622776602 α', () => {
    const gs = extremalGradients('0.9', '0.999', 1000, 40).map(String);
    expect(holds('0.9', '0.999', gs, (a) => paperBound(a, '0.9', '0.999', '1'))).toBe(false);
    expect(adamStep(IntervalArithmetic.at(60), '0.9', '0.999', '1', gs).near.toSignificantDigits(11).toString()).toBe(
      '5.7811602003',
    );
  });

  it('β1 = 0.99, β2 = 0.999 (the stated bound is α), t = 2, g = (β1/β2, 1): |Δ_2| = 1.0000050… α', () => {
    const gs = extremalGradients('0.99', '0.999', 2, 40).map(String);
    expect(holds('0.99', '0.999', gs, (a) => a.point(1))).toBe(false);
  });
});

describe('power of the tight-bound test', () => {
  it('B (1 − 10^-12) is exceeded by the extremal sequence, so a bound even slightly too small fails', () => {
    const gs = extremalGradients('0.9', '0.999', 50, 60).map(String);
    expect(
      holds('0.9', '0.999', gs, (a) => a.mul(tightBound(a, '0.9', '0.999', '1', 50), a.point('0.999999999999'))),
    ).toBe(false);
    expect(holds('0.9', '0.999', gs, (a) => tightBound(a, '0.9', '0.999', '1', 50))).not.toBe(false);
  });
});

describe('named float32 counterexample (fast-check, seed 20171213)', () => {
  it('β1 = 2^-24, β2 = 2^-148 (subnormal), g = (−1.7320544, 0): production |Δ_2| ≈ 1.1e15 α, its error bound cannot bring it under α', async () => {
    const backend = await useBackend();
    const s = float32Step(backend, adamConfig(2 ** -24, 2 ** -148), [Math.fround(-1.7320544), 0]);
    expect(Math.abs(s.delta) - s.error).toBeGreaterThan(1);
  });
});
