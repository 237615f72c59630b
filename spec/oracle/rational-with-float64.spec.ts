import { describe, expect, it } from 'vitest';
import { configure } from '../../core/catalogue/index.js';
import { Undecided } from '../../oracle/interval.js';
import { roundPairToFloat32, RationalWithFloat64, type RationalPair } from '../../oracle/rational-with-float64.js';
import { entryOf } from '../../src/registry/index.js';
import { expectDecidedBy } from './decided-by.js';

const P = RationalWithFloat64.instance;
const pair = (x: unknown) => x as RationalPair;

describe('the rational stage with binary64 alongside', () => {
  it('keeps the exact rational, with no remainder, while the operations stay rational', () => {
    const m = pair(P.add(P.mul(P.point('0.9'), P.fromFloat32(3)), P.mul(P.point('0.1'), P.fromFloat32(1))));
    expect(m.exact.num * 10n).toBe(28n * m.exact.den);
    expect([m.rest!.lo, m.rest!.hi]).toEqual([0, 0]);
    expect(m.whole!.lo).toBeLessThanOrEqual(2.8);
    expect(m.whole!.hi).toBeGreaterThanOrEqual(2.8);
  });

  it('moves what leaves the rationals into the remainder and keeps the rational part exact', () => {
    const root = P.sqrt(P.add(P.fromFloat32(2), P.point('1e-7'))); // √ of a non-square: a surd
    const sum = pair(P.add(root, P.point('1e-8'))); // a surd plus a rational is neither
    expect(sum.exact.num * 100_000_000n).toBe(sum.exact.den);
    // The remainder is √(2 + 10^-7) = 1.41421359772843…, enclosed within a few ulps.
    expect(sum.rest!.lo).toBeGreaterThan(1.4142135977284);
    expect(sum.rest!.hi).toBeLessThan(1.4142135977285);
    expect(P.isZero(sum)).toBe(false);
    expect(P.isNegative(sum)).toBe(false);
    expect(P.isNegative(P.neg(sum))).toBe(true);
  });

  it('rounds an exact midpoint plus a remainder of known sign to that side, and leaves one of unknown sign', () => {
    const midpoint = P.fromFloat32(1 + 2 ** -23); // 1 + 2^-24 = midpoint + …, built below as a sum
    const half = pair(P.sub(P.add(midpoint, P.fromFloat32(1)), P.fromFloat32(1 + 2 ** -23))); // 1, exactly
    expect(roundPairToFloat32(half)).toBe(1);
    const exactMidpoint = P.mul(P.point('0.5'), P.add(P.fromFloat32(1), midpoint)); // 1 + 2^-24
    const tiny = P.mul(P.sqrt(P.point(2)), P.point('1e-30')); // √2 · 10^-30, irrational
    expect(roundPairToFloat32(pair(exactMidpoint))).toBe(1); // the tie goes to the even 1
    expect(roundPairToFloat32(pair(P.add(exactMidpoint, tiny)))).toBe(1 + 2 ** -23);
    expect(roundPairToFloat32(pair(P.sub(exactMidpoint, tiny)))).toBe(1);
    // A remainder whose enclosure holds 0 decides nothing on a boundary.
    const zeroish = P.sub(P.sqrt(P.point(2)), P.point('1.4142135623730950488'));
    expect(roundPairToFloat32(pair(P.add(exactMidpoint, zeroish)))).toBeUndefined();
  });

  it('rounds a surd exactly by comparing squares, its sign deciding a zero', () => {
    // √2 · 10^-50 rounds to +0 and its negative to −0; binary64's enclosure of it holds no float32
    // boundary here, but its product with a subnormal double would hold 0.
    const root = P.mul(P.sqrt(P.point(2)), P.point('1e-50'));
    expect(Object.is(roundPairToFloat32(pair(root)), 0)).toBe(true);
    expect(Object.is(roundPairToFloat32(pair(P.neg(root))), -0)).toBe(true);
    // √(1 + 2^-23 + 2^-46 + 2^-60): just above the midpoint 1 + 2^-24 squared's root, so it rounds up;
    // binary64 cannot tell (its enclosure of the square root holds the midpoint).
    const above = P.sqrt(P.add(P.fromFloat32(1 + 2 ** -23), P.point('3.552713678800500938014425e-15')));
    const below = P.sqrt(P.add(P.fromFloat32(1 + 2 ** -23), P.point('3.552713678800500923e-15')));
    expect(roundPairToFloat32(pair(above))).toBe(1 + 2 ** -23);
    expect(roundPairToFloat32(pair(below))).toBe(1);
  });

  it('throws Undecided at a test neither the exact part, the remainder nor the whole enclosure decides', () => {
    // √2 − 1.4142135623730950488 ≈ 1.7e-20: irrational, and within binary64's enclosure width of 0.
    const close = P.sub(P.sqrt(P.point(2)), P.point('1.4142135623730950488'));
    expect(() => P.isZero(close)).toThrow(Undecided);
    expect(() => P.isNegative(close)).toThrow(Undecided);
    expect(P.isZero(P.sub(P.point('0.1'), P.point('0.1')))).toBe(true);
    // −0 counts as negative: the rational keeps no sign of zero, binary64's exact point does.
    expect(P.isNegative(P.neg(P.point(0)))).toBe(true);
  });

  it('keeps the exact part where binary64 cannot enclose, and takes ±∞ from binary64 alone', () => {
    const quotient = pair(P.div(P.point(1), P.sub(P.point('0.1'), P.point('0.1000000000000000001'))));
    expect(quotient.exact.num).toBe(-(10n ** 19n) * quotient.exact.den);
    expect(quotient.whole).toBeUndefined();
    const infinite = pair(P.fromFloat32(-Infinity));
    expect(roundPairToFloat32(infinite)).toBeUndefined();
    expect(P.isNegative(infinite)).toBe(true);
  });

  it('decides an RMSProp buffer whose exact part is a float32 midpoint and whose remainder is tiny', () => {
    // From the properties' cases (rmsprop/paper, seed 20171213): b' = μ b + α g / √(v' + ε) with
    // μ b a midpoint and α = 1.1e-173; the rational stage alone left the sum with a surd to decimal.
    const config = configure(entryOf('rmsprop'), 'paper', {
      lr: '1.1312664938588316e-173',
      rho: '0.9',
      momentum: '0.9',
      eps: '1e-8',
    });
    const input = {
      params: Float32Array.of(-0x1f753c6 * 2 ** -25),
      grads: Float32Array.of(0x1dbfb36 * 2 ** -29),
      state: { meanSquare: Float32Array.of(0x1000008 * 2 ** -27), buffer: Float32Array.of(-0x1e2e3f6 * 2 ** -41) },
      t: 1_000_000,
    };
    expectDecidedBy('rational', 1, config, input);
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
    expectDecidedBy('rational', 1, config, input);
  });

  it('decides an exact zero with the sign IEEE 754 gives it: SGD at θ = −max, λ = 1000, α = 0.001', () => {
    // From the oracle benchmark's cases (sgd/pytorch, seed 20171213): θ' = θ − α (g + λ θ) = θ − θ = +0
    // exactly, but α = 0.001 is no double, so binary64 and the big floats enclose it around 0; the
    // rational stage kept no sign of zero and sent it to decimal.
    const config = configure(entryOf('sgd'), 'pytorch', { lr: '0.001', weightDecay: '1000' });
    const input = { params: Float32Array.of(-0x1fffffe * 2 ** 103), grads: Float32Array.of(0), state: {}, t: 6 };
    expectDecidedBy('rational', 1, config, input);
    const sign = (x: unknown) => roundPairToFloat32(pair(x));
    expect(Object.is(sign(P.mul(P.fromFloat32(-0), P.point('0.1'))), -0)).toBe(true);
    expect(Object.is(sign(P.sub(P.point('0.1'), P.point('0.1'))), 0)).toBe(true);
  });

  it('tries the rationals where binary64 could not decide an operation: centred RMSProp at ρ = 7.8e-256', () => {
    // From the oracle benchmark's cases (rmsprop-centered/paper, seed 20171213): ρ v underflows in
    // binary64 under √(v' − m'² + ε); g = 0 makes b' = μ b exactly, a float32 midpoint (μ = 0.9). The
    // big floats cannot hold 0.9, so the step went to decimal.
    const config = configure(entryOf('rmsprop-centered'), 'paper', {
      lr: '5e-7',
      rho: '7.77229305210706e-256',
      momentum: '0.9',
      eps: '3.5446802229019544e-270',
    });
    const input = {
      params: Float32Array.of(0x1259206 * 2 ** -28),
      grads: Float32Array.of(0),
      state: {
        meanSquare: Float32Array.of(0x14dfdca * 2 ** -13),
        meanGrad: Float32Array.of(0x13cae22 * 2 ** 43),
        buffer: Float32Array.of(0x1aef546 * 2 ** -9),
      },
      t: 1_000_000,
    };
    expectDecidedBy('rational', 1, config, input);
  });
});
