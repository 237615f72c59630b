import { fc, test } from '@fast-check/vitest';
import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { exactFromFloat32, roundToFloat32 } from '../../../oracle/binary32.js';
import { nagOracle } from '../../../oracle/rules/nag.js';
import { configure, StepInputError } from '../../../core/catalogue/index.js';
import * as entries from '../../../core/catalogue/entries.js';

const D = Decimal.clone({ precision: 200 });
const nag = entries.nag;
const powerOfTwo = fc
  .tuple(fc.integer({ min: -10, max: 10 }), fc.boolean())
  .map(([k, negative]) => (negative ? -1 : 1) * 2 ** k);

describe('NAG (look-ahead form) in the oracle', () => {
  test.prop([powerOfTwo, fc.integer({ min: 1, max: 12 })])(
    'on J = θ²/2 with γ = α = 1/2 it is the linear recurrence v′ = v/2 + (θ − v/2)/2, θ′ = θ − v′, exactly',
    (theta0, steps) => {
      const config = configure(nag, 'paper', { lr: '0.5', momentum: '0.5' });
      const objective = { kind: 'quadratic' as const, curvature: Float32Array.of(1) };
      let params: Float32Array = Float32Array.of(theta0);
      let state = nagOracle.init(config, params);
      let theta = new D(theta0);
      let v = new D(0);
      for (let t = 1; t <= steps; t++) {
        v = v.div(2).plus(theta.minus(v.div(2)).div(2));
        theta = theta.minus(v);
        fc.pre(roundToFloat32(theta) === theta.toNumber() && roundToFloat32(v) === v.toNumber());
        const out = nagOracle.step(config, { params, grads: Float32Array.of(0), state, t, objective });
        expect([out.params[0], out.state['velocity']![0]]).toEqual([theta.toNumber(), v.toNumber()]);
        params = out.params;
        state = out.state;
      }
    },
  );

  test.prop([
    fc.float({ min: -2, max: 2, noNaN: true }),
    fc.float({ min: -2, max: 2, noNaN: true }),
    fc.float({ min: -1, max: 1, noNaN: true }),
    fc.float({ min: -1, max: 1, noNaN: true }),
  ])('one step on Rosenbrock (a = 1, b = 100) evaluates the gradient at the exact look-ahead point', (x, y, vx, vy) => {
    const config = configure(nag, 'paper');
    const out = nagOracle.step(config, {
      params: Float32Array.of(x, y),
      grads: Float32Array.of(0, 0),
      state: { velocity: Float32Array.of(vx, vy) },
      t: 1,
      objective: { kind: 'rosenbrock', a: '1', b: '100' },
    });
    const e = (z: number) => new D(exactFromFloat32(z));
    const lx = e(x).minus(e(vx).times('0.9'));
    const ly = e(y).minus(e(vy).times('0.9'));
    const r = ly.minus(lx.pow(2));
    const gx = lx.minus(1).times(2).minus(lx.times(400).times(r));
    const gy = r.times(200);
    const nvx = e(vx).times('0.9').plus(gx.times('0.01'));
    const nvy = e(vy).times('0.9').plus(gy.times('0.01'));
    expect(Array.from(out.params)).toEqual([roundToFloat32(e(x).minus(nvx)), roundToFloat32(e(y).minus(nvy))]);
    expect(Array.from(out.state['velocity']!)).toEqual([roundToFloat32(nvx), roundToFloat32(nvy)]);
  });

  it('rejects a step without an objective, odd Rosenbrock lengths and a curvature of the wrong length', () => {
    const config = configure(nag, 'paper');
    const base = {
      params: Float32Array.of(1, 2, 3),
      grads: Float32Array.of(0, 0, 0),
      state: { velocity: new Float32Array(3) },
      t: 1,
    };
    expect(() => nagOracle.step(config, base)).toThrow(StepInputError);
    expect(() => nagOracle.step(config, base)).toThrow('nag: the step needs an objective');
    expect(() => nagOracle.step(config, { ...base, objective: { kind: 'rosenbrock', a: '1', b: '100' } })).toThrow(
      'nag: Rosenbrock pairs need an even number of parameters, got 3',
    );
    expect(() =>
      nagOracle.step(config, { ...base, objective: { kind: 'quadratic', curvature: Float32Array.of(1) } }),
    ).toThrow("nag: the quadratic's curvature has 1 values but params has 3");
  });
});
