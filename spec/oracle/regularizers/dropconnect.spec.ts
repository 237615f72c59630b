/**
 * oracle/regularizers/dropconnect.ts against DropConnect's closed forms written again in decimal.js,
 * each rounded once to float32: for W (m × n, row-major), x (n) and a mask M of 0s and 1s, the
 * training output Σ_j M_ij W_ij x_j, the mean p Σ_j W_ij x_j and the variance p (1 − p) Σ_j W_ij² x_j²;
 * bit for bit with the sign of every zero, nothing uncertified; no input, no row; a configuration of
 * another entry is refused.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { roundToFloat32 } from '../../../oracle/binary32.js';
import { dropConnectOracle } from '../../../oracle/regularizers/dropconnect.js';
import { configure, StepInputError } from '../../../core/catalogue/index.js';
import { dropConnect, dropout } from '../../../core/catalogue/regularizers/masks.js';
import { bits, D, exactD, PROBABILITIES } from '../closed-forms.js';

const float32 = fc.oneof(fc.float({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(0, -0, 2 ** -149, -1));
const layer = fc.tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 5 })).chain(([m, n]) =>
  fc.record({
    n: fc.constant(n),
    w: fc.array(float32, { minLength: m * n, maxLength: m * n }),
    x: fc.array(float32, { minLength: n, maxLength: n }),
    mask: fc.array(fc.constantFrom(0, 1), { minLength: m * n, maxLength: m * n }),
  }),
);

describe('DropConnect', () => {
  test.prop([fc.constantFrom(...PROBABILITIES), layer])(
    'training, mean and variance are the closed forms rounded once, with the sign of every zero',
    (p, { n, w, x, mask }) => {
      const out = dropConnectOracle(
        configure(dropConnect, 'paper', { keep: p }),
        Float32Array.from(w),
        Float32Array.from(x),
        Float32Array.from(mask),
      );
      const keep = new D(p);
      const rows = Array.from({ length: w.length / n }, (_, i) =>
        x.map((xj, j) => ({ term: exactD(w[i * n + j]!).times(exactD(xj)), kept: mask[i * n + j]! })),
      );
      // Each sum starts from +0, as the oracle's does: a row of −0 terms sums to +0.
      const sum = (ds: D[]) => ds.reduce((s, d) => s.plus(d), new D(0));
      const train = rows.map((r) => sum(r.map(({ term, kept }) => term.times(kept))));
      const mean = rows.map((r) => keep.times(sum(r.map(({ term }) => term))));
      const variance = rows.map((r) => keep.times(new D(1).minus(keep)).times(sum(r.map(({ term }) => term.pow(2)))));
      expect(bits(out.train)).toEqual(bits(train.map(roundToFloat32)));
      expect(bits(out.mean)).toEqual(bits(mean.map(roundToFloat32)));
      expect(bits(out.variance)).toEqual(bits(variance.map(roundToFloat32)));
      expect(out.uncertified).toEqual([]);
    },
  );

  it('no input, no row; a configuration of another entry, and shapes that do not fit, are refused', () => {
    const config = configure(dropConnect, 'paper');
    const none = dropConnectOracle(config, new Float32Array(0), new Float32Array(0), new Float32Array(0));
    expect([none.train.length, none.mean.length, none.variance.length]).toEqual([0, 0, 0]);
    const one = Float32Array.of(1);
    expect(() => dropConnectOracle(configure(dropout, 'paper'), one, one, one)).toThrow(
      "the oracle rule 'dropconnect' (for dropconnect) was given a configuration of 'dropout'",
    );
    const [w3, x2] = [new Float32Array(3), new Float32Array(2)];
    expect(() => dropConnectOracle(config, w3, x2, w3)).toThrow(
      new StepInputError('dropconnect', "W's length 3 is not a multiple of x's length 2"),
    );
    expect(() => dropConnectOracle(config, one, new Float32Array(0), one)).toThrow(
      new StepInputError('dropconnect', "W's length 1 is not a multiple of x's length 0"),
    );
    expect(() => dropConnectOracle(config, x2, x2, one)).toThrow(
      new StepInputError('dropconnect', "the mask's length 1 is not W's length 2"),
    );
  });
});
