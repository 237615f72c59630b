import { Decimal } from 'decimal.js';
import { expect, it } from 'vitest';
import { exactFromFloat32, nextFloat32 } from '../../oracle/binary32.js';
import * as entries from '../../core/catalogue/entries.js';
import { configure } from '../../core/catalogue/index.js';
import { judgeStep } from '../../src/gate/properties.js';
import { describeAgreement } from './agreement.js';

describeAgreement('nadam', (impl) => {
  it("at t = 10^6 Keras's P β1 (1 − ½ 0.96^t) lies 10^-17729 below a float32 midpoint: the oracle certifies the neighbour below, and production is judged against it", () => {
    // P = 2.3253039671544684e-6 (float32) times 0.9 is a float32 midpoint; 0.96^(10^6) ≈ 10^-17729 puts the
    // exact product just below it, beyond the 2560 digits of the decimal ladder, which marks the slot
    // uncertified; the rational stage's remainder of known sign decides it.
    const config = configure(entries.nadam, 'keras');
    const P = 0.0000023253039671544684;
    const input = {
      params: new Float32Array(0),
      grads: new Float32Array(0),
      state: { m: new Float32Array(0), v: new Float32Array(0), muProduct: Float32Array.of(P) },
      t: 1_000_000,
    };
    const { comparison, oracle } = judgeStep(impl(), config, input);
    expect(oracle.uncertified ?? []).toEqual([]);
    const below = oracle.state['muProduct']![0]!;
    const Exact = Decimal.clone({ precision: 200 });
    const midpoint = new Exact(exactFromFloat32(below)).plus(exactFromFloat32(nextFloat32(below, Infinity))).div(2);
    expect(midpoint.eq(new Exact(exactFromFloat32(Math.fround(P))).times('0.9'))).toBe(true);
    expect(comparison.mismatches).toEqual([]);
    expect(comparison.outputs['muProduct']).toMatchObject({ compared: 1, uncertified: 0 });
  });
});
