/**
 * Edges of the rational stage's remainder of known sign (oracle/rational-pair.ts,
 * oracle/rational-with-float64.ts), each where a slip would claim a sign or a rounding the value does
 * not have: a product by a value whose remainder has no known sign, a negative factor of a negative
 * remainder, a power that is exactly 1, a sign told only by the remainder's sign (its enclosure
 * straddling 0), the ends of q + r rounded without a known sign, and ends that round apart.
 */
import { describe, expect, it } from 'vitest';
import { NO_REST } from '../../oracle/rational-pair.js';
import { roundPairToFloat32, RationalWithFloat64, type RationalPair } from '../../oracle/rational-with-float64.js';

const a = RationalWithFloat64.instance;
const pair = (e: unknown) => e as RationalPair;
/** 0.96^(10^6): 0 plus a positive remainder enclosed by [0, 2^−1074]. */
const tiny = () => a.powInt(a.point('0.96'), 1_000_000);
/** 1 + √2: a surd plus a rational, so 0 plus a remainder of no known sign. */
const unsigned = () => a.add(a.point(1), a.sqrt(a.point(2)));
/**
 * 0 plus a remainder known to be negative whose enclosure straddles 0: what w − 1 gave for
 * 171575^(−8.32 · 10^−299) − 1 (below 0 by 10^−297, enclosed by [−2^−50, 2^−50]) before the rational
 * stage enclosed a power near 1 by e^z − 1 as well. Built directly, since no operation makes it now.
 */
const straddling = (): RationalPair => ({
  exact: { num: 0n, den: 1n },
  rest: { lo: -(2 ** -50), hi: 2 ** -50 },
  whole: { lo: -(2 ** -50), hi: 2 ** -50 },
  restSign: -1,
});

describe('the sign of a product with a remainder', () => {
  it('is not claimed where the remainder has none, whatever the exact factor', () => {
    expect(pair(a.mul(a.point(-3), unsigned())).restSign).toBeUndefined();
    expect(pair(a.mul(a.point(3), unsigned())).restSign).toBeUndefined();
    expect(pair(a.div(unsigned(), a.point(-3))).restSign).toBeUndefined();
  });

  it('of a negative factor and a negative remainder is positive', () => {
    expect(pair(a.mul(a.point(-3), a.neg(tiny()))).restSign).toBe(1);
    expect(pair(a.div(a.neg(tiny()), a.point(-3))).restSign).toBe(1);
  });
});

describe('a real power that is exactly 1', () => {
  it('has no remainder and no sign, at an exponent 0 or a base 1', () => {
    for (const x of [
      a.powReal(a.point('0.96'), a.point(0)),
      a.powReal(a.point('2.5'), a.point(0)),
      a.powReal(a.point(1), a.point('-7')),
    ]) {
      expect(pair(x).rest).toBe(NO_REST);
      expect(pair(x).restSign).toBeUndefined();
    }
  });

  it('an exact power has no sign of a remainder, and a power binary64 cannot enclose none either', () => {
    expect(pair(a.powInt(a.point('0.96'), 2)).restSign).toBeUndefined();
    expect(pair(a.powReal(a.point(2), a.point('1e400'))).restSign).toBeUndefined();
  });
});

describe('a sign told by the remainder alone', () => {
  it('is the remainder’s where the exact part is 0 and the enclosure straddles 0', () => {
    const x = pair(straddling());
    expect(x.rest!.lo < 0 && x.rest!.hi > 0).toBe(true);
    expect(a.isNegative(x)).toBe(true);
    expect(a.isZero(x)).toBe(false);
  });

  it('is the remainder’s where the exact part has that sign too, and the ends straddle 0', () => {
    expect(a.isNegative(a.add(a.point('-1e-30'), straddling()))).toBe(true);
    expect(a.isNegative(a.add(a.point('1e-30'), a.neg(straddling())))).toBe(false);
    expect(a.isZero(a.add(a.point('1e-30'), a.neg(straddling())))).toBe(false);
  });
});

describe('rounding q + r', () => {
  it('rounds both ends where the remainder has no known sign', () => {
    // 1.25 − ¼ √2 and 0.75 + ¼ √2: exact parts 1.25 and 0.75, remainders ∓¼ √2.
    const below = a.add(a.point(1), a.mul(a.point('-0.25'), a.add(a.sqrt(a.point(2)), a.point(-1))));
    const above = a.add(a.point(1), a.mul(a.point('0.25'), a.add(a.sqrt(a.point(2)), a.point(-1))));
    expect(roundPairToFloat32(pair(below))).toBe(Math.fround(1.25 - 0.25 * Math.SQRT2));
    expect(roundPairToFloat32(pair(above))).toBe(Math.fround(0.75 + 0.25 * Math.SQRT2));
  });

  it('takes the side of a negative remainder whose enclosure ends at −0: the midpoint 1 + 3 · 2^−24 goes down', () => {
    const x = pair(a.add(a.point('1.000000178813934326171875'), a.neg(tiny())));
    expect(Object.is(x.rest!.hi, -0) || x.rest!.hi === 0).toBe(true);
    expect(roundPairToFloat32(x)).toBe(1 + 2 ** -23);
  });

  it('decides nothing where the ends round apart: the midpoint 1 + 2^−24 with a remainder around 0', () => {
    const x = a.add(a.point('1.000000059604644775390625'), a.sub(a.sqrt(a.point(2)), a.sqrt(a.point(2))));
    expect(roundPairToFloat32(pair(x))).toBeUndefined();
  });
});
