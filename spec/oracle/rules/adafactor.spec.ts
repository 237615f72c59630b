/**
 * Adafactor's oracle against its sources' formulas evaluated here in plain 60-digit decimals and
 * rounded once: keras/src/optimizers/adafactor.py update_step (factor the last two dimensions, r
 * normalised, v overwritten with V̂, ρ = min(lr, 1/√t)) and optax/_src/factorized.py with alias.py
 * adafactor (factor when the smaller dimension is ≥ min_dim_size_to_factor, the mean over the larger
 * dimension normalised, step −clip(u) max(RMS(θ), 10^−3)); and a 2 × 2 case worked by hand.
 */
import { fc, test } from '@fast-check/vitest';
import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { exactFromFloat32, roundToFloat32 } from '../../../oracle/binary32.js';
import { adafactorOracle } from '../../../oracle/rules/adafactor.js';
import { configure } from '../../../core/catalogue/index.js';
import * as entries from '../../../core/catalogue/entries.js';
import { moderateFloat32 } from '../../../src/gate/arbitraries/float32.js';

const D = Decimal.clone({ precision: 60 });
const mean = (xs: readonly Decimal[]) => xs.reduce((s, x) => s.plus(x), new D(0)).div(xs.length);
const rms = (xs: readonly Decimal[]) => mean(xs.map((x) => x.times(x))).sqrt();

/** One step of Keras's or optax's source on a rows × cols matrix from zero state, in decimals, rounded once. */
function reference(preset: 'keras' | 'optax', t: number, rows: number, cols: number, p: number[], g: number[]) {
  const h = { lr: new D('0.001'), c: new D('0.8'), eps1: new D('1e-30'), eps2: new D('0.001') };
  const w = new D(t).pow(h.c.neg());
  const g2 = g.map((x) => new D(exactFromFloat32(x)).pow(2).plus(h.eps1));
  const at = (i: number, j: number) => g2[i * cols + j]!;
  const r = Array.from({ length: rows }, (_, i) => w.times(mean(Array.from({ length: cols }, (_, j) => at(i, j)))));
  const c = Array.from({ length: cols }, (_, j) => w.times(mean(Array.from({ length: rows }, (_, i) => at(i, j)))));
  const columns = preset === 'optax' && rows > cols;
  const vHat = g.map((_, k) => {
    const [i, j] = [Math.floor(k / cols), k % cols];
    return columns ? r[i]!.times(c[j]!).div(mean(c)) : r[i]!.times(c[j]!).div(mean(r));
  });
  const u = g.map((x, k) => new D(exactFromFloat32(x)).div(vHat[k]!.sqrt()));
  const clip = Decimal.max(1, rms(u));
  const theta = p.map((x) => new D(exactFromFloat32(x)));
  const scale = Decimal.max(h.eps2, rms(theta));
  const step = preset === 'keras' ? scale.times(Decimal.min(h.lr, new D(1).div(new D(t).sqrt()))) : scale;
  return {
    params: theta.map((x, k) => roundToFloat32(x.minus(step.times(u[k]!.div(clip))))),
    r: r.map((x) => roundToFloat32(x)),
    c: c.map((x) => roundToFloat32(x)),
    v: preset === 'keras' ? vHat.map((x) => roundToFloat32(x)) : g.map(() => 0),
  };
}

describe('Adafactor oracle', () => {
  it('by hand, Keras, G = [1, 2; 3, 4], θ = 0, t = 1, ε1 = 0: r = (2.5, 12.5), c = (5, 10), V̂ = r_i c_j / 7.5', () => {
    const config = configure(entries.adafactor, 'keras', { eps1: '0' });
    const out = adafactorOracle.step(config, {
      params: new Float32Array(4),
      grads: Float32Array.of(1, 2, 3, 4),
      state: { r: new Float32Array(2), c: new Float32Array(2), v: new Float32Array(4) },
      t: 1,
      shape: [2, 2],
    });
    expect(Array.from(out.state['r']!)).toEqual([2.5, 12.5]);
    expect(Array.from(out.state['c']!)).toEqual([5, 10]);
    // V̂ = (5/3, 10/3, 25/3, 50/3); u² = g² / V̂ = (0.6, 1.2, 1.08, 0.96), RMS(u) = √0.96 < 1: no clip;
    // α = max(10^−3, RMS(0)) · min(10^−3, 1) = 10^−6, θ' = −10^−6 u.
    expect(Array.from(out.state['v']!)).toEqual([5 / 3, 10 / 3, 25 / 3, 50 / 3].map(Math.fround));
    const u2 = ['0.6', '1.2', '1.08', '0.96'];
    expect(Array.from(out.params)).toEqual(u2.map((x) => roundToFloat32(new D(x).sqrt().times('-1e-6'))));
  });

  for (const preset of ['keras', 'optax'] as const) {
    test.prop(
      [
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 1, max: 1000 }),
        fc.array(moderateFloat32(), { minLength: 9, maxLength: 9 }),
        fc.array(moderateFloat32(), { minLength: 9, maxLength: 9 }),
      ],
      { numRuns: 20 },
    )(`${preset}: a matrix step from zero state equals the source's formula`, (rows, cols, t, p, g) => {
      const n = rows * cols;
      const config = configure(entries.adafactor, preset, preset === 'optax' ? { minDimSizeToFactor: '1' } : {});
      const out = adafactorOracle.step(config, {
        params: Float32Array.from(p.slice(0, n)),
        grads: Float32Array.from(g.slice(0, n)),
        state: { r: new Float32Array(rows), c: new Float32Array(cols), v: new Float32Array(n) },
        t,
        shape: [rows, cols],
      });
      const want = reference(preset, t, rows, cols, p.slice(0, n), g.slice(0, n));
      expect(Array.from(out.params)).toEqual(want.params);
      expect(Array.from(out.state['r']!)).toEqual(want.r);
      expect(Array.from(out.state['c']!)).toEqual(want.c);
      expect(Array.from(out.state['v']!)).toEqual(want.v);
    });
  }

  it('optax leaves a matrix whose smaller dimension is below k unfactored: v = G2, r and c pass through', () => {
    const config = configure(entries.adafactor, 'optax');
    const out = adafactorOracle.step(config, {
      params: Float32Array.of(1, 1, 1, 1),
      grads: Float32Array.of(1, 2, 3, 4),
      state: { r: Float32Array.of(7, 7), c: Float32Array.of(9, 9), v: new Float32Array(4) },
      t: 1,
      shape: [2, 2],
    });
    expect(Array.from(out.state['r']!)).toEqual([7, 7]);
    expect(Array.from(out.state['c']!)).toEqual([9, 9]);
    expect(Array.from(out.state['v']!)).toEqual([1, 4, 9, 16]);
  });
});
