import { fc, test } from '@fast-check/vitest';
import { Decimal } from 'decimal.js';
import { describe, expect } from 'vitest';
import { fromBits, roundToFloat32 } from '../../oracle/binary32.js';
import {
  compareRationals,
  MAX_BITS,
  NOT_RATIONAL,
  RATIONAL_UNDECIDED,
  RationalArithmetic,
  rationalOfDouble,
  roundRationalToFloat32,
  type Rational,
} from '../../oracle/rational.js';

// The rational stage's own contract, beyond the values the rules give it (./rational.spec.ts): the
// rounding to binary32 against the decimal rounding of ./binary32.ts, the exact rational of every
// double, comparisons, maxima and powers, the tests of zero and sign, lowest terms, the limit of
// MAX_BITS, and the IEEE sign of a zero met by a surd.

const q = RationalArithmetic.instance;
const LIMIT = 1n << BigInt(MAX_BITS);
/** 3000 digits: num / den is exact, or (not dyadic) farther from every binary32 midpoint than this can blur. */
const Wide = Decimal.clone({ precision: 3000 });
const valueOf = (r: Rational) => new Wide(r.num.toString()).div(r.den.toString());
const sqrt = (n: number, d = 1) => q.sqrt({ num: BigInt(n), den: BigInt(d) });
const minusZero = q.fromFloat32(-0);

/** Integers of up to 300 bits, scaled by 2^±400: magnitudes from far below 2^−149 to far past 2^128. */
const rational = fc
  .tuple(
    fc.bigInt({ min: -(1n << 300n), max: 1n << 300n }).filter((n) => n !== 0n),
    fc.bigInt({ min: 1n, max: 1n << 300n }),
    fc.integer({ min: -400, max: 400 }),
  )
  .map(([n, d, k]): Rational => (k >= 0 ? { num: n << BigInt(k), den: d } : { num: n, den: d << BigInt(-k) }));

describe('the binary32 nearest a rational', () => {
  test.prop([rational], { numRuns: 500 })('is the decimal rounding of ./binary32.ts on the same value', (r) => {
    expect(Object.is(roundRationalToFloat32(r), roundToFloat32(valueOf(r)))).toBe(true);
  });

  test.prop([fc.integer({ min: 0, max: 0x7f7ffffe }), fc.boolean()], { numRuns: 300 })(
    'breaks an exact midpoint between two binary32 values to the even one, either sign',
    (bits, negative) => {
      const below = rationalOfDouble(fromBits(bits));
      const above = rationalOfDouble(fromBits(bits + 1));
      const mid: Rational = { num: below.num * above.den + above.num * below.den, den: 2n * below.den * above.den };
      const r = negative ? q.neg(mid) : mid;
      const even = fromBits(bits % 2 === 0 ? bits : bits + 1);
      expect(roundRationalToFloat32(r)).toBe(negative ? -even : even);
    },
  );

  /** d ≥ 2 and n = ⌊d / 2^j⌋ for 1 ≤ j < bits(d), so that n ≥ 1. */
  const belowPowerOfTwo = fc
    .tuple(fc.bigInt({ min: 2n, max: 1n << 200n }), fc.nat())
    .map(([den, k]) => ({ num: den >> BigInt(1 + (k % (den.toString(2).length - 1))), den }));

  test.prop([belowPowerOfTwo, fc.boolean()], { numRuns: 300 })(
    'finds the binade of n / d just below a power of two, n = ⌊d / 2^j⌋ (1/3 among them)',
    ({ num, den }, negative) => {
      const r: Rational = { num: negative ? -num : num, den };
      expect(Object.is(roundRationalToFloat32(r), roundToFloat32(valueOf(r)))).toBe(true);
    },
  );

  test('rounds 1/3 and −1/3 as binary32 does', () => {
    expect(roundRationalToFloat32({ num: 1n, den: 3n })).toBe(Math.fround(1 / 3));
    expect(roundRationalToFloat32({ num: -1n, den: 3n })).toBe(-Math.fround(1 / 3));
  });

  test('overflows at (2^24 − 1/2) 2^104, the tie to the even 2^128, and not a unit below it', () => {
    const tie = (1n << 128n) - (1n << 103n);
    expect(roundRationalToFloat32({ num: tie, den: 1n })).toBe(Infinity);
    expect(roundRationalToFloat32({ num: -tie, den: 1n })).toBe(-Infinity);
    expect(roundRationalToFloat32({ num: tie - 1n, den: 1n })).toBe(fromBits(0x7f7fffff));
    expect(roundRationalToFloat32({ num: 1n << 2000n, den: 1n })).toBe(Infinity);
  });

  test('gives a zero of the rational’s sign below half the least subnormal, and none for 0, a surd or NOT_RATIONAL', () => {
    expect(Object.is(roundRationalToFloat32({ num: -1n, den: 1n << 151n }), -0)).toBe(true);
    expect(Object.is(roundRationalToFloat32({ num: 1n, den: 1n << 151n }), 0)).toBe(true);
    for (const r of [q.point(0), minusZero, sqrt(2), NOT_RATIONAL]) expect(roundRationalToFloat32(r)).toBeUndefined();
  });
});

