/**
 * The running error analysis on rows × cols arrays (src/gate/bound/bounded-matrix.ts), elementwise, on
 * hand-made cases whose bounds are derived from the model of ./bounded.ts: broadcasting of row, column
 * and scalar statistics and the RangeErrors of arrays that do not broadcast; max, whose bound is the
 * chosen operand's only when the comparison is decided; the product with the float32 zero; the sum,
 * ≥ 0 by construction only when every term is and the sum stays inside the domain. (The means are in
 * bounded-matrix-mean.spec.ts.) Bounds with γ_m = m u / (1 − m u), not exact in float64, are compared at
 * a relative 1e−12: far above a few float64 roundings (2^−53 each), far below any term of u.
 */
import { describe, expect, it } from 'vitest';
import { boundedMatrixArith as M, type BoundedMatrix } from '../../../src/gate/bound/bounded-matrix.js';
import { exactInput, type Bounded } from '../../../src/gate/bound/bounded.js';

const u = 2 ** -24;
const eta = 2 ** -150;
const gamma = (m: number) => (m * u) / (1 - m * u);

/** A matrix of exact float32 inputs, from its rows. */
const matrix = (rows: readonly (readonly number[])[]): BoundedMatrix => ({
  rows: rows.length,
  cols: rows[0]?.length ?? 0,
  data: rows.flat().map(exactInput),
});
const scalar = (b: Bounded): BoundedMatrix => ({ rows: 1, cols: 1, data: [b] });
const only = (m: BoundedMatrix): Bounded => {
  expect([m.rows, m.cols]).toEqual([1, 1]);
  return m.data[0]!;
};

describe('broadcasting rows × cols arrays', () => {
  const a = matrix([
    [1, 2],
    [4, 8],
  ]);
  // Sums of exact small integers (exact in float32 too): the model's e = 0 + 0, then + u(|v| + 0), no η.
  const sums = (m: BoundedMatrix) => m.data.map((b) => [b.v, b.e]);

  it('a row statistic (rows × 1) repeats along each row, a column statistic (1 × cols) down each column', () => {
    const alongRows = M.add(a, matrix([[10], [20]]));
    expect([alongRows.rows, alongRows.cols]).toEqual([2, 2]);
    expect(sums(alongRows)).toEqual([11, 12, 24, 28].map((v) => [v, u * v]));
    const alongColumns = M.add(a, matrix([[100, 200]]));
    expect([alongColumns.rows, alongColumns.cols]).toEqual([2, 2]);
    expect(sums(alongColumns)).toEqual([101, 202, 104, 208].map((v) => [v, u * v]));
  });

  it('a row statistic against a column statistic is their outer sum; a scalar repeats everywhere', () => {
    const outer = M.add(matrix([[10], [20]]), matrix([[100, 200]]));
    expect([outer.rows, outer.cols]).toEqual([2, 2]);
    expect(sums(outer)).toEqual([110, 210, 120, 220].map((v) => [v, u * v]));
    const shifted = M.add(matrix([[16]]), a);
    expect(sums(shifted)).toEqual([17, 18, 20, 24].map((v) => [v, u * v]));
  });

  it('dimensions that do not broadcast are refused with a RangeError naming them', () => {
    const b = matrix([
      [1, 2],
      [3, 4],
      [5, 6],
    ]);
    expect(() => M.add(a, b)).toThrow(new RangeError('dimensions 2 and 3 do not broadcast'));
    expect(() => M.add(matrix([[1, 2]]), matrix([[1, 2, 3]]))).toThrow(
      new RangeError('dimensions 2 and 3 do not broadcast'),
    );
  });

  it('an array with fewer elements than rows × cols is refused with a RangeError naming the missing one', () => {
    const short: BoundedMatrix = { rows: 2, cols: 2, data: [1, 2, 3].map(exactInput) };
    expect(() => M.add(short, a)).toThrow(new RangeError('no element (1, 1) in a 2 × 2 array'));
  });

  it('a selection broadcasts its condition and both branches; an exact condition takes each branch’s bound', () => {
    // where(c > 0, a, b) with c = [[1], [−1]] (rows), a = [[10, 20]] (columns), b = [[5]] (scalar).
    const chosen = M.wherePositive(matrix([[1], [-1]]), matrix([[10, 20]]), matrix([[5]]));
    expect([chosen.rows, chosen.cols, chosen.data.map((b) => [b.v, b.e])]).toEqual([
      2,
      2,
      [
        [10, 0],
        [20, 0],
        [5, 0],
        [5, 0],
      ],
    ]);
  });

  it('elementwise maps keep the shape: the sign and |·| of −2 and of the exact 0 are exact', () => {
    // sign is exact where decided: |−2| > e = 0, and 0 is the exact zero (s = |sign| = 1 and 0).
    expect(M.abs(matrix([[-2, 0]]))).toEqual({
      rows: 1,
      cols: 2,
      data: [
        { v: 2, e: 0, s: 2, nonneg: true },
        { v: 0, e: 0, s: 0, nonneg: true },
      ],
    });
    expect(M.sign(matrix([[-2, 0]]))).toEqual({
      rows: 1,
      cols: 2,
      data: [
        { v: -1, e: 0, s: 1, nonneg: false },
        { v: 0, e: 0, s: 0, nonneg: true },
      ],
    });
  });
});

