/**
 * Scale invariance (Kingma & Ba 2015, section 2.1, and its kin): with ε = 0, scaling every gradient by
 * c ≠ 0 (and so each state slot by its degree of homogeneity: first moments by c, second moments by c²,
 * AdaMax's norm by |c|) multiplies the step Δ = θ − θ' by sign(c).
 *
 * θ = 0 in both parts, so that θ' = −Δ exactly (no rule here reads θ), and Δ is compared directly.
 * Exact part: on the oracle with decimal inputs, both steps are enclosed at 80 digits; the claim holds
 * when the enclosures of Δ(c g) and sign(c) Δ(g) overlap and are narrower than 10^-60 |Δ|
 * (algebraically the equality is exact: docs/claims.md). Float32 part: for c a power of two, production
 * is bitwise invariant away from overflow and underflow, because scaling by 2^k commutes with rounding.
 */
import fc from 'fast-check';
import { Decimal } from 'decimal.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { elementwiseOracleOf } from '../../oracle/rules/index.js';
import { configure, entryOf } from '../../src/catalogue/index.js';
import { moderateFloat32 } from '../../src/gate/arbitraries/float32.js';
import { production } from '../../src/gate/implementation.js';
import { useBackend } from '../../src/tfjs/backend.js';
import { backends } from '../backends.js';

/** Degree of homogeneity of each state slot in the gradient. */
const DEGREE: Record<string, number> = { m: 1, meanGrad: 1, v: 2, vmax: 2, meanSquare: 2, accumulator: 2, u: 1, buffer: 0, muProduct: 0, b1pow: 0, b2pow: 0 };

/** Scale-invariant rules with ε = 0 (and no weight decay or momentum buffer, which break the invariance). */
const INVARIANT: ReadonlyArray<readonly [string, string, Record<string, string>]> = [
  ['adam', 'paper', { eps: '0' }],
  ['adam', 'keras', { eps: '0' }],
  ['adam', 'tfjs', { eps: '0' }],
  ['amsgrad', 'pytorch', { eps: '0', weightDecay: '0' }],
  ['adamax', 'paper', {}],
  ['nadam', 'paper', { eps: '0' }],
  ['nadam', 'keras', { eps: '0' }],
  ['rmsprop', 'paper', { eps: '0' }],
  ['rmsprop', 'pytorch', { eps: '0', momentum: '0', weightDecay: '0' }],
  ['adagrad', 'paper', { eps: '0' }],
];

const decimal = fc.tuple(fc.integer({ min: 1, max: 999_999 }), fc.integer({ min: -8, max: 8 }), fc.boolean()).map(([m, e, neg]) => `${neg ? '-' : ''}${m}e${e}`);
const positive = decimal.map((d) => d.replace('-', ''));

describe('scale invariance, exactly on the oracle', () => {
  it.each(INVARIANT)('%s (%s): Δ(c g) = sign(c) Δ(g) for every c ≠ 0 with ε = 0', (rule, preset, hyper) => {
    const config = configure(entryOf(rule), preset, hyper);
    const layout = config.entry.state(config.flags);
    const oracle = elementwiseOracleOf(rule);
    fc.assert(
      fc.property(decimal, positive, decimal, decimal, fc.integer({ min: 1, max: 1000 }), (g, second, first, c, t) => {
        const theta = '0';
        const state: Record<string, string[]> = {};
        for (const k of layout.element) state[k] = [DEGREE[k] === 2 || k === 'u' ? second : first];
        for (const k of layout.tensor) state[k] = ['0.5'];
        const scaled: Record<string, string[]> = {};
        for (const [k, [x]] of Object.entries(state)) {
          const d = DEGREE[k]!;
          const factor = d === 0 ? new Decimal(1) : d === 2 ? new Decimal(c).pow(2) : k === 'u' ? new Decimal(c).abs() : new Decimal(c);
          scaled[k] = [new Decimal(x!).times(factor).toString()];
        }
        const base = oracle.enclose(config, { params: [theta], grads: [g], state, t }, 80)['params']![0]!;
        const moved = oracle.enclose(config, { params: [theta], grads: [new Decimal(g).times(c).toString()], state: scaled, t }, 80)['params']![0]!;
        const delta = base.near.neg();
        const deltaScaled = moved.near.neg().times(Math.sign(Number(c)));
        const width = Decimal.max(base.hi.minus(base.lo), moved.hi.minus(moved.lo));
        expect(deltaScaled.minus(delta).abs().lte(width.times(2))).toBe(true);
        expect(width.lte(delta.abs().times('1e-60'))).toBe(true);
      }),
      { numRuns: 100 },
    );
  });
});

