/**
 * Which statistic optax normalises (optax/_src/factorized.py: the factored second moment is
 * r_i c_j / mean over the larger dimension's statistic, the rows' when rows ≤ cols): on a wide or
 * square matrix, the same as the last-two factoring (Keras's, where r is always normalised), so θ′ is
 * the same under both. From a state that is not a zero state's trajectory, mean(r′) ≠ mean(c′) and the
 * choice shows in θ′ where the step is not clipped (the v slot differs by design: optax keeps v, Keras
 * stores V̂).
 */
import { fc, test } from '@fast-check/vitest';
import { expect } from 'vitest';
import { adafactorOracle } from '../../../oracle/rules/adafactor.js';
import { configure } from '../../../core/catalogue/index.js';
import * as entries from '../../../core/catalogue/entries.js';
import { moderate, moment } from './one-step.js';

const positive = moment.filter((x) => x > 0);
const wideOrSquare = fc.tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 0, max: 2 })).chain(([rows, extra]) => {
  const cols = rows + extra;
  const of = (arb: fc.Arbitrary<number>, length: number) => fc.array(arb, { minLength: length, maxLength: length });
  return fc.record({
    rows: fc.constant(rows),
    cols: fc.constant(cols),
    t: fc.integer({ min: 2, max: 1000 }),
    theta: of(moderate, rows * cols),
    g: of(moderate, rows * cols),
    r: of(positive, rows),
    c: of(positive, cols),
    v: of(moment, rows * cols),
  });
});

test.prop([wideOrSquare])(
  "optax on a matrix with rows ≤ cols (factored at k = 1) normalises the row statistic: θ′ is the last-two factoring's",
  (s) => {
    // Clipping to RMS(û) ≤ d removes any constant factor of V̂, the normaliser's among them: d = 10^30 never clips.
    const optax = configure(entries.adafactor, 'optax', { minDimSizeToFactor: '1', clipThreshold: '1e30' });
    const input = {
      params: Float32Array.from(s.theta),
      grads: Float32Array.from(s.g),
      state: { r: Float32Array.from(s.r), c: Float32Array.from(s.c), v: Float32Array.from(s.v) },
      t: s.t,
      shape: [s.rows, s.cols],
    };
    const largestTwo = adafactorOracle.step(optax, input);
    const lastTwo = adafactorOracle.step({ ...optax, flags: { ...optax.flags, factoring: 'last-two' } }, input);
    expect(Array.from(largestTwo.params)).toEqual(Array.from(lastTwo.params));
    expect(Array.from(largestTwo.state['r']!)).toEqual(Array.from(lastTwo.state['r']!));
    expect(Array.from(largestTwo.state['c']!)).toEqual(Array.from(lastTwo.state['c']!));
  },
);
