import { expect, it } from 'vitest';
import * as entries from '../../core/catalogue/entries.js';
import { configure } from '../../core/catalogue/index.js';
import { judgeStep } from '../../src/gate/properties.js';
import { describeAgreement } from './agreement.js';

describeAgreement('lars', (impl) => {
  // Found by the one-step property (1000 runs, seed 7): Σ |g| = 2^127 (2 − 2^−22) + 1.59 · 2^108 is
  // finite exactly but ∞ in float32, so production's ‖g‖ is ∞ and its ratio 0; the sum's bound did not
  // check overflow and gave a finite bound. The sum is now outside the domain (counted, not judged).
  it('bound, fixed: a sum over the tensor that overflows float32 is outside the domain', () => {
    const config = configure(entries.lars, 'optax');
    const input = {
      params: Float32Array.of(0, 1, 1),
      grads: Float32Array.of(-1.59375 * 2 ** 108, -(2 - 2 ** -22) * 2 ** 127, 1),
      state: { trace: Float32Array.of(0, 1, 1) },
      t: 1,
    };
    const { comparison, oracle } = judgeStep(impl(), config, input);
    expect(comparison.mismatches).toEqual([]);
    expect(oracle.params[0]).toBeGreaterThan(0);
    expect(comparison.outputs['params']!.excluded).toBe(3);
  });
});
