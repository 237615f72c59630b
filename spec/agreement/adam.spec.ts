import { expect, it } from 'vitest';
import * as entries from '../../core/catalogue/entries.js';
import { configure } from '../../core/catalogue/index.js';
import { judgeStep } from '../../src/gate/properties.js';
import { describeAgreement } from './agreement.js';

describeAgreement('adam', (impl) => {
  it('oracle limitation, fixed: Keras form with ε = 0 and an exact midpoint result (θ − 3) could not be certified', () => {
    // √b2 · m / √v cancels only symbolically; the oracle now evaluates α m̂ / (√v̂ + ε̂/√b2) instead.
    const config = configure(entries.adam, 'keras', { lr: '3', eps: '0' });
    const params = Float32Array.of(0.48174750804901123);
    const { comparison, oracle } = judgeStep(impl(), config, {
      params,
      grads: Float32Array.of(1),
      state: impl().init(config, params),
      t: 1,
    });
    expect(comparison.mismatches).toEqual([]);
    expect(oracle.params[0]).toBe(Math.fround(0.48174750804901123 - 3));
  });

  it('oracle bug, fixed: 1 − float32(β1) = 0 divided with the sign of the round-down end (−0), giving θ = +∞ instead of −∞', () => {
    // tfjs preset, β1 = 0.9999999850988388: float32(β1) = 1, so the running product's bias correction is
    // an exact 0 and m̂ = m/(+0) = +∞; θ' = θ − ∞ = −∞ in production and, after the fix, in the oracle.
    const config = configure(entries.adam, 'tfjs', { beta1: '0.9999999850988388' });
    const params = Float32Array.of(1);
    const state = impl().init(config, params);
    const { comparison, oracle } = judgeStep(impl(), config, { params, grads: Float32Array.of(1), state, t: 1 });
    expect(comparison.mismatches).toEqual([]);
    expect(oracle.params[0]).toBe(-Infinity);
  });

  it('oracle bug, fixed: a NaN gradient made an interval whose ends were NaN but not a point, and certification never ended', () => {
    const config = configure(entries.adam, 'paper', {
      lr: '4e-21',
      beta1: '0.758415',
      beta2: '0.7630285',
      eps: '8.408526135834192e-149',
    });
    const input = {
      params: Float32Array.of(1, 0),
      grads: Float32Array.of(NaN, 1),
      state: { m: Float32Array.of(1, 0), v: Float32Array.of(1, 1) },
      t: 1,
    };
    const { comparison, oracle } = judgeStep(impl(), config, input);
    expect(comparison.mismatches).toEqual([]);
    expect(oracle.params[0]).toBeNaN();
  });
});
