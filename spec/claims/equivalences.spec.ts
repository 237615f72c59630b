/**
 * Equivalences between conventions, tested exactly on the oracle with decimal inputs and no rounding
 * between steps (each step's enclosure at 80 digits feeds the next as its nearest value).
 */
import fc from 'fast-check';
import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { elementwiseOracleOf } from '../../oracle/rules/index.js';
import { encloseNag } from '../../oracle/rules/nag.js';
import { exactGradient } from '../../oracle/objectives.js';
import { IntervalArithmetic } from '../../oracle/interval.js';
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

describe("NAG's look-ahead form and the reformulated form (Sutskever et al. 2013)", () => {
  it('HOLDS: with φ = θ − γ v, NAG (v ← γ v + α ∇J(θ − γ v), θ ← θ − v) and the reformulated Nesterov step on φ with g = ∇J(φ) give φ_t = θ_t − γ v_t and the same v_t', () => {
    const a = IntervalArithmetic.at(80);
    fc.assert(
      fc.property(fc.array(decimal, { minLength: 2, maxLength: 2 }), rate, rate, fc.integer({ min: 1, max: 15 }), fc.constantFrom('quadratic', 'rosenbrock'), (theta0, lr, mu, steps, kind) => {
        const objective = kind === 'quadratic' ? { kind: 'quadratic' as const, curvature: Float32Array.of(0.5, 2) } : { kind: 'rosenbrock' as const, a: '1', b: '100' };
        const nagConfig = configure(entryOf('nag'), 'paper', { lr, momentum: mu });
        const nesterovConfig = configure(entryOf('nesterov'), 'paper', { lr, momentum: mu });
        let theta: (Decimal | string)[] = theta0;
        let v: (Decimal | string)[] = ['0', '0'];
        let phi: (Decimal | string)[] = theta0;
        let w: (Decimal | string)[] = ['0', '0'];
        for (let t = 1; t <= steps; t++) {
          const n = encloseNag(nagConfig, objective, theta, v, 80);
          theta = n.params.map((x) => x.near);
          v = n.velocity.map((x) => x.near);
          const points = phi.map((x) => a.point(x));
          const g = (kind === 'quadratic' ? points.flatMap((p, i) => exactGradient(a, objective, i, [p])) : exactGradient(a, objective, 0, points)).map((x) => x.near);
          const r = elementwiseOracleOf('nesterov').enclose(nesterovConfig, { params: phi, grads: g, state: { buffer: w }, t }, 80);
          phi = r['params']!.map((x) => x.near);
          w = r['buffer']!.map((x) => x.near);
          // Diverging trajectories (Rosenbrock with a large α) leave any fixed tolerance; stop comparing there.
          if (theta.some((x) => new Decimal(x).abs().gt('1e20'))) return;
          const D = Decimal.clone({ precision: 100 });
          const lookahead = theta.map((x, i) => new D(x).minus(new D(mu).times(v[i]!)));
          expect(agree(lookahead, phi.map((x) => new Decimal(x)))).toBe(true);
          expect(agree(v.map((x) => new Decimal(x)), w.map((x) => new Decimal(x)))).toBe(true);
        }
      }),
      { numRuns: 100 },
    );
  });
});
