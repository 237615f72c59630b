import { expect, it } from 'vitest';
import * as entries from '../../core/catalogue/entries.js';
import { configure } from '../../core/catalogue/index.js';
import { judgeStep } from '../../src/gate/properties.js';
import { describeAgreement } from './agreement.js';

describeAgreement('adamw', (impl) => {
  // Found by mutation testing (issue 16): Keras skips _apply_weight_decay at λ = 0, so an infinite θ
  // stays infinite; decaying anyway gives θ − (θ · 0) · α = NaN, which the bound leaves outside the
  // domain (excluded, not judged), so the properties could not see it.
  it("keras, λ = 0 with θ = ±∞: the decay is skipped and θ' stays infinite, as in the oracle", () => {
    const config = configure(entries.adamw, 'keras', { weightDecay: '0' });
    const params = Float32Array.of(Infinity, -Infinity, 1);
    const input = { params, grads: Float32Array.of(1, 1, 1), state: impl().init(config, params), t: 1 };
    const { comparison, oracle } = judgeStep(impl(), config, input);
    expect(comparison.mismatches).toEqual([]);
    expect(Array.from(oracle.params.subarray(0, 2))).toEqual([Infinity, -Infinity]);
    expect(Array.from(impl().step(config, input).params)).toEqual(Array.from(oracle.params));
  });
});
