import { expect, it } from 'vitest';
import * as entries from '../../core/catalogue/entries.js';
import { configure } from '../../core/catalogue/index.js';
import type { Implementation } from '../../src/gate/implementation.js';
import { judgeStep } from '../../src/gate/properties.js';
import { describeAgreement } from './agreement.js';

// An eighth of the default cases: Adafactor's step (row, column and whole-tensor means on tfjs, in the
// bound and in the oracle) costs about what LAMB's does, 15 ms, and npm test has no room for more;
// $OPTIM_ORACLE_RUNS (CI: 1000) runs them all.
/** Named cases found by mutation testing (issue 16). */
function regressions(impl: () => Implementation): void {
  // Found by mutation testing (issue 16). optax normalises the statistic averaged over the larger
  // dimension (the column factor when rows > cols, the row factor otherwise, a square matrix
  // included). From t = 2 on, r' and c' keep a share β of r and c, so mean(r') ≠ mean(c') when the
  // state's means differ, and normalising the other factor changes v by mean(r')/mean(c'); a large
  // clipping threshold keeps û = u (clipping divides that factor out). The drawn states rarely met
  // all three conditions.
  it('optax, factored at t = 2 with unequal row and column means: the larger dimension is normalised, as in the oracle', () => {
    const config = configure(entries.adafactor, 'optax', { minDimSizeToFactor: '1', clipThreshold: '1000' });
    for (const [rows, cols] of [
      [3, 2],
      [2, 2],
      [2, 3],
    ] as const) {
      const n = rows * cols;
      const params = Float32Array.from({ length: n }, (_, k) => 1 + k / 4);
      const shape = [rows, cols];
      const state = {
        ...impl().init(config, params, shape),
        r: Float32Array.from({ length: rows }, (_, i) => 4 * (i + 1)),
        c: Float32Array.from({ length: cols }, (_, j) => 0.25 * (j + 1)),
      };
      const input = {
        params,
        grads: Float32Array.from({ length: n }, (_, k) => (k % 2 === 0 ? 1 : -0.5)),
        state,
        t: 2,
        shape,
      };
      const { comparison } = judgeStep(impl(), config, input);
      expect(comparison.mismatches, `${rows}×${cols}`).toEqual([]);
      expect(comparison.outputs['params']!.compared, `${rows}×${cols}`).toBe(n);
    }
  });

  // Found by mutation testing (issue 16): optax factors only when the smaller dimension reaches
  // min_dim_size_to_factor; a 1 × 3 or 3 × 1 matrix under k = 2 keeps the full second moment v.
  // The drawn k is rarely between the two dimensions.
  it('optax, k = 2 on 1 × 3 and 3 × 1 matrices: not factored (the smaller dimension decides), as in the oracle', () => {
    const config = configure(entries.adafactor, 'optax', { minDimSizeToFactor: '2' });
    for (const shape of [
      [1, 3],
      [3, 1],
    ]) {
      const params = Float32Array.of(1, -2, 0.5);
      const input = {
        params,
        grads: Float32Array.of(0.5, 1, -2),
        state: impl().init(config, params, shape),
        t: 1,
        shape,
      };
      const { comparison } = judgeStep(impl(), config, input);
      expect(comparison.mismatches, shape.join('×')).toEqual([]);
      expect(comparison.outputs['params']!.compared, shape.join('×')).toBe(3);
      expect(comparison.outputs['v']!.compared, shape.join('×')).toBe(3);
    }
  });
}

describeAgreement('adafactor', regressions, { share: 1 / 8 });
