import { fc, test } from '@fast-check/vitest';
import { Decimal } from 'decimal.js';
import { describe, expect } from 'vitest';
import { stickySquareRoot } from '../../oracle/decimal-sqrt.js';
import { IntervalArithmetic } from '../../oracle/interval.js';

/** Wide enough that every product and sum below is exact. */
const Exact = Decimal.clone({ precision: 1000 });

const ROUNDINGS = [Decimal.ROUND_FLOOR, Decimal.ROUND_CEIL, Decimal.ROUND_HALF_EVEN, Decimal.ROUND_HALF_UP] as const;

/** decimal.js's own √ (correctly rounded in each mode, by its documentation): the reference. */
function expectRoundingsOfRoot(x: Decimal, precision: number): void {
  const sticky = stickySquareRoot(x, precision);
  for (const rounding of ROUNDINGS) {
    const Reference = Decimal.clone({ precision, rounding });
    const expected = new Reference(x).sqrt();
    expect(new Decimal(sticky).toSignificantDigits(precision, rounding).toString()).toBe(expected.toString());
  }
}

const digitsText = (minLength: number, maxLength: number) =>
  fc.string({ unit: fc.constantFrom(...'0123456789'), minLength, maxLength }).map((s) => `1${s}`);

describe('a square root rounded in every mode from one integer root', () => {
  test.prop([digitsText(0, 80), fc.integer({ min: -400, max: 400 }), fc.integer({ min: 1, max: 60 })])(
    'equals decimal.js √ in each rounding, for any digits, exponent and precision',
    (digits, exponent, precision) => expectRoundingsOfRoot(new Decimal(`${digits}e${exponent}`), precision),
  );

  test.prop([digitsText(0, 30), fc.integer({ min: -200, max: 200 }), fc.integer({ min: 1, max: 40 })])(
    'is exact on squares, and ties to even on roots that are midpoints of the precision asked',
    (digits, exponent, precision) => {
      const root = new Exact(`${digits}e${exponent}`);
      const square = root.times(root);
      expect(stickySquareRoot(square, 2 * digits.length + 2)).toSatisfy((s: string) => new Decimal(s).eq(root));
      // A root with one digit more than the precision, ending in 5: a midpoint of `precision` digits.
      const midpoint = new Exact(`${digits}5e${exponent}`);
      expectRoundingsOfRoot(midpoint.times(midpoint), digits.length);
      expectRoundingsOfRoot(midpoint.times(midpoint).plus(new Exact(`1e${2 * exponent - 60}`)), digits.length);
      expectRoundingsOfRoot(midpoint.times(midpoint).minus(new Exact(`1e${2 * exponent - 60}`)), digits.length);
      expectRoundingsOfRoot(square, precision);
    },
  );

  test('refuses zero, negative and non-finite arguments, which the interval handles as IEEE does', () => {
    for (const x of ['0', '-1', 'Infinity', 'NaN'])
      expect(() => stickySquareRoot(new Decimal(x), 10)).toThrow(
        new RangeError(`stickySquareRoot takes a finite x > 0, got ${x}`),
      );
    const a = IntervalArithmetic.at(40);
    expect(Object.is(a.sqrt(a.point('-0')).near.toNumber(), -0)).toBe(true);
    expect(a.sqrt(a.point(Infinity)).lo.toString()).toBe('Infinity');
    expect(a.sqrt(a.point(0)).hi.isZero()).toBe(true);
  });

  test.prop([digitsText(0, 60), digitsText(0, 60), fc.integer({ min: -100, max: 100 })], { numRuns: 3 })(
    'encloses √ over an interval: its ends are the roots of the ends rounded outward at 2,560 digits',
    (low, high, exponent) => {
      const a = IntervalArithmetic.at(2560);
      const [lo, hi] = [new Decimal(`${low}e${exponent}`), new Decimal(`${high}e${exponent + 1}`)];
      const r = a.sqrt({ lo, hi, near: lo });
      const Down = Decimal.clone({ precision: 2560, rounding: Decimal.ROUND_FLOOR });
      const Up = Decimal.clone({ precision: 2560, rounding: Decimal.ROUND_CEIL });
      expect(r.lo.eq(new Down(lo).sqrt())).toBe(true);
      expect(r.hi.eq(new Up(hi).sqrt())).toBe(true);
    },
  );
});
