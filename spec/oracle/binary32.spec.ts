import { fc, test } from '@fast-check/vitest';
import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import {
  MAX_FLOAT32,
  MIN_NORMAL,
  MIN_SUBNORMAL,
  bitsOf,
  bitsText,
  exactFromBits,
  exactFromFloat32,
  exactText,
  float32FromDecimalText,
  float32Index,
  fromBits,
  fromBitsText,
  hexText,
  nextFloat32,
  roundToFloat32,
  ulp,
  ulpDistance,
} from '../../oracle/binary32.js';
import { exactDouble } from '../exact-double.js';

const Exact = Decimal.clone({ precision: 2000 });
const uint32 = fc.integer({ min: 0, max: 0xffffffff });
const finiteBits = uint32.filter((b) => ((b >>> 23) & 0xff) !== 0xff);

/** Bitwise equality: +0 and −0 differ, NaN equals NaN. */
const sameFloat = (a: number, b: number) => Object.is(a, b);

describe('exactFromBits', () => {
  test.prop([finiteBits])('is the exact value: it converts back to the same float64 without rounding', (b) => {
    const x = fromBits(b);
    // Every float32 is a float64, so Number() of its exact decimal is exact (decimal.js rounds correctly).
    expect(sameFloat(exactFromBits(b).toNumber(), x)).toBe(true);
  });

  test.prop([finiteBits])('has a terminating expansion that Exact multiplies back to an integer significand', (b) => {
    const x = fromBits(b);
    if (x === 0) return;
    const scaled = new Exact(exactFromBits(b)).abs().div(new Exact(2).pow(Math.log2(ulp(x))));
    expect(scaled.isInteger()).toBe(true);
  });

  it('known answers', () => {
    expect(exactText(MIN_SUBNORMAL)).toBe(new Exact(2).pow(-149).toFixed()); // 2^-149, 105 significant digits
    expect(exactText(Math.fround(0.1))).toBe('0.100000001490116119384765625'); // float32(0.1) = 13421773 · 2^-27
    expect(exactText(-0)).toBe('-0');
    // The sign bit alone is −0: zero, and negative.
    expect([exactFromBits(0x80000000).isZero(), exactFromBits(0x80000000).isNegative()]).toEqual([true, true]);
    expect([exactFromBits(0).isZero(), exactFromBits(0).isNegative()]).toEqual([true, false]);
    expect(exactFromBits(0x7f800000).toString()).toBe('Infinity');
    expect(exactFromBits(0xff800000).toString()).toBe('-Infinity');
    expect(exactFromBits(0x7fc00000).isNaN()).toBe(true);
    expect(exactFromBits(0x7f7fffff).eq(new Exact(2).pow(128).minus(new Exact(2).pow(104)))).toBe(true); // largest finite
    expect(() => exactFromFloat32(0.1)).toThrow(/not a binary32/);
  });
});

