/**
 * The rational stage's remainder of known sign (oracle/rational-pair.ts, ./rational-with-float64.ts):
 * a^n and a^y of a positive a stay positive where binary64 underflows them (0.96^(10^6) is
 * 10^−17,729, enclosed by [0, 2^−1074]), and the sign goes through products with nonzero exact parts,
 * quotients by them, negation and sums of like signs. A value q + ρ with q a float32 midpoint then
 * rounds to ρ's side, as MPFR's mpfr_round_near_x rounds v + g with g's direction known; and with
 * `beside`, `roundRationalToFloat32` gives the rounding of the values just beside a rational.
 */
import { describe, expect, it } from 'vitest';
import { configure } from '../../core/catalogue/index.js';
import { MAX_FLOAT32 } from '../../oracle/binary32.js';
import { roundPairToFloat32, RationalWithFloat64, type RationalPair } from '../../oracle/rational-with-float64.js';
import { roundRationalToFloat32, type Rational } from '../../oracle/rational.js';
import { withCertifyStages } from '../../oracle/staged.js';
import { entryOf, oracleRuleOf } from '../../src/registry/index.js';

/** n / 2^k as a rational. */
const dyadic = (n: bigint, k: number): Rational => ({ num: n, den: 1n << BigInt(k) });

describe('roundRationalToFloat32 beside a rational', () => {
  it.each([
    // 1 + 3 · 2^−24: a tie whose even neighbour is the upper one, 1 + 2^−22.
    ['1 + 3 · 2^−24', dyadic((1n << 24n) + 3n, 24), 1 + 2 ** -22, 1 + 2 ** -22, 1 + 2 ** -23],
    // 1 + 2^−24: a tie whose even neighbour is the lower one, 1.
    ['1 + 2^−24', dyadic((1n << 24n) + 1n, 24), 1, 1 + 2 ** -23, 1],
    ['−(1 + 2^−24)', dyadic(-((1n << 24n) + 1n), 24), -1, -1, -(1 + 2 ** -23)],
    [
      '2^128 − 2^103, the overflow boundary',
      { num: (1n << 128n) - (1n << 103n), den: 1n },
      Infinity,
      Infinity,
      MAX_FLOAT32,
    ],
    ['1/3, no tie', { num: 1n, den: 3n }, Math.fround(1 / 3), Math.fround(1 / 3), Math.fround(1 / 3)],
    ['1.5, a float32', dyadic(3n, 1), 1.5, 1.5, 1.5],
  ])('%s: nearest, just above, just below', (_, r, nearest, above, below) => {
    expect(roundRationalToFloat32(r)).toBe(nearest);
    expect(roundRationalToFloat32(r, 1)).toBe(above);
    expect(roundRationalToFloat32(r, -1)).toBe(below);
  });

  it('0: no rounding at all, +0 just above, −0 just below', () => {
    const zero: Rational = { num: 0n, den: 1n };
    expect(roundRationalToFloat32(zero)).toBeUndefined();
    expect(Object.is(roundRationalToFloat32(zero, 1), 0)).toBe(true);
    expect(Object.is(roundRationalToFloat32(zero, -1), -0)).toBe(true);
  });
});

const a = RationalWithFloat64.instance;
const pair = (e: unknown) => e as RationalPair;
/** 0.96^(10^6): 10^−17,729, past binary64 and past the rational stage's 4,096 bits. */
const tiny = () => a.powInt(a.point('0.96'), 1_000_000);

describe('a remainder of known sign', () => {
  it('0.96^(10^6) is 0 + a positive remainder whose enclosure reaches 0', () => {
    const x = pair(tiny());
    expect(x.exact.num).toBe(0n);
    expect(x.rest?.lo).toBe(0);
    expect(x.restSign).toBe(1);
    expect(a.isNegative(x)).toBe(false);
    expect(a.isZero(x)).toBe(false);
    expect(Object.is(roundPairToFloat32(x), 0)).toBe(true);
  });

  it('a real power of a positive base is positive too, and of a base that may be 0 is not known', () => {
    expect(pair(a.powReal(a.point('0.96'), a.point('4.7e7'))).restSign).toBe(1);
    expect(pair(a.powReal(a.sub(a.sqrt(a.point(2)), a.sqrt(a.point(2))), a.point('0.5'))).restSign).toBeUndefined();
  });

  it('goes through negation, products and quotients by nonzero exact values, and sums of like signs', () => {
    expect(pair(a.neg(tiny())).restSign).toBe(-1);
    expect(pair(a.mul(a.point(-3), tiny())).restSign).toBe(-1);
    expect(pair(a.mul(tiny(), a.point('0.5'))).restSign).toBe(1);
    expect(pair(a.div(tiny(), a.point(-7))).restSign).toBe(-1);
    expect(pair(a.add(a.point(1), tiny())).restSign).toBe(1);
    expect(pair(a.sub(a.point(1), tiny())).restSign).toBe(-1);
    expect(pair(a.add(tiny(), tiny())).restSign).toBe(1);
  });

  it('is not known for a sum of unlike signs, nor for a product by 0', () => {
    expect(pair(a.sub(tiny(), a.mul(a.point(2), tiny()))).restSign).toBeUndefined();
    expect(pair(a.mul(a.point(0), tiny())).restSign).toBeUndefined();
  });

  it('rounds a midpoint plus it to its side: 0.9 (2^24 − 1) 2^−24 (1 ∓ ½ 0.96^(10^6))', () => {
    // 0.9 (2^24 − 1) = 15099493.5: the tie would go up, to the even 15099494.
    const p = a.fromFloat32(Math.fround(1 - 2 ** -24));
    const below = a.mul(a.mul(a.point('0.9'), p), a.sub(a.point(1), a.mul(a.point('0.5'), tiny())));
    const above = a.mul(a.mul(a.point('0.9'), p), a.add(a.point(1), a.mul(a.point('0.5'), tiny())));
    expect(roundPairToFloat32(pair(below))).toBe(15099493 * 2 ** -24);
    expect(roundPairToFloat32(pair(above))).toBe(15099494 * 2 ** -24);
  });
});

