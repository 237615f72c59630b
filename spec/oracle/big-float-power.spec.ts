import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BigFloatIntervals, type BigInterval } from '../../oracle/big-float-intervals.js';
import * as d from '../../oracle/dyadic.js';
import { Undecided } from '../../oracle/interval.js';

// a^y of the big-float stage on interval operands (oracle/big-float-power.ts): the enclosure holds a^y
// at every corner of the box, on either side of 1 and of 0 and across them, and is no wider than the
// corners' extremes allow at 64 bits. The reference is decimal.js at 100 digits.

const B = BigFloatIntervals.at(64);
const R = Decimal.clone({ precision: 100 });
const value = (x: d.Dyadic) => new R(d.toDecimal(x)!);
/** An interval of two decimal texts from the range given, in either order. */
const ends = (min: number, max: number) =>
  fc
    .tuple(fc.integer({ min: min * 1000, max: max * 1000 }), fc.integer({ min: min * 1000, max: max * 1000 }))
    .map(([u, v]) => [String(Math.min(u, v) / 1000), String(Math.max(u, v) / 1000)] as const);
const interval = ([lo, hi]: readonly [string, string]) =>
  B.ofDecimalInterval({ lo: new Decimal(lo), hi: new Decimal(hi), near: new Decimal(lo) });

describe('a^y of the big-float stage over a box', () => {
  it('encloses a^y at the four corners, tightly, for a base on either side of 1 and an exponent on either side of 0', () => {
    fc.assert(
      fc.property(
        fc.oneof(ends(0.05, 0.99), ends(1, 3), ends(0.5, 2)),
        fc.oneof(ends(-3, 0), ends(0, 3), ends(-2, 2)),
        (a, y) => {
          const got = B.powReal(interval(a), interval(y)) as BigInterval;
          const corners = a.flatMap((u) => y.map((v) => new R(u).pow(v)));
          const [least, greatest] = [R.min(...corners), R.max(...corners)];
          const [lo, hi] = [value(got.lo), value(got.hi)];
          const name = `[${a.join(', ')}]^[${y.join(', ')}]: [${lo.toSignificantDigits(8)}, ${hi.toSignificantDigits(8)}]`;
          expect(lo.lte(least.times('1.000000000000000000000000000001')), name).toBe(true);
          expect(hi.gte(greatest.times('0.999999999999999999999999999999')), name).toBe(true);
          expect(hi.minus(lo).lte(greatest.minus(least).plus(greatest.times(2 ** -50))), name).toBe(true);
        },
      ),
    );
  });

  it('leaves a^y to the decimal stage where an end has no decimal text (past 2^±20000)', () => {
    const half = B.point('0.5');
    expect(() => B.powReal(B.point('1e-9000'), half)).toThrow(Undecided);
    expect(() => B.powReal(interval(['1e-9000', '2']), half)).toThrow(Undecided);
    expect(() => B.powReal(interval(['0.5', '1e9000']), half)).toThrow(Undecided);
    expect(() => B.powReal(B.point('2'), B.point('1e-9000'))).toThrow(Undecided);
  });
});
