import { expect, it } from 'vitest';
import * as entries from '../../core/catalogue/entries.js';
import { configure } from '../../core/catalogue/index.js';
import { judgeStep } from '../../src/gate/properties.js';
import { describeAgreement } from './agreement.js';

describeAgreement('ftrl', (impl) => {
  // Found by mutation testing (issue 16): no preset takes learning_rate_power = 0 (q = 1, a fixed
  // rate), so the properties never ran that branch; computing q = √n there instead went unseen.
  it('learning_rate_power = 0 (a flag no preset sets): production agrees with the oracle', () => {
    for (const preset of ['paper', 'keras'] as const) {
      const base = configure(entries.ftrl, preset, { l1: '0.01' });
      const config = { ...base, flags: { ...base.flags, learningRatePower: '0' as const } };
      const input = {
        params: Float32Array.of(1, -0.5, 0, 3),
        grads: Float32Array.of(0.25, 2, -1, 0.5),
        state: { accumulator: Float32Array.of(0.1, 4, 1, 0), linear: Float32Array.of(0, 1, -2, 0.5) },
        t: 1,
      };
      const { comparison } = judgeStep(impl(), config, input);
      expect(comparison.mismatches).toEqual([]);
      expect(comparison.outputs['params']!.compared).toBe(4);
      expect(comparison.outputs['linear']!.compared).toBe(4);
    }
  });
});
