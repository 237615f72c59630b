/**
 * Adam, AMSGrad and AdamW under every preset of core/catalogue/rules/adam.ts, one element and one step:
 * the parameter and every state slot the oracle returns against each framework's documented formula,
 * written here as the paper or the framework states it (Kingma & Ba's Algorithm 1 with m̂ and v̂;
 * section 2's efficient form α_t = α √(1 − β2^t)/(1 − β1^t); PyTorch's step size α/(1 − β1^t) and
 * denominator √v/√(1 − β2^t) + ε; TensorFlow.js's β^t read from its float32 slots; Reddi's AMSGrad
 * without bias correction; AdamW's three weight decays) and evaluated in plain 120-digit decimals,
 * rounded to float32 once. Nothing of the oracle (its enclosures, stages, certification or the order
 * of its operations) enters a reference: the specs import only the oracle's entry points and the
 * float32 rounding of a decimal.
 */
import { fc, test } from '@fast-check/vitest';
import type { Decimal } from 'decimal.js';
import { describe, expect } from 'vitest';
import { roundToFloat32 } from '../../../oracle/binary32.js';
import { configure } from '../../../core/catalogue/index.js';
import { entryOf, oracleRuleOf } from '../../../src/registry/index.js';
import { D, exact, expectOutputs, moderate, moment, oneStep, rate, small } from './one-step.js';

const one = new D(1);

/** One element's inputs: θ, g, the slots m (signed), v and vmax (nonnegative), and t (often small, so β^t matters). */
const element = fc.record({
  param: moderate,
  grad: moderate,
  m: fc.oneof(fc.constant(0), moderate),
  v: moment,
  vmax: moment,
  t: fc.oneof(fc.integer({ min: 1, max: 8 }), fc.integer({ min: 1, max: 1000 })),
});
type Element = typeof element extends fc.Arbitrary<infer E> ? E : never;

/** α, β1, β2 and ε as decimal text. */
const hyper = fc.record({ lr: small, beta1: rate, beta2: rate, eps: small });
type Hyper = typeof hyper extends fc.Arbitrary<infer H> ? H : never;

/** λ: exactly 0 (where every framework skips or zeroes the decay) or a small positive decimal. */
const lambda = fc.oneof(fc.constant('0'), small);

/** A float32 β^t slot value in (0, 1). */
const power = fc.float({ min: Math.fround(2 ** -40), max: Math.fround(1 - 2 ** -24), noNaN: true });

/** The moment estimates every form shares (Algorithm 1): m′ = β1 m + (1 − β1) g, v′ = β2 v + (1 − β2) g². */
function moments(h: Hyper, g: Decimal, x: Element) {
  const b1 = new D(h.beta1);
  const b2 = new D(h.beta2);
  return {
    m: b1.times(exact(x.m)).plus(one.minus(b1).times(g)),
    v: b2.times(exact(x.v)).plus(one.minus(b2).times(g.pow(2))),
  };
}

