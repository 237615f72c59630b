/**
 * ASGD's oracle against PyTorch 1.13's formulas (torch/optim/asgd.py, _single_tensor_asgd), written
 * here in plain 200-digit decimals and rounded once, and against closed forms over many steps.
 */
import { fc, test } from '@fast-check/vitest';
import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { exactFromFloat32, roundToFloat32 } from '../../../oracle/binary32.js';
import { asgdOracle } from '../../../oracle/rules/asgd.js';
import { configure } from '../../../core/catalogue/index.js';
import * as entries from '../../../core/catalogue/entries.js';
import { moderateFloat32 } from '../../../src/gate/arbitraries/float32.js';

const D = Decimal.clone({ precision: 200 });
const exact = (x: number) => new D(exactFromFloat32(x));

const hyper = fc.record({
  lr: fc.constantFrom('0.01', '0.5', '3'),
  lambd: fc.constantFrom('0', '0.0001', '0.3'),
  alpha: fc.constantFrom('0', '0.75', '2'),
  t0: fc.constantFrom('0', '2.5', '1000000'),
  weightDecay: fc.constantFrom('0', '0.01'),
});
const value = moderateFloat32();
const slotValue = fc.float({ min: Math.fround(0.01), max: 1, noNaN: true });

describe('ASGD, exact', () => {
  test.prop([
    hyper,
    fc.integer({ min: 1, max: 2000 }),
    value,
    value,
    value,
    slotValue,
    fc.oneof(slotValue, fc.constant(1)),
  ])("one step equals PyTorch 1.13's formulas in 200-digit decimals", (h, t, p, g, ax, eta, mu) => {
    const config = configure(entries.asgd, 'pytorch', h);
    const out = asgdOracle.step(config, {
      params: Float32Array.of(p),
      grads: Float32Array.of(g),
      state: { ax: Float32Array.of(ax), eta: Float32Array.of(eta), mu: Float32Array.of(mu) },
      t,
    });
    const [lr, lambd, wd] = [new D(h.lr), new D(h.lambd), new D(h.weightDecay)];
    const grad = exact(g).plus(wd.times(exact(p)));
    const theta = exact(p)
      .times(new D(1).minus(lambd.times(exact(eta))))
      .minus(exact(eta).times(grad));
    const average = mu === 1 ? theta : exact(ax).plus(theta.minus(exact(ax)).times(exact(mu)));
    expect(out.params[0]).toBe(roundToFloat32(theta));
    expect(out.state['ax']![0]).toBe(roundToFloat32(average));
    expect(out.state['eta']![0]).toBe(roundToFloat32(lr.div(lambd.times(lr).times(t).plus(1).pow(h.alpha))));
    expect(out.state['mu']![0]).toBe(roundToFloat32(new D(1).div(Decimal.max(1, new D(t).minus(h.t0)))));
  });

  it('starts with η = float32(lr) and μ = 1, and keeps ax a copy of θ while t ≤ t0 + 1', () => {
    const config = configure(entries.asgd, 'pytorch', { lr: '0.125', lambd: '0' });
    let params: Float32Array = Float32Array.of(1, -2);
    let state = asgdOracle.init(config, params);
    expect(Array.from(state['eta']!)).toEqual([0.125]);
    expect(Array.from(state['mu']!)).toEqual([1]);
    for (let t = 1; t <= 20; t++) {
      const out = asgdOracle.step(config, { params, grads: Float32Array.of(1, -1), state, t });
      // λ = 0: η stays 0.125, θ_t = θ_0 − 0.125 t g, every value a float32.
      expect(Array.from(out.params)).toEqual([1 - 0.125 * t, -2 + 0.125 * t]);
      expect(Array.from(out.state['ax']!)).toEqual(Array.from(out.params));
      ({ params, state } = out);
    }
  });

  it('with t0 = 0 the step t stores μ = 1/t, and ax of a constant θ stays θ exactly', () => {
    const config = configure(entries.asgd, 'pytorch', { lr: '0.5', lambd: '0', t0: '0' });
    let params: Float32Array = Float32Array.of(0.75);
    let state = asgdOracle.init(config, params);
    for (let t = 1; t <= 12; t++) {
      const out = asgdOracle.step(config, { params, grads: Float32Array.of(0), state, t });
      expect(out.state['ax']![0]).toBe(0.75);
      expect(out.state['mu']![0]).toBe(Math.fround(1 / Math.max(1, t)));
      ({ params, state } = out);
    }
  });
});
