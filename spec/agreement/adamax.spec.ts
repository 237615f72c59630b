import { expect, it } from 'vitest';
import * as entries from '../../core/catalogue/entries.js';
import { configure } from '../../core/catalogue/index.js';
import { judgeStep } from '../../src/gate/properties.js';
import { describeAgreement } from './agreement.js';

describeAgreement('adamax', (impl) => {
  it('production bug, fixed: tf.maximum(β2 u, |NaN|) dropped the NaN on wasm (x86 maxps order), u stayed finite', () => {
    const config = configure(entries.adamax, 'paper');
    const input = {
      params: Float32Array.of(1),
      grads: Float32Array.of(NaN),
      state: { m: Float32Array.of(1), u: Float32Array.of(1) },
      t: 1,
    };
    const { comparison, oracle } = judgeStep(impl(), config, input);
    expect(comparison.mismatches).toEqual([]);
    expect(oracle.state['u']![0]).toBeNaN();
  });

  // Found by `bounds --runs 100000` (shard 0/2, seed 20171213, case 76,976): lr / (1 + decay (t − 1))
  // = 4e-323 / 1000 underflows to 0 in float64, so production's step size 0 / (1 − b1pow) is 0/0 = NaN
  // where the exact one is +∞ and the oracle's θ' is −∞. Production cannot hold the exact result: the
  // elements are outside the analysed domain (counted, not judged), not a class mismatch.
  it('bound, fixed: a step size whose dividend underflows in float64 and whose divisor is an exact zero is outside the domain', () => {
    const config = configure(entries.adamax, 'tfjs', {
      lr: '4e-323',
      beta1: '0.9',
      beta2: '4.998798998165377e-220',
      eps: '1e-7',
      decay: '999.9999999999987',
    });
    const f = (...xs: number[]) => Float32Array.from(xs);
    const input = {
      params: f(1, 1, 1, 1),
      grads: f(1, 1, 0, 0),
      state: { m: f(0, 1, 1, 0), u: f(1, 1, 1, 1), b1pow: f(1) },
      t: 2,
    };
    const { comparison, oracle } = judgeStep(impl(), config, input);
    expect(comparison.mismatches).toEqual([]);
    expect(oracle.params[0]).toBe(-Infinity);
    expect(comparison.outputs['params']!.excluded).toBe(4);
  });
});