describe('max: the chosen operand’s bound only when float32 takes the same operand', () => {
  const max = (a: Bounded, b: Bounded) => only(M.max(scalar(a), scalar(b)));

  it('decided (|a − b| beyond e_a + e_b + 2^−45 (s_a + s_b)): the larger operand’s e and s, in either position', () => {
    // |2 − (−1)| = 3 > 2^−20 + 2^−10 + 2^−45 · 10: the bound of 2 alone, not max(e) = 2^−10 nor max(s) = 8.
    const two = { v: 2, e: 2 ** -20, s: 2 };
    const minusOne = { v: -1, e: 2 ** -10, s: 8 };
    expect(max(two, minusOne)).toEqual({ v: 2, e: 2 ** -20, s: 2 });
    expect(max(minusOne, two)).toEqual({ v: 2, e: 2 ** -20, s: 2 });
  });

  it('undecided (|a − b| within the errors): max(e_a, e_b) and max(s_a, s_b), whichever float32 takes', () => {
    // |1 − (1 + 2^−11)| = 2^−11 ≤ 2^−10 + 2^−20 + 2^−44: float32 may take 1 (off by up to 2^−10).
    const a = { v: 1, e: 2 ** -10, s: 1 };
    const b = { v: 1 + 2 ** -11, e: 2 ** -20, s: 1 };
    expect(max(a, b)).toEqual({ v: 1 + 2 ** -11, e: 2 ** -10, s: 1 });
  });

  it('at the margin exactly the comparison is undecided; one float64 ulp beyond it, decided', () => {
    // margin = e_a + e_b + 2^−45 (s_a + s_b) = 2^−13 + 2^−12 + 2^−44, exact in float64, as is |a − b|.
    const margin = 2 ** -13 + 2 ** -12 + 2 ** -44;
    const b = { v: 1, e: 2 ** -12, s: 1 };
    const atMargin = { v: 1 + margin, e: 2 ** -13, s: 1 };
    expect(max(atMargin, b)).toEqual({ v: 1 + margin, e: 2 ** -12, s: 1 });
    const beyond = { v: 1 + margin + 2 ** -52, e: 2 ** -13, s: 1 };
    expect(max(beyond, b)).toEqual({ v: 1 + margin + 2 ** -52, e: 2 ** -13, s: 1 });
  });

  it('with a NaN operand, outside the domain with an infinite bound, as boundedArith.max gives', () => {
    // NaN compares with nothing: max is NaN in float32, judged by class ('nonfinite'); s = max(NaN, 1).
    expect(max(exactInput(NaN), exactInput(1))).toEqual({ v: NaN, e: Infinity, s: NaN, out: 'nonfinite' });
    expect(max(exactInput(1), exactInput(NaN))).toEqual({ v: NaN, e: Infinity, s: NaN, out: 'nonfinite' });
  });
});

