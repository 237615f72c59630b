/**
 * The bound of a float32 mean (meanBound in src/gate/bound/bounded-matrix.ts) and the row, column and
 * whole means of rows × cols arrays: derived by hand for both orders the backends use, Σ (x_i / n)
 * (each quotient rounded: u |x_i / n| + η, then Higham's γ_{n−1} for the sum) and (Σ x_i) / n (γ_{n−1}
 * for the sum, then one rounding), the result taking the larger; which reason a mean outside the
 * domain reports; when it is ≥ 0 by construction; and, on random float32 terms, that the bound covers
 * the float32 mean in each of those orders.
 *
 * Bounds with γ_m = m u / (1 − m u) are not exact in float64: they are compared at a relative 1e−12
 * (a few float64 roundings of 2^−53 each, in the module and in the expectation, are far below that,
 * and a term of u, the smallest difference between the two orders here, is far above).
 */
import { fc, test } from '@fast-check/vitest';
import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { moderateFloat32 } from '../../../src/gate/arbitraries/float32.js';
import { boundedMatrixArith as M, meanBound, type BoundedMatrix } from '../../../src/gate/bound/bounded-matrix.js';
import { exactInput, type Bounded } from '../../../src/gate/bound/bounded.js';
import { exactDouble } from '../../exact-double.js';

const u = 2 ** -24;
const eta = 2 ** -150;
const gamma = (m: number) => (m * u) / (1 - m * u);
const expectRelative = (actual: number, expected: number) =>
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-12 * expected);
const exact = (xs: readonly number[]) => meanBound(xs.map(exactInput));

describe('the bound of a mean of n terms: the larger of Σ (x_i / n) and (Σ x_i) / n', () => {
  it('with cancellation, Σ (x_i / n) is larger: each quotient rounds on |x_i / n|, not on |mean|', () => {
    // 1, 2, 4, −8 over 4. Σ (x_i/4): the quotients 1/4, 1/2, 1, −2 are exact, each rounding adds
    // u|x_i/4| + η: (15/4) u + 4η; the sum adds γ_3 Σ (|x_i/4| + e_i) = γ_3 (15/4 + (15/4) u + 4η).
    // (Σ x_i)/4: Σ = −1 with e = γ_3 · 15, over 4: 15γ_3/4, then u(1/4 + 15γ_3/4) + η: 3.5u less.
    // Sizes: Σ (|x_i| + |x_i/4| · 4)/4 = 7.5 (the 4η/u vanish in float64) against (15 + 1)/4 = 4.
    const mean = exact([1, 2, 4, -8]);
    const termwise = (15 / 4) * u + 4 * eta + gamma(3) * (15 / 4 + (15 / 4) * u + 4 * eta);
    const once = (15 * gamma(3)) / 4 + u * (1 / 4 + (15 * gamma(3)) / 4) + eta;
    expect([mean.v, mean.s, mean.out, mean.nonneg]).toEqual([-1 / 4, 7.5, undefined, undefined]);
    expectRelative(mean.e, termwise);
    expect(mean.e - once).toBeGreaterThan(3 * u);
  });

  it('without cancellation the two orders agree to float64 precision: 1, 2, 4, 8 over 4', () => {
    // Σ (x_i/4): (15/4) u + 4η + γ_3 (15/4 + (15/4) u + 4η); (Σ x_i)/4 is 3η + 4γ_3η smaller.
    const mean = exact([1, 2, 4, 8]);
    expect([mean.v, mean.s, mean.out]).toEqual([15 / 4, 7.5, undefined]);
    expectRelative(mean.e, (15 / 4) * u + 4 * eta + gamma(3) * (15 / 4 + (15 / 4) * u + 4 * eta));
  });

  it('where the sum may overflow float32 but each quotient does not: outside the domain (overflow)', () => {
    // (2^127 + 2^127)/2 is ∞ in float32 (the sum overflows), though 2^127/2 + 2^127/2 = 2^127 is not:
    // the bound holds for both orders, so the mean is outside the domain. Sizes: 2^128 in both.
    expect(Math.fround(Math.fround(2 ** 127 + 2 ** 127) / 2)).toBe(Infinity);
    expect(Math.fround(2 ** 126 + 2 ** 126)).toBe(2 ** 127);
    expect(exact([2 ** 127, 2 ** 127])).toEqual({
      v: 2 ** 127,
      e: Infinity,
      s: 2 ** 128,
      out: 'overflow',
      nonneg: true,
    });
  });

  it('the severer reason of the two orders wins, whichever order reports it', () => {
    // max(0, −∞) = 0 from an infinite input: {0, e ∞, 'nonfinite'}. Σ (x_i/2): 0/2 stays 'nonfinite'
    // (an IEEE 0 in both). (Σ x_i)/2: the dividend 2 carries e = ∞, so it may vanish in float32 alone
    // next to a nonfinite operand: 'underflow', severer than 'nonfinite', reported by the second order.
    const zeroFromInfinity: Bounded = { v: 0, e: Infinity, s: Infinity, out: 'nonfinite' };
    expect(meanBound([zeroFromInfinity, exactInput(2)])).toEqual({ v: 1, e: Infinity, s: Infinity, out: 'underflow' });
    // max(1, −∞) and max(−1, −∞): Σ (x_i/2) divides a 1 that may vanish ('underflow'); (Σ x_i)/2
    // divides a 0 (the sum of the IEEE values ±1 is 0 in both): 'nonfinite'. The first order's wins.
    const one: Bounded = { v: 1, e: Infinity, s: Infinity, out: 'nonfinite' };
    const minusOne: Bounded = { v: -1, e: Infinity, s: Infinity, out: 'nonfinite' };
    expect(meanBound([one, minusOne])).toEqual({ v: 0, e: Infinity, s: Infinity, out: 'underflow' });
  });

  it('a mean of terms ≥ 0 by construction is ≥ 0 (so a root of a mean of squares near 0 stays decided)', () => {
    expect(exact([1, 2]).nonneg).toBe(true);
    expect(exact([1, -2]).nonneg).toBeUndefined();
    expect(exact([-1, 2]).nonneg).toBeUndefined();
    // (1 − 1)² is 0 carrying e = η, ≥ 0 by construction: so is the mean, and √ of it is decided. The
    // same value less 0 is not ≥ 0 by construction and lies within its error of 0: √ leaves the domain.
    const squares = M.square(M.sub(row([1, 1]), row([1, 1])));
    const mean = M.mean(squares).data[0]!;
    expect([mean.v, mean.nonneg]).toEqual([0, true]);
    expect(M.sqrt(M.mean(squares)).data[0]?.out).toBeUndefined();
    expect(M.sqrt(M.mean(M.sub(squares, row([0, 0])))).data[0]?.out).toBe('underflow');
  });
});

