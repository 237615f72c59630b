/**
 * boundTrajectory: one step agrees with boundStep's analysis; over many steps, production stays
 * within the bound of the exact recursion (the oracle at 80 digits, chained without rounding); the step
 * count of each gradient, the rules it refuses (with their messages), and errorOf's widening derived by
 * hand.
 */
import fc from 'fast-check';
import { Decimal } from 'decimal.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { exactText } from '../../../oracle/binary32.js';
import { configure } from '../../../core/catalogue/index.js';
import { moderateFloat32, nonnegative } from '../../../src/gate/arbitraries/float32.js';
import { comparisonBound } from '../../../src/gate/bound/bounded.js';
import { boundStep } from '../../../src/gate/bound/step-bound.js';
import { boundTrajectory, errorOf } from '../../../src/gate/bound/trajectory-bound.js';
import { production } from '../../../src/gate/implementation.js';
import { elementwiseOracleOf, entryOf, productionRuleOf } from '../../../src/registry/index.js';
import { useBackend } from '../../../src/production/tfjs/backend.js';
import { expectRelative } from './relative.js';

const rate = fc.integer({ min: 1, max: 2 ** 24 - 1 }).map((n) => n / 2 ** 24);

describe('boundTrajectory', () => {
  let backend = '';
  beforeAll(async () => {
    backend = await useBackend();
  });

  it('one step reproduces boundStep (same model, same inputs)', () => {
    fc.assert(
      fc.property(
        moderateFloat32(),
        moderateFloat32(),
        moderateFloat32(),
        nonnegative(moderateFloat32()),
        fc.integer({ min: 1, max: 1000 }),
        (theta, g, m, v, t) => {
          const config = configure(entryOf('adam'), 'pytorch');
          const one = boundTrajectory(productionRuleOf('adam'), config, {
            param: theta,
            grads: [g],
            state: { m, v },
            firstStep: t,
          })[0]!;
          const step = boundStep(productionRuleOf('adam'), config, {
            params: Float32Array.of(theta),
            grads: Float32Array.of(g),
            state: { m: Float32Array.of(m), v: Float32Array.of(v) },
            t,
          });
          expect(comparisonBound(one.param)).toBe(step['params']![0]!.bound);
          expect(comparisonBound(one.slots['v']!)).toBe(step['v']![0]!.bound);
        },
      ),
    );
  });

  it('holds over 30-step Adam and momentum trajectories against the exact recursion on the same float32 gradients', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('adam', 'momentum'),
        moderateFloat32(),
        fc.array(moderateFloat32(), { minLength: 1, maxLength: 30 }),
        rate,
        (rule, theta, gs, beta) => {
          const config =
            rule === 'adam'
              ? configure(entryOf('adam'), 'paper', { beta1: exactText(beta) })
              : configure(entryOf('momentum'), 'pytorch', { momentum: exactText(beta) });
          const slots: Record<string, number> = rule === 'adam' ? { m: 0, v: 0 } : { buffer: 0 };
          const bounds = boundTrajectory(productionRuleOf(rule), config, { param: theta, grads: gs, state: slots });
          const impl = production(backend);
          const oracle = elementwiseOracleOf(rule);
          let params: Float32Array = Float32Array.of(theta);
          let state = impl.init(config, params);
          let exact: Record<string, Decimal | string> = {
            params: exactText(theta),
            ...Object.fromEntries(Object.keys(slots).map((k) => [k, '0'])),
          };
          gs.forEach((g, i) => {
            const out = impl.step(config, { params, grads: Float32Array.of(g), state, t: i + 1 });
            params = out.params;
            state = out.state;
            const x = oracle.enclose(
              config,
              {
                params: [exact['params']!],
                grads: [exactText(g)],
                state: Object.fromEntries(Object.keys(slots).map((k) => [k, [exact[k]!]])),
                t: i + 1,
              },
              80,
            );
            exact = Object.fromEntries(Object.entries(x).map(([k, v]) => [k, v[0]!.near]));
            const e = errorOf(bounds[i]!.param);
            if (Number.isFinite(e)) expect(new Decimal(params[0]!).minus(exact['params']!).abs().lte(e)).toBe(true);
          });
        },
      ),
      { numRuns: 50 },
    );
  });

  it('refuses rules with tensor slots, naming each (their running products are not chained)', () => {
    const config = configure(entryOf('adam'), 'tfjs');
    expect(() => boundTrajectory(productionRuleOf('adam'), config, { param: 0, grads: [1], state: {} })).toThrow(
      'boundTrajectory: adam keeps tensor slots (b1pow, b2pow), which it does not chain',
    );
  });

  it('refuses a rule that is not elementwise in production (LARS, on whole tensors), naming its kind', () => {
    const config = configure(entryOf('lars'), 'optax');
    expect(() => boundTrajectory(productionRuleOf('lars'), config, { param: 0, grads: [1], state: {} })).toThrow(
      "boundTrajectory: lars is not elementwise in production (kind 'tensor'); it chains elementwise rules only",
    );
  });
});

