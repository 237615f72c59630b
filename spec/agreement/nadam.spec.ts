import { Decimal } from 'decimal.js';
import { expect, it } from 'vitest';
import { exactFromFloat32, nextFloat32 } from '../../oracle/binary32.js';
import * as entries from '../../core/catalogue/entries.js';
import { configure } from '../../core/catalogue/index.js';
import { judgeStep } from '../../src/gate/properties.js';
import { describeAgreement } from './agreement.js';

describeAgreement('nadam', (impl) => {
  it("oracle limitation: at t = 10^6 Keras's P β1 (1 − ½ 0.96^t) is within 10^-17729 of a midpoint; the slot is marked uncertified, judged against either neighbour", () => {
    // P = 2.3253039671544684e-6 (float32) times 0.9 is a float32 midpoint; 0.96^(10^6) ≈ 10^-17729 puts the exact
    // product just below it, beyond the 2560 digits the oracle tries.
    const config = configure(entries.nadam, 'keras');
    const P = 0.0000023253039671544684;
    const input = {
      params: new Float32Array(0),
      grads: new Float32Array(0),
      state: { m: new Float32Array(0), v: new Float32Array(0), muProduct: Float32Array.of(P) },
      t: 1_000_000,
    };
    const { comparison, oracle } = judgeStep(impl(), config, input);
    expect(oracle.uncertified).toHaveLength(1);
    const [mark] = oracle.uncertified!;
    expect(mark).toMatchObject({ output: 'muProduct', index: 0 });
    expect(nextFloat32(mark!.below, Infinity)).toBe(mark!.above);
    const Exact = Decimal.clone({ precision: 200 });
    const midpoint = new Exact(exactFromFloat32(mark!.below)).plus(exactFromFloat32(mark!.above)).div(2);
    expect(midpoint.eq(new Exact(exactFromFloat32(Math.fround(P))).times('0.9'))).toBe(true);
    expect([mark!.below, mark!.above]).toContain(oracle.state['muProduct']![0]);
    expect(comparison.mismatches).toEqual([]);
    expect(comparison.outputs['muProduct']).toMatchObject({ compared: 1, uncertified: 1 });
  });
});
