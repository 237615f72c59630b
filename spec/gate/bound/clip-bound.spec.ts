/**
 * The clippings' derived bound (src/gate/bound/clip-bound.ts) on hand-made cases: Keras's global-norm
 * clipping, whose scale + (N − N) is the scale inside the domain and NaN where N overflows float32 or is
 * infinite; value clipping, min(max(g, −v), v) = −max(−max(g, −v), −v), whose negations are exact and
 * keep the reason of a value outside the domain.
 */
import { describe, expect, it } from 'vitest';
import { configure } from '../../../core/catalogue/index.js';
import { clipByGlobalNorm, clipByValue } from '../../../core/catalogue/gradient-transforms/clipping.js';
import { boundClip } from '../../../src/gate/bound/clip-bound.js';
import { judgeClip } from '../../../src/gate/gradient-transforms/agreement.js';
import { useBackend } from '../../../src/production/tfjs/backend.js';
import { gradientTransformRecordOf } from '../../../src/registry/gradient-transforms.js';
import { backends } from '../../backends.js';
import { expectRelative } from './relative.js';

describe("the clippings' derived bound (Keras's global norm: scale + (N − N))", () => {
  const u = 2 ** -24;
  const config = (maxNorm: string) => configure(clipByGlobalNorm, 'keras', { maxNorm });
  const record = () => gradientTransformRecordOf('clip-by-global-norm');

  it('global_clipnorm 6.5 on (3, 4) and (12): a few units of u on each clipped element, none outside the domain', () => {
    const bound = boundClip(record().production, config('6.5'), [Float32Array.of(3, 4), Float32Array.of(12)]);
    const grads = bound['grads'] ?? [];
    expect(grads).toHaveLength(3);
    for (const [i, value] of [1.5, 2, 6].entries()) {
      expect(grads[i]?.out).toBeUndefined();
      expect(grads[i]?.bound).toBeGreaterThan(0);
      expect(grads[i]?.bound).toBeLessThan(16 * u * value);
    }
  });

  it('where the global norm overflows float32: every element outside the domain, and the judge passes', async () => {
    // N = ‖(3e38, 3e38)‖ = 4.2e38 > max float32: N − N is NaN in float32 (the exact scale is finite),
    // so the bound marks every element, which is then judged by class or left out, not measured.
    await useBackend(backends[0] ?? 'cpu');
    const c = { config: config('1'), grads: [Float32Array.of(3e38), Float32Array.of(3e38)] };
    const bound = boundClip(record().production, c.config, c.grads)['grads'] ?? [];
    expect(bound.map((b) => b.out !== undefined)).toEqual([true, true]);
    const comparison = judgeClip(record(), c);
    expect(comparison.mismatches).toEqual([]);
    expect(comparison.outputs['grads']?.compared).toBe(0);
  });
});

describe("the clippings' derived bound (value clipping: exact negations, the bound of −v)", () => {
  const u = 2 ** -24;
  const eta = 2 ** -150;
  const config = configure(clipByValue, 'keras', { clipValue: '1' });
  const clip = (...g: number[]) =>
    boundClip(gradientTransformRecordOf('clip-by-value').production, config, [Float32Array.from(g)])['grads']!;
  // −v = 0 − 1 in float64: the text's error δ + 2^−1074 (δ = 2^−53), plus the subtraction's rounding
  // δ(1 + err) + 2^−1074; rounded to float32: s = 1 + (err + η)/u, e = err + u(s + err) + η.
  const err0 = 2 ** -53 + 2 ** -1074;
  const err = err0 + 2 ** -53 * (1 + err0) + 2 ** -1074;
  const sMinusV = 1 + (err + eta) / u;
  const eMinusV = err + u * (sMinusV + err) + eta;
  const comparison = (v: number, e: number, s: number) => (e + u * Math.abs(v) + eta) * (1 + 2 ** -20) + 2 ** -45 * s;

  it('g = 3 clips to 1: the error of −v (max takes the larger operand error), u·|1| for the oracle, size 3', () => {
    // max(3, −v) = 3 (e = max(0, e_−v), s = max(3, s_−v) = 3); −3; max(−3, −v) = −1; −(−1) = 1.
    const [b] = clip(3);
    expect(b!.out).toBeUndefined();
    expectRelative(b!.bound, comparison(1, eMinusV, 3));
    expect(b!.scale).toBe(3);
  });

  it('g = −3 clips to −1 and g = 0.5 is kept: the same error, sizes 3 and s_−v', () => {
    const [low, inside] = clip(-3, 0.5);
    expectRelative(low!.bound, comparison(-1, eMinusV, 3));
    // max(0.5, −v) = 0.5 with s = max(0.5, s_−v) = s_−v, which every later max keeps.
    expectRelative(inside!.bound, comparison(0.5, eMinusV, sMinusV));
    expectRelative(inside!.scale, sMinusV);
  });

  it("an infinite or NaN gradient stays outside the domain through both negations: 'nonfinite', bound ∞", () => {
    // max(∞, −v) is ∞ 'nonfinite'; −∞ keeps the reason, so max(−∞, −v) = −1 is not taken as a finite value.
    for (const b of clip(Infinity, -Infinity, NaN)) {
      expect(b.out).toBe('nonfinite');
      expect(b.bound).toBe(Infinity);
    }
    // The other elements of the same tensor are unaffected (the clipping is elementwise).
    const [, one] = clip(Infinity, 3);
    expect(one!.out).toBeUndefined();
    expectRelative(one!.bound, comparison(1, eMinusV, 3));
  });
});

describe("the clippings' derived bound (Keras's global norm with an infinite gradient)", () => {
  it("N = ∞: N − N is NaN in float32, every element of every variable outside the domain as 'nonfinite'", () => {
    // Σ g² is ∞ 'nonfinite', so N, 1/N, the scale and each g · scale carry that reason (g = 1 is not a
    // zero that could turn the product into NaN in one arithmetic only).
    const config = configure(clipByGlobalNorm, 'keras', { maxNorm: '1' });
    const record = gradientTransformRecordOf('clip-by-global-norm');
    const bound = boundClip(record.production, config, [Float32Array.of(Infinity), Float32Array.of(1, 2)])['grads']!;
    expect(bound.map((b) => b.out)).toEqual(['nonfinite', 'nonfinite', 'nonfinite']);
    expect(bound.map((b) => b.bound)).toEqual([Infinity, Infinity, Infinity]);
  });
});
