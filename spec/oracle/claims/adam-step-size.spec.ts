/**
 * oracle/claims/adam-step-size.ts against Adam's moments and step written again in decimal.js as the
 * closed sums m_t = (1 − β1) Σ β1^(t−i) g_i and v_t = (1 − β2) Σ β2^(t−i) g_i² (not the recurrences
 * the oracle runs), the paper's bound on both sides of its condition, the tight bound as its formula
 * (infinite for β2 = 0 < β1, t > 1; γ = 0 for β1 = 0), the gradients that attain it, and the exact
 * comparison's three answers.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import {
  adamMoments,
  adamStep,
  compareExact,
  extremalGradients,
  paperBound,
  tightBound,
} from '../../../oracle/claims/adam-step-size.js';
import { IntervalArithmetic, type Interval } from '../../../oracle/interval.js';
import { APPROXIMATE, D, holds, root, type D as DValue } from '../closed-forms.js';

const a = IntervalArithmetic.at(100);

/** The enclosure holds d (within 10^−125 of |d|, the closed form's own square roots) and is narrow. */
function expectHolds(i: Interval, d: DValue) {
  expect(holds(i, d, APPROXIMATE), `${i.lo} ≤ ${d} ≤ ${i.hi}`).toBe(true);
  expect(new D(i.hi).minus(i.lo).lte(d.abs().times('1e-90'))).toBe(true);
}

const beta = fc.constantFrom('0.9', '0.999', '0.5', '0.1', '0.99');
const gradient = fc.constantFrom('1', '-2', '0.5', '3', '-0.001', '1e-8');

describe("Adam's moments and step from zero state", () => {
  test.prop([beta, beta, fc.array(gradient, { minLength: 1, maxLength: 12 }), fc.constantFrom('0.001', '1')])(
    'are the closed sums, bias-corrected',
    (b1, b2, gs, alpha) => {
      const t = gs.length;
      const [B1, B2] = [new D(b1), new D(b2)];
      const m = gs.reduce((s, g, i) => s.plus(B1.pow(t - 1 - i).times(g)), new D(0)).times(new D(1).minus(B1));
      const v = gs
        .reduce((s, g, i) => s.plus(B2.pow(t - 1 - i).times(new D(g).pow(2))), new D(0))
        .times(new D(1).minus(B2));
      const mHat = m.div(new D(1).minus(B1.pow(t)));
      const vHat = v.div(new D(1).minus(B2.pow(t)));
      const moments = adamMoments(a, b1, b2, gs);
      expectHolds(moments.mHat, mHat);
      expectHolds(moments.vHat, vHat);
      expectHolds(adamStep(a, b1, b2, alpha, gs), new D(alpha).times(mHat).div(root(vHat)));
    },
  );
});

describe('the bounds on the step', () => {
  it("the paper's: α (1 − β1)/√(1 − β2) when 1 − β1 > √(1 − β2), else α", () => {
    expectHolds(paperBound(a, '0', '0.99', '0.5'), new D('0.5').div(root(new D('0.01'))));
    expectHolds(paperBound(a, '0.9', '0.999', '0.001'), new D('0.0001').div(root(new D('0.001'))));
    expectHolds(paperBound(a, '0.99', '0.9', '0.001'), new D('0.001'));
    // 1 − β1 = √(1 − β2) exactly: the condition is strict, so α.
    expectHolds(paperBound(a, '0.9', '0.99', '2'), new D(2));
  });

  test.prop([beta, beta, fc.integer({ min: 1, max: 20 }), fc.constantFrom('0.001', '1')])(
    'the tight one: α (1 − β1)/(1 − β1^t) · √((1 − β2^t)/(1 − β2)) · √(Σ_{k<t} (β1²/β2)^k)',
    (b1, b2, t, alpha) => {
      const [B1, B2, one] = [new D(b1), new D(b2), new D(1)];
      const gamma = B1.pow(2).div(B2);
      const sum = Array.from({ length: t }, (_, k) => gamma.pow(k)).reduce((s, x) => s.plus(x), new D(0));
      const head = one.minus(B1).div(one.minus(B1.pow(t)));
      const tail = root(one.minus(B2.pow(t)).div(one.minus(B2)).times(sum));
      expectHolds(tightBound(a, b1, b2, alpha, t), new D(alpha).times(head).times(tail));
    },
  );

  it('the tight one at the corners: infinite for β2 = 0 < β1 and t > 1; β1 = 0 sums one term', () => {
    const infinite = tightBound(a, '0.9', '0', '1', 2);
    expect([infinite.lo.toString(), infinite.hi.toString()]).toEqual(['Infinity', 'Infinity']);
    expectHolds(tightBound(a, '0.9', '0', '1', 1), new D(1));
    expectHolds(tightBound(a, '0', '0.5', '1', 3), root(new D('0.875').div('0.5')));
    expectHolds(tightBound(a, '0', '0', '1', 3), new D(1));
  });

  it('is attained by g_i = (β1/β2)^(t−i), to 60 digits by default', () => {
    const gs = extremalGradients('0.9', '0.999', 4);
    const r = new D('0.9').div('0.999');
    expect(gs.map((g) => g.toSignificantDigits(55).toString())).toEqual(
      [3, 2, 1, 0].map((k) => r.pow(k).toSignificantDigits(55).toString()),
    );
    const step = adamStep(a, '0.9', '0.999', '1', gs);
    const bound = tightBound(a, '0.9', '0.999', '1', 4);
    expect(new D(step.near).minus(bound.near).abs().lte('1e-50')).toBe(true);
  });
});

describe('the exact comparison', () => {
  it('is true, false or equal, at increasing precision', () => {
    const third = (p: IntervalArithmetic) => p.div(p.point(1), p.point(3));
    expect(compareExact((p) => ({ x: third(p), y: p.point('0.34') }))).toBe(true);
    expect(compareExact((p) => ({ x: p.point('0.33'), y: third(p) }))).toBe(true);
    expect(compareExact((p) => ({ x: third(p), y: p.point('0.33') }))).toBe(false);
    // 1/3 against 1/3 + 10^−200: separated only past 200 digits.
    expect(compareExact((p) => ({ x: third(p), y: p.add(third(p), p.point('1e-200')) }))).toBe(true);
    expect(compareExact((p) => ({ x: p.add(third(p), p.point('1e-200')), y: third(p) }))).toBe(false);
    expect(compareExact((p) => ({ x: third(p), y: third(p) }))).toBe('equal');
    expect(compareExact((p) => ({ x: p.point(1), y: p.point(1) }))).toBe(true);
  });
});
