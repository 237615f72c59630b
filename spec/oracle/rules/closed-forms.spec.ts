/**
 * The oracle against closed forms, never against the code it judges.
 *
 * Multi-step cases use dyadic hyperparameters (1/2, 1/4) and powers of two so that every exact value
 * along the way is a float32: the oracle's per-step rounding is then the identity and the closed form
 * must hold bit for bit at every step. One-step cases whose results are irrational are checked against
 * the formula evaluated in plain 200-digit decimal arithmetic and rounded once.
 */
import { fc, test } from '@fast-check/vitest';
import { Decimal } from 'decimal.js';
import { describe, expect } from 'vitest';
import { exactFromFloat32, roundToFloat32 } from '../../../oracle/binary32.js';
import { adadeltaOracle } from '../../../oracle/rules/adadelta.js';
import { adagradOracle } from '../../../oracle/rules/adagrad.js';
import { nadamOracle } from '../../../oracle/rules/nadam.js';
import { rmspropOracle } from '../../../oracle/rules/rmsprop.js';
import { configure, type HyperValue } from '../../../core/catalogue/index.js';
import * as entries from '../../../core/catalogue/entries.js';
import { entryOf, oracleRuleOf } from '../../../src/registry/index.js';

const D = Decimal.clone({ precision: 200 });
const powerOfTwo = fc
  .tuple(fc.integer({ min: -10, max: 10 }), fc.boolean())
  .map(([k, negative]) => (negative ? -1 : 1) * 2 ** k);

/** Runs `steps` oracle steps from the initial state, the gradient given as a function of θ. */
function run(
  rule: string,
  preset: string,
  hyper: Record<string, HyperValue>,
  theta0: number,
  gradient: (theta: number) => number,
  steps: number,
): number[] {
  const config = configure(entryOf(rule), preset, hyper);
  const oracle = oracleRuleOf(rule);
  let params: Float32Array = Float32Array.of(theta0);
  let state = oracle.init(config, params);
  const thetas = [theta0];
  for (let t = 1; t <= steps; t++) {
    const out = oracle.step(config, { params, grads: Float32Array.of(gradient(params[0]!)), state, t });
    params = out.params;
    state = out.state;
    thetas.push(params[0]!);
  }
  return thetas;
}

describe('multi-step closed forms (every value exact in float32)', () => {
  test.prop([powerOfTwo, fc.constantFrom('0.5', '1.5'), fc.integer({ min: 1, max: 30 })])(
    'SGD on J = θ²/2 with α ∈ {1/2, 3/2}: θ_t = θ_0 (1 − α)^t',
    (theta0, lr, steps) => {
      const thetas = run('sgd', 'paper', { lr }, theta0, (theta) => theta, steps);
      thetas.forEach((theta, t) => expect(theta).toBe(theta0 * (1 - Number(lr)) ** t));
    },
  );

  test.prop([
    fc.constantFrom('paper', 'pytorch'),
    powerOfTwo,
    fc.integer({ min: -3, max: 3 }),
    fc.integer({ min: 1, max: 16 }),
  ])(
    'momentum with a constant gradient, μ = 1/2, α = 1/4 (%s form): b_t = g (1 − μ^t)/(1 − μ), θ_t = θ_0 − α Σ b_i',
    (preset, g, j, steps) => {
      const theta0 = g * 2 ** j;
      let theta = new D(theta0);
      const expected = [theta0];
      for (let t = 1; t <= steps; t++) {
        theta = theta.minus(
          new D(g)
            .times('0.25')
            .times(new D(1).minus(new D(0.5).pow(t)))
            .times(2),
        );
        expected.push(theta.toNumber());
        fc.pre(roundToFloat32(theta) === theta.toNumber()); // the closed form is exact in float32 along the way
      }
      expect(run('momentum', preset, { lr: '0.25', momentum: '0.5' }, theta0, () => g, steps)).toEqual(expected);
    },
  );

  test.prop([
    fc.constantFrom(['adam', 'paper'], ['amsgrad', 'pytorch'], ['adamax', 'paper']),
    powerOfTwo,
    powerOfTwo,
    fc.integer({ min: 1, max: 20 }),
  ])(
    '%s with a constant gradient, β1 = β2 = 1/2, ε = 0 (AdaMax: no ε): m̂ = g, v̂ = g² (u = |g|), so θ_t = θ_0 − t α sign(g)',
    ([rule, preset], theta0, g, steps) => {
      const hyper: Record<string, string> = { lr: '0.125', beta1: '0.5', beta2: '0.5' };
      if (rule !== 'adamax') hyper['eps'] = '0';
      if (rule === 'amsgrad') hyper['weightDecay'] = '0';
      const thetas = run(rule!, preset!, hyper, theta0, () => g, steps);
      thetas.forEach((x, t) => expect(x).toBe(Math.fround(theta0 - t * 0.125 * Math.sign(g))));
    },
  );
});

