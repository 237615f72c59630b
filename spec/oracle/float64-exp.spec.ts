import { fc, test } from '@fast-check/vitest';
import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import {
  expEnclosure,
  Float64Enclosures,
  lnEnclosure,
  powerOfTwo,
  type F64,
  type F64Operations,
} from '../../oracle/float64.js';
import { Undecided } from '../../oracle/interval.js';
import { exactDouble, stepDoubles } from '../exact-double.js';

/**
 * The proven enclosures of exp and ln (./float64-exp.ts) against decimal.js at 60 digits on the
 * doubles' exact values, and 2^k against the double built from its bits. decimal.js rounds exp and
 * ln correctly to 60 digits, so the exact value lies within 10^−59 relative of its result: an end is
 * checked against that result moved 10^−59 outward, which only makes the check stricter.
 */

const f = Float64Enclosures.instance;
const D60 = Decimal.clone({ precision: 60 });
const SLACK = new D60('1e-59');

/** Whether [e.lo, e.hi] holds every value within 10^−59 relative of `v` (v > 0). */
function holds(e: F64, v: Decimal): boolean {
  const below = v.times(D60.sub(1, SLACK));
  const above = v.times(D60.add(1, SLACK));
  return exactDouble(e.lo).lte(below) && (e.hi === Infinity || above.lte(exactDouble(e.hi)));
}

/** 2^k for −1074 ≤ k ≤ 1023, from its bits: the exponent field, or one fraction bit for a subnormal. */
function twoToThe(k: number): number {
  const view = new DataView(new ArrayBuffer(8));
  view.setBigUint64(0, k >= -1022 ? BigInt(k + 1023) << 52n : 1n << BigInt(k + 1074));
  return view.getFloat64(0);
}

/**
 * The width the derivation allows exp's enclosure at x = k ln 2 + r, relative to its lower end, in
 * units of 2^−52. r = x − k [ln 2]: [ln 2] is one double wide (2^−53 = ½ · 2^−52), and the outward
 * steps of k [ln 2] and of the subtraction move each end at most 1.5 |k ln 2| 2^−52 (half an ulp of
 * rounding, then |·| 2^−52), so r is at most (½ + 3 ln 2) |k| + 1.1 ≤ 2.58 |k| + 1.1 units wide.
 * Horner's scheme on an interval r sums |r|^i / i!, not r^i / i!, so the width it passes on is at
 * most e^(2|r|) ≤ e^(ln 2) = 2 times exp(r)'s relative width (|r| ≤ ½ ln 2 + 10^−13); its own 20
 * products, quotients and sums add at most 8 units (each step's three ulps, damped by |r s| / i < ½
 * below the first), the remainder and the two scalings three each: 2 (2.58 |k| + 1.1) + 8 + 6 ≤
 * 5.2 |k| + 17. Largest measured on 50,000 x in [−708, 709]: 3.3 |k| + 22 at most, 0.64 of this bound
 * at |k| = 162.
 */
const expWidthBound = (k: number): number => (5.2 * Math.abs(k) + 17) * 2 ** -52;

describe('exp, enclosed', () => {
  test.prop([fc.double({ min: -745, max: 709.78, noNaN: true })], { numRuns: 400 })(
    'holds exp(x), never below 0, within the derived width where exp(x) is a normal double',
    (x) => {
      const e = expEnclosure(f, x);
      const exact = new D60(exactDouble(x)).exp();
      expect(holds(e, exact), `exp(${x}): [${e.lo}, ${e.hi}]`).toBe(true);
      expect(e.lo >= 0, `exp(${x}): [${e.lo}, ${e.hi}]`).toBe(true);
      const k = Math.round(x / Math.LN2);
      if (x >= -708)
        expect((e.hi - e.lo) / e.lo, `exp(${x}): [${e.lo}, ${e.hi}]`).toBeLessThanOrEqual(expWidthBound(k));
    },
  );

  it('holds exp at the ends of the range: overflow past ln MAX_VALUE, underflow below ln 2^−1074', () => {
    for (const x of [709.782712893384, 709.8, 710]) {
      const e = expEnclosure(f, x);
      expect(e.hi, `exp(${x})`).toBe(Infinity);
      expect(holds(e, new D60(exactDouble(x)).exp()), `exp(${x}): [${e.lo}, ${e.hi}]`).toBe(true);
    }
    for (const x of [710.5, 1e6, Infinity])
      expect(expEnclosure(f, x), `exp(${x})`).toEqual({ lo: Number.MAX_VALUE, hi: Infinity });
    for (const x of [-744.44, -745.13, -745.2, -746, -746.5, -1e6, -Infinity]) {
      const e = expEnclosure(f, x);
      expect(e.lo, `exp(${x})`).toBe(0);
      expect(e.hi, `exp(${x})`).toBeGreaterThan(0);
      expect(holds(e, new D60(exactDouble(Math.max(x, -1e6))).exp()), `exp(${x})`).toBe(true);
    }
    expect(expEnclosure(f, -746.5)).toEqual({ lo: 0, hi: 2 ** -1074 });
    expect(Number.isNaN(expEnclosure(f, NaN).lo) && Number.isNaN(expEnclosure(f, NaN).hi)).toBe(true);
    const one = expEnclosure(f, 0);
    expect(one.lo <= 1 && one.hi >= 1 && one.hi - one.lo <= expWidthBound(0)).toBe(true);
  });
});

