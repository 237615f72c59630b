import { expect, it } from 'vitest';
import * as entries from '../../core/catalogue/entries.js';
import { configure } from '../../core/catalogue/index.js';
import { judgeStep } from '../../src/gate/properties.js';
import { describeAgreement } from './agreement.js';

describeAgreement('adadelta', (impl) => {
  it('oracle limitation, fixed: under tfjs the two averages stay equal, √(E[Δ²]+ε)/√(E[g²]+ε) = 1 exactly, and θ − α g was a midpoint', () => {
    // Found on a 13-step trajectory: E[g²] = E[Δ²] = 510764384, g = −524289.0625, θ = 134.021392822265625,
    // α 0.001, ε 0.01. θ' = θ − α g exactly; the oracle now takes one root of the ratio, so this stays rational.
    const config = configure(entries.adadelta, 'tfjs', { eps: '0.01' });
    const input = {
      params: Float32Array.of(134.021392822265625),
      grads: Float32Array.of(-524289.0625),
      state: { gradSquared: Float32Array.of(510764384), updateSquared: Float32Array.of(510764384) },
      t: 13,
    };
    const { comparison, oracle } = judgeStep(impl(), config, input);
    expect(comparison.mismatches).toEqual([]);
    expect(oracle.params[0]).toBe(Math.fround(134.021392822265625 + 524.2890625));
  });
});
