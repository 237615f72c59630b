/**
 * Adafactor from any state, against its sources' step evaluated here in plain 120-digit decimals and
 * rounded once (keras/src/optimizers/adafactor.py update_step; optax/_src/factorized.py
 * scale_by_factored_rms with alias.py adafactor): w = t^(−c), β = 1 − w, G2 = g² + ε1; a factored
 * matrix (Keras: every one; optax: min(rows, cols) ≥ k) takes r′ = β r + w rowmean(G2),
 * c′ = β c + w colmean(G2) and V̂ = r′_i c′_j / mean(r′), or / mean(c′) under optax when rows > cols
 * (the larger dimension's statistic), and v′ = V̂ (Keras) or v (optax); otherwise v′ = β v + w G2 = V̂.
 * Then u = g / √V̂, û = u / max(1, RMS(u)/d), θ′ = θ − max(ε2, RMS(θ)) min(α, 1/√t) û (Keras) or
 * θ − max(RMS(θ), ε2) û (optax). From a state that is not a zero state's trajectory, mean(r′) and
 * mean(c′) differ, so the normalised statistic shows.
 */
import { fc, test } from '@fast-check/vitest';
import type { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { roundToFloat32 } from '../../../oracle/binary32.js';
import { adafactorOracle } from '../../../oracle/rules/adafactor.js';
import { configure } from '../../../core/catalogue/index.js';
import * as entries from '../../../core/catalogue/entries.js';
import { costly, D, exact, moderate, moment } from './one-step.js';

type Preset = 'keras' | 'optax';
interface Case {
  readonly rows: number;
  readonly cols: number;
  readonly t: number;
  readonly theta: number[];
  readonly g: number[];
  readonly r: number[];
  readonly c: number[];
  readonly v: number[];
}

const mean = (xs: readonly Decimal[]) => xs.reduce((s, x) => s.plus(x), new D(0)).div(xs.length);
const rms = (xs: readonly Decimal[]) => mean(xs.map((x) => x.pow(2))).sqrt();
const range = (n: number) => Array.from({ length: n }, (_, i) => i);

/** One step by the source's formulas, with c = 0.8, ε1 = 10^−30, ε2 = 10^−3, α = 10^−3 and clipping threshold d. */
function reference(preset: Preset, k: number, d: string, s: Case) {
  const w = new D(s.t).pow(new D('-0.8'));
  const beta = new D(1).minus(w);
  const g = s.g.map(exact);
  const g2 = g.map((x) => x.pow(2).plus('1e-30'));
  const ema = (old: number, x: Decimal) => beta.times(exact(old)).plus(w.times(x));
  const factored = preset === 'keras' || Math.min(s.rows, s.cols) >= k;
  let [r, c] = [s.r.map(exact), s.c.map(exact)];
  let v: Decimal[];
  let vHat: Decimal[];
  if (factored) {
    r = range(s.rows).map((i) => ema(s.r[i]!, mean(range(s.cols).map((j) => g2[i * s.cols + j]!))));
    c = range(s.cols).map((j) => ema(s.c[j]!, mean(range(s.rows).map((i) => g2[i * s.cols + j]!))));
    const normaliser = preset === 'optax' && s.rows > s.cols ? mean(c) : mean(r);
    vHat = g.map((_, n) => r[Math.floor(n / s.cols)]!.times(c[n % s.cols]!).div(normaliser));
    v = preset === 'keras' ? vHat : s.v.map(exact);
  } else {
    v = g2.map((x, n) => ema(s.v[n]!, x));
    vHat = v;
  }
  const u = g.map((x, n) => x.div(vHat[n]!.sqrt()));
  // One element: RMS(u) = |u|, so û = u / max(1, |u|/d) is exactly sign(u) min(|u|, d); the quotient of
  // 120-digit values is not, and a step such as θ + 4θ (a float32 tie) would round the wrong way.
  const clip = u.length === 1 ? D.max(1, u[0]!.abs().div(d)) : D.max(1, rms(u).div(d));
  const clipped = u.length === 1 && clip.gt(1) ? [new D(d).times(u[0]!.s)] : u.map((x) => x.div(clip));
  const theta = s.theta.map(exact);
  const scale = D.max('0.001', rms(theta));
  const step = preset === 'keras' ? scale.times(D.min('0.001', new D(1).div(new D(s.t).sqrt()))) : scale;
  const rounded = (xs: Decimal[]) => xs.map(roundToFloat32);
  return {
    params: rounded(theta.map((x, n) => x.minus(step.times(clipped[n]!)))),
    r: rounded(r),
    c: rounded(c),
    v: rounded(v),
  };
}

const cases = fc
  .record({
    rows: fc.integer({ min: 1, max: 3 }),
    cols: fc.integer({ min: 1, max: 3 }),
    t: fc.integer({ min: 1, max: 1000 }),
  })
  .chain(({ rows, cols, t }) => {
    const n = rows * cols;
    const of = (arb: fc.Arbitrary<number>, length: number) => fc.array(arb, { minLength: length, maxLength: length });
    return fc.record({
      rows: fc.constant(rows),
      cols: fc.constant(cols),
      t: fc.constant(t),
      theta: of(moderate, n),
      g: of(moderate, n),
      r: of(
        moment.filter((x) => x > 0),
        rows,
      ),
      c: of(
        moment.filter((x) => x > 0),
        cols,
      ),
      v: of(moment, n),
    });
  });

describe('Adafactor on a matrix from any state', () => {
  test.prop(
    [
      fc.constantFrom<Preset>('keras', 'optax'),
      fc.integer({ min: 1, max: 3 }),
      fc.constantFrom('1', '0.5', '4'),
      cases,
    ],
    costly,
  )(
    "Keras (every matrix factored, r normalised) and optax (factored when min(rows, cols) ≥ k ∈ {1, 2, 3}, the larger dimension's statistic normalised), clipping threshold d ∈ {1, 1/2, 4}",
    (preset, k, d, s) => {
      const base = configure(entries.adafactor, preset, {
        clipThreshold: d,
        ...(preset === 'optax' ? { minDimSizeToFactor: String(k) } : { lr: '0.001' }),
      });
      const out = adafactorOracle.step(base, {
        params: Float32Array.from(s.theta),
        grads: Float32Array.from(s.g),
        state: { r: Float32Array.from(s.r), c: Float32Array.from(s.c), v: Float32Array.from(s.v) },
        t: s.t,
        shape: [s.rows, s.cols],
      });
      const want = reference(preset, k, d, s);
      expect(Array.from(out.params)).toEqual(want.params);
      expect(Array.from(out.state['r']!)).toEqual(want.r);
      expect(Array.from(out.state['c']!)).toEqual(want.c);
      expect(Array.from(out.state['v']!)).toEqual(want.v);
    },
  );
});

describe('Adafactor on a single element, where a clipped step is exact', () => {
  it('optax, a 1 × 1 matrix, d = 4, t = 562, |u| ≈ 12.6: û = −4, θ′ = 5θ = 983038.59375, a tie, to even 983038.625', () => {
    const config = configure(entries.adafactor, 'optax', { clipThreshold: '4', minDimSizeToFactor: '1' });
    const out = adafactorOracle.step(config, {
      params: Float32Array.of(196607.71875),
      grads: Float32Array.of(-0.11801962554454803),
      state: { r: Float32Array.of(2 ** -30), c: Float32Array.of(2 ** -30), v: Float32Array.of(2 ** -30) },
      t: 562,
      shape: [1, 1],
    });
    expect(out.params[0]).toBe(983038.625);
  });

  it('optax, θ = 1, d = 2^−25, |u| ≈ 1 > d: û = d sign(g), θ′ = 1 − 2^−25, the midpoint of 1 − 2^−24 and 1, ties to 1, decided', () => {
    const config = configure(entries.adafactor, 'optax', { clipThreshold: '0.0000000298023223876953125' });
    const out = adafactorOracle.step(config, {
      params: Float32Array.of(1),
      grads: Float32Array.of(3),
      state: { r: Float32Array.of(0), c: Float32Array.of(0), v: Float32Array.of(0) },
      t: 1,
      shape: [1],
    });
    expect(out.params[0]).toBe(1);
    expect(Object.keys(out).sort()).toEqual(['params', 'state']);
  });
});