describe("exp's remainder bound, used only where it is proven", () => {
  /** The stage's arithmetic, except that x − k ln 2 comes out as `r`. */
  const givingR = (r: F64): F64Operations => ({
    add: (a, b) => f.add(a, b),
    sub: () => r,
    mul: (a, b) => f.mul(a, b),
    div: (a, b) => f.div(a, b),
  });

  it('refuses an r reaching past ±0.36 (the Taylor remainder holds on |r| ≤ 0.36 only), and takes one up to it', () => {
    expect(() => expEnclosure(givingR({ lo: -0.37, hi: 0.1 }), 0)).toThrow(Undecided);
    expect(() => expEnclosure(givingR({ lo: -0.1, hi: 0.37 }), 0)).toThrow(Undecided);
    const e = expEnclosure(givingR({ lo: -0.36, hi: 0.36 }), 0);
    // It holds exp over all of r: from exp(−0.36) to exp(0.36).
    expect(holds({ lo: e.lo, hi: Infinity }, new D60('-0.36').exp()), `[${e.lo}, ${e.hi}]`).toBe(true);
    expect(holds({ lo: 0, hi: e.hi }, new D60('0.36').exp()), `[${e.lo}, ${e.hi}]`).toBe(true);
  });
});

describe('ln, enclosed', () => {
  test.prop([fc.double({ min: 2 ** -1074, max: Number.MAX_VALUE, noNaN: true })], { numRuns: 400 })(
    'holds ln(x), four doubles wide: the 40-digit value rounded to a double, two doubles out each way',
    (x) => {
      const e = lnEnclosure({ lo: x, hi: x });
      const exact = new D60(exactDouble(x)).ln();
      const below = exact.minus(exact.abs().times(SLACK));
      const above = exact.plus(exact.abs().times(SLACK));
      expect(exactDouble(e.lo).lte(below) && above.lte(exactDouble(e.hi)), `ln(${x}): [${e.lo}, ${e.hi}]`).toBe(true);
      expect(e.hi, `ln(${x})`).toBe(stepDoubles(e.lo, 4, true));
    },
  );

  it('encloses ln over an interval by its ends (ln increases), the same on a second call', () => {
    const e = lnEnclosure({ lo: 0.5, hi: 2 });
    expect(e).toEqual({ lo: lnEnclosure({ lo: 0.5, hi: 0.5 }).lo, hi: lnEnclosure({ lo: 2, hi: 2 }).hi });
    expect(e.lo < -0.69 && e.hi > 0.69).toBe(true);
    expect(lnEnclosure({ lo: 0.5, hi: 2 })).toEqual(e);
  });
});

describe('2^k', () => {
  test.prop([fc.integer({ min: -1074, max: 1023 })], { numRuns: 400 })('is the double 2^k, exactly', (k) => {
    expect(powerOfTwo(k)).toBe(twoToThe(k));
  });

  it('at the ends and the middle of the range', () => {
    for (const k of [-1074, -1073, -1023, -1022, -1, 0, 1, 2, 3, 1022, 1023])
      expect(powerOfTwo(k), `${k}`).toBe(twoToThe(k));
  });
});