describe.each(backends)('scale invariance in float32 production on %s', (backend) => {
  beforeAll(async () => {
    await useBackend(backend);
  });

  it.each(INVARIANT)('%s (%s): bitwise invariant for c = 2^k with moderate values (scaling by 2^k commutes with rounding)', (rule, preset, hyper) => {
    const config = configure(entryOf(rule), preset, hyper);
    const layout = config.entry.state(config.flags);
    const impl = production(backend);
    fc.assert(
      fc.property(moderateFloat32(), moderateFloat32(), moderateFloat32(), fc.integer({ min: -20, max: 20 }), fc.boolean(), fc.integer({ min: 1, max: 100 }), (g, m, s, k, negative, t) => {
        const theta = 0;
        const c = (negative ? -1 : 1) * 2 ** k;
        const state: Record<string, Float32Array> = {};
        const scaled: Record<string, Float32Array> = {};
        for (const slot of layout.element) {
          const d = DEGREE[slot]!;
          const x = d === 2 || slot === 'u' ? Math.abs(s) : m;
          state[slot] = Float32Array.of(x);
          scaled[slot] = Float32Array.of(d === 0 ? x : d === 2 ? x * c * c : slot === 'u' ? x * Math.abs(c) : x * c);
        }
        for (const slot of layout.tensor) state[slot] = scaled[slot] = Float32Array.of(0.5);
        const a = impl.step(config, { params: Float32Array.of(theta), grads: Float32Array.of(g), state, t });
        const b = impl.step(config, { params: Float32Array.of(theta), grads: Float32Array.of(g * c), state: scaled, t });
        // θ' = 0 − Δ: the same float32 for c > 0, its negation for c < 0.
        expect(Object.is(b.params[0], c > 0 ? a.params[0] : -a.params[0]!)).toBe(true);
      }),
      { numRuns: 100 },
    );
  });
});


describe('scale invariance with ε > 0, and the rules that are not invariant', () => {
  const D = Decimal.clone({ precision: 100 });
  const enclose = (rule: string, preset: string, hyper: Record<string, string>, g: string, state: Record<string, string>, t = 3) =>
    elementwiseOracleOf(rule).enclose(configure(entryOf(rule), preset, hyper), { params: ['0'], grads: [g], state: Object.fromEntries(Object.entries(state).map(([k, v]) => [k, [v]])), t }, 100)['params']![0]!.near.neg();

  it('Adam with ε > 0: Δ(c g) − sign(c) Δ(g) = sign(c) Δ(g) · ε (1 − 1/|c|) / (√v̂ + ε/|c|) exactly, so the deviation vanishes as ε/√v̂ → 0', () => {
    fc.assert(
      fc.property(decimal, positive, decimal, decimal, fc.constantFrom('1e-8', '0.001', '1'), (m, v, g, c, eps) => {
        const C = new D(c);
        const hyper = { eps };
        const base = enclose('adam', 'paper', hyper, g, { m, v });
        const scaled = enclose('adam', 'paper', hyper, C.times(g).toString(), { m: C.times(m).toString(), v: C.pow(2).times(v).toString() });
        const b2 = new D('0.999');
        const vNew = b2.times(v).plus(new D(1).minus(b2).times(new D(g).pow(2)));
        const vHat = vNew.div(new D(1).minus(b2.pow(3)));
        const predicted = base.times(Math.sign(C.toNumber())).times(new D(eps).times(new D(1).minus(new D(1).div(C.abs())))).div(vHat.sqrt().plus(new D(eps).div(C.abs())));
        const deviation = scaled.minus(base.times(Math.sign(C.toNumber())));
        expect(deviation.minus(predicted).abs().lte(base.abs().times('1e-80').plus('1e-300'))).toBe(true);
      }),
      { numRuns: 100 },
    );
  });

  it.each([
    ['sgd', 'paper', {}, {}],
    ['momentum', 'paper', {}, { buffer: 1 }],
    ['momentum', 'pytorch', { dampening: '0', weightDecay: '0' }, { buffer: 1 }],
  ] as const)('%s (%s) is homogeneous of degree 1: Δ(c g) = c Δ(g) with the buffer scaled by c', (rule, preset, hyper, degrees) => {
    fc.assert(
      fc.property(decimal, decimal, decimal, (g, b, c) => {
        const state = Object.fromEntries(Object.keys(degrees).map((k) => [k, b]));
        const scaledState = Object.fromEntries(Object.keys(degrees).map((k) => [k, new D(b).times(c).toString()]));
        const base = enclose(rule, preset, { ...hyper }, g, state);
        const scaled = enclose(rule, preset, { ...hyper }, new D(g).times(c).toString(), scaledState);
        expect(scaled.minus(base.times(c)).abs().lte(base.abs().times(new D(c).abs()).times('1e-80').plus('1e-300'))).toBe(true);
      }),
      { numRuns: 100 },
    );
  });

  it('AdaDelta with ε = 0 is invariant (degree 0) with E[Δ²] held fixed; with ε > 0 it is not homogeneous: Δ₁ ≈ c g for small |c|, → sign(c) √ε/√(1 − ρ) for large |c|', () => {
    fc.assert(
      fc.property(decimal, positive, positive, decimal, (g, eg, ed, c) => {
        const C = new D(c);
        const base = enclose('adadelta', 'paper', { eps: '0' }, g, { gradSquared: eg, updateSquared: ed });
        const scaled = enclose('adadelta', 'paper', { eps: '0' }, C.times(g).toString(), { gradSquared: C.pow(2).times(eg).toString(), updateSquared: ed });
        expect(scaled.minus(base.times(Math.sign(C.toNumber()))).abs().lte(base.abs().times('1e-80'))).toBe(true);
      }),
      { numRuns: 100 },
    );
    const first = (c: string) => enclose('adadelta', 'paper', {}, c, { gradSquared: '0', updateSquared: '0' }, 1);
    const limit = new D('1e-6').sqrt().div(new D('0.05').sqrt());
    expect(first('1e-12').div('1e-12').minus(1).abs().lt('1e-6')).toBe(true);
    expect(first('1e12').div(limit).minus(1).abs().lt('1e-6')).toBe(true);
  });
});
