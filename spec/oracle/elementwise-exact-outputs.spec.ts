/**
 * The elementwise driver's uncertified outputs (oracle/elementwise.ts): `enclose`, the enclosures of a
 * step on exact decimal inputs (the claims' real-number steps), and `exact`, a step's outputs to a
 * given number of digits. Both against TensorFlow.js's Adam written out in plain 120-digit decimals
 * (its β^t read from the slots, so that the tensor slots are inputs and outputs too): every output
 * the layout names, no other, one value per element, each enclosing (or within 10^−50 of) the
 * reference.
 */
import { fc, test } from '@fast-check/vitest';
import type { Decimal } from 'decimal.js';
import { describe } from 'vitest';
import { configure } from '../../core/catalogue/index.js';
import { entryOf, oracleRuleOf } from '../../src/registry/index.js';
import type { ElementwiseOracleRule } from '../../oracle/rule.js';
import { decimalText, expectEnclosures, expectExactOutputs, nonnegativeText } from './exact-outputs.js';
import { D, exact, moderate, moment, rate, small } from './rules/one-step.js';

const adam = oracleRuleOf('adam') as ElementwiseOracleRule;
const one = new D(1);

/** α, β1, β2 and ε as decimal text. */
const hyper = fc.record({ lr: small, beta1: rate, beta2: rate, eps: small });

/** tfjs's Adam at 120 digits: m′, v′, θ′ with β^t read from the slots, and the slots times β. */
function tfjsAdam(
  h: { lr: string; beta1: string; beta2: string; eps: string },
  x: { param: Decimal; grad: Decimal; m: Decimal; v: Decimal },
  b1pow: Decimal,
  b2pow: Decimal,
): Record<'params' | 'm' | 'v', Decimal> {
  const m = new D(h.beta1).times(x.m).plus(one.minus(h.beta1).times(x.grad));
  const v = new D(h.beta2).times(x.v).plus(one.minus(h.beta2).times(x.grad.pow(2)));
  const step = new D(h.lr).times(m.div(one.minus(b1pow))).div(v.div(one.minus(b2pow)).sqrt().plus(h.eps));
  return { params: x.param.minus(step), m, v };
}

const decimalElement = fc.record({ param: decimalText, grad: decimalText, m: decimalText, v: nonnegativeText });

describe('the elementwise driver on exact decimal inputs (enclose)', () => {
  test.prop([
    hyper,
    fc.array(decimalElement, { minLength: 1, maxLength: 3 }),
    rate,
    rate,
    fc.integer({ min: 1, max: 50 }),
  ])(
    "Adam tfjs: each output's enclosure at 40 digits holds the 120-digit value and is narrower than 10^−30 of it; b1pow′ = b1pow·β1 and b2pow′ = b2pow·β2, exact",
    (h, xs, b1pow, b2pow, t) => {
      const config = configure(entryOf('adam'), 'tfjs', h);
      const input = {
        params: xs.map((x) => x.param),
        grads: xs.map((x) => x.grad),
        state: { m: xs.map((x) => x.m), v: xs.map((x) => x.v), b1pow: [b1pow], b2pow: [b2pow] },
        t,
      };
      const out = adam.enclose(config, input, 40);
      const expected: Record<string, Decimal[]> = { params: [], m: [], v: [] };
      for (const x of xs) {
        const r = tfjsAdam(
          h,
          { param: new D(x.param), grad: new D(x.grad), m: new D(x.m), v: new D(x.v) },
          new D(b1pow),
          new D(b2pow),
        );
        for (const k of ['params', 'm', 'v'] as const) expected[k]!.push(r[k]);
      }
      expected['b1pow'] = [new D(b1pow).times(h.beta1)];
      expected['b2pow'] = [new D(b2pow).times(h.beta2)];
      expectEnclosures(out, expected);
    },
  );
});

const floatElement = fc.record({ param: moderate, grad: moderate, m: fc.oneof(fc.constant(0), moderate), v: moment });

describe("the elementwise driver's exact outputs (exact)", () => {
  test.prop([hyper, fc.array(floatElement, { minLength: 1, maxLength: 3 }), rate, rate])(
    'Adam tfjs on float32 inputs: params, m, v and both slots, each within 10^−50 relative of the 120-digit value at 60 digits',
    (h, xs, b1, b2) => {
      const config = configure(entryOf('adam'), 'tfjs', h);
      const [b1pow, b2pow] = [Math.fround(Number(b1)), Math.fround(Number(b2))];
      const input = {
        params: Float32Array.from(xs.map((x) => x.param)),
        grads: Float32Array.from(xs.map((x) => x.grad)),
        state: {
          m: Float32Array.from(xs.map((x) => x.m)),
          v: Float32Array.from(xs.map((x) => x.v)),
          b1pow: Float32Array.of(b1pow),
          b2pow: Float32Array.of(b2pow),
        },
        t: 3,
      };
      const out = adam.exact(config, input, 60);
      const expected: Record<string, Decimal[]> = { params: [], m: [], v: [] };
      for (const x of xs) {
        const r = tfjsAdam(
          h,
          { param: exact(x.param), grad: exact(x.grad), m: exact(x.m), v: exact(x.v) },
          exact(b1pow),
          exact(b2pow),
        );
        for (const k of ['params', 'm', 'v'] as const) expected[k]!.push(r[k]);
      }
      expected['b1pow'] = [exact(b1pow).times(h.beta1)];
      expected['b2pow'] = [exact(b2pow).times(h.beta2)];
      expectExactOutputs(out, expected);
    },
  );
});
