import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import {
  down,
  FLOAT64_UNDECIDED,
  MAX,
  nextDown,
  nextUp,
  R,
  setChecked,
  setOverflowed,
  setPointProduct,
  setPointSum,
  TINY,
  up,
} from '../../oracle/float64-rounding.js';
import { adjacentDouble, exactDouble, stepDoubles } from '../exact-double.js';

/** The enclosure an operation wrote, as a pair (toEqual tells −0 from +0 through Object.is). */
const written = (): [number, number] => [R[0] as number, R[1] as number];

/** Whether [R[0], R[1]] holds the exact x · y (or x + y), by decimal.js at 2000 digits on the exact doubles. */
function holds(exact: ReturnType<typeof exactDouble>): boolean {
  const [lo, hi] = written();
  return (lo === -Infinity || exactDouble(lo).lte(exact)) && (hi === Infinity || exact.lte(exactDouble(hi)));
}

describe('the steps of the outward rounding at the ends of the range', () => {
  test.prop([fc.double({ noNaN: true, noDefaultInfinity: true })], { numRuns: 1000 })(
    'steps a finite double to the double next to it, by its bits',
    (x) => {
      expect(nextUp(x)).toBe(adjacentDouble(x, true));
      expect(nextDown(x)).toBe(adjacentDouble(x, false));
    },
  );

  it('keeps ±∞ and NaN in nextUp and nextDown, and steps ±MAX_VALUE to ±∞', () => {
    expect(nextUp(Infinity)).toBe(Infinity);
    expect(nextDown(-Infinity)).toBe(-Infinity);
    expect(nextUp(-Infinity)).toBe(-MAX);
    expect(nextDown(Infinity)).toBe(MAX);
    expect(nextUp(MAX)).toBe(Infinity);
    expect(nextDown(-MAX)).toBe(-Infinity);
    expect(nextUp(NaN)).toBeNaN();
  });

  it('brings down(+∞) to MAX_VALUE and up(−∞) to −MAX_VALUE, an overflow being above MAX_VALUE, and keeps the rest', () => {
    expect(down(Infinity)).toBe(MAX);
    expect(up(-Infinity)).toBe(-MAX);
    expect(down(-Infinity)).toBe(-Infinity);
    expect(up(Infinity)).toBe(Infinity);
    expect(down(NaN)).toBeNaN();
    expect(up(NaN)).toBeNaN();
  });

  test.prop([fc.double({ noNaN: true, noDefaultInfinity: true })], { numRuns: 1000 })(
    'moves a finite double at least one double outward, and at most three (|x| 2^−52 + 2^−1074 is below three spacings)',
    (x) => {
      expect(down(x) <= stepDoubles(x, 1, false) && down(x) >= stepDoubles(x, 3, false), `${x}`).toBe(true);
      expect(up(x) >= stepDoubles(x, 1, true) && up(x) <= stepDoubles(x, 3, true), `${x}`).toBe(true);
    },
  );
});

describe('the writing of an enclosure', () => {
  it('refuses a NaN at either end (0 · ∞ or ∞ − ∞ at one end only) as undecided', () => {
    expect(() => setChecked(NaN, 1)).toThrow(FLOAT64_UNDECIDED);
    expect(() => setChecked(1, NaN)).toThrow(FLOAT64_UNDECIDED);
    setChecked(-1, 2);
    expect(written()).toEqual([-1, 2]);
  });

  it('puts an overflow beyond ±MAX_VALUE on its own side', () => {
    setOverflowed(Infinity);
    expect(written()).toEqual([MAX, Infinity]);
    setOverflowed(-Infinity);
    expect(written()).toEqual([-Infinity, -MAX]);
  });
});

