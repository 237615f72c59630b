/**
 * The derived bound of a production step on whole tensors (src/gate/bound/tensor-step-bound.ts) on
 * cases derived by hand from the model of bounded.ts: LARS where θ = 0 makes the trust ratio the float32
 * 1 (every selection decided), an infinite buffer element outside the domain next to an exact one, and
 * the slots the step hands on: element and tensor slots in, the float32 values of the tensor slots to
 * the coefficients, every slot out.
 */
import { describe, expect, it } from 'vitest';
import { configure } from '../../../core/catalogue/index.js';
import { required } from '../../../core/required.js';
import { boundTensorStep } from '../../../src/gate/bound/tensor-step-bound.js';
import type { TensorRule } from '../../../src/production/rules/tensor-rule.js';
import { entryOf, productionRuleOf } from '../../../src/registry/index.js';
import { expectRelative } from './relative.js';

const u = 2 ** -24;
const eta = 2 ** -150;
const delta = 2 ** -53;
const tiny = 2 ** -1074;
const comparison = (v: number, e: number, s: number) => (e + u * Math.abs(v) + eta) * (1 + 2 ** -20) + 2 ** -45 * s;
const lars = () => productionRuleOf('lars') as TensorRule;

describe('boundTensorStep on LARS (α = 0.5, μ = 0.5, trust coefficient 1, ε = 0, no decay)', () => {
  const config = configure(entryOf('lars'), 'optax', { lr: '0.5', momentum: '0.5', trustCoefficient: '1' });
  const step = (params: number[], grads: number[], trace: number[]) =>
    boundTensorStep(lars(), config, {
      params: Float32Array.from(params),
      grads: Float32Array.from(grads),
      state: { trace: Float32Array.from(trace) },
      t: 1,
    });

  it("θ = 0, g = 3, b = 0: ρ is the float32 1, and θ' = b' = −1.5 carry its error and −α's through three roundings", () => {
    // 1 as a float32 coefficient: e₁ = u(1 + η/u) + η, s₁ = 1 + η/u. ‖θ‖ is the exact 0 (Σ|0| = 0, the
    // selections decided), so ρ = where(‖θ‖ + 1 > 0, 1, ·) = 1 exactly as that coefficient.
    const e1 = u * (1 + eta / u) + eta;
    const s1 = 1 + eta / u;
    // −α = 0 − 0.5 in float64: err = δ/2 + 2^−1074, then + δ(0.5 + err) + 2^−1074; rounded to float32.
    const errLr = delta * 0.5 + tiny;
    const errNl = errLr + delta * (0.5 + errLr) + tiny;
    const sNl = 0.5 + (errNl + eta) / u;
    const eNl = errNl + u * (sNl + errNl) + eta;
    // u·ρ = 3·1: 3 e₁, rounded: + u(3 + ·) + η.
    const eUr = 3 * e1 + u * (3 + 3 * e1) + eta;
    const sUr = 3 * s1 + eta / u;
    // (u·ρ)·(−α) = −1.5: |3| e_−α + 0.5 e_uρ + e_uρ e_−α, rounded: + u(1.5 + ·) + η.
    const p = 3 * eNl + 0.5 * eUr + eUr * eNl;
    const eS = p + u * (1.5 + p) + eta;
    const sS = sUr * sNl + eta / u;
    // b' = s + μ·0 (μ·0 the exact zero): + u(1.5 + ·); θ' = 0 + b': + u(1.5 + ·) again. No η for sums.
    const eTrace = eS + u * (1.5 + eS);
    const eTheta = eTrace + u * (1.5 + eTrace);
    const r = step([0], [3], [0]);
    expect(Object.keys(r).sort()).toEqual(['params', 'trace']);
    expectRelative(r['trace']![0]!.bound, comparison(-1.5, eTrace, sS));
    expectRelative(r['params']![0]!.bound, comparison(-1.5, eTheta, sS));
    expectRelative(r['params']![0]!.scale, sS);
    expect(r['params']![0]!.out).toBeUndefined();
    // Float32: fl(fl(3 · 1) · fl(−0.5)) = −1.5, + 0.5 · 0, + 0: exact, within the bound.
    expect(Math.abs(Math.fround(Math.fround(3 * 1) * Math.fround(-0.5)) + 1.5)).toBeLessThanOrEqual(eTheta);
  });

  it('θ = g = b = 0: every output the exact float32 zero, bound η(1 + 2^−20) and scale 0', () => {
    // u = 0 makes u·ρ and μ·b exact zeros (a product with the float32 zero), and 0 + 0 rounds nothing.
    const zero = { bound: eta * (1 + 2 ** -20), scale: 0 };
    const r = step([0, 0], [0, 0], [0, 0]);
    expect(r).toEqual({ params: [zero, zero], trace: [zero, zero] });
  });

  it("an infinite buffer element: that element's b' and θ' 'nonfinite' with an infinite bound, the other exact", () => {
    // μ·∞ is ∞ in both arithmetics (μ ≈ 0.5 cannot vanish): 'nonfinite'; μ·0 is the exact zero.
    const r = step([0, 0], [0, 0], [Infinity, 0]);
    const zero = { bound: eta * (1 + 2 ** -20), scale: 0 };
    for (const k of ['params', 'trace']) {
      expect(r[k]![0]!.out).toBe('nonfinite');
      expect(r[k]![0]!.bound).toBe(Infinity);
      expect(r[k]![1]).toEqual(zero);
    }
  });
});

