import { fc, test } from '@fast-check/vitest';
import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { exactFromFloat32, roundToFloat32 } from '../../../oracle/binary32.js';
import { adamOracle } from '../../../oracle/rules/adam.js';
import { configure } from '../../../core/catalogue/index.js';
import * as entries from '../../../core/catalogue/entries.js';
import { moderateFloat32 } from '../../../src/gate/arbitraries/float32.js';

const Exact = Decimal.clone({ precision: 300 });
const adam = entries.adam;
const same = (a: ArrayLike<number>, b: ArrayLike<number>) =>
  expect(Array.from(a).map(String)).toEqual(Array.from(b).map(String));
const nonzero = moderateFloat32();

describe('Adam oracle: closed forms', () => {
  test.prop([fc.constantFrom('paper', 'pytorch', 'keras'), nonzero, nonzero, fc.constantFrom('0.001', '0.1', '3')])(
    'first step from zero state with ε = 0 moves θ by exactly α sign(g) (m̂ = g, v̂ = g²), in both forms with exact β^t',
    (preset, theta, g, lr) => {
      const config = configure(adam, preset, { lr, eps: '0' });
      const params = Float32Array.of(theta);
      const out = adamOracle.step(config, {
        params,
        grads: Float32Array.of(g),
        state: adamOracle.init(config, params),
        t: 1,
      });
      const expected = roundToFloat32(new Exact(exactFromFloat32(theta)).minus(new Exact(lr).times(Math.sign(g))));
      expect(out.params[0]).toBe(expected);
    },
  );

  test.prop([
    nonzero,
    nonzero,
    fc.float({ min: 0, max: 1e6, noNaN: true }),
    fc.integer({ min: 1, max: 99 }),
    fc.integer({ min: 1, max: 999 }),
  ])(
    'm and v are the correctly rounded β m + (1 − β) g and β v + (1 − β) g², computed here in plain 300-digit decimals',
    (m, g, v, b1, b2) => {
      const beta1 = `0.${String(b1).padStart(2, '0')}`;
      const beta2 = `0.${String(b2).padStart(3, '0')}`;
      const config = configure(adam, 'paper', { beta1, beta2 });
      const out = adamOracle.step(config, {
        params: Float32Array.of(0),
        grads: Float32Array.of(g),
        state: { m: Float32Array.of(m), v: Float32Array.of(v) },
        t: 7,
      });
      const G = new Exact(exactFromFloat32(g));
      const expectM = new Exact(beta1).times(exactFromFloat32(m)).plus(new Exact(1).minus(beta1).times(G));
      const expectV = new Exact(beta2).times(exactFromFloat32(v)).plus(new Exact(1).minus(beta2).times(G.pow(2)));
      expect(out.state['m']![0]).toBe(roundToFloat32(expectM));
      expect(out.state['v']![0]).toBe(roundToFloat32(expectV));
    },
  );

  test.prop([nonzero, fc.integer({ min: 1, max: 1_000_000 }), fc.constantFrom('paper', 'keras')])(
    'a constant gradient, with the state it leaves exactly, steps by α sign(g) at every t when ε = 0',
    (g, t, preset) => {
      // With m = (1 − β1^(t−1)) g and v = (1 − β2^(t−1)) g² (exact when β = 1/2 and g is a power of two),
      // m̂_t = g and v̂_t = g² exactly, so Δ = α sign(g).
      const gp = Math.sign(g) * 2 ** Math.round(Math.log2(Math.abs(g)));
      const config = configure(adam, preset, { beta1: '0.5', beta2: '0.5', eps: '0', lr: '0.25' });
      const k = Math.min(t - 1, 20); // keep (1 − 2^-k) g exactly representable in float32
      const m = (1 - 2 ** -k) * gp;
      const v = (1 - 2 ** -k) * gp * gp;
      if (!Number.isFinite(v) || v < 2 ** -126) return;
      const out = adamOracle.step(config, {
        params: Float32Array.of(1),
        grads: Float32Array.of(gp),
        state: { m: Float32Array.of(m), v: Float32Array.of(v) },
        t: k + 1,
      });
      expect(out.params[0]).toBe(1 - 0.25 * Math.sign(gp));
    },
  );
});

