import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import {
  BigFloatIntervals,
  NAN,
  NEGATIVE_INFINITY,
  POSITIVE_INFINITY,
  roundBigIntervalToFloat32,
  type BigInterval,
} from '../../oracle/big-float-intervals.js';
import * as d from '../../oracle/dyadic.js';
import { Undecided } from '../../oracle/interval.js';

// Named cases of the big-float stage at its edges: intervals that reach 0 in the zero and sign tests
// and in max, the decimal texts and intervals it cannot hold, a^n and a^y of what they refuse, and the
// binary32 rounding of specials, signed zeros and intervals around 0. Each expected value is IEEE 754's
// (or the decimal stage's refusal, where a sign no interval tells is needed).

const B = BigFloatIntervals.at(64);
const interval = (lo: string | number, hi: string | number) =>
  B.ofDecimalInterval({ lo: new Decimal(lo), hi: new Decimal(hi), near: new Decimal(lo) });
const [zero, minusZero] = [B.fromFloat32(0), B.fromFloat32(-0)];
const signed = (x: number | undefined) => (Object.is(x, -0) ? '-0' : String(x));

describe('the big-float stage at its edges', () => {
  it('tests an interval for zero and sign by its ends, and leaves one that reaches 0 undecided', () => {
    for (const [lo, hi, negative] of [
      [1, 2, false],
      [-2, -1, true],
    ] as const) {
      expect(B.isZero(interval(lo, hi)), `isZero [${lo}, ${hi}]`).toBe(false);
      expect(B.isNegative(interval(lo, hi)), `isNegative [${lo}, ${hi}]`).toBe(negative);
    }
    for (const [lo, hi] of [
      [0, 2],
      [-2, 0],
      [-1, 1],
    ] as const) {
      expect(() => B.isZero(interval(lo, hi)), `isZero [${lo}, ${hi}]`).toThrow(Undecided);
      expect(() => B.isNegative(interval(lo, hi)), `isNegative [${lo}, ${hi}]`).toThrow(Undecided);
    }
  });

  it('leaves a quotient by an interval that reaches 0 undecided, and √ of one that reaches 0 from below; √[0, 4] = [0, 2]', () => {
    const one = B.fromFloat32(1);
    for (const [lo, hi] of [
      [0, 2],
      [-2, 0],
    ] as const)
      expect(() => B.div(one, interval(lo, hi)), `1 / [${lo}, ${hi}]`).toThrow(Undecided);
    expect(() => B.sqrt(interval(-1, 0))).toThrow(Undecided);
    const root = B.sqrt(interval(0, 4));
    expect([d.toDecimal(root.lo)?.toString(), d.toDecimal(root.hi)?.toString()]).toEqual(['0', '2']);
  });

  it('takes the maximum of a zero and an interval below it as that zero, and leaves one that reaches 0 undecided', () => {
    const below = interval(-2, -1);
    expect(B.max(zero, below)).toBe(zero);
    expect(B.max(below, minusZero)).toBe(minusZero);
    expect(B.max(minusZero, below)).toBe(minusZero);
    expect(() => B.max(zero, interval(-1, 0))).toThrow(Undecided);
    expect(() => B.max(interval(-1, 0), minusZero)).toThrow(Undecided);
  });

  it('holds a decimal text or interval, as a point when it is a dyadic, past 10^±20000 between bounds by powers of five', () => {
    const point = B.point('0.375') as BigInterval;
    expect(point.lo).toBe(point.hi);
    expect(d.toDecimal(point.lo)?.toString()).toBe('0.375');
    const same = interval('0.375', '0.375');
    expect(same.lo).toBe(same.hi);
    const wide = interval('0.1', '0.3');
    expect(d.toDecimal(wide.lo)?.lte('0.1') && d.toDecimal(wide.hi)?.gte('0.3')).toBe(true);
    expect(d.compare(wide.lo, wide.hi)).toBe(-1);
    // m 2^e against 10^±30000, exactly: m 2^e 10^∓30000 against 1 as integers.
    const against = (x: d.Dyadic, k: number) => {
      const [n, den] = k >= 0 ? [x.m, 10n ** BigInt(k)] : [x.m * 10n ** BigInt(-k), 1n];
      return x.e >= 0 ? Math.sign(Number((n << BigInt(x.e)) - den)) : Math.sign(Number(n - (den << BigInt(-x.e))));
    };
    for (const k of [30000, -30000]) {
      const far = B.point(`1e${k}`) as BigInterval;
      expect([against(far.lo, k), against(far.hi, k)]).toEqual([-1, 1]);
      expect(d.top(far.hi) - d.top(far.lo)).toBeLessThanOrEqual(1);
    }
    expect(d.compare(interval('1e-30000', '1').lo, d.ZERO)).toBe(1);
    expect(() => interval('1', 'Infinity')).toThrow(Undecided);
    expect(() => interval('-Infinity', '1')).toThrow(Undecided);
  });

  it('keeps one arithmetic per precision', () => {
    expect(BigFloatIntervals.at(72)).toBe(BigFloatIntervals.at(72));
    expect(BigFloatIntervals.at(72).bits).toBe(72);
  });

  it('gives a^n of +∞, ±0 and NaN as IEEE does, and leaves a base below 0 (−0 and −∞ included) undecided', () => {
    expect(B.powInt(POSITIVE_INFINITY, 3)).toBe(POSITIVE_INFINITY);
    expect(B.powInt(NAN, 2)).toBe(NAN);
    expect(signed(roundBigIntervalToFloat32(B.powInt(zero, 3)))).toBe('0');
    expect(d.toDecimal(B.powInt(B.fromFloat32(2), 10).lo)?.toString()).toBe('1024');
    for (const [name, base] of [
      ['−∞', NEGATIVE_INFINITY],
      ['−0', minusZero],
      ['−2', B.fromFloat32(-2)],
      ['[−1, 2]', interval(-1, 2)],
    ] as const)
      expect(() => B.powInt(base, 2), name).toThrow(Undecided);
  });

  it('gives a^y of NaN as NaN, and leaves ±∞ and a base that reaches 0 undecided', () => {
    const half = B.point('0.5');
    expect(B.powReal(NAN, half)).toBe(NAN);
    expect(B.powReal(B.point(2), NAN)).toBe(NAN);
    for (const [name, base, y] of [
      ['∞^½', POSITIVE_INFINITY, half],
      ['2^∞', B.point(2), POSITIVE_INFINITY],
      ['0^½', zero, half],
      ['[0, 2]^½', interval(0, 2), half],
      ['(−2)^½', B.fromFloat32(-2), half],
    ] as const)
      expect(() => B.powReal(base, y), name).toThrow(Undecided);
    expect(d.toDecimal(B.powReal(B.point(4), half).lo)?.lte(2)).toBe(true);
  });

  it('rounds specials, exact zeros and intervals around 0 to binary32 as IEEE signs them', () => {
    const tiny = (lo: string, hi: string) => roundBigIntervalToFloat32(interval(lo, hi) as BigInterval);
    expect(roundBigIntervalToFloat32(POSITIVE_INFINITY)).toBe(Infinity);
    expect(roundBigIntervalToFloat32(NEGATIVE_INFINITY)).toBe(-Infinity);
    expect(roundBigIntervalToFloat32(NAN)).toBeNaN();
    expect(signed(roundBigIntervalToFloat32(minusZero as BigInterval))).toBe('-0');
    expect(signed(roundBigIntervalToFloat32(zero as BigInterval))).toBe('0');
    expect(signed(tiny('1e-60', '2e-60'))).toBe('0');
    expect(signed(tiny('-2e-60', '-1e-60'))).toBe('-0');
    expect(tiny('-1e-60', '1e-60')).toBeUndefined();
    expect(tiny('0', '1e-60')).toBeUndefined();
  });
});
