/**
 * RAdam's oracle against Liu et al. 2019 (arXiv:1908.03265, Algorithm 2) and the frameworks' forms
 * of it, evaluated here in plain 200-digit decimals and rounded once; and the paper's claim that
 * before the threshold the step is momentum SGD with bias correction.
 */
import { fc, test } from '@fast-check/vitest';
import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { exactFromFloat32, roundToFloat32 } from '../../../oracle/binary32.js';
import { radamOracle } from '../../../oracle/rules/radam.js';
import { configure, type PresetName } from '../../../core/catalogue/index.js';
import * as entries from '../../../core/catalogue/entries.js';
import { moderateFloat32 } from '../../../src/gate/arbitraries/float32.js';

const D = Decimal.clone({ precision: 200 });
const exact = (x: number) => new D(exactFromFloat32(x));

interface Hyper {
  readonly lr: string;
  readonly beta1: string;
  readonly beta2: string;
  readonly eps: string;
}

/** ρ_t = ρ∞ − 2 t β2^t / (1 − β2^t), ρ∞ = 2/(1 − β2) − 1. */
function rho(beta2: string, t: number): Decimal {
  const b = new D(beta2);
  const power = b.pow(t);
  return new D(2)
    .div(new D(1).minus(b))
    .minus(1)
    .minus(new D(2 * t).times(power).div(new D(1).minus(power)));
}

/** One step as each framework writes it, in 200-digit decimals. */
function reference(preset: PresetName, h: Hyper, t: number, p: number, g: number, m0: number, v0: number) {
  const [b1, b2, lr, eps] = [new D(h.beta1), new D(h.beta2), new D(h.lr), new D(h.eps)];
  const m = b1.times(exact(m0)).plus(new D(1).minus(b1).times(exact(g)));
  const v = b2.times(exact(v0)).plus(new D(1).minus(b2).times(exact(g).pow(2)));
  const bc1 = new D(1).minus(b1.pow(t));
  const bc2 = new D(1).minus(b2.pow(t));
  const mHat = m.div(bc1);
  const r = rho(h.beta2, t);
  const rectified = preset === 'paper' ? r.gt(4) : preset === 'pytorch' ? r.gt(5) : r.gte(5);
  if (!rectified) return { rectified, param: roundToFloat32(exact(p).minus(lr.times(mHat))) };
  const rInf = new D(2).div(new D(1).minus(b2)).minus(1);
  const rect = r
    .minus(4)
    .times(r.minus(2))
    .times(rInf)
    .div(rInf.minus(4).times(rInf.minus(2)).times(r))
    .sqrt();
  // PyTorch: adaptive_lr = √bc2 / (√v + ε); optax and the paper: 1 / (√(v/bc2) + ε).
  const adaptive =
    preset === 'pytorch' ? bc2.sqrt().div(v.sqrt().plus(eps)) : new D(1).div(v.div(bc2).sqrt().plus(eps));
  return { rectified, param: roundToFloat32(exact(p).minus(lr.times(rect).times(mHat).times(adaptive))) };
}

function oracleStep(preset: PresetName, h: Hyper, t: number, p: number, g: number, m: number, v: number) {
  const config = configure(entries.radam, preset, h);
  const out = radamOracle.step(config, {
    params: Float32Array.of(p),
    grads: Float32Array.of(g),
    state: { m: Float32Array.of(m), v: Float32Array.of(v) },
    t,
  });
  return out.params[0];
}

const hyper = fc.record({
  lr: fc.constantFrom('0.001', '0.1', '3'),
  beta1: fc.constantFrom('0', '0.5', '0.9'),
  beta2: fc.constantFrom('0.9', '0.99', '0.999', '0.5'),
  eps: fc.constantFrom('0', '1e-8', '0.5'),
});
const presets = fc.constantFrom<PresetName>('paper', 'pytorch', 'optax');
const value = moderateFloat32();

describe('RAdam, exact', () => {
  test.prop([presets, hyper, fc.integer({ min: 1, max: 40 }), value, value, value, value.map(Math.abs)])(
    "one step equals each preset's formula in 200-digit decimals",
    (preset, h, t, p, g, m, v) => {
      expect(oracleStep(preset, h, t, p, g, m, v)).toBe(reference(preset, h, t, p, g, m, v).param);
    },
  );

  test.prop([presets, hyper, fc.integer({ min: 1, max: 5 }), value, value, value])(
    'before the threshold the step is momentum SGD with bias correction, θ − α m/(1 − β1^t): v does not enter',
    (preset, h, t, p, g, m) => {
      fc.pre(!reference(preset, h, t, p, g, m, 1).rectified);
      const sgd = roundToFloat32(
        exact(p).minus(
          new D(h.lr).times(
            new D(h.beta1)
              .times(exact(m))
              .plus(new D(1).minus(h.beta1).times(exact(g)))
              .div(new D(1).minus(new D(h.beta1).pow(t))),
          ),
        ),
      );
      expect(oracleStep(preset, h, t, p, g, m, NaN)).toBe(sgd);
      expect(oracleStep(preset, h, t, p, g, m, Infinity)).toBe(sgd);
    },
  );

  it('with β2 = 0.999 the paper (ρ_t > 4) rectifies from t = 5, PyTorch (> 5) and optax (≥ 5) from t = 6', () => {
    expect(rho('0.999', 5).toNumber()).toBeCloseTo(4.996, 3);
    expect(rho('0.999', 6).toNumber()).toBeCloseTo(5.994, 3);
    const h = { lr: '0.5', beta1: '0.9', beta2: '0.999', eps: '1e-8' };
    // θ − α m̂ with θ = 1, g = 1, m = 0: m̂ = 0.1 / (1 − 0.9^t).
    const momentum = (t: number) =>
      roundToFloat32(new D(1).minus(new D('0.05').div(new D(1).minus(new D('0.9').pow(t)))));
    const first: Record<string, number> = { paper: 5, pytorch: 6, optax: 6 };
    for (const preset of ['paper', 'pytorch', 'optax'] as const) {
      const start = first[preset]!;
      expect(oracleStep(preset, h, start - 1, 1, 1, 0, NaN)).toBe(momentum(start - 1));
      expect(oracleStep(preset, h, start, 1, 1, 0, 1)).not.toBe(oracleStep(preset, h, start, 1, 1, 0, NaN));
    }
  });

  it('β2 = 0.6 (ρ∞ = 4 exactly) never rectifies, even at t = 10^6 where ρ_t − 4 ≈ −3.6 · 10^−221843', () => {
    const h = { lr: '0.5', beta1: '0.9', beta2: '0.6', eps: '0' };
    expect(oracleStep('paper', h, 1_000_000, 1, 0, 0, NaN)).toBe(1);
  });
});
