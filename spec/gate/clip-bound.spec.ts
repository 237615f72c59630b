/**
 * The clippings' derived bound (src/gate/bound/clip-bound.ts) on hand-made cases: Keras's global-norm
 * clipping, whose scale + (N − N) is the scale inside the domain and NaN where N overflows float32.
 */
import { describe, expect, it } from 'vitest';
import { configure } from '../../core/catalogue/index.js';
import { clipByGlobalNorm } from '../../core/catalogue/gradient-transforms/clipping.js';
import { boundClip } from '../../src/gate/bound/clip-bound.js';
import { judgeClip } from '../../src/gate/gradient-transforms/agreement.js';
import { useBackend } from '../../src/production/tfjs/backend.js';
import { gradientTransformRecordOf } from '../../src/registry/gradient-transforms.js';
import { backends } from '../backends.js';

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