describe('roundToFloat32', () => {
  test.prop([fc.double()])('equals Math.fround on float64 inputs (each is an exact decimal)', (x) => {
    const d = Number.isFinite(x) ? exactDouble(x) : new Exact(x);
    expect(sameFloat(roundToFloat32(d), Math.fround(x))).toBe(true);
  });

  test.prop([finiteBits])('is the identity on float32 values', (b) => {
    const x = fromBits(b);
    expect(sameFloat(roundToFloat32(exactFromBits(b)), x)).toBe(true);
  });

  test.prop([finiteBits, fc.constantFrom(-1n, 0n, 1n)])(
    'rounds midpoints to even and their neighbours to the nearer side',
    (b, side) => {
      const x = fromBits(b);
      const y = nextFloat32(x, Infinity);
      if (!Number.isFinite(y) || (x === 0 && Object.is(x, -0))) return;
      const mid = exactFromFloat32(x).plus(exactFromFloat32(y)).div(2);
      const tiny = new Exact(2).pow(-300);
      const d = side === 0n ? mid : side < 0n ? mid.minus(tiny) : mid.plus(tiny);
      const even = (bitsOf(x) & 1) === 0 ? x : y;
      const expected = side === 0n ? even : side < 0n ? x : y;
      expect(roundToFloat32(d)).toBe(expected);
    },
  );

  it('known answers: each case says why it is there', () => {
    const two = new Exact(2);
    // Half the smallest subnormal ties to the even zero, and keeps its sign.
    expect(sameFloat(roundToFloat32(two.pow(-150)), 0)).toBe(true);
    expect(sameFloat(roundToFloat32(two.pow(-150).neg()), -0)).toBe(true);
    // Just above half the smallest subnormal rounds up to it.
    expect(roundToFloat32(two.pow(-150).plus(two.pow(-400)))).toBe(MIN_SUBNORMAL);
    // 1.5 · 2^-149 ties between 2^-149 (odd significand) and 2^-148 (even): goes to 2^-148.
    expect(roundToFloat32(two.pow(-149).times(1.5))).toBe(2 * MIN_SUBNORMAL);
    // The largest subnormal plus half a subnormal spacing ties to the smallest normal (even).
    expect(roundToFloat32(exactFromFloat32(MIN_NORMAL - MIN_SUBNORMAL).plus(two.pow(-150)))).toBe(MIN_NORMAL);
    // The overflow threshold (2 − 2^-24) · 2^127 ties to 2^128, which is infinity; just below stays finite.
    const threshold = two.minus(two.pow(-24)).times(two.pow(127));
    expect(roundToFloat32(threshold)).toBe(Infinity);
    expect(roundToFloat32(threshold.neg())).toBe(-Infinity);
    expect(roundToFloat32(threshold.minus(two.pow(-100)))).toBe(MAX_FLOAT32);
    // 1 + 2^-24 is the midpoint after 1: ties to 1 (even); 1 + 3 · 2^-24 ties to 1 + 2^-22 (even).
    expect(roundToFloat32(two.pow(-24).plus(1))).toBe(1);
    expect(roundToFloat32(two.pow(-24).times(3).plus(1))).toBe(1 + 2 ** -22);
    // A decimal hyperparameter is rounded once, from its exact value: 0.999 → 0x1.ff7cee0p-1.
    expect(float32FromDecimalText('0.999')).toBe(Math.fround(0.999));
    // Decimal −0, NaN and infinities pass through.
    expect(sameFloat(roundToFloat32(new Exact('-0')), -0)).toBe(true);
    expect(roundToFloat32(new Exact(NaN))).toBeNaN();
    expect(roundToFloat32(new Exact('1e400'))).toBe(Infinity);
    expect(sameFloat(roundToFloat32(new Exact('-1e-400')), -0)).toBe(true);
  });
});

describe('ulp and ULP distance', () => {
  test.prop([finiteBits])('ulp is the distance to the next float32 away from zero (below the top binade)', (b) => {
    const x = Math.abs(fromBits(b));
    if (x >= MAX_FLOAT32) return;
    expect(nextFloat32(x, Infinity) - x).toBe(ulp(x));
  });

  test.prop([finiteBits, finiteBits])('distance is antisymmetric and adds up along the line', (a, b) => {
    const x = fromBits(a);
    const y = fromBits(b);
    expect(ulpDistance(x, y) + ulpDistance(y, x)).toBe(0); // (toBe(−d) would tell +0 from −0 when x = y)
    expect(ulpDistance(x, y)).toBe(float32Index(y) - float32Index(x));
  });

  test.prop([finiteBits])('the next float32 is one ULP away, across zero and between subnormals', (b) => {
    const x = fromBits(b);
    if (Math.abs(x) === MAX_FLOAT32) return;
    expect(ulpDistance(x, nextFloat32(x, Infinity))).toBe(1);
  });

  it('known answers', () => {
    expect(ulpDistance(-MIN_SUBNORMAL, MIN_SUBNORMAL)).toBe(2); // across zero: −2^-149, ±0, 2^-149
    expect(ulpDistance(-0, 0)).toBe(0); // the two zeros are one point
    expect(ulpDistance(MIN_NORMAL - MIN_SUBNORMAL, MIN_NORMAL)).toBe(1); // subnormal to normal
    expect(ulpDistance(MAX_FLOAT32, Infinity)).toBe(1);
    expect(ulp(0)).toBe(MIN_SUBNORMAL);
    expect(ulp(1)).toBe(2 ** -23);
    expect(ulp(MAX_FLOAT32)).toBe(2 ** 104);
    expect(ulpDistance(NaN, 1)).toBeNaN();
    // Infinities have no binade, NaN no value: no spacing.
    expect([ulp(Infinity), ulp(-Infinity), ulp(NaN)]).toEqual([NaN, NaN, NaN]);
    // An index is an integer: both zeros are the index 0 itself, not −0.
    expect([Object.is(float32Index(0), 0), Object.is(float32Index(-0), 0)]).toEqual([true, true]);
    expect(() => float32Index(NaN)).toThrow(new RangeError('NaN has no position on the binary32 number line'));
  });
});

