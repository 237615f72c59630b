import { fc, test } from '@fast-check/vitest';
import { Decimal } from 'decimal.js';
import { describe, expect } from 'vitest';
import { IntervalArithmetic, type Interval } from '../../oracle/interval.js';

const PRECISION = 30;
const Down = Decimal.clone({ precision: PRECISION, rounding: Decimal.ROUND_FLOOR });
const Up = Decimal.clone({ precision: PRECISION, rounding: Decimal.ROUND_CEIL });

/** Decimals of up to 40 digits (more than the precision, so that the products round), zero included. */
const decimal = fc
  .tuple(fc.bigInt({ min: -(10n ** 40n), max: 10n ** 40n }), fc.integer({ min: -60, max: 20 }))
  .map(([m, e]) => new Decimal(`${m}e${e}`));
const interval = fc
  .tuple(decimal, decimal)
  .map(([x, y]): Interval => (x.lte(y) ? { lo: x, hi: y, near: x } : { lo: y, hi: x, near: y }));

/** The enclosure from all four corners, each rounded outward: the reference every case must equal. */
function corners(a: Interval, b: Interval, op: 'times' | 'div'): { lo: Decimal; hi: Decimal } {
  const pairs = [a.lo, a.hi].flatMap((x) => [b.lo, b.hi].map((y) => [x, y] as const));
  return {
    lo: Decimal.min(...pairs.map(([x, y]) => new Down(x)[op](y))),
    hi: Decimal.max(...pairs.map(([x, y]) => new Up(x)[op](y))),
  };
}

describe('products and quotients of decimal intervals', () => {
  const a = IntervalArithmetic.at(PRECISION);

  test.prop([interval, interval], { numRuns: 1000 })(
    'have for ends the extreme corners rounded outward, whatever the signs (two corners when each has one)',
    (x, y) => {
      const product = a.mul(x, y);
      const expected = corners(x, y, 'times');
      expect([product.lo.toString(), product.hi.toString()]).toEqual([expected.lo.toString(), expected.hi.toString()]);
      if (y.lo.gt(0) || y.hi.lt(0)) {
        const quotient = a.div(x, y);
        const q = corners(x, y, 'div');
        expect([quotient.lo.toString(), quotient.hi.toString()]).toEqual([q.lo.toString(), q.hi.toString()]);
      }
    },
  );
});

describe('the sign of an exact zero from a factor or operand known only by an interval around 0', () => {
  // x = 0.1 − (0.1 + 1.5e-45) = −1.5e-45: at 40 digits its interval is [−1e-40, 0] and its rounded
  // `near` is +0, so x · (−0) came out the point −0 where the exact product is +0 (a counterexample
  // of spec/oracle/rational.spec.ts's zero-sign property); max(x, −0) likewise took +0 for −0.
  const x = (a: IntervalArithmetic) => a.sub(a.point('0.1'), a.add(a.point('0.1'), a.point('1.5e-45')));

  test('is left undecided at a precision that cannot sign the factor, and is IEEE 754’s once it can', () => {
    const coarse = IntervalArithmetic.at(40);
    const minusZero = coarse.fromFloat32(-0);
    expect(() => coarse.mul(x(coarse), minusZero)).toThrow('sign of a zero product');
    expect(() => coarse.mul(minusZero, x(coarse))).toThrow('sign of a zero product');
    expect(() => coarse.max(x(coarse), minusZero)).toThrow('sign of a zero maximum');
    const fine = IntervalArithmetic.at(60);
    const product = fine.mul(x(fine), fine.fromFloat32(-0));
    expect(product.lo.isZero() && product.hi.isZero() && !product.near.isNeg()).toBe(true);
    expect(fine.max(x(fine), fine.fromFloat32(-0)).near.isNeg()).toBe(true);
  });

  test('still signs a zero times a value of one sign, and the maximum of a negative interval and ±0', () => {
    const a = IntervalArithmetic.at(40);
    const third = a.div(a.point(1), a.point(3)); // a non-point interval above 0
    expect(a.mul(a.fromFloat32(-0), third).near.isNeg()).toBe(true);
    expect(a.max(a.neg(third), a.fromFloat32(-0)).near.isNeg()).toBe(true);
  });
});