describe('the product of two exact doubles', () => {
  it('is an exact zero with IEEE sign when a factor is zero, and an enclosure holding 0⁺ or 0⁻ when it underflows', () => {
    const cases: [number, number, number][] = [
      [0, 3, 0],
      [3, 0, 0],
      [-0, 3, -0],
      [3, -0, -0],
      [-2, 0, -0],
    ];
    for (const [x, y, p] of cases) {
      setPointProduct(x, y);
      expect(written(), `${x} · ${y}`).toEqual([p, p]);
    }
    setPointProduct(1e-200, 1e-200);
    expect(R[0]).toBeLessThanOrEqual(0);
    expect(R[1]).toBeGreaterThanOrEqual(TINY);
    setPointProduct(-1e-200, 1e-200);
    expect(R[0]).toBeLessThanOrEqual(-TINY);
    expect(R[1]).toBeGreaterThanOrEqual(0);
  });

  it('is the exact ±∞ or NaN IEEE gives on an infinite factor, and beyond ±MAX_VALUE on an overflow of finite ones', () => {
    setPointProduct(Infinity, 2);
    expect(written()).toEqual([Infinity, Infinity]);
    setPointProduct(2, -Infinity);
    expect(written()).toEqual([-Infinity, -Infinity]);
    setPointProduct(Infinity, 0);
    expect(written()).toEqual([NaN, NaN]);
    setPointProduct(0, -Infinity);
    expect(written()).toEqual([NaN, NaN]);
    setPointProduct(2 ** 1000, 2 ** 100);
    expect(written()).toEqual([MAX, Infinity]);
    setPointProduct(-(2 ** 1000), 2 ** 100);
    expect(written()).toEqual([-Infinity, -MAX]);
  });

  it('holds the exact product within 2^−25 of MAX_VALUE, where TwoProduct overflows (found by a search)', () => {
    const x = 2.3267655595767086e154;
    const y = 7.72614636564477e153;
    setPointProduct(x, y);
    expect(holds(exactDouble(x).times(exactDouble(y)))).toBe(true);
    expect(R[0]).toBeLessThan(R[1] as number);
  });

  test.prop(
    [
      fc.oneof(
        fc.tuple(fc.double({ min: 2 ** 900, max: MAX }), fc.double({ min: -(2 ** -1000), max: 2 ** -1000 })),
        fc.tuple(fc.double({ min: 2 ** 500, max: 2 ** 530 }), fc.double({ min: 2 ** 480, max: 2 ** 500 })),
        fc.tuple(fc.double({ noNaN: true }), fc.double({ noNaN: true })),
        fc.tuple(fc.float({ noNaN: true }), fc.float({ noNaN: true })).map(([a, b]) => [a, b] as [number, number]),
      ),
    ],
    { numRuns: 1000 },
  )('holds the exact product, and is a point exactly when it is a double in the range of TwoProduct', ([x, y]) => {
    setPointProduct(x, y);
    const p = x * y;
    if (!Number.isFinite(x) || !Number.isFinite(y)) {
      expect(written()).toEqual([p, p]);
      return;
    }
    const exact = exactDouble(x).times(exactDouble(y));
    expect(holds(exact), `${x} · ${y}`).toBe(true);
    if (R[0] === R[1]) expect(exactDouble(R[0] as number).eq(exact)).toBe(true);
    // Outside it (2^27 · x overflows, or p is below 2^−900 or above 2^990) an exact product may be a pair.
    else if (Math.max(Math.abs(x), Math.abs(y)) < 2 ** 990 && Math.abs(p) > 2 ** -900 && Math.abs(p) < 2 ** 990)
      expect(exactDouble(p).eq(exact)).toBe(false);
  });
});

describe('the sum of two exact doubles', () => {
  it('is the exact ±∞ or NaN IEEE gives on an infinite term, and beyond ±MAX_VALUE on an overflow of finite ones', () => {
    const exactly: [number, number, number][] = [
      [Infinity, 1, Infinity],
      [1, Infinity, Infinity],
      [-Infinity, -1, -Infinity],
      [-1, -Infinity, -Infinity],
      [Infinity, -Infinity, NaN],
    ];
    for (const [x, y, s] of exactly) {
      setPointSum(x, y);
      expect(written(), `${x} + ${y}`).toEqual([s, s]);
    }
    setPointSum(MAX, MAX);
    expect(written()).toEqual([MAX, Infinity]);
    setPointSum(-MAX, -MAX);
    expect(written()).toEqual([-Infinity, -MAX]);
  });

  it('is a point when exact, else one side of the rounded sum, the side of the error', () => {
    setPointSum(0.5, 0.25);
    expect(written()).toEqual([0.75, 0.75]);
    setPointSum(-0, -0);
    expect(written()).toEqual([-0, -0]);
    setPointSum(1, 2 ** -60);
    expect(R[0]).toBe(1);
    expect(R[1]).toBeGreaterThan(1);
    setPointSum(1, -(2 ** -60));
    expect(R[0]).toBeLessThan(1);
    expect(R[1]).toBe(1);
  });

  test.prop(
    [fc.double({ noNaN: true, noDefaultInfinity: true }), fc.double({ noNaN: true, noDefaultInfinity: true })],
    {
      numRuns: 1000,
    },
  )('holds the exact sum, and is a point exactly when the sum is a double', (x, y) => {
    setPointSum(x, y);
    const exact = exactDouble(x).plus(exactDouble(y));
    expect(holds(exact), `${x} + ${y}`).toBe(true);
    if (R[0] === R[1]) expect(exactDouble(R[0] as number).eq(exact)).toBe(true);
  });
});