describe('nextFloat32 (IEEE 754 nextafter)', () => {
  test.prop([finiteBits])('steps one ULP down towards −∞ (to −∞ from the lowest finite value)', (b) => {
    const x = fromBits(b);
    const below = nextFloat32(x, -Infinity);
    expect(ulpDistance(below, x)).toBe(1);
    expect(below).toBeLessThan(x);
  });

  it('known answers: down and up from ±1, off zero both ways, to and from the infinities', () => {
    // Below 1 the spacing halves (2^−24); above it is 2^−23.
    expect([nextFloat32(1, 0), nextFloat32(1, Infinity)]).toEqual([1 - 2 ** -24, 1 + 2 ** -23]);
    expect([nextFloat32(-1, 0), nextFloat32(-1, -Infinity)]).toEqual([-1 + 2 ** -24, -1 - 2 ** -23]);
    expect([nextFloat32(0, 1), nextFloat32(0, -1), nextFloat32(-0, -Infinity)]).toEqual([
      MIN_SUBNORMAL,
      -MIN_SUBNORMAL,
      -MIN_SUBNORMAL,
    ]);
    expect([nextFloat32(MAX_FLOAT32, Infinity), nextFloat32(Infinity, 0), nextFloat32(-Infinity, 0)]).toEqual([
      Infinity,
      MAX_FLOAT32,
      -MAX_FLOAT32,
    ]);
  });

  it('x equal to the direction gives the direction (C99: nextafter(x, y) = y when x == y); NaN in, NaN out', () => {
    expect(nextFloat32(1, 1)).toBe(1);
    expect(Object.is(nextFloat32(0, -0), -0)).toBe(true);
    expect([nextFloat32(NaN, 1), nextFloat32(1, NaN), nextFloat32(NaN, NaN)]).toEqual([NaN, NaN, NaN]);
  });
});

describe('bitsText and fromBitsText', () => {
  test.prop([uint32.filter((b) => !Number.isNaN(fromBits(b)))])('are inverse on every non-NaN pattern', (b) => {
    expect(sameFloat(fromBitsText(bitsText(fromBits(b))), fromBits(b))).toBe(true);
  });

  it('write eight lowercase hex digits, zero-padded, and every NaN as the quiet NaN 0x7fc00000', () => {
    expect([bitsText(1), bitsText(-0), bitsText(MIN_SUBNORMAL), bitsText(-Infinity)]).toEqual([
      '0x3f800000',
      '0x80000000',
      '0x00000001',
      '0xff800000',
    ]);
    expect([bitsText(NaN), bitsText(fromBits(0xffc00001))]).toEqual(['0x7fc00000', '0x7fc00000']);
    expect(fromBitsText('0x3f800000')).toBe(1);
    expect(Object.is(fromBitsText('0x80000000'), -0)).toBe(true);
  });

  it.each(['0x3F800000', '0x3f80000', '0x3f8000000', '3f800000', ' 0x3f800000', '0x3f800000\n', '0x3g800000', ''])(
    'refuse %j: not 0x and eight lowercase hex digits (no silent +0)',
    (text) => {
      expect(() => fromBitsText(text)).toThrow(
        new RangeError(`${JSON.stringify(text)} is not 0x and eight lowercase hex digits`),
      );
    },
  );
});

describe('hexText', () => {
  it.each([
    [1, '0x1p+0'],
    [-0.375, '-0x1.8p-2'],
    [0.1, '0x1.99999ap-4'],
    [2 ** -149, '0x1p-149'],
    [3 * 2 ** -149, '0x1.8p-148'],
    [2 ** -126, '0x1p-126'],
    [1 + 2 ** -23, '0x1.000002p+0'], // leading zero digits kept, trailing ones dropped
    [(2 - 2 ** -23) * 2 ** 127, '0x1.fffffep+127'],
    [0, '0x0p+0'],
    [-0, '-0x0p+0'],
    [Infinity, 'inf'],
    [-Infinity, '-inf'],
    [NaN, 'nan'],
  ])('writes %s as printf("%%a", (double)x) does: %s', (x, text) => {
    expect(hexText(Math.fround(x))).toBe(text);
  });
});