describe('Adam oracle: known answers', () => {
  it('tfjs convention: the first step is not exactly α, because 1 − float32(β1) ≠ 1 − β1', () => {
    // The running product starts at float32(0.9) = 0.89999997615814208984375, so m̂ = 0.1 g / (1 − float32(0.9))
    // = g · 0.99999976158…, v̂ = 0.001 g² / (1 − float32(0.999)) = g² · 0.98726…, and |Δ| = α · 1.00643… ≠ α.
    const config = configure(adam, 'tfjs', { lr: '0.1', eps: '0' });
    const params = Float32Array.of(1);
    const out = adamOracle.step(config, {
      params,
      grads: Float32Array.of(1),
      state: adamOracle.init(config, params),
      t: 1,
    });
    const b1 = new Exact(exactFromFloat32(Math.fround(0.9)));
    const b2 = new Exact(exactFromFloat32(Math.fround(0.999)));
    const delta = new Exact('0.1')
      .times(new Exact('0.1').div(new Exact(1).minus(b1)))
      .div(new Exact('0.001').div(new Exact(1).minus(b2)).sqrt());
    expect(out.params[0]).toBe(roundToFloat32(new Exact(1).minus(delta)));
    expect(out.params[0]).not.toBe(Math.fround(0.9));
  });

  it('PyTorch defaults, θ = 1, g = 1, zero state, t = 1', () => {
    // m = 0.1, v = 0.001, m̂ = v̂ = 1, θ' = 1 − 0.001/(1 + 1e-8) = 0.99900000000999999990000…,
    // nearest float32 0x1.ff7ceep-1 = 0.999000012874603271484375 (the float32 of 0.999).
    const config = configure(adam, 'pytorch');
    const out = adamOracle.step(config, {
      params: Float32Array.of(1),
      grads: Float32Array.of(1),
      state: adamOracle.init(config, Float32Array.of(1)),
      t: 1,
    });
    same(out.params, [0.999000012874603271484375]);
    same(out.state['m']!, [Math.fround(0.1)]);
    same(out.state['v']!, [Math.fround(0.001)]);
  });

  it('TensorFlow.js keeps β^t as float32 running products, starting at float32(β)', () => {
    const config = configure(adam, 'tfjs');
    const init = adamOracle.init(config, Float32Array.of(0));
    same(init['b1pow']!, [Math.fround(0.9)]);
    same(init['b2pow']!, [Math.fround(0.999)]);
    const out = adamOracle.step(config, { params: Float32Array.of(0), grads: Float32Array.of(0), state: init, t: 1 });
    // next = float32(float32(0.9) · 0.9), the exact decimal β, rounded once
    same(out.state['b1pow']!, [roundToFloat32(new Exact(exactFromFloat32(Math.fround(0.9))).times('0.9'))]);
  });

  it('decides a rounding 1300 digits deep: β1 = β2 = ½, ε = 0, α = 2^-24, θ = 0x1.000004p+0, g = 0, m = v = 2, t = 4300 gives 0x1.000002p+0, certified', () => {
    // PyTorch preset (Algorithm 1, exact β^t, coupled decay with λ = 0, so g' = g = 0):
    //   m' = ½·2 + ½·0 = 1,  v' = ½·2 + ½·0² = 1,  b1 = b2 = b = 1 − 2^-4300,
    //   Δ = α (m'/b) / √(v'/b) = α / √b,  θ' = 1 + 2^-22 − 2^-24/√b.
    // The float32 neighbours are 0x1.000002p+0 = 1 + 2^-23 and 0x1.000004p+0 = 1 + 2^-22, whose midpoint is
    // 1 + 3·2^-24 = 1 + 2^-22 − 2^-24. As 0 < b < 1, 1/√b > 1, so θ' = midpoint − 2^-24 (1/√b − 1) lies below
    // the midpoint, by 2^-24 (1/√b − 1) ≈ 2^-24 · 2^-4301 ≈ 10^-1302: θ' rounds down, to 1 + 2^-23. The
    // 1280 digits of the first ladder leave the midpoint inside the enclosure; 2560 separate it.
    const config = configure(adam, 'pytorch', {
      beta1: '0.5',
      beta2: '0.5',
      eps: '0',
      lr: '5.9604644775390625e-8',
    });
    const out = adamOracle.step(config, {
      params: Float32Array.of(1 + 2 ** -22),
      grads: Float32Array.of(0),
      state: { m: Float32Array.of(2), v: Float32Array.of(2) },
      t: 4300,
    });
    expect(out.params[0]).toBe(1 + 2 ** -23);
    expect(out.state['m']![0]).toBe(1);
    expect(out.state['v']![0]).toBe(1);
    expect(out.uncertified ?? []).toEqual([]);
  });

  it('marks θ uncertified between 0x1.000002p+0 and 0x1.000004p+0 in the same case at t = 9000, 2717 digits deep', () => {
    // As above with b = 1 − 2^-9000: θ' lies 2^-24 (1/√b − 1) ≈ 2^-9025 ≈ 10^-2717 below the midpoint, beyond
    // the 2560 digits the oracle tries. m' and v' are still exactly 1.
    const config = configure(adam, 'pytorch', {
      beta1: '0.5',
      beta2: '0.5',
      eps: '0',
      lr: '5.9604644775390625e-8',
    });
    const out = adamOracle.step(config, {
      params: Float32Array.of(1 + 2 ** -22),
      grads: Float32Array.of(0),
      state: { m: Float32Array.of(2), v: Float32Array.of(2) },
      t: 9000,
    });
    expect(out.uncertified).toEqual([{ output: 'params', index: 0, below: 1 + 2 ** -23, above: 1 + 2 ** -22 }]);
    expect([1 + 2 ** -23, 1 + 2 ** -22]).toContain(out.params[0]);
    expect([out.state['m']![0], out.state['v']![0]]).toEqual([1, 1]);
  });

  it('the empty tensor is a no-op', () => {
    const config = configure(adam, 'pytorch');
    const out = adamOracle.step(config, {
      params: new Float32Array(0),
      grads: new Float32Array(0),
      state: adamOracle.init(config, new Float32Array(0)),
      t: 3,
    });
    expect(out.params.length).toBe(0);
    expect(out.state['m']!.length).toBe(0);
  });

  it('IEEE semantics: NaN propagates, an infinite gradient gives ∞/∞ = NaN in θ, an infinite v gives Δ = 0', () => {
    const config = configure(adam, 'paper');
    const out = adamOracle.step(config, {
      params: Float32Array.of(1, 1, 1),
      grads: Float32Array.of(NaN, Infinity, 1),
      state: { m: Float32Array.of(0, 0, 0), v: Float32Array.of(0, 0, Infinity) },
      t: 1,
    });
    expect(out.params[0]).toBeNaN();
    expect(out.state['m']![1]).toBe(Infinity);
    expect(out.params[1]).toBeNaN();
    expect(out.params[2]).toBe(1);
  });
});
