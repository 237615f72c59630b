import { expect, it } from 'vitest';
import * as entries from '../../core/catalogue/entries.js';
import { configure } from '../../core/catalogue/index.js';
import { judgeStep } from '../../src/gate/properties.js';
import { describeAgreement } from './agreement.js';

describeAgreement('rprop', (impl) => {
  it("torch.sign(NaN) = 0 and ∞ · 0: PyTorch 1.13's outputs, with the bounds deciding every selection", () => {
    // PyTorch 1.13 (torch.optim.Rprop, default hyperparameters) on these elements, θ = 0, Δ = 0.5:
    // (g, prev) = (1, NaN), (NaN, 1), (∞, 0), (0, −∞), (−∞, 2), (−∞, −∞).
    const config = configure(entries.rprop, 'pytorch');
    const input = {
      params: new Float32Array(6),
      grads: Float32Array.of(1, NaN, Infinity, 0, -Infinity, -Infinity),
      state: { prev: Float32Array.of(NaN, 1, 0, -Infinity, 2, -Infinity), stepSize: new Float32Array(6).fill(0.5) },
      t: 1,
    };
    const { comparison } = judgeStep(impl(), config, input);
    expect(comparison.mismatches).toEqual([]);
    const produced = impl().step(config, input);
    const six = Math.fround(0.6);
    expect(Array.from(produced.params)).toEqual([-0.5, 0, -0.5, 0, 0, six]);
    expect(Array.from(produced.state['prev']!)).toEqual([1, NaN, Infinity, 0, 0, -Infinity]);
    expect(Array.from(produced.state['stepSize']!)).toEqual([0.5, 0.5, 0.5, 0.5, 0.25, six]);
    expect(comparison.outputs['params']!.compared).toBe(6);
    expect(comparison.outputs['stepSize']!.compared).toBe(6);
  });

  it('an empty tensor steps to empty outputs', () => {
    const config = configure(entries.rprop, 'pytorch');
    const empty = new Float32Array(0);
    const produced = impl().step(config, {
      params: empty,
      grads: empty,
      state: { prev: empty, stepSize: empty },
      t: 1,
    });
    expect([produced.params.length, produced.state['prev']!.length, produced.state['stepSize']!.length]).toEqual([
      0, 0, 0,
    ]);
  });
});