describe('the product with the float32 zero', () => {
  const zero = { e: 0, s: 0, nonneg: true, out: undefined };
  const fields = (b: Bounded) => ({ e: b.e, s: b.s, nonneg: b.nonneg, out: b.out, zero: b.v === 0 });

  it('0 · y and y · 0 with y inside the domain are exact zeros, ≥ 0 (no η, even beside a negative y)', () => {
    // x · 0 = ±0 in float32 with no rounding, where the general product would add η and size η/u.
    for (const product of [M.mul(matrix([[0, 0]]), matrix([[3, -3]])), M.mul(matrix([[3, -3]]), matrix([[0]]))]) {
      expect(product.data.map(fields)).toEqual([
        { ...zero, zero: true },
        { ...zero, zero: true },
      ]);
    }
  });
});

describe('the sum of an array', () => {
  it('of terms ≥ 0 by construction: ≥ 0, with Higham’s bound γ_{n−1} Σ |x_i|', () => {
    // Σ of the exact 1, 2, 4, 8: v = 15, e = 0 + γ_3 · 15 (γ_3 rounds in float64: relative 1e−12).
    const sum = only(
      M.sum(
        matrix([
          [1, 2],
          [4, 8],
        ]),
      ),
    );
    expect([sum.v, sum.s, sum.nonneg, sum.out]).toEqual([15, 15, true, undefined]);
    expect(Math.abs(sum.e - 15 * gamma(3))).toBeLessThanOrEqual(1e-12 * 15 * gamma(3));
  });

  it('with a term not ≥ 0 by construction (a negative input, or a difference): not marked ≥ 0', () => {
    expect(only(M.sum(matrix([[1, -1, 2]]))).nonneg).toBeUndefined();
    const difference = M.sub(matrix([[3]]), matrix([[1]]));
    expect(only(M.sum({ rows: 1, cols: 2, data: [exactInput(1), difference.data[0]!] })).nonneg).toBeUndefined();
  });

  it('of terms ≥ 0 whose partial sums may overflow: outside the domain, and not marked ≥ 0', () => {
    // 2^127 + 2^127 = 2^128 is ∞ in float32: Σ (|x_i| + e_i)(1 + γ_1) ≥ the overflow threshold.
    expect(Math.fround(2 ** 127 + 2 ** 127)).toBe(Infinity);
    expect(only(M.sum(matrix([[2 ** 127, 2 ** 127]])))).toEqual({
      v: 2 ** 128,
      e: Infinity,
      s: 2 ** 128,
      out: 'overflow',
    });
  });

  it('a root of a sum of squares near 0 stays decided (every term ≥ 0 by construction)', () => {
    // (1 − 1)² carries e = η with v = 0: a root of a value within its error of 0 that is not ≥ 0 by
    // construction leaves the domain; the sum of squares is ≥ 0, so √ is √e, finite, and ≥ 0.
    const zeros = M.sub(matrix([[1, 1]]), matrix([[1, 1]]));
    const root = only(M.sqrt(M.sum(M.square(zeros))));
    // Σ: e = 2η + γ_1 (η + η); √ of a 0 carrying e: √e, rounded: + u(0 + √e) (relative 1e−12).
    expect([root.v, root.out, root.nonneg]).toEqual([0, undefined, true]);
    const expected = Math.sqrt(2 * eta * (1 + gamma(1))) * (1 + u);
    expect(Math.abs(root.e - expected)).toBeLessThanOrEqual(1e-12 * expected);
    const unsigned = only(M.sqrt(M.sum(M.sub(M.square(zeros), matrix([[0, 0]])))));
    expect(unsigned.out).toBe('underflow');
  });
});