/** A 1 × n array of exact inputs. */
function row(xs: readonly number[]): BoundedMatrix {
  return { rows: 1, cols: xs.length, data: xs.map(exactInput) };
}

describe('the means of a rows × cols array', () => {
  // [[1, 2, 4, −8], [3, 3, 3, 3]]
  const a: BoundedMatrix = { rows: 2, cols: 4, data: [1, 2, 4, -8, 3, 3, 3, 3].map(exactInput) };

  it('per row: a rows × 1 statistic, each the mean of its own row', () => {
    // Row 0 as above; row 1: each 3/4 carries (3/4) u + η, the sum γ_3 (3 + 3u + 4η).
    const r = M.rowMean(a);
    expect([r.rows, r.cols, r.data.map((b) => b.v)]).toEqual([2, 1, [-1 / 4, 3]]);
    expectRelative(r.data[0]!.e, (15 / 4) * u + 4 * eta + gamma(3) * (15 / 4 + (15 / 4) * u + 4 * eta));
    expectRelative(r.data[1]!.e, 3 * u + 4 * eta + gamma(3) * (3 + 3 * u + 4 * eta));
  });

  it('per column: a 1 × cols statistic, each the mean of its own column', () => {
    // Column 0, (1 + 3)/2: 1/2 and 3/2 carry u|x_i/2| + η, the sum γ_1 (2 + 2u + 2η). Column 3,
    // (−8 + 3)/2: quotients −4 and 3/2, 5.5u + 2η + γ_1 (5.5 + 5.5u + 2η), 3u above (Σ x_i)/2's.
    const c = M.colMean(a);
    expect([c.rows, c.cols, c.data.map((b) => b.v)]).toEqual([1, 4, [2, 2.5, 3.5, -2.5]]);
    expectRelative(c.data[0]!.e, 2 * u + 2 * eta + gamma(1) * (2 + 2 * u + 2 * eta));
    expectRelative(c.data[3]!.e, 5.5 * u + 2 * eta + gamma(1) * (5.5 + 5.5 * u + 2 * eta));
  });

  it('over every element: a scalar; a row and a column statistic pass through their placement unchanged', () => {
    const m = M.mean(a);
    expect([m.rows, m.cols, m.data[0]?.v]).toEqual([1, 1, 11 / 8]);
    const r = M.rowMean(a);
    expect(M.alongRows(r)).toBe(r);
    const c = M.colMean(a);
    expect(M.alongColumns(c)).toBe(c);
  });
});

describe('the mean bound covers float32 means (soundness)', () => {
  const E = Decimal.clone({ precision: 200 });
  const sum32 = (xs: readonly number[]) => xs.reduce((s, x) => Math.fround(s + x), 0);
  const sum64 = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0);

  test.prop([fc.array(moderateFloat32(), { minLength: 1, maxLength: 8 })])(
    'Σ (x_i / n) and (Σ x_i) / n, summed in float32 either way or in float64 rounded once',
    (xs) => {
      const n = xs.length;
      const quotients = xs.map((x) => Math.fround(x / n));
      const candidates = [
        sum32(quotients),
        sum32([...quotients].reverse()),
        Math.fround(sum64(quotients)),
        Math.fround(sum32(xs) / n),
        Math.fround(sum32([...xs].reverse()) / n),
        Math.fround(Math.fround(sum64(xs)) / n),
      ];
      const mean = xs.reduce((s, x) => s.plus(exactDouble(x)), new E(0)).div(n);
      const b = exact(xs);
      expect(b.out).toBeUndefined();
      for (const f of candidates) expect(mean.minus(exactDouble(f)).abs().toNumber()).toBeLessThanOrEqual(b.e);
    },
  );
});
