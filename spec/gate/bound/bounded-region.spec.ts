/**
 * Regions under running error analysis (src/gate/bound/bounded-region.ts) on hand-made cases: regions
 * of length 1 broadcast, regions of other different lengths are refused with a RangeError naming them,
 * as is a region with a missing element; the product with the float32 zero is an exact zero (no η),
 * unless the other operand is outside the domain; a region sum is the sum it was given.
 */
import { describe, expect, it } from 'vitest';
import { boundedRegionArith, type BoundedRegion } from '../../../src/gate/bound/bounded-region.js';
import { exactInput, nonnegativeSum, sumBound, type Bounded } from '../../../src/gate/bound/bounded.js';

const u = 2 ** -24;
const eta = 2 ** -150;
/** Region arithmetic with sumBound's sums, built in each case (its construction is part of what is checked). */
const arith = () => boundedRegionArith(sumBound);
const region = (xs: readonly number[]): BoundedRegion => xs.map(exactInput);

describe('broadcasting regions', () => {
  it('a region of length 1 repeats against a longer one; two regions of length 1 give one element', () => {
    const R = arith();
    // Sums of small integers are exact in float32: e = u|v| (no η for +).
    expect(R.add(region([10]), region([1, 2, 4])).map((b) => [b.v, b.e])).toEqual([
      [11, 11 * u],
      [12, 12 * u],
      [14, 14 * u],
    ]);
    expect(R.add(region([1]), region([2])).map((b) => b.v)).toEqual([3]);
    expect(R.wherePositive(region([1]), region([2]), region([3])).map((b) => b.v)).toEqual([2]);
  });

  it('regions of different lengths, neither 1, are refused with a RangeError naming both lengths', () => {
    const R = arith();
    expect(() => R.add(region([1, 2]), region([1, 2, 3]))).toThrow(
      new RangeError('regions of 2 and 3 do not broadcast'),
    );
    expect(() => R.wherePositive(region([1, 2]), region([1]), region([1, 2, 3]))).toThrow(
      new RangeError('regions of 2 and 3 do not broadcast'),
    );
  });

  it('a region with a missing element (a sparse array) is refused with a RangeError naming it', () => {
    const R = arith();
    const sparse: Bounded[] = [];
    sparse[1] = exactInput(1);
    expect(() => R.add(sparse, region([1, 2]))).toThrow(new RangeError('no element 0 in a region of 2'));
  });
  it('differences element by element, broadcasting: errors and sizes add, not ≥ 0 by construction', () => {
    const R = arith();
    // 3 − 1 and 5 − 1 are exact in float32: e = 0 + 0, then + u|v| (no η for −); sizes 3 + 1 and 5 + 1.
    expect(R.sub(region([3, 5]), region([1]))).toEqual([
      { v: 2, e: 2 * u, s: 4 },
      { v: 4, e: 4 * u, s: 6 },
    ]);
  });

  it('quotients and maxima element by element, broadcasting: x/2 rounds once, max rounds nothing', () => {
    const R = arith();
    // 1/2 and 3/2 are exact: e = 0, then + u|q| + η (η vanishes beside u/2 in float64); sizes
    // (|x| + |q| · 2)/2 + η/u = 1 and 3. max(1, 3) and max(5, 3): e = max(0, 0), s = max(s_a, s_b).
    expect(R.div(region([1, 3]), region([2]))).toEqual([
      { v: 0.5, e: u / 2 + eta, s: 1, nonneg: true },
      { v: 1.5, e: 1.5 * u + eta, s: 3, nonneg: true },
    ]);
    expect(R.max(region([1, 5]), region([3]))).toEqual([
      { v: 3, e: 0, s: 3, nonneg: true },
      { v: 5, e: 0, s: 5, nonneg: true },
    ]);
  });

  it('elementwise maps act on each element: √4 rounds once (2u), √0 is exact, both ≥ 0', () => {
    const R = arith();
    // √4: e = min(0 / (2 + 2), √0) = 0, then + u(2 + 0); √0 = √e = 0, + u · 0 (no η for a root).
    expect(R.sqrt(region([4, 0]))).toEqual([
      { v: 2, e: 2 * u, s: 2, nonneg: true },
      { v: 0, e: 0, s: 0, nonneg: true },
    ]);
  });
});

describe('the product with the float32 zero', () => {
  const fields = (b: Bounded) => ({ e: b.e, s: b.s, nonneg: b.nonneg, out: b.out, zero: b.v === 0 });
  const exactZero = { e: 0, s: 0, nonneg: true, out: undefined, zero: true };

  it('0 · y and y · 0 with y inside the domain are exact zeros, ≥ 0 (no η, even beside a negative y)', () => {
    const R = arith();
    // x · 0 = ±0 in float32 with no rounding, where the general product would add η and size η/u
    // (and would not be ≥ 0 by construction beside −3).
    expect(R.mul(region([0, 0]), region([3, -3])).map(fields)).toEqual([exactZero, exactZero]);
    expect(R.mul(region([3, -3]), region([0])).map(fields)).toEqual([exactZero, exactZero]);
  });
});

describe('the region sum', () => {
  it('is the sum the arithmetic was built with, as one element', () => {
    const R = arith();
    // Σ of the exact 1 and 2: v = 3, e = γ_1 · 3 with γ_1 = u/(1 − u) (relative 1e−12: γ_1 rounds in
    // float64); nonnegativeSum marks it ≥ 0, sumBound does not.
    const [plain] = R.regionSum(region([1, 2]));
    const [signed] = boundedRegionArith(nonnegativeSum).regionSum(region([1, 2]));
    const e = (3 * u) / (1 - u);
    expect([plain?.v, plain?.nonneg, signed?.v, signed?.nonneg]).toEqual([3, undefined, 3, true]);
    expect(Math.abs((plain?.e ?? NaN) - e)).toBeLessThanOrEqual(1e-12 * e);
  });
});