describe('boundTensorStep: the slots a rule on whole tensors is handed and hands back', () => {
  // No catalogue rule on whole tensors keeps tensor slots (LAMB and LARS have none), so this rule is made
  // for the case: under Adam's tfjs layout (m, v and the tensor slots b1pow, b2pow) its coefficient k is
  // the float32 value of b1pow, θ' = θ · k, and every slot is handed back as it came.
  const scaleByB1pow: TensorRule = {
    kind: 'tensor',
    initTensorSlots: () => ({}),
    coefficients: (s, _config, _t, tensorSlots) => ({ k: s.float32(required(tensorSlots['b1pow'], 'b1pow')) }),
    step: (A, { param, slots }, c) => ({ param: A.mul(param, required(c['k'], 'k')), slots }),
  };
  const config = configure(entryOf('adam'), 'tfjs');

  it("the coefficient sees b1pow's float32 value; θ' and every element and tensor slot come out", () => {
    const r = boundTensorStep(scaleByB1pow, config, {
      params: Float32Array.of(1, 2),
      grads: Float32Array.of(0, 0),
      state: {
        m: Float32Array.of(1, 2),
        v: Float32Array.of(4, 8),
        b1pow: Float32Array.of(0.5),
        b2pow: Float32Array.of(0.25),
      },
      t: 1,
    });
    expect(Object.keys(r).sort()).toEqual(['b1pow', 'b2pow', 'm', 'params', 'v']);
    // k = 0.5 exact in float64, rounded to float32: e_k = u(0.5 + η/u) + η, s_k = 0.5 + η/u. θ·k for
    // θ = 1, 2: |θ| e_k, then + u(|θ k| + ·) + η; size |θ| s_k + η/u.
    const eK = u * (0.5 + eta / u) + eta;
    const sK = 0.5 + eta / u;
    for (const [i, theta] of [1, 2].entries()) {
      const e = theta * eK + u * (theta * 0.5 + theta * eK) + eta;
      expectRelative(r['params']![i]!.bound, comparison(theta * 0.5, e, theta * sK + eta / u));
    }
    // Slots handed back untouched: exact inputs, bound (u|x| + η)(1 + 2^−20) + 2^−45 |x|.
    const exact = (x: number) => ({ bound: comparison(x, 0, x), scale: x });
    expect(r['m']).toEqual([exact(1), exact(2)]);
    expect(r['v']).toEqual([exact(4), exact(8)]);
    expect(r['b1pow']).toEqual([exact(0.5)]);
    expect(r['b2pow']).toEqual([exact(0.25)]);
  });
});
