/**
 * FTRL-Proximal's oracle against McMahan et al. 2013, Algorithm 1, written here in plain 200-digit
 * decimals and rounded once, and against the two readings of Keras's λ2 (its code's 2 λ2, its
 * docstring's λ2).
 */
import { fc, test } from '@fast-check/vitest';
import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { exactFromFloat32, roundToFloat32 } from '../../../oracle/binary32.js';
import { ftrlOracle } from '../../../oracle/rules/ftrl.js';
import { configure, type Configuration } from '../../../core/catalogue/index.js';
import * as entries from '../../../core/catalogue/entries.js';
import { moderateFloat32 } from '../../../src/gate/arbitraries/float32.js';

const D = Decimal.clone({ precision: 200 });
const exact = (x: number) => new D(exactFromFloat32(x));

interface Hyper {
  readonly lr: string;
  readonly l1: string;
  readonly l2: string;
  readonly beta: string;
}

/**
 * Algorithm 1, one coordinate: σ = (√(n + g²) − √n)/α, z ← z + g − σ w, n ← n + g², then
 * w = 0 if |z| ≤ λ1, else −((β + √n)/α + λ2)^−1 (z − sgn(z) λ1).
 */
function algorithm1(h: Hyper, w: number, g: number, n0: number, z0: number) {
  const [alpha, l1, l2, beta] = [new D(h.lr), new D(h.l1), new D(h.l2), new D(h.beta)];
  const n = exact(n0).plus(exact(g).pow(2));
  const sigma = n.sqrt().minus(exact(n0).sqrt()).div(alpha);
  const z = exact(z0)
    .plus(exact(g))
    .minus(sigma.times(exact(w)));
  const weight = z.abs().lte(l1) ? new D(0) : z.minus(l1.times(z.s)).neg().div(beta.plus(n.sqrt()).div(alpha).plus(l2));
  return { w: roundToFloat32(weight), n: roundToFloat32(n), z: roundToFloat32(z) };
}

function step(config: Configuration, w: number, g: number, n: number, z: number) {
  const out = ftrlOracle.step(config, {
    params: Float32Array.of(w),
    grads: Float32Array.of(g),
    state: { accumulator: Float32Array.of(n), linear: Float32Array.of(z) },
    t: 1,
  });
  return { w: out.params[0], n: out.state['accumulator']![0], z: out.state['linear']![0] };
}

const hyper = fc.record({
  lr: fc.constantFrom('0.001', '0.1', '2'),
  l1: fc.constantFrom('0', '0.01', '1'),
  l2: fc.constantFrom('0', '0.5', '3'),
  beta: fc.constantFrom('0', '1'),
});
const value = moderateFloat32();

describe('FTRL-Proximal, exact', () => {
  test.prop([hyper, value, value, value.map(Math.abs), value])(
    'the paper preset is Algorithm 1 in 200-digit decimals',
    (h, w, g, n, z) => {
      expect(step(configure(entries.ftrl, 'paper', h), w, g, n, z)).toEqual(algorithm1(h, w, g, n, z));
    },
  );

  test.prop([hyper, value, value, value.map(Math.abs), value])(
    "Keras's code (2 λ2, its default λs = 0) is Algorithm 1 with 2 λ2: the docstring's λ2 is half of it",
    (h, w, g, n, z) => {
      const keras = configure(entries.ftrl, 'keras', h);
      const doubled = { ...h, l2: new D(h.l2).times(2).toString() };
      expect(step(keras, w, g, n, z)).toEqual(algorithm1(doubled, w, g, n, z));
      const docstring = { ...keras, flags: { ...keras.flags, l2Scale: 'single' as const } };
      expect(step(docstring, w, g, n, z)).toEqual(algorithm1(h, w, g, n, z));
    },
  );

  it('|z| ≤ λ1 gives exactly +0, also where z is irrational (√3 − 1 enters through σ)', () => {
    const config = configure(entries.ftrl, 'paper', { lr: '1', l1: '2', beta: '0' });
    // n = 1, g = 1: σ = √2 − 1, z = 0 + 1 − σ · 1 = 2 − √2 ≈ 0.586 ≤ 2.
    const out = step(config, 1, 1, 1, 0);
    expect(Object.is(out.w, 0)).toBe(true);
    expect(out.z).toBe(Math.fround(2 - Math.SQRT2));
  });

  it("Keras's shrinkage adds 2 λs θ to the gradient in z, not in n", () => {
    const config = configure(entries.ftrl, 'keras', { lr: '1', initialAccumulator: '0', l2Shrinkage: '0.25' });
    // θ = 2, g = 3, n = 0: n' = 9, σ = 3, z' = 0 + (3 + 2 · 0.25 · 2) − 3 · 2 = −2, θ' = (0 + 2)/(3 + 0).
    expect(step(config, 2, 3, 0, 0)).toEqual({ w: Math.fround(2 / 3), n: 9, z: -2 });
  });
});
