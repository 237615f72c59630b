import { expect, it } from 'vitest';
import { configure, entryOf } from '../../src/catalogue/index.js';
import { judgeStep } from '../../src/gate/properties.js';
import { describeAgreement } from './agreement.js';

describeAgreement('adamax', (impl) => {
  it('production bug, fixed: tf.maximum(β2 u, |NaN|) dropped the NaN on wasm (x86 maxps order), u stayed finite', () => {
    const config = configure(entryOf('adamax'), 'paper');
    const input = { params: Float32Array.of(1), grads: Float32Array.of(NaN), state: { m: Float32Array.of(1), u: Float32Array.of(1) }, t: 1 };
    const { comparison, oracle } = judgeStep(impl(), config, input);
    expect(comparison.mismatches).toEqual([]);
    expect(oracle.state['u']![0]).toBeNaN();
  });
});
