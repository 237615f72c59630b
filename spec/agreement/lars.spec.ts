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

  // Found by mutation testing (issue 16): optax's scale_by_trust_ratio takes the ratio 1 when a norm
  // is 0, so from θ = 0 the step is plain momentum SGD: b' = −α g, θ' = b'. A zero tensor is rarely
  // drawn, so the properties never told this rule from LAMB's zero-norm-no-step (ratio 0, no step).
  it("θ = 0: the trust ratio is 1 (optax's zero-norm rule), so θ' = b' = −α g", () => {
    const config = configure(entries.lars, 'optax', { lr: '0.5' });
    const input = {
      params: Float32Array.of(0, 0, 0),
      grads: Float32Array.of(1, -2, 0.25),
      state: { trace: Float32Array.of(0, 0, 0) },
      t: 1,
    };
    const { comparison, oracle } = judgeStep(impl(), config, input);
    expect(comparison.mismatches).toEqual([]);
    expect(Array.from(oracle.params)).toEqual([-0.5, 1, -0.125]);
    expect(Array.from(impl().step(config, input).params)).toEqual([-0.5, 1, -0.125]);
  });

  // Found by mutation testing (issue 16): λ = 0 skips the decay (optax drops a zero constant), so an
  // infinite θ leaves u = g and its norm finite; computing λ · θ anyway gives u = NaN and every output
  // NaN, which the bound leaves outside the domain, so the properties could not see it.
  it("λ = 0 with an infinite θ: u = g stays finite, and production's θ' and b' are the oracle's", () => {
    const config = configure(entries.lars, 'optax', { weightDecay: '0' });
    const input = {
      params: Float32Array.of(Infinity, 1),
      grads: Float32Array.of(1, 1),
      state: { trace: Float32Array.of(0, 0) },
      t: 1,
    };
    const { comparison, oracle } = judgeStep(impl(), config, input);
    expect(comparison.mismatches).toEqual([]);
    const produced = impl().step(config, input);
    expect(Array.from(produced.params)).toEqual(Array.from(oracle.params));
    expect(Array.from(produced.state['trace']!)).toEqual(Array.from(oracle.state['trace']!));
  });
});
