/**
 * The whole-tensor driver's uncertified outputs (oracle/tensor-rule.ts): `enclose` on exact decimal
 * inputs and `exact` to a given number of digits, against LAMB as optax writes it (scale_by_adam,
 * add_decayed_weights, scale_by_trust_ratio) in plain 120-digit decimals: every output the layout
 * names, no other, one value per element, each enclosing (or within 10^−50 of) the reference.
 */
import { fc, test } from '@fast-check/vitest';
import type { Decimal } from 'decimal.js';
import { describe } from 'vitest';
import { configure } from '../../core/catalogue/index.js';
import * as entries from '../../core/catalogue/entries.js';
import { lambOracle } from '../../oracle/rules/lamb.js';
import { decimalText, expectEnclosures, expectExactOutputs, nonnegativeText } from './exact-outputs.js';
import { D, exact, moderate, moment, rate, small } from './rules/one-step.js';

const one = new D(1);
const norm = (xs: readonly Decimal[]) => xs.reduce((s, x) => s.plus(x.times(x)), new D(0)).sqrt();

/** α, β1, β2, ε and λ as decimal text. */
const hyper = fc.record({ lr: small, beta1: rate, beta2: rate, eps: small, weightDecay: small });
type Hyper = typeof hyper extends fc.Arbitrary<infer H> ? H : never;

/**
 * optax's LAMB at 120 digits: m′, v′, u = m̂/(√v̂ + ε) + λθ, θ′ = θ − α (‖θ‖/‖u‖) u; and `slack`, a
 * bound on the error of θ′: each of the fewer than 40 operations behind p = α (‖θ‖/‖u‖) u rounds
 * within 10^−119 of its result, so p is within 10^−117 |p| of its exact value and θ − p within
 * 10^−117 (|θ| + |p|) + 10^−119 |θ′| ≤ 10^−116 (|θ| + |θ′|) (as |p| ≤ |θ| + |θ′|); 10^−100 of that
 * is the slack.
 */
function optaxLamb(h: Hyper, t: number, x: { params: Decimal[]; grads: Decimal[]; m: Decimal[]; v: Decimal[] }) {
  const m = x.m.map((mi, i) => new D(h.beta1).times(mi).plus(one.minus(h.beta1).times(x.grads[i]!)));
  const v = x.v.map((vi, i) => new D(h.beta2).times(vi).plus(one.minus(h.beta2).times(x.grads[i]!.pow(2))));
  const c1 = one.minus(new D(h.beta1).pow(t));
  const c2 = one.minus(new D(h.beta2).pow(t));
  const u = m.map((mi, i) =>
    mi.div(c1).div(v[i]!.div(c2).sqrt().plus(h.eps)).plus(new D(h.weightDecay).times(x.params[i]!)),
  );
  const ratio = norm(x.params).div(norm(u));
  const params = x.params.map((p, i) => p.minus(new D(h.lr).times(ratio).times(u[i]!)));
  const slack = params.map((p, i) => x.params[i]!.abs().plus(p.abs()).times('1e-100'));
  return { params, m, v, slack };
}

const decimalElement = fc.record({
  param: decimalText,
  grad: decimalText,
  m: decimalText,
  v: nonnegativeText,
});

describe('the whole-tensor driver on exact decimal inputs (enclose)', () => {
  test.prop([hyper, fc.array(decimalElement, { minLength: 1, maxLength: 4 }), fc.integer({ min: 1, max: 50 })])(
    "LAMB optax: each output's enclosure at 40 digits holds the 120-digit value and is narrower than 10^−30 of it",
    (h, xs, t) => {
      const config = configure(entries.lamb, 'optax', h);
      const input = {
        params: xs.map((x) => x.param),
        grads: xs.map((x) => x.grad),
        state: { m: xs.map((x) => x.m), v: xs.map((x) => x.v) },
        t,
      };
      const out = lambOracle.enclose(config, input, 40);
      const { slack, ...expected } = optaxLamb(h, t, {
        params: input.params.map((x) => new D(x)),
        grads: input.grads.map((x) => new D(x)),
        m: input.state.m.map((x) => new D(x)),
        v: input.state.v.map((x) => new D(x)),
      });
      expectEnclosures(out, expected, { params: slack });
    },
  );
});

const floatElement = fc.record({ param: moderate, grad: moderate, m: moderate, v: moment });

describe("the whole-tensor driver's exact outputs (exact)", () => {
  test.prop([hyper, fc.array(floatElement, { minLength: 1, maxLength: 4 }), fc.integer({ min: 1, max: 50 })])(
    'LAMB optax on float32 inputs: params, m and v, each within 10^−50 relative of the 120-digit value at 60 digits',
    (h, xs, t) => {
      const config = configure(entries.lamb, 'optax', h);
      const input = {
        params: Float32Array.from(xs.map((x) => x.param)),
        grads: Float32Array.from(xs.map((x) => x.grad)),
        state: { m: Float32Array.from(xs.map((x) => x.m)), v: Float32Array.from(xs.map((x) => x.v)) },
        t,
      };
      const out = lambOracle.exact(config, input, 60);
      const { slack: _, ...expected } = optaxLamb(h, t, {
        params: xs.map((x) => exact(x.param)),
        grads: xs.map((x) => exact(x.grad)),
        m: xs.map((x) => exact(x.m)),
        v: xs.map((x) => exact(x.v)),
      });
      expectExactOutputs(out, expected);
    },
  );
});