describe('a real power near 1, as 1 plus a remainder of known sign', () => {
  it.each([
    ['0.96^(5 · 10^−249), below 1 by 2 · 10^−250', '0.96', '5e-249', -1],
    ['2^½ = √2', '2', '0.5', 1],
    ['2^−½ = 1/√2', '2', '-0.5', -1],
    ['0.5^−½ = √2', '0.5', '-0.5', 1],
  ])('%s', (_, base, exponent, side) => {
    const x = pair(a.powReal(a.point(base), a.point(exponent)));
    expect(x.exact).toEqual({ num: 1n, den: 1n });
    expect(x.restSign).toBe(side);
    expect(Math.sign(x.rest!.lo)).toBe(side);
    expect(x.rest!.lo >= x.whole!.lo - 1 && x.rest!.hi <= x.whole!.hi - 1).toBe(true);
  });

  it('knows the remainder to its own size, where w − 1 knows it to 2^−52: 0.96^(5 · 10^−249) − 1 = −2.04 · 10^−250', () => {
    const x = pair(a.powReal(a.point('0.96'), a.point('5e-249')));
    // 5 · 10^−249 ln 0.96 = −2.04109972601275647… · 10^−250 (40 digits), and e^z − 1 − z is 10^−500.
    expect(x.rest!.lo).toBeLessThanOrEqual(-2.041099726012757e-250);
    expect(x.rest!.hi).toBeGreaterThanOrEqual(-2.041099726012756e-250);
    expect(x.rest!.hi - x.rest!.lo).toBeLessThanOrEqual(2.05e-250 * 2 ** -45); // ln 0.96 and y to a few ulps
  });

  it('is exactly 1 for a base 1 or an exponent 0', () => {
    for (const x of [a.powReal(a.point(1), a.point('0.3')), a.powReal(a.point('0.96'), a.point(0))]) {
      expect(pair(x).exact).toEqual({ num: 1n, den: 1n });
      expect(pair(x).rest).toEqual({ lo: 0, hi: 0 });
    }
  });

  it('is not re-based outside [½, 2], nor for an exponent the rational stage does not hold exactly', () => {
    expect(pair(a.powReal(a.point(4), a.point('0.75'))).exact.num).toBe(0n);
    expect(pair(a.powReal(a.point('0.96'), a.sqrt(a.point(2)))).exact.num).toBe(0n);
    expect(pair(a.powReal(a.point('0.96'), a.add(a.point(1), tiny()))).exact.num).toBe(0n);
  });

  it("rounds PyTorch Nadam's μ product P β1 (1 − ½ 0.96^(ψ t)) up from the midpoint P β1 / 2", () => {
    // P = 16777205 · 2^−24: 0.45 P = 15099484.5 · 2^−25, a tie whose even neighbour is the one below.
    const p = a.fromFloat32(16777205 * 2 ** -24);
    const power = a.powReal(a.point('0.96'), a.point('5e-249'));
    const mu = a.mul(a.point('0.9'), a.sub(a.point(1), a.mul(a.point('0.5'), power)));
    expect(roundPairToFloat32(pair(a.mul(p, mu)))).toBe(15099485 * 2 ** -25);
  });
});

describe("Keras Nadam's μ product at t = 10^6", () => {
  it('P β1 (1 − ½ 0.96^t) with P β1 a midpoint goes below it, certified; the ladder alone leaves it marked', () => {
    const config = configure(entryOf('nadam'), 'keras', {});
    const input = {
      t: 1_000_000,
      params: Float32Array.of(1),
      grads: Float32Array.of(1),
      state: { m: Float32Array.of(0), v: Float32Array.of(0), muProduct: Float32Array.of(1 - 2 ** -24) },
    };
    const nadam = oracleRuleOf('nadam');
    const staged = nadam.step(config, input);
    expect(staged.state['muProduct']![0]).toBe(15099493 * 2 ** -24);
    expect(staged.uncertified ?? []).toEqual([]);
    const ladder = withCertifyStages('decimal', () => nadam.step(config, input));
    expect(ladder.uncertified).toEqual([
      { output: 'muProduct', index: 0, below: 15099493 * 2 ** -24, above: 15099494 * 2 ** -24 },
    ]);
  });
});
