/**
 * LARS's oracle against optax's chain (optax/_src/alias.py lars: add_decayed_weights,
 * scale_by_trust_ratio, scale_by_learning_rate, trace; then apply_updates) evaluated here in plain
 * 1000-digit decimals and rounded once, and its zero-norm fallback.
 */
import { fc, test } from '@fast-check/vitest';
import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { exactFromFloat32, roundToFloat32 } from '../../../oracle/binary32.js';
import { larsOracle } from '../../../oracle/rules/lars.js';
import { configure } from '../../../core/catalogue/index.js';
import * as entries from '../../../core/catalogue/entries.js';
import { moderateFloat32 } from '../../../src/gate/arbitraries/float32.js';

const D = Decimal.clone({ precision: 1000 });
type Hyper = { lr: string; momentum: string; weightDecay: string; trustCoefficient: string; eps: string };
const exact = (xs: readonly number[]) => xs.map((x) => new D(exactFromFloat32(x)));
const norm = (xs: readonly Decimal[]) => xs.reduce((s, x) => s.plus(x.times(x)), new D(0)).sqrt();

/** optax's lars on finite inputs, in 1000-digit decimals, rounded to float32 once. */
function reference(h: Hyper, nesterov: boolean, p: number[], g: number[], b0: number[]) {
  const [lr, mu, wd, tc, eps] = [h.lr, h.momentum, h.weightDecay, h.trustCoefficient, h.eps].map((x) => new D(x));
  const theta = exact(p);
  const u = exact(g).map((gi, i) => gi.plus(wd!.times(theta[i]!)));
  const [pn, un] = [norm(theta), norm(u)];
  const ratio = pn.isZero() || un.isZero() ? new D(1) : tc!.times(pn).div(un.plus(eps!));
  const s = u.map((ui) => ui.times(ratio).times(lr!.neg()));
  const trace = exact(b0).map((bi, i) => s[i]!.plus(mu!.times(bi)));
  const out = nesterov ? s.map((si, i) => si.plus(mu!.times(trace[i]!))) : trace;
  return {
    params: theta.map((x, i) => roundToFloat32(x.plus(out[i]!))),
    trace: trace.map((x) => roundToFloat32(x)),
  };
}

const hyper = fc.record({
  lr: fc.constantFrom('0.001', '0.1', '1'),
  momentum: fc.constantFrom('0', '0.9'),
  weightDecay: fc.constantFrom('0', '0.0001', '1.5'),
  trustCoefficient: fc.constantFrom('0.001', '1'),
  eps: fc.constantFrom('0', '0.000001'),
});
const tensors = fc.integer({ min: 1, max: 5 }).chain((n) => {
  const xs = fc.array(fc.oneof(moderateFloat32(), fc.constant(0)), { minLength: n, maxLength: n });
  return fc.tuple(xs, xs, xs);
});

function step(h: Partial<Hyper>, nesterov: boolean, p: number[], g: number[], b: number[]) {
  const config = configure(entries.lars, 'optax', h);
  const flagged = { ...config, flags: { nesterov } };
  return larsOracle.step(flagged, {
    params: Float32Array.from(p),
    grads: Float32Array.from(g),
    state: { trace: Float32Array.from(b) },
    t: 1,
  });
}

describe('LARS, exact', () => {
  test.prop([hyper, fc.boolean(), tensors])(
    "one step equals optax's chain evaluated in 1000-digit decimals",
    (h, nesterov, [p, g, b]) => {
      const out = step(h, nesterov, p, g, b);
      const expected = reference(h, nesterov, p, g, b);
      // An output the oracle marks uncertified (an exact zero reached through 1/‖g‖ · g, which no
      // precision makes a point) may be either neighbour; the 1000-digit reference rounds its own
      // approximation, so it may be the other one.
      const agree = (output: 'params' | 'trace', actual: ArrayLike<number>, want: number[]) =>
        want.forEach((x, i) => {
          const doubt = out.uncertified?.find((u) => u.output === output && u.index === i);
          if (doubt === undefined) expect(Object.is(actual[i], x), `${output}[${i}]: ${actual[i]} for ${x}`).toBe(true);
          else expect(Object.is(x, doubt.below) || Object.is(x, doubt.above), `${output}[${i}]: ${x}`).toBe(true);
        });
      agree('params', out.params, expected.params);
      agree('trace', out.state['trace']!, expected.trace);
    },
  );

  it('θ = 0 or g = 0: the ratio is 1, so the step is −α g plus momentum', () => {
    const h = { lr: '0.5', momentum: '0.5', weightDecay: '0' };
    expect(Array.from(step(h, false, [0, 0], [1, -2], [0, 0]).params)).toEqual([-0.5, 1]);
    expect(Array.from(step(h, false, [1, 2], [0, 0], [0.25, 0.5]).params)).toEqual([1.125, 2.25]);
  });
});
