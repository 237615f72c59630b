/**
 * AdaMax under every preset of core/catalogue/rules/adamax.ts, one element and one step: the parameter
 * and every state slot the oracle returns against each framework's documented formula, written here as
 * the paper or the framework states it (Kingma & Ba's Algorithm 2; PyTorch's |g′| + ε inside the
 * maximum and its coupled λ; Keras's and TensorFlow.js's u′ + ε in the denominator; TensorFlow.js's
 * decayed α_t = α/(1 + η(t − 1)) and β1^t read from its float32 slot) and evaluated in plain 120-digit
 * decimals, rounded to float32 once. Nothing of the oracle (its enclosures, stages, certification or the
 * order of its operations) enters a reference: the spec imports only the oracle's entry points and the
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

/** One element's inputs: θ, g, the slots m (signed) and u (nonnegative), and t (often small, so β1^t matters). */
const element = fc.record({
  param: moderate,
  grad: moderate,
  m: fc.oneof(fc.constant(0), moderate),
  u: moment,
  t: fc.oneof(fc.integer({ min: 1, max: 8 }), fc.integer({ min: 1, max: 1000 })),
});
type Element = typeof element extends fc.Arbitrary<infer E> ? E : never;

/** α, β1 and β2 as decimal text. */
const hyper = fc.record({ lr: small, beta1: rate, beta2: rate });
type Hyper = typeof hyper extends fc.Arbitrary<infer H> ? H : never;

/** m′ = β1 m + (1 − β1) g, the first moment every preset keeps. */
const firstMoment = (h: Hyper, g: Decimal, x: Element) =>
  new D(h.beta1).times(exact(x.m)).plus(one.minus(h.beta1).times(g));

describe('AdaMax, one step of each preset against its framework formula', () => {
  test.prop([hyper, element])(
    'AdaMax paper (Algorithm 2): m′ = β1 m + (1 − β1) g, u′ = max(β2 u, |g|), θ′ = θ − (α/(1 − β1^t)) m′/u′',
    (h, x) => {
      const out = oneStep('adamax', 'paper', h, { param: x.param, grad: x.grad, state: { m: x.m, u: x.u }, t: x.t });
      const m = firstMoment(h, exact(x.grad), x);
      const u = D.max(new D(h.beta2).times(exact(x.u)), exact(x.grad).abs());
      const theta = exact(x.param).minus(new D(h.lr).div(one.minus(new D(h.beta1).pow(x.t))).times(m.div(u)));
      expectOutputs(out, { param: theta, m, u });
    },
  );

  test.prop([hyper, small, fc.oneof(fc.constant('0'), small), element])(
    'AdaMax PyTorch: g′ = g + λθ (λ = 0: g′ = g), u′ = max(β2 u, |g′| + ε), θ′ = θ − (α/(1 − β1^t)) m′/u′',
    (h, eps, wd, x) => {
      const input = { param: x.param, grad: x.grad, state: { m: x.m, u: x.u }, t: x.t };
      const out = oneStep('adamax', 'pytorch', { ...h, eps, weightDecay: wd }, input);
      const g = exact(x.grad).plus(new D(wd).times(exact(x.param)));
      const m = firstMoment(h, g, x);
      const u = D.max(new D(h.beta2).times(exact(x.u)), g.abs().plus(eps));
      const clr = new D(h.lr).div(one.minus(new D(h.beta1).pow(x.t)));
      expectOutputs(out, { param: exact(x.param).minus(clr.times(m).div(u)), m, u });
    },
  );

  test.prop([hyper, small, element])(
    'AdaMax Keras: u′ = max(β2 u, |g|), θ′ = θ − α m′/((1 − β1^t)(u′ + ε))',
    (h, eps, x) => {
      const input = { param: x.param, grad: x.grad, state: { m: x.m, u: x.u }, t: x.t };
      const out = oneStep('adamax', 'keras', { ...h, eps }, input);
      const m = firstMoment(h, exact(x.grad), x);
      const u = D.max(new D(h.beta2).times(exact(x.u)), exact(x.grad).abs());
      const denominator = one.minus(new D(h.beta1).pow(x.t)).times(u.plus(eps));
      expectOutputs(out, { param: exact(x.param).minus(new D(h.lr).times(m).div(denominator)), m, u });
    },
  );

  test.prop([
    hyper,
    small,
    fc.oneof(fc.constant('0'), small),
    element,
    fc.float({ min: Math.fround(2 ** -40), max: Math.fround(1 - 2 ** -24), noNaN: true }),
  ])(
    'AdaMax tfjs: α_t = α/(1 + η(t − 1)), θ′ = θ − (α_t/(1 − b1pow)) m′/(u′ + ε), u′ = max(β2 u, |g|), b1pow′ = float32(b1pow·β1)',
    (h, eps, decay, x, b1pow) => {
      const input = { param: x.param, grad: x.grad, state: { m: x.m, u: x.u, b1pow }, t: x.t };
      const out = oneStep('adamax', 'tfjs', { ...h, eps, decay }, input);
      const m = firstMoment(h, exact(x.grad), x);
      const u = D.max(new D(h.beta2).times(exact(x.u)), exact(x.grad).abs());
      const lr = new D(h.lr).div(one.plus(new D(decay).times(x.t - 1)));
      const theta = exact(x.param).minus(lr.div(one.minus(exact(b1pow))).times(m.div(u.plus(eps))));
      expectOutputs(out, { param: theta, m, u, b1pow: exact(b1pow).times(h.beta1) });
    },
  );

  test.prop([fc.constantFrom('paper', 'pytorch', 'keras', 'tfjs'), rate, fc.array(moderate, { maxLength: 4 })])(
    'init: m = u = 0 per element; tfjs alone adds b1pow = float32(β1); no other key',
    (preset, beta1, params) => {
      const config = configure(entryOf('adamax'), preset, { beta1 });
      const state = oracleRuleOf('adamax').init(config, Float32Array.from(params));
      const zeros = params.map(() => 0);
      const expected: Record<string, number[]> = { m: zeros, u: zeros };
      if (preset === 'tfjs') expected['b1pow'] = [roundToFloat32(new D(beta1))];
      expect(Object.fromEntries(Object.entries(state).map(([k, x]) => [k, Array.from(x)]))).toEqual(expected);
    },
  );
});
