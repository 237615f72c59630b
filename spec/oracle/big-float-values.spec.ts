import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import {
  BigFloatIntervals,
  NAN,
  NEGATIVE_INFINITY,
  POSITIVE_INFINITY,
  type BigInterval,
} from '../../oracle/big-float-intervals.js';
import * as d from '../../oracle/dyadic.js';
import type { Enclosure } from '../../oracle/enclosure.js';
import { Undecided } from '../../oracle/interval.js';

// The big-float stage's values (oracle/big-float-values.ts) against IEEE 754 binary64 arithmetic, the
// independent reference: on points whose every result below is a dyadic that binary64 holds exactly
// (powers of two, ±0, ±∞, NaN), JavaScript's +, −, ·, /, Math.sqrt and Math.max give the exact result
// with IEEE's specials and signed zeros, so the stage must give the same point, never leave it
// undecided. Where an interval does not tell a sign IEEE's rule needs, it must leave it undecided.

const B = BigFloatIntervals.at(64);
const POINTS = [NaN, Infinity, -Infinity, 0, -0, 1, -1, 0.25, -2, 4];
const show = (x: number) => (Object.is(x, -0) ? '-0' : String(x));

/** A point's value as a double (every point here is one). */
function double(x: Enclosure): number {
  const v = x as BigInterval;
  if (v === NAN) return NaN;
  if (v === POSITIVE_INFINITY) return Infinity;
  if (v === NEGATIVE_INFINITY) return -Infinity;
  expect(v.lo, 'a point').toBe(v.hi);
  return v.lo.m === 0n ? (v.negativeZero ? -0 : 0) : Number(d.toDecimal(v.lo));
}

const BINARY = {
  add: (a: number, b: number) => a + b,
  sub: (a: number, b: number) => a - b,
  mul: (a: number, b: number) => a * b,
  div: (a: number, b: number) => a / b,
  max: Math.max,
} as const;
const UNARY = { neg: (a: number) => -a, abs: Math.abs, square: (a: number) => a * a, sqrt: Math.sqrt } as const;
/** The one case IEEE decides and the stage leaves to the decimal stage: which zero max(+0, −0) is. */
const zeroMaximum = (op: string, a: number, b: number) => op === 'max' && a === 0 && b === 0 && !Object.is(a, b);

/** [lo, hi] as an interval of the stage (not a point, even where lo = hi). */
const interval = (lo: number, hi: number) =>
  B.ofDecimalInterval({ lo: new Decimal(lo), hi: new Decimal(hi), near: new Decimal(lo) });

describe('the big-float stage’s specials and signed zeros, against IEEE 754 binary64', () => {
  it('gives IEEE’s result for every binary operation on two points', () => {
    for (const a of POINTS) {
      for (const b of POINTS) {
        for (const [op, ieee] of Object.entries(BINARY)) {
          const name = `${op}(${show(a)}, ${show(b)})`;
          const run = () => B[op as keyof typeof BINARY](B.fromFloat32(a), B.fromFloat32(b));
          if (zeroMaximum(op, a, b)) expect(run, name).toThrow(Undecided);
          else expect(show(double(run())), name).toBe(show(ieee(a, b)));
        }
      }
    }
  });

  it('gives IEEE’s result for every unary operation and test on a point', () => {
    for (const a of POINTS) {
      for (const [op, ieee] of Object.entries(UNARY)) {
        expect(show(double(B[op as keyof typeof UNARY](B.fromFloat32(a)))), `${op}(${show(a)})`).toBe(show(ieee(a)));
      }
      expect(B.isZero(B.fromFloat32(a)), `isZero(${show(a)})`).toBe(a === 0);
      expect(B.isNegative(B.fromFloat32(a)), `isNegative(${show(a)})`).toBe(a < 0 || Object.is(a, -0));
    }
  });

  it('decides ∞ against an interval of one sign and leaves it undecided against one that reaches 0', () => {
    for (const [lo, hi, negative] of [
      [1, 2, false],
      [-2, -1, true],
    ] as const) {
      const x = interval(lo, hi);
      expect(B.mul(POSITIVE_INFINITY, x), `∞ · [${lo}, ${hi}]`).toBe(negative ? NEGATIVE_INFINITY : POSITIVE_INFINITY);
      expect(B.mul(x, NEGATIVE_INFINITY), `[${lo}, ${hi}] · −∞`).toBe(negative ? POSITIVE_INFINITY : NEGATIVE_INFINITY);
      expect(B.div(NEGATIVE_INFINITY, x), `−∞ / [${lo}, ${hi}]`).toBe(negative ? POSITIVE_INFINITY : NEGATIVE_INFINITY);
      expect(show(double(B.div(x, POSITIVE_INFINITY))), `[${lo}, ${hi}] / ∞`).toBe(negative ? '-0' : '0');
      expect(show(double(B.div(x, NEGATIVE_INFINITY))), `[${lo}, ${hi}] / −∞`).toBe(negative ? '0' : '-0');
    }
    for (const [lo, hi] of [
      [0, 2],
      [-2, 0],
      [-1, 1],
    ] as const) {
      const x = interval(lo, hi);
      expect(() => B.mul(POSITIVE_INFINITY, x), `∞ · [${lo}, ${hi}]`).toThrow(Undecided);
      expect(() => B.mul(x, NEGATIVE_INFINITY), `[${lo}, ${hi}] · −∞`).toThrow(Undecided);
      expect(() => B.div(POSITIVE_INFINITY, x), `∞ / [${lo}, ${hi}]`).toThrow(Undecided);
      expect(() => B.div(x, POSITIVE_INFINITY), `[${lo}, ${hi}] / ∞`).toThrow(Undecided);
    }
  });
});
