/**
 * Equivalences between conventions, tested exactly on the oracle with decimal inputs and no rounding
 * between steps (each step's enclosure at 80 digits feeds the next as its nearest value).
 */
import fc from 'fast-check';
import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { elementwiseOracleOf } from '../../oracle/rules/index.js';
import { configure, entryOf } from '../../src/catalogue/index.js';

const decimal = fc.tuple(fc.integer({ min: 1, max: 999_999 }), fc.integer({ min: -6, max: 3 }), fc.boolean()).map(([m, e, neg]) => `${neg ? '-' : ''}${m}e${e}`);
const rate = fc.integer({ min: 1, max: 999 }).map((n) => (n / 1000).toString());

/** Runs `rule` under `preset` for the gradients, from `params` and `state`, returning θ after each step. */
function trajectory(rule: string, preset: string, hyper: Record<string, string>, theta: string, state: Record<string, string>, gradients: string[]): Decimal[] {
  const config = configure(entryOf(rule), preset, hyper);
  const oracle = elementwiseOracleOf(rule);
  let params: Decimal | string = theta;
  let slots: Record<string, Decimal | string> = state;
  return gradients.map((g, k) => {
    const out = oracle.enclose(config, { params: [params], grads: [g], state: Object.fromEntries(Object.entries(slots).map(([s, v]) => [s, [v]])), t: k + 1 }, 80);
    params = out['params']![0]!.near;
    slots = Object.fromEntries(Object.keys(slots).map((s) => [s, out[s]![0]!.near]));
    return params;
  });
}

const agree = (x: Decimal[], y: Decimal[]) => x.every((v, i) => v.minus(y[i]!).abs().lte(v.abs().plus(1).times('1e-60')));

describe('equivalences between conventions', () => {
  it('HOLDS: momentum in the paper form (v ← μ v + α g, θ ← θ − v) and the PyTorch form (b ← μ b + g, θ ← θ − α b) give the same θ trajectory for a constant α', () => {
    fc.assert(
      fc.property(decimal, rate, rate, fc.array(decimal, { minLength: 1, maxLength: 30 }), (theta, lr, mu, gs) => {
        // PyTorch's first step copies g into the buffer; the paper's buffer starts at 0: μ·0 + α g = α b_1.
        const paper = trajectory('momentum', 'paper', { lr, momentum: mu }, theta, { buffer: '0' }, gs);
        const pytorch = trajectory('momentum', 'pytorch', { lr, momentum: mu, dampening: '0', weightDecay: '0' }, theta, { buffer: '0' }, gs);
        expect(agree(paper, pytorch)).toBe(true);
      }),
      { numRuns: 100 },
    );
  });

  it('HOLDS: the Keras form (m ← μ m − α g, θ ← θ + m) is the paper form with m = −v', () => {
    fc.assert(
      fc.property(decimal, rate, rate, fc.array(decimal, { minLength: 1, maxLength: 30 }), (theta, lr, mu, gs) => {
        expect(agree(trajectory('momentum', 'keras', { lr, momentum: mu }, theta, { buffer: '0' }, gs), trajectory('momentum', 'paper', { lr, momentum: mu }, theta, { buffer: '0' }, gs))).toBe(true);
      }),
      { numRuns: 100 },
    );
  });

  it('HOLDS: AMSGrad equals Adam while v never decreases (non-decreasing |g| with β2 < 1 from zero state)', () => {
    fc.assert(
      fc.property(decimal, rate, rate, fc.array(decimal, { minLength: 1, maxLength: 20 }), (theta, b1, b2, raw) => {
        // |g_t| non-decreasing makes v_t = β2 v_{t−1} + (1 − β2) g_t² ≥ v_{t−1}, so max(v_max, v) = v.
        const gs = [...raw].sort((x, y) => Math.abs(Number(x)) - Math.abs(Number(y)));
        const hyper = { beta1: b1, beta2: b2, eps: '1e-8', weightDecay: '0' };
        const adam = trajectory('adam', 'pytorch', hyper, theta, { m: '0', v: '0' }, gs);
        const amsgrad = trajectory('amsgrad', 'pytorch', hyper, theta, { m: '0', v: '0', vmax: '0' }, gs);
        expect(agree(adam, amsgrad)).toBe(true);
      }),
      { numRuns: 100 },
    );
  });

  it('REFUTED as a general identity: AMSGrad differs from Adam once v decreases (a large gradient, then a small one)', () => {
    const hyper = { beta1: '0.9', beta2: '0.999', eps: '1e-8', weightDecay: '0' };
    const gs = ['10', '0.001'];
    const adam = trajectory('adam', 'pytorch', hyper, '1', { m: '0', v: '0' }, gs);
    const amsgrad = trajectory('amsgrad', 'pytorch', hyper, '1', { m: '0', v: '0', vmax: '0' }, gs);
    expect(agree(adam, amsgrad)).toBe(false);
  });
});

describe('bias correction (section 2 of the Adam paper)', () => {
  it('HOLDS: the efficient form equals Algorithm 1 when ε̂ = ε √(1 − β2^t), and differs from it otherwise', () => {
    fc.assert(
      fc.property(decimal, decimal, decimal.map((d) => d.replace('-', '')), rate, rate, fc.integer({ min: 1, max: 200 }), fc.constantFrom('1e-8', '0.001', '0.5'), (theta, g, v, b1, b2, t, eps) => {
        const D = Decimal.clone({ precision: 120 });
        const epsHat = new D(eps).times(new D(1).minus(new D(b2).pow(t)).sqrt()).toString();
        const state = { m: [g], v: [v] };
        const step = (preset: string, e: string) =>
          elementwiseOracleOf('adam').enclose(configure(entryOf('adam'), preset, { beta1: b1, beta2: b2, eps: e }), { params: [theta], grads: [g], state, t }, 100)['params']![0]!.near;
        const algorithm1 = step('paper', eps);
        const efficient = step('keras', epsHat);
        expect(algorithm1.minus(efficient).abs().lte(algorithm1.abs().plus(1).times('1e-85'))).toBe(true);
        // With ε̂ = ε instead (what Keras users get when they pass the paper's ε), the steps differ unless b2 = 1.
        if (t < 50 && Number(b2) > 0.01) expect(step('keras', eps).eq(algorithm1)).toBe(false);
      }),
      { numRuns: 100 },
    );
  });
});
