/**
 * The derived bound of one elementwise production step (src/gate/bound/step-bound.ts) and of a rule's
 * initial state, on cases small enough to derive by hand from the model of bounded.ts: SGD's θ − α · g
 * (an exact input, a float64 coefficient rounded to float32, one product and one difference), the
 * reasons of the values outside the domain, and which initial slots boundInit gives and with what bound.
 */
import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { configure } from '../../../core/catalogue/index.js';
import { boundInit, boundStep } from '../../../src/gate/bound/step-bound.js';
import { entryOf, productionRuleOf } from '../../../src/registry/index.js';
import { expectRelative } from './relative.js';

const u = 2 ** -24;
const eta = 2 ** -150;
/** The float64 coefficients' unit roundoff and smallest subnormal (scalar-bound.ts). */
const delta = 2 ** -53;
const tiny = 2 ** -1074;

/** comparisonBound (bounded.ts): (e + u|v| + η)(1 + 2^−20) + 2^−45 s. */
const comparison = (v: number, e: number, s: number) => (e + u * Math.abs(v) + eta) * (1 + 2 ** -20) + 2 ** -45 * s;

/**
 * A hyperparameter α read from decimal text (error δ|α| + 2^−1074), rounded to float32: size
 * |α| + (err + η)/u, error err + u (s + err) + η (scalar-bound.ts's scalarToBounded).
 */
function hyperCoefficient(alpha: number): { e: number; s: number } {
  const err = delta * alpha + tiny;
  const s = alpha + (err + eta) / u;
  return { e: err + u * (s + err) + eta, s };
}

/**
 * SGD's θ' = θ − α · g on exact θ, g: the product's error |g| e_α plus its rounding u(|αg| + ·) + η (size
 * |g| s_α + η/u), then the difference's rounding u(|θ'| + ·) (size θ + that); no η for a difference.
 */
function sgdBound(alpha: number, theta: number, g: number): { bound: number; scale: number } {
  const a = hyperCoefficient(alpha);
  const product = Math.abs(g) * a.e;
  const eProduct = product + u * (Math.abs(alpha * g) + product) + eta;
  const sProduct = Math.abs(g) * a.s + eta / u;
  const v = theta - alpha * g;
  const e = eProduct + u * (Math.abs(v) + eProduct);
  return { bound: comparison(v, e, Math.abs(theta) + sProduct), scale: Math.abs(theta) + sProduct };
}

describe('boundStep on an elementwise rule (SGD, θ − α · g)', () => {
  const sgd = (lr: string) => configure(entryOf('sgd'), 'paper', { lr });
  const step = (lr: string, theta: number, g: number) =>
    boundStep(productionRuleOf('sgd'), sgd(lr), {
      params: Float32Array.of(theta),
      grads: Float32Array.of(g),
      state: {},
      t: 1,
    });

  it('α = 0.5, θ = 1, g = 3: the bound and scale of one product and one difference, θ the only output', () => {
    // α: err 2^−54, s 0.5 + 2^−30, e ≈ 2^−25 + 2^−53; α·g: 3 e_α + u(1.5 + ·) + η; θ − α·g: + u(0.5 + ·).
    const r = step('0.5', 1, 3);
    expect(Object.keys(r)).toEqual(['params']);
    expect(r['params']).toHaveLength(1);
    const expected = sgdBound(0.5, 1, 3);
    expectRelative(r['params']![0]!.bound, expected.bound);
    expectRelative(r['params']![0]!.scale, expected.scale);
    expect(r['params']![0]!.out).toBeUndefined();
    // Leading terms: e ≈ 3·2^−25 + u·1.5 + u·0.5 = 3.5 u, bound ≈ 3.5 u + u·0.5 = 4u.
    expect(r['params']![0]!.bound).toBeGreaterThan(4 * u);
    expect(r['params']![0]!.bound).toBeLessThan(4.001 * u);
  });

  it('α = 0.1, θ = 1, g = 1: the derived bound, which covers float32 against the correctly rounded 0.9', () => {
    const r = step('0.1', 1, 1);
    const expected = sgdBound(0.1, 1, 1);
    const bound = r['params']![0]!.bound;
    expectRelative(bound, expected.bound);
    // Production: α rounded once to float32, then fl(θ − fl(α̂ g)); the oracle: 0.9 rounded to float32.
    const production = Math.fround(1 - Math.fround(Math.fround(0.1) * 1));
    const oracle = Math.fround(0.9);
    expect(new Decimal(production).minus(oracle).abs().toNumber()).toBeLessThanOrEqual(bound);
    expect(new Decimal(production).minus('0.9').abs().toNumber()).toBeLessThanOrEqual(bound);
  });

  it('θ = g = 0: the elementwise analysis rounds α · 0 as any product (η for a possible underflow)', () => {
    // α·0: e = 0, + u·0 + η = η, s = 0 · s_α + η/u = 2^−126; 0 − α·0: e = η + u(0 + η), s = 2^−126. (The
    // whole-tensor analyses take a product with the float32 zero as the exact 0 instead.)
    const b = step('0.5', 0, 0)['params']![0]!;
    expect(b).toEqual({ bound: (eta + u * eta + eta) * (1 + 2 ** -20) + 2 ** -45 * 2 ** -126, scale: 2 ** -126 });
  });

  it("an infinite or NaN gradient: θ' outside the domain as 'nonfinite', with an infinite bound", () => {
    for (const g of [Infinity, -Infinity, NaN]) {
      const r = step('0.5', 1, g)['params']![0]!;
      expect(r.out).toBe('nonfinite');
      expect(r.bound).toBe(Infinity);
    }
  });

  it("θ' = 1.5 · 2^127 + 2^126 = 2^128 reaches float32's overflow threshold: 'overflow'", () => {
    // α·g = 0.5 · (−2^127) = −2^126, exact; θ − α·g = 2^128 ≥ (2 − 2^−24) 2^127.
    const r = step('0.5', 1.5 * 2 ** 127, -(2 ** 127))['params']![0]!;
    expect(r.out).toBe('overflow');
    expect(r.bound).toBe(Infinity);
    // One step below, θ' = 2^127 + 2^126 is inside the domain.
    expect(step('0.5', 2 ** 127, -(2 ** 127))['params']![0]!.out).toBeUndefined();
  });
});

