/**
 * LAMB's oracle against the sources' formulas evaluated here in plain 1000-digit decimals and rounded
 * once: keras/src/optimizers/lamb.py update_step (Keras 3.16, with base_optimizer.py's weight decay
 * applied first), optax/_src/alias.py lamb (scale_by_adam, add_decayed_weights, scale_by_trust_ratio)
 * and Algorithm 2 of arXiv:1904.00962; and the zero-norm and NaN cases where the three part.
 */
import { fc, test } from '@fast-check/vitest';
import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { exactFromFloat32, roundToFloat32 } from '../../../oracle/binary32.js';
import { lambOracle } from '../../../oracle/rules/lamb.js';
import { configure, type PresetName } from '../../../core/catalogue/index.js';
import * as entries from '../../../core/catalogue/entries.js';
import { moderateFloat32 } from '../../../src/gate/arbitraries/float32.js';

const D = Decimal.clone({ precision: 1000 });
type Hyper = { lr: string; beta1: string; beta2: string; eps: string; weightDecay: string };
const exact = (xs: readonly number[]) => xs.map((x) => new D(exactFromFloat32(x)));
const norm = (xs: readonly Decimal[]) => xs.reduce((s, x) => s.plus(x.times(x)), new D(0)).sqrt();

/** One step of `preset`'s source on finite inputs, in 1000-digit decimals, rounded to float32 once. */
function reference(preset: PresetName, h: Hyper, t: number, p: number[], g: number[], m0: number[], v0: number[]) {
  const [b1, b2, lr, eps, wd] = [h.beta1, h.beta2, h.lr, h.eps, h.weightDecay].map((x) => new D(x)) as Decimal[];
  const gs = exact(g);
  // Keras writes m += (g − m)(1 − β1), the same value as β1 m + (1 − β1) g.
  const m = exact(m0).map((mi, i) => mi.plus(gs[i]!.minus(mi).times(new D(1).minus(b1!))));
  const v = exact(v0).map((vi, i) => b2!.times(vi).plus(new D(1).minus(b2!).times(gs[i]!.pow(2))));
  const c1 = new D(1).minus(b1!.pow(t));
  const c2 = new D(1).minus(b2!.pow(t));
  const u = m.map((mi, i) => mi.div(c1).div(v[i]!.div(c2).sqrt().plus(eps!)));
  let theta = exact(p);
  let r = u;
  if (preset === 'keras') theta = theta.map((x) => x.minus(x.times(wd!).times(lr!)));
  else r = u.map((ui, i) => ui.plus(wd!.times(theta[i]!)));
  const [pn, rn] = [norm(theta), norm(r)];
  const zero = pn.isZero() || rn.isZero();
  const ratio = zero ? new D(preset === 'paper' ? 0 : 1) : pn.div(rn);
  return {
    params: theta.map((x, i) => roundToFloat32(x.minus(lr!.times(ratio).times(r[i]!)))),
    m: m.map((x) => roundToFloat32(x)),
    v: v.map((x) => roundToFloat32(x)),
  };
}

const hyper = fc.record({
  lr: fc.constantFrom('0.001', '0.1', '0.75', '1e-30'),
  beta1: fc.constantFrom('0', '0.5', '0.9'),
  beta2: fc.constantFrom('0', '0.9', '0.999'),
  eps: fc.constantFrom('0.000001', '0.0000001', '0.5'),
  weightDecay: fc.constantFrom('0', '0.01', '1.5'),
});
const tensors = fc.integer({ min: 1, max: 5 }).chain((n) => {
  const xs = fc.array(fc.oneof(moderateFloat32(), fc.constant(0)), { minLength: n, maxLength: n });
  return fc.tuple(
    xs,
    xs,
    xs,
    xs.map((ys) => ys.map(Math.abs)),
  );
});

function step(preset: PresetName, h: Partial<Hyper>, t: number, p: number[], g: number[], m: number[], v: number[]) {
  const config = configure(entries.lamb, preset, h);
  return lambOracle.step(config, {
    params: Float32Array.from(p),
    grads: Float32Array.from(g),
    state: { m: Float32Array.from(m), v: Float32Array.from(v) },
    t,
  });
}