describe('the exact rational of a double', () => {
  /** x = y / 2^k with y an integer double, by doublings (exact down to 2^−1074); then compared as fractions. */
  function equalsDouble(r: Rational, x: number): boolean {
    let y = x;
    let k = 0n;
    while (!Number.isInteger(y)) {
      y *= 2;
      k++;
    }
    return r.num << k === BigInt(y) * r.den;
  }

  test.prop([fc.double({ noNaN: true, noDefaultInfinity: true })], { numRuns: 500 })(
    'is x itself, subnormals and signed zeros included',
    (x) => {
      const r = rationalOfDouble(x);
      expect(equalsDouble(r, x)).toBe(true);
      if (x === 0) expect(r.negativeZero === true).toBe(Object.is(x, -0));
    },
  );

  test('holds 2^−1074, the largest subnormal, 2^52 and −MAX_VALUE exactly, and refuses ±∞ and NaN', () => {
    for (const x of [5e-324, -5e-324, 2 ** -1022 - 5e-324, 2 ** 52, -Number.MAX_VALUE])
      expect(equalsDouble(rationalOfDouble(x), x), String(x)).toBe(true);
    for (const x of [Infinity, -Infinity, NaN]) expect(() => rationalOfDouble(x)).toThrow(RATIONAL_UNDECIDED);
  });
});

describe('comparisons, maxima, powers and the tests of zero and sign', () => {
  const pair = fc.tuple(rational, rational);

  test.prop([pair], { numRuns: 300 })('compare as their values compare, and max takes the larger', ([a, b]) => {
    const order = valueOf(a).cmp(valueOf(b));
    expect(Math.sign(compareRationals(a, b))).toBe(order);
    expect(compareRationals(a, a)).toBe(0);
    expect(q.max(a, b)).toBe(order < 0 ? b : a);
  });

  test('compare 1/2 and 2/4 as equal; refuse a surd; max of zeros is −0 only for two −0', () => {
    expect(compareRationals({ num: 1n, den: 2n }, { num: 2n, den: 4n })).toBe(0);
    expect(() => compareRationals(sqrt(2), q.point(1))).toThrow(RATIONAL_UNDECIDED);
    expect(() => compareRationals(q.point(1), sqrt(2))).toThrow(RATIONAL_UNDECIDED);
    const plusZero = q.point(0);
    expect(q.max(minusZero, plusZero).negativeZero).toBeUndefined();
    expect(q.max(plusZero, minusZero).negativeZero).toBeUndefined();
    expect(q.max(minusZero, minusZero).negativeZero).toBe(true);
    for (const [a, b] of [
      [sqrt(2), plusZero],
      [plusZero, sqrt(2)],
      [NOT_RATIONAL, plusZero],
      [plusZero, NOT_RATIONAL],
    ] as const)
      expect(q.max(a, b)).toBe(NOT_RATIONAL);
  });

  test('max of −0 and a negative number is −0, either way round', () => {
    expect(q.max(minusZero, q.point(-1))).toBe(minusZero);
    expect(q.max(q.point(-1), minusZero)).toBe(minusZero);
  });

  test('a^n is exact up to MAX_BITS bits and leaves the rationals past them, below 0, at −0 and for a surd', () => {
    expect(q.powInt({ num: 2n, den: 3n }, 5)).toEqual({ num: 32n, den: 243n });
    // A 64-bit numerator: n = 64 gives 4096 bits, the most kept; n = 65 is past them.
    const big: Rational = { num: (1n << 64n) - 1n, den: 1n };
    expect(q.powInt(big, 64)).toEqual({ num: big.num ** 64n, den: 1n });
    expect(q.powInt(big, 65)).toBe(NOT_RATIONAL);
    for (const a of [q.point(-2), minusZero, sqrt(2), NOT_RATIONAL]) expect(q.powInt(a, 2)).toBe(NOT_RATIONAL);
    expect(q.powReal()).toBe(NOT_RATIONAL);
  });

  test('zero and sign are decided for rationals and surds, and refused where the stage cannot tell', () => {
    expect(q.isZero(q.point(0))).toBe(true);
    expect(q.isZero(q.point('0.5'))).toBe(false);
    expect(q.isZero(sqrt(2))).toBe(false);
    expect(() => q.isZero(NOT_RATIONAL)).toThrow(RATIONAL_UNDECIDED);
    expect(q.isNegative(q.point('-0.5'))).toBe(true);
    expect(q.isNegative(q.point('0.5'))).toBe(false);
    expect(q.isNegative(q.neg(sqrt(2)))).toBe(true);
    for (const a of [q.point(0), minusZero, NOT_RATIONAL]) expect(() => q.isNegative(a)).toThrow(RATIONAL_UNDECIDED);
  });
});