describe('boundStep: rules on whole tensors and matrices take their own analysis', () => {
  const zero = { bound: eta * (1 + 2 ** -20), scale: 0 };

  it('LARS (on whole tensors) at θ = g = b = 0: the exact zeros of the region analysis, θ and the buffer', () => {
    // ‖θ‖ = ‖g‖ = 0 exactly, ρ = 1, u·ρ and μ·b products with the float32 zero: every output the exact 0.
    const config = configure(entryOf('lars'), 'optax');
    const r = boundStep(productionRuleOf('lars'), config, {
      params: Float32Array.of(0, 0),
      grads: Float32Array.of(0, 0),
      state: { trace: Float32Array.of(0, 0) },
      t: 1,
    });
    expect(r).toEqual({ params: [zero, zero], trace: [zero, zero] });
  });

  it('Adafactor (on matrices) on a vector: r and c, one value each, handed back untouched', () => {
    // Unfactored: v' = β v + w (g² + ε₁), and the row and column statistics are not used.
    const config = configure(entryOf('adafactor'), 'paper');
    const r = boundStep(productionRuleOf('adafactor'), config, {
      params: Float32Array.of(1, 2),
      grads: Float32Array.of(1, 1),
      state: { r: Float32Array.of(0), c: Float32Array.of(0), v: Float32Array.of(0, 0) },
      t: 2,
    });
    expect(r['r']).toEqual([zero]);
    expect(r['c']).toEqual([zero]);
    expect(r['params']).toHaveLength(2);
  });
});

describe('boundInit: the initial state, slot by slot', () => {
  it("Adagrad's accumulator from G₀ = 0.5: the bound of a hyperparameter rounded to float32, on every element", () => {
    // G₀ read from text (err δ·0.5 + 2^−1074) then rounded to float32: e ≈ 2^−25 + 2^−53, s ≈ 0.5 + 2^−30.
    const config = configure(entryOf('adagrad'), 'keras', { initialAccumulator: '0.5' });
    const r = boundInit(productionRuleOf('adagrad'), config, 3);
    expect(Object.keys(r)).toEqual(['accumulator']);
    const g0 = hyperCoefficient(0.5);
    expect(r['accumulator']).toHaveLength(3);
    for (const b of r['accumulator']!) {
      expectRelative(b.bound, comparison(0.5, g0.e, g0.s));
      expectRelative(b.scale, g0.s);
      expect(b.out).toBeUndefined();
    }
  });

  it("Adam's m and v, with no initial hyperparameter: the exact float32 zero, bound η(1 + 2^−20) and scale 0", () => {
    const config = configure(entryOf('adam'), 'pytorch');
    const r = boundInit(productionRuleOf('adam'), config, 2);
    expect(Object.keys(r).sort()).toEqual(['m', 'v']);
    for (const k of ['m', 'v']) {
      expect(r[k]).toEqual([
        { bound: eta * (1 + 2 ** -20), scale: 0 },
        { bound: eta * (1 + 2 ** -20), scale: 0 },
      ]);
    }
  });

  it('Adafactor on a 2 × 3 matrix: r has a zero per row, c one per column, v one per element', () => {
    const config = configure(entryOf('adafactor'), 'paper');
    const r = boundInit(productionRuleOf('adafactor'), config, 6, [2, 3]);
    expect(Object.keys(r).sort()).toEqual(['c', 'r', 'v']);
    const zero = { bound: eta * (1 + 2 ** -20), scale: 0 };
    expect(r['r']).toEqual([zero, zero]);
    expect(r['c']).toEqual([zero, zero, zero]);
    expect(r['v']).toEqual(Array.from({ length: 6 }, () => zero));
  });

  it("Adam under tfjs's running products: b1pow = β₁ = 0.5 and b2pow = β₂ = 0.25 read from text, one value each", () => {
    const config = configure(entryOf('adam'), 'tfjs', { beta1: '0.5', beta2: '0.25' });
    const r = boundInit(productionRuleOf('adam'), config, 2);
    expect(Object.keys(r).sort()).toEqual(['b1pow', 'b2pow', 'm', 'v']);
    for (const [k, beta] of [
      ['b1pow', 0.5],
      ['b2pow', 0.25],
    ] as const) {
      const c = hyperCoefficient(beta);
      expect(r[k]).toHaveLength(1);
      expectRelative(r[k]![0]!.bound, comparison(beta, c.e, c.s));
    }
  });

  it('Adafactor on a vector of 4 (no shape): one r and one c, a v per element', () => {
    const config = configure(entryOf('adafactor'), 'paper');
    const r = boundInit(productionRuleOf('adafactor'), config, 4);
    expect(r['r']).toHaveLength(1);
    expect(r['c']).toHaveLength(1);
    expect(r['v']).toHaveLength(4);
  });
});