describe('LAMB, exact', () => {
  test.prop([fc.constantFrom<PresetName>('paper', 'keras', 'optax'), hyper, fc.integer({ min: 1, max: 30 }), tensors])(
    "one step equals the preset's source evaluated in 1000-digit decimals",
    (preset, h, t, [p, g, m, v]) => {
      const out = step(preset, h, t, p, g, m, v);
      const expected = reference(preset, h, t, p, g, m, v);
      // An exact zero the enclosures cannot sign (θ − ρ α r = 0 through a root) is marked uncertified,
      // holding −0 with +0 as the other candidate.
      for (const { output, index, below, above } of out.uncertified ?? []) {
        expect(output).toBe('params');
        expect([below, above]).toContain(expected.params[index]);
        expected.params[index] = out.params[index]!;
      }
      expect(Array.from(out.params)).toEqual(expected.params);
      expect(Array.from(out.state['m']!)).toEqual(expected.m);
      expect(Array.from(out.state['v']!)).toEqual(expected.v);
    },
  );

  it('θ = 0: Keras and optax step by −α r (ratio 1); the paper does not move (ratio ‖θ‖/‖r‖ = 0)', () => {
    // t = 1: m̂ = g, v̂ = g², so r = u = g / (|g| + ε).
    for (const preset of ['keras', 'optax'] as const) {
      const eps = new D(entries.lamb.presets[preset]!.defaults.eps);
      const out = step(preset, { weightDecay: '0' }, 1, [0, 0], [1, -2], [0, 0], [0, 0]);
      const u = [new D(1).div(new D(1).plus(eps)), new D(-2).div(new D(2).plus(eps))];
      expect(Array.from(out.params)).toEqual(u.map((x) => roundToFloat32(x.times('-0.001'))));
    }
    const paper = step('paper', { weightDecay: '0' }, 1, [0, 0], [1, -2], [0, 0], [0, 0]);
    expect(Array.from(paper.params)).toEqual([0, 0]);
  });

  it('r = 0 (g = m = 0, λ = 0): θ stays where it is under every preset', () => {
    for (const preset of ['paper', 'keras', 'optax'] as const)
      expect(Array.from(step(preset, { weightDecay: '0' }, 3, [1.5, -2], [0, 0], [0, 0], [0.25, 1]).params)).toEqual([
        1.5, -2,
      ]);
  });

  it('a NaN parameter: Keras takes the ratio 1 (NaN > 0 is false) and moves the others; optax spreads NaN', () => {
    const keras = step('keras', {}, 1, [NaN, 1], [1, 1], [0, 0], [0, 0]);
    const optax = step('optax', {}, 1, [NaN, 1], [1, 1], [0, 0], [0, 0]);
    expect(keras.params[0]).toBeNaN();
    expect(keras.params[1]).toBe(roundToFloat32(new D(1).minus(new D('0.001').div(new D(1).plus('1e-7')))));
    expect(Array.from(optax.params).every(Number.isNaN)).toBe(true);
  });

  it('weight decay before the ratio (Keras) and inside it (paper, optax) give different steps', () => {
    const h = { lr: '0.1', beta1: '0.9', beta2: '0.999', eps: '0.000001', weightDecay: '0.5' };
    const keras = step('keras', h, 1, [1, 2], [1, 1], [0, 0], [0, 0]);
    const optax = step('optax', h, 1, [1, 2], [1, 1], [0, 0], [0, 0]);
    expect(Array.from(keras.params)).toEqual(reference('keras', h, 1, [1, 2], [1, 1], [0, 0], [0, 0]).params);
    expect(Array.from(optax.params)).toEqual(reference('optax', h, 1, [1, 2], [1, 1], [0, 0], [0, 0]).params);
    expect(keras.params[0]).not.toBe(optax.params[0]);
  });
});