describe('one-step closed forms against plain decimal arithmetic', () => {
  const exact = (x: number) => new D(exactFromFloat32(x));
  const nonzero = fc
    .float({ min: Math.fround(1e-6), max: Math.fround(1e6), noNaN: true })
    .chain((x) => fc.constantFrom(x, -x));

  test.prop([nonzero, nonzero, fc.integer({ min: 0, max: 50 })])(
    'Adagrad (paper) after t − 1 steps of a constant gradient: θ − α g / √(t g² + ε)',
    (theta, g, k) => {
      const G = Math.fround(k * g * g);
      if (!Number.isFinite(G) || exact(G).cmp(new D(k).times(exact(g).pow(2))) !== 0) return; // keep G exact
      const config = configure(entries.adagrad, 'paper');
      const out = adagradOracle.step(config, {
        params: Float32Array.of(theta),
        grads: Float32Array.of(g),
        state: { accumulator: Float32Array.of(G) },
        t: k + 1,
      });
      const expected = exact(theta).minus(
        new D('0.01').times(exact(g)).div(exact(G).plus(exact(g).pow(2)).plus('1e-8').sqrt()),
      );
      expect(out.params[0]).toBe(roundToFloat32(expected));
    },
  );

  test.prop([nonzero, nonzero, fc.integer({ min: 1, max: 30 })])(
    'RMSProp (paper, ρ = 1/2, ε = 0) with a constant gradient: v_t = (1 − 2^−t) g², θ − α g / √v_t',
    (theta, g, t) => {
      const v = Math.fround((1 - 0.5 ** (t - 1)) * g * g);
      if (exact(v).cmp(new D(1).minus(new D(0.5).pow(t - 1)).times(exact(g).pow(2))) !== 0) return;
      const config = configure(entries.rmsprop, 'paper', { rho: '0.5', eps: '0' });
      const out = rmspropOracle.step(config, {
        params: Float32Array.of(theta),
        grads: Float32Array.of(g),
        state: { meanSquare: Float32Array.of(v), buffer: Float32Array.of(0) },
        t,
      });
      const vt = new D(1).minus(new D(0.5).pow(t)).times(exact(g).pow(2));
      expect(out.params[0]).toBe(roundToFloat32(exact(theta).minus(new D('0.001').times(exact(g)).div(vt.sqrt()))));
    },
  );

  test.prop([nonzero, nonzero])('AdaDelta (Zeiler) first step: Δ = √ε / √((1 − ρ) g² + ε) · g, θ − Δ', (theta, g) => {
    const config = configure(entries.adadelta, 'paper');
    const out = adadeltaOracle.step(config, {
      params: Float32Array.of(theta),
      grads: Float32Array.of(g),
      state: { gradSquared: Float32Array.of(0), updateSquared: Float32Array.of(0) },
      t: 1,
    });
    const eps = new D('1e-6');
    const delta = eps
      .sqrt()
      .div(new D('0.05').times(exact(g).pow(2)).plus(eps).sqrt())
      .times(exact(g));
    expect(out.params[0]).toBe(roundToFloat32(exact(theta).minus(delta)));
    expect(out.state['updateSquared']![0]).toBe(roundToFloat32(new D('0.05').times(delta.pow(2))));
  });

  test.prop([nonzero, nonzero, fc.integer({ min: 1, max: 40 })])(
    'Nadam (paper) with the state a constant gradient leaves (β = 1/2, ε = 0): θ − α sign(g) (β1 + (1 − β1)/(1 − β1^t))',
    (theta, g, t) => {
      const m = Math.fround((1 - 0.5 ** (t - 1)) * g);
      const v = Math.fround((1 - 0.5 ** (t - 1)) * g * g);
      if (
        exact(v).cmp(new D(1).minus(new D(0.5).pow(t - 1)).times(exact(g).pow(2))) !== 0 ||
        exact(m).cmp(new D(1).minus(new D(0.5).pow(t - 1)).times(exact(g))) !== 0
      )
        return;
      const config = configure(entries.nadam, 'paper', { beta1: '0.5', beta2: '0.5', eps: '0' });
      const out = nadamOracle.step(config, {
        params: Float32Array.of(theta),
        grads: Float32Array.of(g),
        state: { m: Float32Array.of(m), v: Float32Array.of(v) },
        t,
      });
      const step = new D('0.5')
        .plus(new D('0.5').div(new D(1).minus(new D(0.5).pow(t))))
        .times('0.001')
        .times(Math.sign(g));
      expect(out.params[0]).toBe(roundToFloat32(exact(theta).minus(step)));
    },
  );
});
