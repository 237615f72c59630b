import { expect, it } from 'vitest';
import * as entries from '../../core/catalogue/entries.js';
import { configure } from '../../core/catalogue/index.js';
import { judgeStep } from '../../src/gate/properties.js';
import { describeAgreement } from './agreement.js';

describeAgreement('lion', (impl) => {
  // Found by mutation testing (issue 16): with λ = 0 the decay is skipped, so an infinite θ stays
  // infinite; computing λ · θ anyway gives 0 · ∞ = NaN, which the bound leaves outside the domain
  // (excluded, not judged), so the properties could not see it. The oracle's θ' is ±∞ here.
  it('λ = 0 with θ = ±∞: the decay is skipped and θ stays infinite, as in the oracle (inside and before)', () => {
    for (const preset of ['paper', 'keras'] as const) {
      const config = configure(entries.lion, preset, { weightDecay: '0' });
      const input = {
        params: Float32Array.of(Infinity, -Infinity, 1),
        grads: Float32Array.of(1, -1, 1),
        state: { m: new Float32Array(3) },
        t: 1,
      };
      const { comparison, oracle } = judgeStep(impl(), config, input);
      expect(comparison.mismatches).toEqual([]);
      expect(Array.from(oracle.params.subarray(0, 2))).toEqual([Infinity, -Infinity]);
      expect(Array.from(impl().step(config, input).params)).toEqual(Array.from(oracle.params));
    }
  });

  // Found by mutation testing (issue 16): the two orders of the decay are the same exact value, and
  // each one's bound covers its own rounding, so the properties never told them apart. At these
  // inputs (θ = 1, g = 1, m = 0, so sign(c) = 1) each framework's float32 order happens to give the
  // correctly rounded θ', the oracle's, and the other order misses it by one ulp:
  //   keras (before), λ = 0.1, α = 3: θ* = 1 − fl(fl(θ λ) α) = 0.69999998808, θ* − 3 → −2.29999995
  //     = fl(1 − 3 (1 + fl(0.1))); the paper's 1 − fl(3 fl(1 + fl(0.1))) gives −2.30000019.
  //   paper (inside), λ = 0.5, α = 0.1: 1 − fl(fl(0.1) · 1.5) → 0.85000002 = fl(1 − 1.5 fl(0.1));
  //     Keras's fl(1 − fl(0.5 fl(0.1))) − fl(0.1) gives 0.84999996.
  it("each preset's order of the decay, where it alone gives the correctly rounded θ'", () => {
    for (const [preset, hyper] of [
      ['keras', { weightDecay: '0.1', lr: '3' }],
      ['paper', { weightDecay: '0.5', lr: '0.1' }],
    ] as const) {
      const config = configure(entries.lion, preset, hyper);
      const input = { params: Float32Array.of(1), grads: Float32Array.of(1), state: { m: Float32Array.of(0) }, t: 1 };
      const { comparison, oracle } = judgeStep(impl(), config, input);
      expect(comparison.mismatches).toEqual([]);
      expect(impl().step(config, input).params[0], preset).toBe(oracle.params[0]);
    }
  });
});