describe('boundTrajectory: the step count of each gradient', () => {
  // Adagrad (PyTorch) with α = 1, η = 1: α_t = 1 / (1 + (t − 1)), and θ' = θ − α_t g / (√G' + ε) from
  // θ = 0 (reset before each step), g = 1, G chained from 0: G' = 1, then 2. The exact θ' (Bounded.v)
  // names the t each step used.
  const config = configure(entryOf('adagrad'), 'pytorch', { lr: '1', lrDecay: '1' });
  const run = (firstStep?: number) =>
    boundTrajectory(productionRuleOf('adagrad'), config, {
      param: 0,
      grads: [1, 1],
      state: { accumulator: 0 },
      reset: true,
      ...(firstStep === undefined ? {} : { firstStep }),
    }).map((x) => x.param.v);

  it('from firstStep = 2: t = 2 (α_t = 1/2, G = 1), then t = 3 (α_t = 1/3, G = 2)', () => {
    const [first, second] = run(2);
    expectRelative(first, -0.5 / (1 + 1e-10));
    expectRelative(second, -(1 / 3) / (Math.SQRT2 + 1e-10));
  });

  it('by default from t = 1 (α_t = 1), then t = 2 (α_t = 1/2)', () => {
    const [first, second] = run();
    expectRelative(first, -1 / (1 + 1e-10));
    expectRelative(second, -0.5 / (Math.SQRT2 + 1e-10));
  });
});

describe('errorOf: the bound on |float32 − exact|, widened for its own float64 evaluation', () => {
  it('e (1 + 2^−20) + 2^−45 s: e = 1, s = 2 gives 1 + 2^−20 + 2^−44 exactly', () => {
    expect(errorOf({ v: 0, e: 1, s: 2 })).toBe(1 + 2 ** -20 + 2 ** -44);
    expect(errorOf({ v: -3, e: 2 ** -24, s: 4 })).toBe(2 ** -24 + 2 ** -44 + 2 ** -43);
  });

  it('Infinity outside the domain, even for a NaN input whose e is 0 and whose size is NaN', () => {
    // exactInput(NaN) is { v: NaN, e: 0, s: NaN, out: 'nonfinite' }: the formula alone would give NaN.
    expect(errorOf({ v: NaN, e: 0, s: NaN, out: 'nonfinite' })).toBe(Infinity);
    expect(errorOf({ v: 1, e: Infinity, s: 1, out: 'overflow' })).toBe(Infinity);
  });

  it("SGD's one step (α = 0.5, θ = 1, g = 3): the product's and the difference's rounding, no oracle term", () => {
    // α: err δ/2 + 2^−1074, s_α = 0.5 + (err + η)/u, e_α = err + u(s_α + err) + η; α·g: e_p = 3 e_α +
    // u(1.5 + 3 e_α) + η, s_p = 3 s_α + η/u; θ − α·g = −0.5: e = e_p + u(0.5 + e_p), s = 1 + s_p.
    const [u, eta, err] = [2 ** -24, 2 ** -150, 2 ** -54 + 2 ** -1074];
    const sAlpha = 0.5 + (err + eta) / u;
    const eAlpha = err + u * (sAlpha + err) + eta;
    const eProduct = 3 * eAlpha + u * (1.5 + 3 * eAlpha) + eta;
    const e = eProduct + u * (0.5 + eProduct);
    const s = 1 + 3 * sAlpha + eta / u;
    const config = configure(entryOf('sgd'), 'paper', { lr: '0.5' });
    const [one] = boundTrajectory(productionRuleOf('sgd'), config, { param: 1, grads: [3], state: {} });
    expectRelative(one!.param.e, e);
    expectRelative(errorOf(one!.param), e * (1 + 2 ** -20) + 2 ** -45 * s);
    // Float32 gives θ' = 1 − 1.5 = −0.5 exactly: 0 ≤ the bound.
    expect(Math.abs(Math.fround(1 - Math.fround(Math.fround(0.5) * 3)) + 0.5)).toBeLessThanOrEqual(errorOf(one!.param));
  });
});
