/**
 * RAdam's claims (src/claims/radam/), the formulas they compare against checked on PyTorch 1.13's
 * RAdam in float64, and their power: the wrong regime or a step before the threshold fails them.
 */
import { describe, expect, it } from 'vitest';
import { Decimal } from 'decimal.js';
import { radamClaims } from '../../src/claims/radam/index.js';
import { firstRectified, rectified, rectifier } from '../../src/claims/radam/common.js';
import { signs } from '../../src/claims/radam/rectifier.js';
import { holds, radamStep, rectifiedAdamStep, sgdStep, type RadamCase } from '../../src/claims/radam/steps.js';
import { claimTests } from './verdicts.js';

claimTests(radamClaims);

const D = Decimal.clone({ precision: 120 });

const pytorch = (t: number, weightDecay = '0'): RadamCase => ({
  preset: 'pytorch',
  lr: '0.001',
  beta1: '0.9',
  beta2: '0.999',
  eps: '1e-8',
  weightDecay,
  theta: 1.5,
  g: 0.25,
  m: 0.125,
  v: 0.0625,
  t,
});

/** θ − θ' from torch.optim.RAdam (1.13) in float64, one step from (θ, g, m, v) = (1.5, 0.25, 0.125, 0.0625). */
const TORCH: readonly [RadamCase, number][] = [
  [pytorch(5), 0.0003357671363337644],
  [pytorch(6), 2.3448018353633415e-6],
  [pytorch(1000), 0.00028223103171498565],
  [pytorch(6, '0.5'), 3.5969082552433917e-6],
];

describe('the formulas the regimes are compared with', () => {
  it.each(TORCH.map(([c, x]) => [c.t, c.weightDecay, c, x] as const))(
    'match PyTorch 1.13 in float64 at t = %i, λ = %s (to 4e-16, float64 rounding of θ′ ≈ 1.5)',
    (_t, _wd, c, torch) => {
      const formula = rectified('>5', c.beta2, c.t) ? rectifiedAdamStep(c) : sgdStep(c);
      expect(formula.minus(torch).abs().toNumber()).toBeLessThan(4e-16);
      expect(holds(radamStep(c), formula, c.theta)).toBe(true);
    },
  );

  it("r_t at β2 = 0.999 is PyTorch's float64 value, and t = 5 is rectified under > 4 only", () => {
    // float64's ρ_6 = 1999 − 1993.005… carries the roundings of values near 2000 (ulp 2.3e−13) into
    // ρ_6 − 4 ≈ 2: PyTorch's r_6 is 6.7e−15 from the exact r_6 of its own float64 β2 (decimal, 60 digits)
    expect(rectifier('0.999', 6).minus(0.02582111280185855).abs().toNumber()).toBeLessThan(1e-14);
    expect(rectifier('0.999', 1000).minus(0.6453256523380656).abs().toNumber()).toBeLessThan(1e-15);
    expect(firstRectified('0.999', 100)).toEqual({ four: 5, five: 6 });
    expect([rectified('>4', '0.999', 5), rectified('>5', '0.999', 5), rectified('>=5', '0.999', 5)]).toEqual([
      true,
      false,
      false,
    ]);
  });
});

describe('power', () => {
  it('the wrong regime fails: at t = 5 the paper rectifies and PyTorch does not, and the two formulas differ', () => {
    const paper: RadamCase = { ...pytorch(5), preset: 'paper', eps: '0' };
    expect(holds(radamStep(paper), rectifiedAdamStep(paper), paper.theta)).toBe(true);
    expect(holds(radamStep(paper), sgdStep(paper), paper.theta)).toBe(false);
    expect(holds(radamStep(pytorch(5)), rectifiedAdamStep(pytorch(5)), 1.5)).toBe(false);
  });

  it('a step 10^-80 off is caught', () => {
    const c = pytorch(6);
    expect(holds(radamStep(c), rectifiedAdamStep(c).times(new D(1).plus('1e-80')), c.theta)).toBe(false);
  });

  it('the rectifier check fails before the threshold (ρ_4 < 4 makes r_4² negative) and decides r_t < 1 at t = 10^6', () => {
    expect(signs('0.999', 4, 5)?.positive).toBe(false);
    expect(signs('0.999', 6, 7)).toEqual({ positive: true, belowOne: true, increasing: true, consistent: true });
    expect(signs('0.7', 999999, 1000000)).toEqual({
      positive: true,
      belowOne: true,
      increasing: true,
      consistent: true,
    });
  });
});
