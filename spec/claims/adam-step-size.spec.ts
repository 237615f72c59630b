/**
 * Adam's step-size claims (Kingma & Ba 2015, section 2.1), tested exactly on the oracle with ε = 0:
 * the paper's bound as written (refuted), the tight bound (holds, and is attained), the first step and
 * a constant gradient (|Δ_t| = α, to 10^-50). docs/claims.md has the derivation.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { adamStep, compareExact, extremalGradients, paperBound, tightBound } from '../../oracle/claims/adam-step-size.js';
import { IntervalArithmetic } from '../../oracle/interval.js';
import { Decimal } from 'decimal.js';
import { hyperparameterValue } from '../../src/gate/arbitraries/hyperparameters.js';
import { entryOf } from '../../src/catalogue/index.js';

const beta = hyperparameterValue(entryOf('adam').hyperparameters['beta1']!);
const decimal = (lo: number, hi: number, digits: number) => fc.integer({ min: Math.round(lo * 10 ** digits), max: Math.round(hi * 10 ** digits) }).map((n) => (n / 10 ** digits).toFixed(digits));

/** Gradient sequences: arbitrary decimals, or geometric c · r^(t−i) (30 digits), which is where the extremes are. */
const gradients = (maxLength: number, ratio = decimal(0.5, 1.5, 3)) =>
  fc.oneof(
    fc.array(decimal(-100, 100, 4), { minLength: 1, maxLength }),
    fc
      .tuple(fc.integer({ min: 1, max: maxLength }), ratio, fc.constantFrom('1', '-1', '2.5'))
      .map(([t, r, c]) => Array.from({ length: t }, (_, i) => new Decimal(r).pow(t - 1 - i).times(c).toSignificantDigits(30).toString())),
  );

const nonzero = (gs: string[]) => gs.some((g) => Number(g) !== 0);
const magnitude = (a: IntervalArithmetic, x: ReturnType<typeof adamStep>) => a.abs(x);

function holds(b1: string, b2: string, gs: string[], bound: (a: IntervalArithmetic) => ReturnType<typeof adamStep>): boolean | 'equal' {
  return compareExact((a) => ({ x: magnitude(a, adamStep(a, b1, b2, '1', gs)), y: bound(a) }));
}

describe("Adam's step size with ε = 0 (section 2.1)", () => {
  it('REFUTED: |Δ_t| ≤ α (1 − β1)/√(1 − β2) if 1 − β1 > √(1 − β2), else ≤ α — fast-check finds counterexamples over the domain', () => {
    const claim = fc.property(beta, beta, gradients(12), (b1, b2, gs) => {
      fc.pre(nonzero(gs));
      return holds(b1, b2, gs, (a) => paperBound(a, b1, b2, '1')) !== false;
    });
    const r = fc.check(claim, { numRuns: 2000 });
    expect(r.failed).toBe(true);
    const [b1, b2, gs] = r.counterexample!;
    // Confirmed in the oracle at 1280 digits: the step exceeds the stated bound.
    expect(holds(b1, b2, gs, (a) => paperBound(a, b1, b2, '1'))).toBe(false);
  });

  it('REFUTED at the defaults β1 = 0.9, β2 = 0.999: the stated 3.16α is exceeded after about 200 steps of growing gradients', () => {
    const claim = fc.property(gradients(400, decimal(0.85, 0.95, 3)), (gs) => {
      fc.pre(nonzero(gs));
      return holds('0.9', '0.999', gs, (a) => paperBound(a, '0.9', '0.999', '1')) !== false;
    });
    expect(fc.check(claim, { numRuns: 300 }).failed).toBe(true);
  });

  it('named counterexample, as fast-check shrank it (seed 20171213): β1 = 0.01, β2 = 0, g = (−0.0001, 0) makes v̂_2 = 0 while m̂_2 ≠ 0, so |Δ_2| = ∞', () => {
    const a = IntervalArithmetic.at(60);
    expect(adamStep(a, '0.01', '0', '1', ['-0.0001', '0']).near.toString()).toBe('-Infinity');
    expect(holds('0.01', '0', ['-0.0001', '0'], (x) => paperBound(x, '0.01', '0', '1'))).toBe(false);
  });

  it('named counterexample: defaults, t = 1000, g_i = (β1/β2)^(1000−i) gives |Δ| = 5.7811602003… α > 3.1622776602 α', () => {
    const gs = extremalGradients('0.9', '0.999', 1000, 40);
    expect(holds('0.9', '0.999', gs.map(String), (a) => paperBound(a, '0.9', '0.999', '1'))).toBe(false);
  });

  it('named counterexample: β1 = 0.99, β2 = 0.999 (so the stated bound is α), t = 2, g = (β1/β2, 1) gives |Δ_2| = 1.0000050… α', () => {
    const gs = extremalGradients('0.99', '0.999', 2, 40).map(String);
    expect(holds('0.99', '0.999', gs, (a) => a.point(1))).toBe(false);
  });

  it('HOLDS: the tight bound α (1 − β1)/(1 − β1^t) √((1 − β2^t)/(1 − β2)) √(Σ_{k<t} (β1²/β2)^k) over the domain', () => {
    fc.assert(
      fc.property(beta, beta, gradients(12), (b1, b2, gs) => {
        fc.pre(nonzero(gs));
        expect(holds(b1, b2, gs, (a) => tightBound(a, b1, b2, '1', gs.length))).not.toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('ATTAINED: g_i = (β1/β2)^(t−i) reaches the tight bound to 12 significant digits', () => {
    fc.assert(
      fc.property(beta.filter((b) => Number(b) > 0 && Number(b) < 0.9999), beta.filter((b) => Number(b) > 0.5 && Number(b) < 0.9999), fc.integer({ min: 1, max: 60 }), (b1, b2, t) => {
        const gs = extremalGradients(b1, b2, t, 60);
        const x = adamStep(IntervalArithmetic60(), b1, b2, '1', gs).near.abs();
        const y = tightBound(IntervalArithmetic60(), b1, b2, '1', t).near;
        expect(x.minus(y).abs().div(y).toNumber()).toBeLessThan(1e-12);
      }),
      { numRuns: 200 },
    );
  });

  it('HOLDS: the first step, and every step of a constant gradient, has |Δ_t| = α (m̂ = g, v̂ = g²; the 200-digit enclosure holds α and is narrower than 10^-50 α)', () => {
    fc.assert(
      fc.property(beta, beta, decimal(-1000, 1000, 6).filter((g) => Number(g) !== 0), fc.integer({ min: 1, max: 40 }), fc.constantFrom('0.001', '1', '0.37'), (b1, b2, g, t, alpha) => {
        const a = IntervalArithmetic.at(200);
        const step = a.abs(adamStep(a, b1, b2, alpha, Array(t).fill(g)));
        expect(step.lo.lte(alpha) && step.hi.gte(alpha)).toBe(true);
        expect(step.hi.minus(step.lo).div(alpha).lt('1e-50')).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});

function IntervalArithmetic60(): IntervalArithmetic {
  return IntervalArithmetic.at(60);
}
