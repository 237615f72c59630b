/**
 * oracle/rational-pair.ts: how the rational stage's values are built (re-based on the whole enclosure
 * when the exact part leaves the rationals), which errors its two wrappers absorb, and how a value
 * rounds to float32. Surds ±√X are checked against decimal.js's square root at 80 digits, rounded by
 * `roundToFloat32`, on X near the squares of float32 rounding boundaries (midpoints and the overflow
 * threshold 2^128 − 2^103), where only the exact comparison of squares can decide.
 */
import { fc, test } from '@fast-check/vitest';
import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { roundToFloat32 } from '../../oracle/binary32.js';
import { Undecided } from '../../oracle/interval.js';
import {
  enclosed,
  exactly,
  isSurd,
  NO_REST,
  roundPairToFloat32,
  value,
  ZERO,
  type RationalPair,
} from '../../oracle/rational-pair.js';
import { RationalWithFloat64 } from '../../oracle/rational-with-float64.js';
import { NOT_RATIONAL } from '../../oracle/rational.js';

const P = RationalWithFloat64.instance;
const D = Decimal.clone({ precision: 80 });
const pair = (x: unknown) => x as RationalPair;
const THIRD = { num: 1n, den: 3n };
const W = { lo: 0.25, hi: 0.5 };

/** ±√(num / den) in the rational stage: a surd unless num / den is a square. */
const root = (negative: boolean, num: bigint, den: bigint) => {
  const r = P.sqrt(P.div(P.point(num.toString()), P.point(den.toString())));
  return pair(negative ? P.neg(r) : r);
};
const reference = (negative: boolean, num: bigint, den: bigint) => {
  const r = new D(num.toString()).div(den.toString()).sqrt();
  return roundToFloat32(negative ? r.neg() : r);
};

/** 2^e as an exact rational num / den. */
const power2 = (e: number) => (e >= 0 ? { num: 1n << BigInt(e), den: 1n } : { num: 1n, den: 1n << BigInt(-e) });

describe('exactly and enclosed', () => {
  it('turn an Undecided into NOT_RATIONAL and into no enclosure', () => {
    const undecided = () => {
      throw new Undecided('a test');
    };
    expect(exactly(undecided)).toBe(NOT_RATIONAL);
    expect(enclosed(undecided)).toBeUndefined();
  });

  it('let any other error through', () => {
    const defect = () => {
      throw new TypeError('a defect');
    };
    expect(() => exactly(defect)).toThrow(TypeError);
    expect(() => enclosed(defect)).toThrow(TypeError);
  });
});

describe('value', () => {
  it('keeps a rational exact part with its remainder', () =>
    expect(value(THIRD, NO_REST, W)).toEqual({ exact: THIRD, rest: NO_REST, whole: W }));

  it.each([
    ['its remainder is not enclosed', THIRD, undefined],
    ['its exact part left the rationals', NOT_RATIONAL, { lo: 0, hi: 0 }],
  ])('re-bases on 0 + the whole enclosure when %s', (_, exact, rest) =>
    expect(value(exact, rest, W)).toEqual({ exact: ZERO, rest: W, whole: W }),
  );

  it('is NOT_RATIONAL with nothing enclosed when there is no whole enclosure either', () =>
    expect(value(THIRD, undefined, undefined)).toEqual({ exact: NOT_RATIONAL, rest: undefined, whole: undefined }));
});

describe('roundPairToFloat32', () => {
  it('decides nothing for a value with no enclosure at all', () =>
    expect(roundPairToFloat32(value(NOT_RATIONAL, undefined, undefined))).toBeUndefined());

  it('decides nothing when q + r holds a rounding boundary, whatever side the value is on', () => {
    const midpoint = { num: (1n << 24n) + 1n, den: 1n << 24n };
    expect(roundPairToFloat32(value(midpoint, { lo: -(2 ** -70), hi: 2 ** -70 }, { lo: 1, hi: 1.0000001 }))).toBe(
      undefined,
    );
    expect(roundPairToFloat32(value(midpoint, { lo: 2 ** -71, hi: 2 ** -70 }, { lo: 1, hi: 1.0000001 }))).toBe(
      1 + 2 ** -23,
    );
  });

  it.each([
    ['no', undefined],
    ['a NaN', { lo: NaN, hi: NaN }],
  ])('decides nothing for a surd with %s enclosure', (_, whole) => {
    const surd = root(false, 2n, 1n).exact;
    expect(isSurd(surd)).toBe(true);
    expect(roundPairToFloat32({ exact: surd, rest: NO_REST, whole })).toBeUndefined();
  });

  it.each([false, true])('rounds a surd far past the overflow threshold to ±∞ (negative: %s)', (negative) =>
    expect(roundPairToFloat32(root(negative, 2n * 10n ** 80n, 1n))).toBe(negative ? -Infinity : Infinity),
  );

  test.prop([fc.boolean(), fc.bigInt({ min: 1n, max: (1n << 40n) - 1n }), fc.integer({ min: -60, max: 60 })])(
    'rounds ±√X as decimal.js does, for X = c · 2^(2e+1) (never a square: its 2-adic order is odd)',
    (negative, c, e) => {
      const odd = c | 1n;
      const { num, den } = power2(2 * e + 1);
      expect(roundPairToFloat32(root(negative, odd * num, den))).toBe(reference(negative, odd * num, den));
    },
  );

  test.prop([
    fc.boolean(),
    fc.integer({ min: 1 << 23, max: (1 << 24) - 1 }),
    fc.integer({ min: -100, max: 100 }),
    fc.bigInt({ min: -(1n << 20n), max: 1n << 20n }).filter((offset) => offset !== 0n),
  ])(
    'rounds ±√X as decimal.js does for X within 2^−70 relative of the square of a float32 midpoint, X not that square',
    (negative, significand, e, offset) => {
      // The midpoint (2s + 1) · 2^(e−25) squared is (2s + 1)² · 2^(2e−50); X = that · (1 + offset · 2^−90),
      // never a square for 0 < |offset| ≤ 2^20 (2^90 + offset lies strictly between (2^45 ± 1)²).
      const odd = BigInt(2 * significand + 1);
      const scale = power2(2 * e - 50 - 90);
      const num = odd * odd * ((1n << 90n) + offset) * scale.num;
      expect(roundPairToFloat32(root(negative, num, scale.den))).toBe(reference(negative, num, scale.den));
    },
  );

  it.each([false, true])(
    'rounds ±√m², for the float32 midpoint m = 1 + 3 · 2^−24, to the even neighbour (negative: %s)',
    (negative) => {
      const m = 3n + (1n << 24n);
      expect(roundPairToFloat32(root(negative, m * m, 1n << 48n))).toBe(negative ? -(1 + 2 ** -22) : 1 + 2 ** -22);
    },
  );

  it.each([
    [false, -1n],
    [false, 1n],
    [true, -1n],
    [true, 1n],
  ])('rounds ±√X at the overflow threshold B = 2^128 − 2^103 (negative: %s, X = B² %i)', (negative, offset) => {
    const b = (1n << 128n) - (1n << 103n);
    const x = b * b + offset;
    const expected = offset < 0n ? 2 ** 128 - 2 ** 104 : Infinity;
    expect(roundPairToFloat32(root(negative, x, 1n))).toBe(negative ? -expected : expected);
    expect(reference(negative, x, 1n)).toBe(negative ? -expected : expected);
  });
});
