import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { Float64Enclosures, FLOAT64_UNDECIDED, type F64 } from '../../oracle/float64.js';
import { SharedDecimalFloat64 } from '../../oracle/float64-shared-decimal.js';
import { IntervalArithmetic, type Interval } from '../../oracle/interval.js';
import { doublesEnclosing, REFINED_PRECISION } from '../../oracle/refined-preparation.js';

// Each operation of the shared-decimal arithmetic on its own (./float64-shared-decimal.spec.ts checks
// 1 − β and a LAMB step): on values from constants alone, the decimal stage's result at the refined
// precision, enclosed in doubles and kept beside them; with an element among the operands, the float64
// stage's result; where decimal refuses, the float64 stage's answer (here its refusal, whose message
// differs from decimal's).

const S = SharedDecimalFloat64.instance;
const F = Float64Enclosures.instance;
const D = IntervalArithmetic.at(REFINED_PRECISION);
type Shared = F64 & { decimal?: Interval };
const ends = (x: unknown) => [(x as F64).lo, (x as F64).hi];
const decimalEnds = (x: unknown) => {
  const d = (x as Shared).decimal;
  return d === undefined ? undefined : [d.lo.toString(), d.hi.toString()];
};
const dEnds = (d: Interval) => [d.lo.toString(), d.hi.toString()];

const binary = ['add', 'sub', 'mul', 'div', 'max', 'powReal'] as const;
const unary = ['neg', 'abs', 'square', 'sqrt'] as const;
/** Constant pairs whose results are distinct under every binary operation (and under max and min). */
const pairs: Array<[string, string]> = [
  ['0.3', '2.5'],
  ['1.7', '0.45'],
];

describe('the shared-decimal arithmetic, operation by operation', () => {
  it('computes a value from constants alone in decimal, enclosed in the tightest doubles', () => {
    for (const [a, b] of pairs) {
      for (const op of binary) {
        const r = S[op](S.point(a), S.point(b));
        const d = D[op](D.point(a), D.point(b));
        expect(decimalEnds(r), `${op}(${a}, ${b})`).toEqual(dEnds(d));
        expect(ends(r), `${op}(${a}, ${b})`).toEqual(ends(doublesEnclosing(d)));
      }
      for (const op of unary) {
        const r = S[op](S.point(a));
        expect(decimalEnds(r), `${op}(${a})`).toEqual(dEnds(D[op](D.point(a))));
      }
      expect(decimalEnds(S.neg(S.point(a)))).toEqual(dEnds(D.point(new Decimal(a).neg())));
      expect(decimalEnds(S.abs(S.point(`-${a}`)))).toEqual(dEnds(D.point(a)));
      expect(decimalEnds(S.powInt(S.point(a), 3))).toEqual(dEnds(D.powInt(D.point(a), 3)));
    }
    expect(decimalEnds(S.max(S.point('0.3'), S.point('-0.7')))).toEqual(['0.3', '0.3']);
  });

  it('computes a value that depends on an element in binary64, as the float64 stage does', () => {
    const element = S.fromFloat32(0.75);
    const constant = S.point('0.3');
    for (const op of binary) {
      const r = S[op](element, constant);
      expect(decimalEnds(r), op).toBeUndefined();
      expect(r, op).toEqual(F[op](F.fromFloat32(0.75), constant as F64));
      expect(S[op](constant, element), op).toEqual(F[op](constant as F64, F.fromFloat32(0.75)));
    }
    expect(S.max(S.fromFloat32(-2), S.fromFloat32(3))).toEqual(F.point(3));
    for (const op of unary) expect(S[op](S.fromFloat32(-2)), op).toEqual(F[op](F.fromFloat32(-2)));
    expect(S.powInt(element, 3)).toEqual(F.powInt(F.fromFloat32(0.75), 3));
  });

  it('decides zero and sign in decimal where the doubles hold 0, and in binary64 for elements', () => {
    // 10^−400 and −10^−400 are beyond binary64: their doubles [0, 2^−1074] and [−2^−1074, 0] hold 0.
    expect(S.isZero(S.point('1e-400'))).toBe(false);
    expect(S.isNegative(S.point('-1e-400'))).toBe(true);
    expect(S.isNegative(S.point('1e-400'))).toBe(false);
    expect(S.isZero(S.point('0'))).toBe(true);
    expect(S.isZero(S.fromFloat32(0))).toBe(true);
    expect(S.isZero(S.fromFloat32(1))).toBe(false);
    expect(S.isNegative(S.fromFloat32(-2))).toBe(true);
    expect(S.isNegative(S.fromFloat32(2))).toBe(false);
  });

  it('falls back to binary64 where decimal refuses: binary64’s refusal, not decimal’s, where both refuse', () => {
    const around0 = S.ofDecimal({ lo: new Decimal('-1e-50'), hi: new Decimal('1e-50'), near: new Decimal(0) });
    expect(() => S.isZero(around0)).toThrow(FLOAT64_UNDECIDED);
    expect(() => S.isNegative(around0)).toThrow(FLOAT64_UNDECIDED);
    expect(() => S.div(S.point(1), around0)).toThrow(FLOAT64_UNDECIDED);
    expect(() => S.sqrt(around0)).toThrow(FLOAT64_UNDECIDED);
  });

  it('lets a decimal error that is a misuse through (a negative base), instead of retrying it in binary64', () => {
    expect(() => S.powInt(S.point(-2), 2)).toThrow(RangeError);
    expect(() => S.powReal(S.point(-2), S.point('0.5'))).toThrow(RangeError);
  });
});