describe('decimal points, lowest terms and the limit of MAX_BITS', () => {
  test('read decimal text as its fraction in lowest terms, either sign, and refuse ±∞ and NaN', () => {
    expect(q.point('-1.5')).toEqual({ num: -3n, den: 2n });
    expect(q.point('0.25')).toEqual({ num: 1n, den: 4n });
    expect(q.point('6e-1')).toEqual({ num: 3n, den: 5n });
    expect(q.point(new Decimal('-0.75'))).toEqual({ num: -3n, den: 4n });
    for (const text of ['Infinity', '-Infinity', 'NaN']) expect(() => q.point(text)).toThrow(RATIONAL_UNDECIDED);
  });

  test('read a number as the decimal stage does (an integer exactly, else its text), and keep the sign of a zero', () => {
    expect(q.point(3)).toEqual({ num: 3n, den: 1n });
    expect(q.point(0.1)).toEqual({ num: 1n, den: 10n });
    expect(q.point(-0).negativeZero).toBe(true);
    expect(q.point(new Decimal(-0)).negativeZero).toBe(true);
    expect(q.point('-0').negativeZero).toBe(true);
    for (const zero of [0, new Decimal(0), '0']) expect(q.point(zero)).toEqual({ num: 0n, den: 1n });
  });

  test('keep numerators and denominators below 2^MAX_BITS, and leave the rationals at it', () => {
    expect(q.point((LIMIT - 1n).toString())).toEqual({ num: LIMIT - 1n, den: 1n });
    expect(q.point((1n - LIMIT).toString())).toEqual({ num: 1n - LIMIT, den: 1n });
    expect(q.point(LIMIT.toString())).toBe(NOT_RATIONAL);
    expect(q.point((-LIMIT).toString())).toBe(NOT_RATIONAL);
    const tiny = (k: number) => new Wide(2).pow(-k).toFixed();
    expect(q.point(tiny(MAX_BITS - 1))).toEqual({ num: 1n, den: LIMIT / 2n });
    expect(q.point(tiny(MAX_BITS))).toBe(NOT_RATIONAL);
  });

  test('add over one wide denominator without squaring it; divide wide rationals without squaring them', () => {
    const den = (1n << 2100n) + 1n;
    expect(q.add({ num: 1n, den }, { num: 2n, den })).toEqual({ num: 3n, den });
    const wide: Rational = { num: (1n << 3000n) + 1n, den: 3n };
    expect(q.div(wide, q.point(7))).toEqual({ num: wide.num, den: 21n });
  });

  test('a surd whose square passes 2^MAX_BITS leaves the rationals, in its numerator or its denominator', () => {
    const small = (m: bigint) => q.sqrt({ num: 1n, den: m << 2100n });
    const large = (m: bigint) => q.sqrt({ num: m << 2100n, den: 1n });
    expect(small(3n).root).toBe(true);
    expect(q.sqrt({ num: 3n, den: LIMIT - 1n }).root).toBe(true);
    expect(q.sqrt({ num: 3n, den: LIMIT })).toBe(NOT_RATIONAL);
    expect(q.sqrt({ num: LIMIT - 1n, den: 3n }).root).toBe(true);
    expect(q.sqrt({ num: LIMIT, den: 3n })).toBe(NOT_RATIONAL);
    expect(q.mul(small(3n), small(5n))).toBe(NOT_RATIONAL);
    expect(q.mul(large(3n), large(5n))).toBe(NOT_RATIONAL);
    expect(q.mul(q.neg(large(3n)), large(5n))).toBe(NOT_RATIONAL);
  });
});

describe('surds beside zeros and signs', () => {
  test('a zero times or over a surd keeps IEEE’s sign; a surd over a negative surd is negative', () => {
    const root2 = sqrt(2);
    const zero = q.point(0);
    expect(q.mul(minusZero, root2).negativeZero).toBe(true);
    expect(q.mul(root2, minusZero).negativeZero).toBe(true);
    expect(q.mul(zero, q.neg(root2)).negativeZero).toBe(true);
    expect(q.mul(zero, root2).negativeZero).toBeUndefined();
    expect(q.div(minusZero, root2).negativeZero).toBe(true);
    expect(q.div(zero, q.neg(root2)).negativeZero).toBe(true);
    expect(q.div(zero, root2).negativeZero).toBeUndefined();
    expect(q.div(root2, zero)).toBe(NOT_RATIONAL);
    expect(q.div(q.point(1), zero)).toEqual(NOT_RATIONAL);
    const quotient = q.div(root2, q.neg(sqrt(3)));
    expect(quotient).toEqual({ num: -2n, den: 3n, root: true });
    expect(q.div(q.neg(root2), sqrt(3))).toEqual({ num: -2n, den: 3n, root: true });
    expect(q.mul(q.neg(root2), root2)).toEqual({ num: -2n, den: 1n });
  });
});