describe('Adam, AMSGrad and AdamW, one step of each preset against its framework formula', () => {
  test.prop([fc.constantFrom('paper', 'pytorch'), hyper, lambda, element])(
    'Adam paper and PyTorch, Algorithm 1: m̂ = m′/(1 − β1^t), v̂ = v′/(1 − β2^t), θ′ = θ − α m̂/(√v̂ + ε); PyTorch couples g′ = g + λθ (λ = 0: g′ = g)',
    (preset, h, wd, x) => {
      const hp = preset === 'pytorch' ? { ...h, weightDecay: wd } : h;
      const out = oneStep('adam', preset, hp, { param: x.param, grad: x.grad, state: { m: x.m, v: x.v }, t: x.t });
      const g = preset === 'pytorch' ? exact(x.grad).plus(new D(wd).times(exact(x.param))) : exact(x.grad);
      const { m, v } = moments(h, g, x);
      const mHat = m.div(one.minus(new D(h.beta1).pow(x.t)));
      const vHat = v.div(one.minus(new D(h.beta2).pow(x.t)));
      const theta = exact(x.param).minus(new D(h.lr).times(mHat).div(vHat.sqrt().plus(h.eps)));
      expectOutputs(out, { param: theta, m, v });
    },
  );

  test.prop([hyper, lambda, element])(
    'AMSGrad PyTorch: vmax′ = max(vmax, v′), θ′ = θ − (α/(1 − β1^t)) m′/(√vmax′/√(1 − β2^t) + ε), with g′ = g + λθ (λ = 0: g′ = g)',
    (h, wd, x) => {
      const state = { m: x.m, v: x.v, vmax: x.vmax };
      const out = oneStep(
        'amsgrad',
        'pytorch',
        { ...h, weightDecay: wd },
        { param: x.param, grad: x.grad, state, t: x.t },
      );
      const g = exact(x.grad).plus(new D(wd).times(exact(x.param)));
      const { m, v } = moments(h, g, x);
      const vmax = D.max(exact(x.vmax), v);
      const stepSize = new D(h.lr).div(one.minus(new D(h.beta1).pow(x.t)));
      const denominator = vmax
        .sqrt()
        .div(one.minus(new D(h.beta2).pow(x.t)).sqrt())
        .plus(h.eps);
      expectOutputs(out, { param: exact(x.param).minus(stepSize.times(m).div(denominator)), m, v, vmax });
    },
  );

  test.prop([hyper, element])(
    'AMSGrad paper (Reddi et al., no bias correction): vmax′ = max(vmax, v′), θ′ = θ − α m′/(√vmax′ + ε)',
    (h, x) => {
      const state = { m: x.m, v: x.v, vmax: x.vmax };
      const out = oneStep('amsgrad', 'paper', h, { param: x.param, grad: x.grad, state, t: x.t });
      const { m, v } = moments(h, exact(x.grad), x);
      const vmax = D.max(exact(x.vmax), v);
      expectOutputs(out, {
        param: exact(x.param).minus(new D(h.lr).times(m).div(vmax.sqrt().plus(h.eps))),
        m,
        v,
        vmax,
      });
    },
  );

  test.prop([fc.constantFrom('adam', 'amsgrad'), hyper, element])(
    'Adam and AMSGrad Keras, the efficient form: α_t = α √(1 − β2^t)/(1 − β1^t), θ′ = θ − α_t m′/(√v′ + ε̂) (AMSGrad: √max(vmax, v′))',
    (rule, h, x) => {
      const state: Record<string, number> = rule === 'amsgrad' ? { m: x.m, v: x.v, vmax: x.vmax } : { m: x.m, v: x.v };
      const out = oneStep(rule, 'keras', h, { param: x.param, grad: x.grad, state, t: x.t });
      const { m, v } = moments(h, exact(x.grad), x);
      const vmax = D.max(exact(x.vmax), v);
      const alphaT = new D(h.lr)
        .times(one.minus(new D(h.beta2).pow(x.t)).sqrt())
        .div(one.minus(new D(h.beta1).pow(x.t)));
      const root = (rule === 'amsgrad' ? vmax : v).sqrt();
      const theta = exact(x.param).minus(alphaT.times(m).div(root.plus(h.eps)));
      expectOutputs(out, { param: theta, ...(rule === 'amsgrad' ? { m, v, vmax } : { m, v }) });
    },
  );

  test.prop([hyper, element, power, power])(
    'Adam tfjs: β^t read from the float32 slots, θ′ = θ − α (m′/(1 − b1pow))/(√(v′/(1 − b2pow)) + ε), b1pow′ = float32(b1pow·β1), b2pow′ = float32(b2pow·β2)',
    (h, x, b1pow, b2pow) => {
      const state = { m: x.m, v: x.v, b1pow, b2pow };
      const out = oneStep('adam', 'tfjs', h, { param: x.param, grad: x.grad, state, t: x.t });
      const { m, v } = moments(h, exact(x.grad), x);
      const mHat = m.div(one.minus(exact(b1pow)));
      const vHat = v.div(one.minus(exact(b2pow)));
      const theta = exact(x.param).minus(new D(h.lr).times(mHat).div(vHat.sqrt().plus(h.eps)));
      const next = { b1pow: exact(b1pow).times(h.beta1), b2pow: exact(b2pow).times(h.beta2) };
      expectOutputs(out, { param: theta, m, v, ...next });
    },
  );

  test.prop([hyper, lambda, element])(
    'AdamW PyTorch: θ′ = θ(1 − αλ) − (α/(1 − β1^t)) m′/(√v′/√(1 − β2^t) + ε), g not coupled (λ = 0: θ′ = θ − Δ)',
    (h, wd, x) => {
      const input = { param: x.param, grad: x.grad, state: { m: x.m, v: x.v }, t: x.t };
      const out = oneStep('adamw', 'pytorch', { ...h, weightDecay: wd }, input);
      const { m, v } = moments(h, exact(x.grad), x);
      const stepSize = new D(h.lr).div(one.minus(new D(h.beta1).pow(x.t)));
      const denominator = v
        .sqrt()
        .div(one.minus(new D(h.beta2).pow(x.t)).sqrt())
        .plus(h.eps);
      const decayed = exact(x.param).times(one.minus(new D(h.lr).times(wd)));
      expectOutputs(out, { param: decayed.minus(stepSize.times(m).div(denominator)), m, v });
    },
  );

  test.prop([hyper, lambda, element])(
    'AdamW Keras: θ − θλα first, then the efficient step: θ′ = (θ − θλα) − α_t m′/(√v′ + ε̂), α_t = α √(1 − β2^t)/(1 − β1^t) (λ = 0 skips the decay)',
    (h, wd, x) => {
      const input = { param: x.param, grad: x.grad, state: { m: x.m, v: x.v }, t: x.t };
      const out = oneStep('adamw', 'keras', { ...h, weightDecay: wd }, input);
      const { m, v } = moments(h, exact(x.grad), x);
      const theta = exact(x.param);
      const decayed = wd === '0' ? theta : theta.minus(theta.times(wd).times(h.lr));
      const alphaT = new D(h.lr)
        .times(one.minus(new D(h.beta2).pow(x.t)).sqrt())
        .div(one.minus(new D(h.beta1).pow(x.t)));
      expectOutputs(out, { param: decayed.minus(alphaT.times(m).div(v.sqrt().plus(h.eps))), m, v });
    },
  );

  test.prop([hyper, lambda, element])(
    'AdamW paper (Algorithm 2, η_t = 1), unscaled decay: θ′ = θ − α m̂/(√v̂ + ε) − λθ, g not coupled',
    (h, wd, x) => {
      const input = { param: x.param, grad: x.grad, state: { m: x.m, v: x.v }, t: x.t };
      const out = oneStep('adamw', 'paper', { ...h, weightDecay: wd }, input);
      const { m, v } = moments(h, exact(x.grad), x);
      const mHat = m.div(one.minus(new D(h.beta1).pow(x.t)));
      const vHat = v.div(one.minus(new D(h.beta2).pow(x.t)));
      const theta = exact(x.param);
      const delta = new D(h.lr).times(mHat).div(vHat.sqrt().plus(h.eps));
      expectOutputs(out, { param: theta.minus(delta).minus(new D(wd).times(theta)), m, v });
    },
  );

  test.prop([fc.constantFrom(Infinity, -Infinity), fc.constantFrom('0', '0.004'), hyper, element])(
    'AdamW Keras on an infinite θ: λ ≠ 0 gives θ − θλα = ∞ − ∞ = NaN, as Keras does; λ = 0 skips the decay, so θ′ = θ',
    (param, wd, h, x) => {
      const input = { param, grad: x.grad, state: { m: x.m, v: x.v }, t: x.t };
      const out = oneStep('adamw', 'keras', { ...h, weightDecay: wd }, input);
      expect(out.param).toBe(wd === '0' ? param : NaN);
    },
  );

  test.prop([
    fc.constantFrom(
      ['adam', 'paper'],
      ['adam', 'pytorch'],
      ['adam', 'keras'],
      ['adam', 'tfjs'],
      ['amsgrad', 'paper'],
      ['amsgrad', 'pytorch'],
      ['amsgrad', 'keras'],
      ['adamw', 'paper'],
      ['adamw', 'pytorch'],
      ['adamw', 'keras'],
    ),
    rate,
    rate,
    fc.array(moderate, { maxLength: 4 }),
  ])(
    'init: m = v = 0 (and vmax = 0 for AMSGrad) per element; tfjs alone adds b1pow = float32(β1), b2pow = float32(β2); no other key',
    ([rule, preset], beta1, beta2, params) => {
      const config = configure(entryOf(rule!), preset!, { beta1, beta2 });
      const state = oracleRuleOf(rule!).init(config, Float32Array.from(params));
      const zeros = params.map(() => 0);
      const expected: Record<string, number[]> = { m: zeros, v: zeros };
      if (rule === 'amsgrad') expected['vmax'] = zeros;
      if (preset === 'tfjs') {
        expected['b1pow'] = [roundToFloat32(new D(beta1))];
        expected['b2pow'] = [roundToFloat32(new D(beta2))];
      }
      expect(Object.fromEntries(Object.entries(state).map(([k, x]) => [k, Array.from(x)]))).toEqual(expected);
    },
  );
});
