/**
 * Lion's oracle against the paper's closed form (Chen et al. 2023, Algorithm 2), evaluated here in
 * plain 1000-digit decimals (enough to hold any product and sum of float32 values exactly) and
 * rounded once: with λ = 0 every coordinate moves by exactly α, −α or 0.
 */
import { fc, test } from '@fast-check/vitest';
import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { exactFromFloat32, MIN_SUBNORMAL, roundToFloat32 } from '../../../oracle/binary32.js';
import { lionOracle } from '../../../oracle/rules/lion.js';
import { configure } from '../../../core/catalogue/index.js';
import * as entries from '../../../core/catalogue/entries.js';
import { finiteFloat32, moderateFloat32 } from '../../../src/gate/arbitraries/float32.js';

const D = Decimal.clone({ precision: 1000 });
const exact = (x: number) => new D(exactFromFloat32(x));

/** The paper's step on one element, exactly: sign(β1 m + (1 − β1) g), then θ − α (s + λ θ). */
function paperStep(
  hyper: { lr: string; beta1: string; beta2: string; weightDecay: string },
  p: number,
  g: number,
  m: number,
) {
  const b1 = new D(hyper.beta1);
  const b2 = new D(hyper.beta2);
  const c = b1.times(exact(m)).plus(new D(1).minus(b1).times(exact(g)));
  const s = c.isZero() ? 0 : c.isNeg() ? -1 : 1;
  const theta = exact(p);
  const decay = new D(hyper.weightDecay).times(theta);
  return {
    direction: s,
    param: roundToFloat32(theta.minus(new D(hyper.lr).times(decay.plus(s)))),
    m: roundToFloat32(b2.times(exact(m)).plus(new D(1).minus(b2).times(exact(g)))),
  };
}

const hyper = fc.record({
  lr: fc.constantFrom('0.0001', '0.001', '0.3', '1e-30'),
  beta1: fc.constantFrom('0', '0.5', '0.9', '0.999'),
  beta2: fc.constantFrom('0', '0.9', '0.99'),
  weightDecay: fc.constantFrom('0', '0.001', '1.5'),
});
const value = fc.oneof(moderateFloat32(), finiteFloat32());

describe('Lion, exact', () => {
  test.prop([hyper, value, value, value])(
    'one step equals Algorithm 2 evaluated in 1000-digit decimals',
    (h, p, g, m) => {
      const config = configure(entries.lion, 'paper', h);
      const out = lionOracle.step(config, {
        params: Float32Array.of(p),
        grads: Float32Array.of(g),
        state: { m: Float32Array.of(m) },
        t: 1,
      });
      const expected = paperStep(h, p, g, m);
      expect(out.params[0]).toBe(expected.param);
      expect(out.state['m']![0]).toBe(expected.m);
    },
  );

  test.prop([fc.integer({ min: -1000, max: 1000 }), fc.integer({ min: -30, max: 0 }), value, value])(
    'with λ = 0 the step is exactly −α, 0 or +α: θ = k α for a power of two α, so θ ∓ α is a float32',
    (k, e, g, m) => {
      const lr = 2 ** e;
      const config = configure(entries.lion, 'paper', { lr: String(lr), weightDecay: '0' });
      const p = k * lr;
      const out = lionOracle.step(config, {
        params: Float32Array.of(p),
        grads: Float32Array.of(g),
        state: { m: Float32Array.of(m) },
        t: 1,
      });
      const s = paperStep({ lr: String(lr), beta1: '0.9', beta2: '0.99', weightDecay: '0' }, p, g, m).direction;
      expect(out.params[0]! - p).toBe(-s * lr);
    },
  );

  it('an exact cancellation β1 m = −(1 − β1) g is sign 0, down to subnormal m and g (θ does not move)', () => {
    const config = configure(entries.lion, 'paper', { lr: '0.5' });
    for (const unit of [1, MIN_SUBNORMAL, 2 ** -140]) {
      const out = lionOracle.step(config, {
        params: Float32Array.of(3, 3, 3),
        grads: Float32Array.of(-9 * unit, -8 * unit, -10 * unit),
        state: { m: Float32Array.of(unit, unit, unit) },
        t: 1,
      });
      expect(Array.from(out.params)).toEqual([3, 2.5, 3.5]);
    }
  });

  it('a cancellation finer than 40 digits (β1 = ½ + 10^−60, m = 1, g = −1: c = 2·10^−60) still has sign +1', () => {
    // At 40 digits the round-to-nearest value of c is 0; its enclosure holds 0 and the sign waits for more digits.
    const beta1 = `0.5${'0'.repeat(59)}1`;
    const config = configure(entries.lion, 'paper', { lr: '0.5', beta1 });
    const out = lionOracle.step(config, {
      params: Float32Array.of(3, 3),
      grads: Float32Array.of(-1, 1),
      state: { m: Float32Array.of(1, -1) },
      t: 1,
    });
    expect(Array.from(out.params)).toEqual([2.5, 3.5]);
  });

  it('a NaN gradient gives a NaN parameter; an infinite one moves θ by ∓α', () => {
    const config = configure(entries.lion, 'paper', { lr: '0.5' });
    const out = lionOracle.step(config, {
      params: Float32Array.of(1, 1, 1),
      grads: Float32Array.of(NaN, Infinity, -Infinity),
      state: { m: Float32Array.of(0, 0, 0) },
      t: 1,
    });
    expect(Array.from(out.params)).toEqual([NaN, 0.5, 1.5]);
  });
});
