import { expect, it } from 'vitest';
import { configure, entryOf } from '../../src/catalogue/index.js';
import { judgeStep } from '../../src/gate/properties.js';
import { describeAgreement } from './agreement.js';

describeAgreement('nadam', (impl) => {
  it('oracle limitation: at t = 10^6 Keras\'s P β1 (1 − ½ 0.96^t) is within 10^-17729 of a midpoint; the slot is left uncertified, still within bound', () => {
    // P = 2.3253039671544684e-6 (float32) times 0.9 is a float32 midpoint; 0.96^(10^6) ≈ 10^-17729 puts the exact
    // product just below it, beyond the 1280 digits the oracle tries.
    const config = configure(entryOf('nadam'), 'keras');
    const input = { params: new Float32Array(0), grads: new Float32Array(0), state: { m: new Float32Array(0), v: new Float32Array(0), muProduct: Float32Array.of(0.0000023253039671544684) }, t: 1_000_000 };
    const { comparison } = judgeStep(impl(), config, input);
    expect(comparison.mismatches).toEqual([]);
  });
});
