/**
 * oracle/regularizers/stochastic-pooling.ts against the closed forms written again in decimal.js, each
 * rounded once to float32: for each region of k activations a ≥ 0 with S = Σ a_j, the probabilities
 * a_i / S and the inference Σ a_i² / S, all 0 for a region of zeros; bit for bit, nothing uncertified.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { StepInputError } from '../../../core/catalogue/index.js';
import { roundToFloat32 } from '../../../oracle/binary32.js';
import { stochasticPoolingOracle } from '../../../oracle/regularizers/stochastic-pooling.js';
import { bits, D, exactD } from '../closed-forms.js';

const activation = fc.oneof(
  fc.float({ min: 0, noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(0, 2 ** -149, 1, 3.4028234663852886e38),
);
const regions = fc
  .tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 0, max: 4 }))
  .chain(([k, r]) => fc.tuple(fc.constant(k), fc.array(activation, { minLength: k * r, maxLength: k * r })));

describe('stochastic pooling', () => {
  test.prop([regions])('probabilities and inference are the closed forms rounded once', ([k, a]) => {
    const out = stochasticPoolingOracle(Float32Array.from(a), k);
    const probabilities: D[] = [];
    const inference: D[] = [];
    for (let r = 0; r < a.length / k; r++) {
      const region = a.slice(r * k, (r + 1) * k).map(exactD);
      const sum = region.reduce((s, v) => s.plus(v), new D(0));
      const zero = sum.isZero();
      probabilities.push(...region.map((v) => (zero ? new D(0) : v.div(sum))));
      inference.push(zero ? new D(0) : region.reduce((s, v) => s.plus(v.pow(2)), new D(0)).div(sum));
    }
    expect(bits(out.probabilities)).toEqual(bits(probabilities.map(roundToFloat32)));
    expect(bits(out.inference)).toEqual(bits(inference.map(roundToFloat32)));
    expect(out.uncertified).toEqual([]);
  });

  it.each([
    [5, 2],
    [4, 0],
    [4, 1.5],
    [3, 1.5],
    [4, -2],
  ])('refuses %i activations in regions of %d', (n, k) => {
    expect(() => stochasticPoolingOracle(new Float32Array(n), k)).toThrow(
      new StepInputError('stochastic-pooling', `${n} activations are not whole regions of ${k}`),
    );
  });

  it('a region of zeros gives zeros, and the regions are independent', () => {
    const out = stochasticPoolingOracle(Float32Array.of(0, 0, 1, 3), 2);
    expect(bits(out.probabilities)).toEqual(['0', '0', '0.25', '0.75']);
    expect(bits(out.inference)).toEqual(['0', '2.5']);
  });
});
