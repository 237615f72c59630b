import { expect, it } from 'vitest';
import * as entries from '../../core/catalogue/entries.js';
import { configure } from '../../core/catalogue/index.js';
import { judgeStep } from '../../src/gate/properties.js';
import { describeAgreement } from './agreement.js';

describeAgreement('asgd', (impl) => {
  // Found by mutation testing (issue 16): while μ = 1 the average is a copy of θ' (PyTorch's
  // ax.copy_(param)); averaging with μ = 1 instead gives ax + (θ' − ax) · 1, which is NaN for an
  // infinite ax and which the bound leaves outside the domain, so the properties could not see it.
  it("μ = 1 with an infinite average: ax' is θ', as in the oracle", () => {
    const config = configure(entries.asgd, 'pytorch');
    const params = Float32Array.of(1, -2);
    const state = { ...impl().init(config, params), ax: Float32Array.of(Infinity, -Infinity) };
    const input = { params, grads: Float32Array.of(1, 1), state, t: 1 };
    const { comparison, oracle } = judgeStep(impl(), config, input);
    expect(comparison.mismatches).toEqual([]);
    expect(Array.from(oracle.state['ax']!)).toEqual(Array.from(oracle.params));
    expect(Array.from(impl().step(config, input).state['ax']!)).toEqual(Array.from(oracle.state['ax']!));
  });
});
