import { expect, it } from 'vitest';
import * as entries from '../../core/catalogue/entries.js';
import { configure } from '../../core/catalogue/index.js';
import { judgeStep } from '../../src/gate/properties.js';
import { describeAgreement } from './agreement.js';

describeAgreement('rmsprop-centered', (impl) => {
  it('bound-model bug, fixed: v − ḡ² is −5e-123 exactly (NaN root) but 0 in float32; its sign is undecidable, not NaN', () => {
    // ρ = 2.09e-116 rounds to float32 0, so production sees v' = 1, ḡ' = 1 and takes √0. The element is now
    // counted as outside the analysed domain instead of failing the IEEE-class comparison.
    const config = configure(entries.rmspropCentered, 'pytorch', {
      lr: '0',
      rho: '2.0925251488116353e-116',
      eps: '3000',
      weightDecay: '3.142687555348209e-176',
    });
    const input = {
      params: Float32Array.of(0),
      grads: Float32Array.of(1),
      state: { meanSquare: Float32Array.of(1), meanGrad: Float32Array.of(1 + 2 ** -23), buffer: Float32Array.of(1) },
      t: 1,
    };
    const { comparison, oracle } = judgeStep(impl(), config, input);
    expect(comparison.mismatches).toEqual([]);
    expect(oracle.params[0]).toBeNaN();
    expect(comparison.outputs['params']!.excluded).toBe(1);
  });
});
