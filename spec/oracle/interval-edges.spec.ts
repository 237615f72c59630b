import { Decimal } from 'decimal.js';
import { describe, expect, test } from 'vitest';
import { IntervalArithmetic, Undecided, type Interval } from '../../oracle/interval.js';

// The decimal stage's operations where ./interval.spec.ts does not go: NaN, intervals that reach or
// hold 0, the questions it must refuse (with the reason it gives), a^y's enclosure and its rounded
// value, and the cache of arithmetics.

const P = 30;
const a = IntervalArithmetic.at(P);
/** The interval [lo, hi] with the rounded value `near` (lo by default). */
const iv = (lo: number | string, hi: number | string, near: number | string = lo): Interval => ({
  lo: new Decimal(lo),
  hi: new Decimal(hi),
  near: new Decimal(near),
});
const ends = (x: Interval) => [x.lo.toString(), x.hi.toString(), x.near.toString()];
const NAN = iv(NaN, NaN);

describe('NaN in the decimal stage', () => {
  test('is the NaN point from every operation on a NaN operand, either side', () => {
    const others = [a.point(2), iv(-1, 3, 1), a.point(0), iv('-Infinity', 'Infinity', 0)];
    for (const x of others) {
      for (const r of [a.add(NAN, x), a.add(x, NAN), a.sub(NAN, x), a.sub(x, NAN), a.mul(NAN, x), a.mul(x, NAN)])
        expect(ends(r)).toEqual(['NaN', 'NaN', 'NaN']);
      for (const r of [a.div(NAN, x), a.div(x, NAN), a.max(NAN, x), a.max(x, NAN)])
        expect(ends(r)).toEqual(['NaN', 'NaN', 'NaN']);
    }
    for (const r of [a.square(NAN), a.sqrt(NAN), a.powReal(NAN, a.point(2)), a.powReal(a.point(2), NAN)])
      expect(ends(r)).toEqual(['NaN', 'NaN', 'NaN']);
  });

  test('at one end only (0 · ∞ at a corner) is refused, not taken for a NaN result', () => {
    expect(() => a.mul(iv(0, 1, '0.5'), iv(1, 'Infinity', 2))).toThrow(new Undecided('NaN at one end of an interval'));
  });
});

describe('intervals that reach or hold 0', () => {
  test('|x| of an interval across 0 is [0, the larger end]; of one below 0, its mirror', () => {
    expect(ends(a.abs(iv(-3, 2, -1)))).toEqual(['0', '3', '1']);
    expect(ends(a.abs(iv(-2, 3, 1)))).toEqual(['0', '3', '1']);
    expect(ends(a.abs(iv(-3, -1, -2)))).toEqual(['1', '3', '2']);
  });

  test('zero and sign tests refuse an interval around 0, and say why', () => {
    expect(() => a.isZero(iv(-1, 1, 0))).toThrow(new Undecided('whether an interval that holds 0 is zero'));
    expect(() => a.isNegative(iv(-1, 1, 0))).toThrow(new Undecided('the sign of an interval that holds 0'));
  });

  test('a quotient by an interval around 0 is refused; by an exact zero, signed unless the dividend holds 0', () => {
    expect(() => a.div(a.point(1), iv(-1, 1, 0))).toThrow(new Undecided('divisor interval contains zero'));
    expect(() => a.div(iv(-1, 2, 1), a.point(0))).toThrow(new Undecided('sign of a dividend divided by an exact zero'));
    expect(ends(a.div(iv(1, 2), a.point(0)))).toEqual(['Infinity', 'Infinity', 'Infinity']);
  });

  test('a quotient by a one-signed divisor with an infinite end takes every corner', () => {
    expect(ends(a.div(iv(1, 2), iv(1, 'Infinity', 2)))).toEqual(['0', '2', '0.5']);
    expect(ends(a.div(iv(-2, -1), iv('-Infinity', -1, -2)))).toEqual(['0', '2', '1']);
  });

  test('√ of an interval below 0 is NaN; of one across 0 is refused', () => {
    expect(ends(a.sqrt(iv(-4, -1)))).toEqual(['NaN', 'NaN', 'NaN']);
    expect(() => a.sqrt(iv(-1, 4, 1))).toThrow(
      new Undecided('square root of an interval that contains negative numbers'),
    );
  });

  test('max with an interval around 0 is decided unless the result is an exact zero', () => {
    expect(ends(a.max(iv(-1, 1, 0), iv(2, 3)))).toEqual(['2', '3', '2']);
    expect(ends(a.max(iv(-1, 1, 0), a.point(0)))).toEqual(['0', '1', '0']);
    expect(() => a.max(iv(-1, 0, '-0.5'), a.fromFloat32(-0))).toThrow(new Undecided('sign of a zero maximum'));
  });

  test('powers refuse a base below 0 and, for real exponents, a base interval that reaches 0', () => {
    expect(() => a.powInt(a.point(-2), 2)).toThrow(new RangeError('powInt is defined here for a ≥ 0 only'));
    expect(() => a.powReal(iv(-1, 0, '-0.5'), a.point(2))).toThrow(new RangeError('powReal takes a base ≥ 0'));
    expect(() => a.powReal(iv(0, 1, '0.5'), a.point(2))).toThrow(new Undecided('a base interval that reaches 0'));
    expect(ends(a.powReal(a.point(0), a.point(2)))).toEqual(['0', '0', '0']);
  });
});

describe('a^y', () => {
  const Exact = Decimal.clone({ precision: 3 * P });

  // The widening factors 1 ∓ 10^−34 are themselves rounded outward at 30 digits, to 1 ∓ 10^−29, and
  // each end is then rounded outward to 30 digits: at most 4 · 10^−29 relative in all (2.1 · 10^−29
  // measured on these four).
  test('holds the exact power within 4 · 10^−29 relative at 30 digits', () => {
    for (const [x, y] of [
      ['2', '0.5'],
      ['0.96', '0.04'],
      ['1.5', '-3.25'],
      ['7', '13'],
    ] as const) {
      const r = a.powReal(a.point(x), a.point(y));
      const exact = new Exact(x).pow(y);
      expect(r.lo.lte(exact) && r.hi.gte(exact), `${x}^${y}`).toBe(true);
      expect(r.hi.minus(r.lo).lte(exact.times(`4e-${P - 1}`)), `${x}^${y}`).toBe(true);
    }
  });

  test('rounds the power of the rounded values, not a corner, when the base or the exponent is an interval', () => {
    expect(a.powReal(iv('1.5', '2.5', 2), a.point(2)).near.toString()).toBe('4');
    expect(a.powReal(a.point(2), iv(1, 3, 2)).near.toString()).toBe('4');
    expect(a.powReal(iv('1.5', '2.5', 2), iv(1, 3, 2)).near.toString()).toBe('4');
  });
});

test('one arithmetic per precision', () => {
  expect(IntervalArithmetic.at(47)).toBe(IntervalArithmetic.at(47));
});
