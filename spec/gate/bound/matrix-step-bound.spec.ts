/**
 * The derived bound of a production step on whole vectors and matrices
 * (src/gate/bound/matrix-step-bound.ts), on Adafactor: which outputs come back and how many elements
 * each holds, that each row (column) statistic is its own row's (column's) under a 2-D shape, and that a
 * vector's unfactored step hands its r and c back untouched.
 */
import { describe, expect, it } from 'vitest';
import { configure } from '../../../core/catalogue/index.js';
import { boundMatrixStep } from '../../../src/gate/bound/matrix-step-bound.js';
import type { MatrixRule } from '../../../src/production/rules/matrix-rule.js';
import { entryOf, productionRuleOf } from '../../../src/registry/index.js';

const u = 2 ** -24;
const eta = 2 ** -150;
const adafactor = () => productionRuleOf('adafactor') as MatrixRule;
/** comparisonBound (bounded.ts) of an exact float32 input x: (u|x| + η)(1 + 2^−20) + 2^−45 |x|. */
const exact = (x: number) => ({ bound: (u * x + eta) * (1 + 2 ** -20) + 2 ** -45 * x, scale: x });

describe("boundMatrixStep on Adafactor (the paper preset: Keras's factoring of the last two axes)", () => {
  const config = configure(entryOf('adafactor'), 'paper');

  it("a 2 × 2 matrix: θ' and v per element, r' per row, c' per column, each row and column its own statistic", () => {
    // t = 2: β = 1 − 2^−0.8 ≈ 0.43, far from 0, so β · ∞ is ∞ in both arithmetics ('nonfinite'); the
    // finite r₁ = c₁ = 1 give finite r'₁ = β + w · mean(g² + ε₁) and c'₁. An ∞ in row 2 of r (column 2
    // of c) must reach only r'₂ (c'₂): the slots are 2 × 1 and 1 × 2, not one value broadcast.
    const r = boundMatrixStep(adafactor(), config, {
      params: Float32Array.of(1, 1, 1, 1),
      grads: Float32Array.of(1, 1, 1, 1),
      state: { r: Float32Array.of(1, Infinity), c: Float32Array.of(1, Infinity), v: Float32Array.of(0, 0, 0, 0) },
      t: 2,
      shape: [2, 2],
    });
    expect(Object.keys(r).sort()).toEqual(['c', 'params', 'r', 'v']);
    expect([r['params'], r['v'], r['r'], r['c']].map((x) => x?.length)).toEqual([4, 4, 2, 2]);
    for (const k of ['r', 'c']) {
      // r'₁ = β · 1 + w · mean(1 + ε₁, 1 + ε₁) ≈ 1, updated (not the slot handed back, whose bound
      // is about u): the errors of β ≈ 0.43 and w ≈ 0.57 (≈ u each, as float32 coefficients), the
      // two products' and the sum's roundings (≈ u · (0.43 + 0.57 + 1)), the mean's: between 2u and 8u.
      expect(r[k]![0]!.bound).toBeGreaterThan(2 * u);
      expect(r[k]![0]!.bound).toBeLessThan(8 * u);
      expect(r[k]![0]!.out).toBeUndefined();
      expect(r[k]![0]!.bound).toBeLessThan(Infinity);
      expect(r[k]![1]!.out).toBe('nonfinite');
      expect(r[k]![1]!.bound).toBe(Infinity);
    }
  });

  it('a 2 × 2 matrix with finite statistics: every output inside the domain', () => {
    const r = boundMatrixStep(adafactor(), config, {
      params: Float32Array.of(1, 2, 3, 4),
      grads: Float32Array.of(1, -1, 2, -2),
      state: { r: Float32Array.of(1, 2), c: Float32Array.of(1, 2), v: Float32Array.of(0, 0, 0, 0) },
      t: 2,
      shape: [2, 2],
    });
    for (const k of ['params', 'v', 'r', 'c']) for (const b of r[k]!) expect(b.out).toBeUndefined();
  });

  it("a vector (no shape) is not factored: r and c come back untouched (exact inputs' bounds), θ' and v per element", () => {
    const r = boundMatrixStep(adafactor(), config, {
      params: Float32Array.of(1, 2, 3),
      grads: Float32Array.of(1, 1, 1),
      state: { r: Float32Array.of(2), c: Float32Array.of(4), v: Float32Array.of(0, 0, 0) },
      t: 2,
    });
    expect(Object.keys(r).sort()).toEqual(['c', 'params', 'r', 'v']);
    expect(r['r']).toEqual([exact(2)]);
    expect(r['c']).toEqual([exact(4)]);
    expect(r['params']).toHaveLength(3);
    expect(r['v']).toHaveLength(3);
  });
});
