import { describe, expect, it } from 'vitest';
import { configure } from '../../core/catalogue/index.js';
import { Undecided } from '../../oracle/interval.js';
import { NOT_RATIONAL } from '../../oracle/rational.js';
import { RationalWithFloat64, type RationalPair } from '../../oracle/rational-with-float64.js';
import { certifyStatistics, fallThroughShare, resetCertifyStatistics, withCertifyStages } from '../../oracle/staged.js';
import { entryOf, oracleRuleOf } from '../../src/registry/index.js';

const P = RationalWithFloat64.instance;
const pair = (x: unknown) => x as RationalPair;

describe('the rational stage with binary64 alongside', () => {
  it('keeps the exact rational where the operations stay rational', () => {
    const m = pair(P.add(P.mul(P.point('0.9'), P.fromFloat32(3)), P.mul(P.point('0.1'), P.fromFloat32(1))));
    expect(m.exact.num * 10n).toBe(28n * m.exact.den);
    expect(m.approx!.lo).toBeLessThanOrEqual(2.8);
    expect(m.approx!.hi).toBeGreaterThanOrEqual(2.8);
  });

  it('answers a test on a value that left the rationals from its enclosure, where the enclosure tells', () => {
    const root = P.sqrt(P.add(P.fromFloat32(2), P.point('1e-7'))); // a surd plus a rational leaves them
    const sum = pair(P.add(root, P.point('1e-8')));
    expect(sum.exact).toBe(NOT_RATIONAL);
    expect(P.isZero(sum)).toBe(false);
    expect(P.isNegative(sum)).toBe(false);
    expect(P.isNegative(P.neg(sum))).toBe(true);
  });

  it('throws Undecided where neither tells, and answers an exact zero by the rational', () => {
    // √2 − 1.4142135623730950488 ≈ 1.7e-20: irrational, and within binary64's enclosure width of 0.
    const close = P.sub(P.sqrt(P.point(2)), P.point('1.4142135623730950488'));
    expect(pair(close).exact).toBe(NOT_RATIONAL);
    expect(() => P.isZero(close)).toThrow(Undecided);
    expect(() => P.isNegative(close)).toThrow(Undecided);
    expect(P.isZero(P.sub(P.point('0.1'), P.point('0.1')))).toBe(true);
    // −0 counts as negative: the rational keeps no sign of zero, binary64's exact point does.
    expect(P.isNegative(P.neg(P.point(0)))).toBe(true);
  });

  it('an operand binary64 cannot enclose has no enclosure downstream, and NaN or ±∞ no rational', () => {
    const undecided = pair(P.div(P.point(1), P.sub(P.point('0.1'), P.point('0.1000000000000000001'))));
    expect(undecided.approx).toBeUndefined();
    expect(pair(P.add(undecided, P.point(1))).approx).toBeUndefined();
    expect(pair(P.fromFloat32(Infinity)).exact).toBe(NOT_RATIONAL);
  });

  it("decides LAMB's rational outputs when its trust ratio tests a norm that is irrational", () => {
    // m' = 0.9 m + 0.1 g is a float32 midpoint with a tiny 0.1 g on top (from the oracle benchmark's
    // Adam arrays): binary64 leaves m' on the boundary; ‖θ‖ and ‖r‖ hold square roots, so the
    // rational stage alone threw at the trust ratio's test ‖r‖ = 0 and sent the tensor to decimal.
    const config = configure(entryOf('lamb'), 'paper');
    const input = {
      params: Float32Array.of(1, -2),
      grads: Float32Array.of(0x1000014 * 2 ** -41, 0.5),
      state: { m: Float32Array.of(0x1aa49e2 * 2 ** 10, 0.25), v: Float32Array.of(1, 1) },
      t: 3,
    };
    resetCertifyStatistics();
    const staged = oracleRuleOf('lamb').step(config, input);
    const counts = certifyStatistics()['lamb']!;
    expect(counts.rational).toBe(1);
    expect(fallThroughShare(counts)).toBe(0);
    const decimal = withCertifyStages('decimal', () => oracleRuleOf('lamb').step(config, input));
    expect(Array.from(staged.params)).toEqual(Array.from(decimal.params));
    expect(Array.from(staged.state['m']!)).toEqual(Array.from(decimal.state['m']!));
    expect(Array.from(staged.state['v']!)).toEqual(Array.from(decimal.state['v']!));
  });
});
