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
