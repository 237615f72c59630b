/**
 * Adam's step-size claims (Kingma & Ba 2015, section 2.1), with ε = 0 and Δ_t = α m̂_t / √v̂_t per
 * coordinate, from zero state. Each is checked on the oracle (exact, decided by escalating precision)
 * and on float32 production, whose step is within a running error bound e of the exact recursion on
 * the same float32 inputs (src/gate/bound/trajectory-bound.ts). docs/claims.md has the proofs.
 *
 * @module
 */
import fc from 'fast-check';
import { Decimal } from 'decimal.js';
import { exactText, roundToFloat32, UNIT_ROUNDOFF } from '../../oracle/binary32.js';
import { adamStep, compareExact, extremalGradients, paperBound, tightBound } from '../../oracle/claims/adam-step-size.js';
import { IntervalArithmetic } from '../../oracle/interval.js';
import { configure, entryOf, type Configuration } from '../catalogue/index.js';
import { boundTrajectory, errorOf } from '../gate/bound/trajectory-bound.js';
import { production } from '../gate/implementation.js';
import { productionRuleOf } from '../rules/index.js';
import { checkProperty, f32, int } from './property.js';
import type { Claim, ClaimOptions, NamedValue } from './types.js';

const SOURCE = 'Kingma & Ba 2015, section 2.1';
const F = Math.fround;

/** β on [0, 1): uniform on a 2^−24 grid, fast-check's float32 generator (which favours tiny values), and the usual settings. */
export const betaFloat32 = (): fc.Arbitrary<number> =>
  fc.oneof(
    fc.integer({ min: 0, max: 2 ** 24 - 1 }).map((n) => n / 2 ** 24),
    fc.float({ min: 0, max: F(1 - 2 ** -24), noNaN: true }).map(Math.abs),
    fc.constantFrom(0, F(0.5), F(0.9), F(0.99), F(0.999), F(0.9999)),
  );

/** A gradient sequence as float32: arbitrary values, or c · r^(t−i) rounded (where the extremes are). */
export const gradientSequence = (maxLength: number, ratio: fc.Arbitrary<number> = fc.double({ min: 0.5, max: 1.5, noNaN: true })): fc.Arbitrary<number[]> =>
  fc.oneof(
    fc.array(fc.float({ min: -100, max: 100, noNaN: true }), { minLength: 1, maxLength }),
    fc
      .tuple(fc.integer({ min: 1, max: maxLength }), ratio, fc.constantFrom(1, -1, 2.5))
      .map(([t, r, c]) => Array.from({ length: t }, (_, i) => F(c * r ** (t - 1 - i)))),
  );

const nonzero = (gs: readonly number[]): boolean => gs.some((g) => g !== 0);
const texts = (gs: readonly number[]): string[] => gs.map(exactText);

/** The counterexample's values: β1, β2 and g_1..g_t. */
const describeCase = ([b1, b2, gs]: [number, number, number[]]): NamedValue[] => [f32('β1', b1), f32('β2', b2), ...gs.map((g, i) => f32(`g_${i + 1}`, g))];

/** |Δ_t| ≤ bound, decided exactly: true, false, or 'equal' (equal to 10^−1270). */
function exactHolds(b1: number, b2: number, gs: number[], bound: (a: IntervalArithmetic) => ReturnType<typeof adamStep>): boolean | 'equal' {
  return compareExact((a) => ({ x: a.abs(adamStep(a, exactText(b1), exactText(b2), '1', texts(gs))), y: bound(a) }));
}

/** The exact |Δ_t| to 20 digits, for reports. */
const exactStep = (b1: number, b2: number, gs: number[], alpha = '1'): Decimal => adamStep(IntervalArithmetic.at(60), exactText(b1), exactText(b2), alpha, texts(gs)).near.abs();
const digits = (d: Decimal): string => d.toSignificantDigits(12).toString();

/** `|Δ_t| = x α > stated y α (by z α)`, exact to 20 digits. */
function excess(b1: number, b2: number, gs: number[]): string {
  const step = exactStep(b1, b2, gs);
  const stated = paperBound(IntervalArithmetic.at(60), exactText(b1), exactText(b2), '1').near;
  return `|Δ_${gs.length}| = ${step.toSignificantDigits(20).toString()} α > stated ${stated.toSignificantDigits(20).toString()} α, by ${step.minus(stated).toSignificantDigits(3).toString()} α`;
}

/** Adam's paper preset with ε = 0 and the given float32 β1, β2, α. */
export function adamConfig(b1: number, b2: number, alpha = 1): Configuration {
  return configure(entryOf('adam'), 'paper', { lr: exactText(alpha), beta1: exactText(b1), beta2: exactText(b2), eps: '0' });
}

/** A float32 step of production from zero state, and its running error bound against the exact recursion. */
export interface Float32Step {
  /** Production's Δ_t = θ_{t−1} − θ_t with θ_{t−1} = 0 (so the subtraction is exact). */
  readonly delta: number;
  /** Bound on |Δ_t − exact Δ_t| for the same float32 inputs; Infinity outside the analysed domain. */
  readonly error: number;
  /** Why the bound is infinite, if it is. */
  readonly out?: string;
}

/** Production's last step Δ_t for the gradients, and its derived error bound. */
export function float32Step(backend: string, config: Configuration, gs: readonly number[]): Float32Step {
  const impl = production(backend);
  let state = impl.init(config, Float32Array.of(0));
  let theta = 0;
  gs.forEach((g, i) => {
    const out = impl.step(config, { params: Float32Array.of(0), grads: Float32Array.of(g), state, t: i + 1 });
    state = out.state;
    theta = out.params[0]!;
  });
  const bounded = boundTrajectory(productionRuleOf('adam'), config, { param: 0, grads: gs, state: { m: 0, v: 0 }, reset: true }).at(-1)!.param;
  return { delta: -theta, error: errorOf(bounded), ...(bounded.out === undefined ? {} : { out: bounded.out }) };
}

/** The largest of a measured quantity and how many were measured, for reports. */
class Extremes {
  max = -Infinity;
  count = 0;
  add(x: number): void {
    this.count++;
    this.max = Math.max(this.max, x);
  }
}

const paperStatement = '|Δ_t| ≤ α (1 − β1)/√(1 − β2) when 1 − β1 > √(1 − β2), else |Δ_t| ≤ α';
const TIGHT = 'B = α (1 − β1)/(1 − β1^t) · √((1 − β2^t)/(1 − β2)) · √(Σ_{k<t} (β1²/β2)^k)';

export const adamStepSizeClaims: readonly Claim[] = [
  {
    id: 'adam-step/paper-bound',
    statement: `${paperStatement}, over β1, β2 ∈ [0, 1), t ≤ 12 and any gradients`,
    source: SOURCE,
    on: 'oracle',
    expected: 'refuted',
    check: (o) =>
      checkProperty(
        {
          property: fc.property(betaFloat32(), betaFloat32(), gradientSequence(12), (b1, b2, gs) => !nonzero(gs) || exactHolds(b1, b2, gs, (a) => paperBound(a, exactText(b1), exactText(b2), '1')) !== false),
          runs: 2000,
          describe: describeCase,
          reason: ([b1, b2, gs]) => `${excess(b1, b2, gs)} (exact, decided at up to 1280 digits)`,
        },
        o,
      ),
  },
  {
    id: 'adam-step/paper-bound-defaults',
    statement: `${paperStatement}, at β1 = 0.9, β2 = 0.999 (float32), t ≤ 400`,
    source: SOURCE,
    on: 'oracle',
    expected: 'refuted',
    check: (o) => {
      const [b1, b2] = [F(0.9), F(0.999)];
      return checkProperty(
        {
          property: fc.property(gradientSequence(400, fc.double({ min: 0.85, max: 0.95, noNaN: true })), (gs) => !nonzero(gs) || exactHolds(b1, b2, gs, (a) => paperBound(a, exactText(b1), exactText(b2), '1')) !== false),
          runs: 300,
          describe: ([gs]) => describeCase([b1, b2, gs]),
          reason: ([gs]) => `${excess(b1, b2, gs)} (exact)`,
        },
        o,
      );
    },
  },
  {
    id: 'adam-step/paper-bound/float32',
    statement: `${paperStatement}, in float32 production: a violation counts when |Δ_t| − e exceeds the bound`,
    source: SOURCE,
    on: 'float32',
    expected: 'refuted',
    check: (o) => {
      const violates = (b1: number, b2: number, gs: number[]): boolean => {
        const { delta, error, out } = float32Step(o.backend, adamConfig(b1, b2), gs);
        const stated = paperBound(IntervalArithmetic.at(40), exactText(b1), exactText(b2), '1').hi;
        // Division by an exact zero (v̂ = 0 < |m̂|): the exact step is infinite too.
        if (out === 'zero-divisor') return Math.abs(delta) === Infinity;
        return Number.isFinite(error) && new Decimal(Math.abs(delta)).minus(error).gt(stated);
      };
      return checkProperty(
        {
          property: fc.property(betaFloat32(), betaFloat32(), gradientSequence(12), (b1, b2, gs) => !nonzero(gs) || !violates(b1, b2, gs)),
          runs: 2000,
          describe: describeCase,
          reason: ([b1, b2, gs]) => {
            const s = float32Step(o.backend, adamConfig(b1, b2), gs);
            return `production |Δ_${gs.length}| = ${Math.abs(s.delta)} with error bound e = ${s.error}: |Δ| − e > stated ${digits(paperBound(IntervalArithmetic.at(40), exactText(b1), exactText(b2), '1').near)} α`;
          },
        },
        o,
      );
    },
  },
  {
    id: 'adam-step/tight-bound',
    statement: `|Δ_t| ≤ ${TIGHT} (docs/claims.md), over β1, β2 ∈ [0, 1), t ≤ 12 and any gradients`,
    source: `${SOURCE}; derived here`,
    on: 'oracle',
    expected: 'holds with bound',
    check: (o: ClaimOptions) => {
      const ratio = new Extremes();
      return checkProperty(
        {
          property: fc.property(betaFloat32(), betaFloat32(), gradientSequence(12), (b1, b2, gs) => {
            if (!nonzero(gs)) return true;
            const bound = (a: IntervalArithmetic) => tightBound(a, exactText(b1), exactText(b2), '1', gs.length);
            const B = bound(IntervalArithmetic.at(40)).near;
            if (B.isFinite()) ratio.add(exactStep(b1, b2, gs).div(B).toNumber());
            return exactHolds(b1, b2, gs, bound) !== false;
          }),
          runs: 300,
          describe: describeCase,
          bound: TIGHT,
          measured: () => `largest |Δ_t|/B over ${ratio.count} cases: ${ratio.max.toPrecision(15)}`,
        },
        o,
      );
    },
  },
  {
    id: 'adam-step/tight-bound-attained',
    statement: 'g_i = (β1/β2)^(t−i) attains B to 12 significant digits (β1 ∈ (0, 1), β2 ∈ [0.5, 1), t ≤ 60)',
    source: 'derived here (equality in Cauchy–Schwarz)',
    on: 'oracle',
    expected: 'holds',
    check: (o: ClaimOptions) => {
      const gap = new Extremes();
      return checkProperty(
        {
          property: fc.property(betaFloat32().filter((b) => b > 0), betaFloat32().filter((b) => b >= 0.5), fc.integer({ min: 1, max: 60 }), (b1, b2, t) => {
            const a = IntervalArithmetic.at(60);
            const gs = extremalGradients(exactText(b1), exactText(b2), t, 60);
            const x = adamStep(a, exactText(b1), exactText(b2), '1', gs).near.abs();
            const B = tightBound(a, exactText(b1), exactText(b2), '1', t).near;
            const relative = x.minus(B).abs().div(B).toNumber();
            gap.add(relative);
            return relative < 1e-12;
          }),
          runs: 200,
          describe: ([b1, b2, t]) => [f32('β1', b1), f32('β2', b2), int('t', t)],
          measured: () => `largest | |Δ_t|/B − 1 | over ${gap.count} cases: ${gap.max.toExponential(2)} (60-digit arithmetic)`,
        },
        o,
      );
    },
  },
  {
    id: 'adam-step/tight-bound/float32',
    statement: '|Δ_t| ≤ B + e in float32 production, e the running error bound of its t steps',
    source: 'derived here; docs/error-analysis.md',
    on: 'float32',
    expected: 'holds with bound',
    check: (o: ClaimOptions) => {
      const over = new Extremes();
      const budget = new Extremes();
      const normal = new Extremes();
      return checkProperty(
        {
          property: fc.property(betaFloat32(), betaFloat32(), gradientSequence(12), (b1, b2, gs) => {
            if (!nonzero(gs)) return true;
            const { delta, error } = float32Step(o.backend, adamConfig(b1, b2), gs);
            const B = tightBound(IntervalArithmetic.at(40), exactText(b1), exactText(b2), '1', gs.length);
            if (!Number.isFinite(error) || !B.hi.isFinite()) return true;
            const excessOverB = new Decimal(Math.abs(delta)).minus(B.near).div(B.near).toNumber();
            over.add(excessOverB);
            if (error / B.near.toNumber() < 64 * UNIT_ROUNDOFF) normal.add(excessOverB / UNIT_ROUNDOFF);
            budget.add(error / B.near.toNumber());
            return new Decimal(Math.abs(delta)).lte(B.hi.plus(error));
          }),
          runs: 300,
          describe: describeCase,
          bound: 'B + e, e the running error bound of the t float32 steps',
          judged: () => over.count,
          measured: () =>
            `${over.count} cases judged; where e < 64 u B (${normal.count} cases), |Δ_t| exceeds B by at most ${normal.max.toFixed(2)} u B; overall by ${over.max.toExponential(2)} B, where e reaches ${budget.max.toExponential(2)} B (gradients near float32's subnormal range: g² underflows)`,
        },
        o,
      );
    },
  },
  {
    id: 'adam-step/tight-bound-attained/float32',
    statement: 'float32 production on the rounded extremal gradients reaches |Δ_t| ≥ B (1 − u²) − e',
    source: 'derived here: rounding g by at most u turns the Cauchy–Schwarz angle by at most asin(u)',
    on: 'float32',
    expected: 'holds with bound',
    check: (o: ClaimOptions) => {
      const gap = new Extremes();
      return checkProperty(
        {
          property: fc.property(
            betaFloat32().filter((b) => b >= 0.1),
            betaFloat32().filter((b) => b >= 0.5),
            fc.integer({ min: 1, max: 60 }),
            (b1, b2, t) => {
              // Keep the extremal gradients inside float32's normal range.
              if (Math.abs((t - 1) * Math.log2(b1 / b2)) > 100) return true;
              const gs = extremalGradients(exactText(b1), exactText(b2), t, 40).map(roundToFloat32);
              const { delta, error } = float32Step(o.backend, adamConfig(b1, b2), gs);
              const B = tightBound(IntervalArithmetic.at(40), exactText(b1), exactText(b2), '1', t).lo;
              gap.add(B.minus(Math.abs(delta)).div(B).toNumber());
              return new Decimal(Math.abs(delta)).gte(B.times(1 - UNIT_ROUNDOFF ** 2).minus(error));
            },
          ),
          runs: 100,
          describe: ([b1, b2, t]) => [f32('β1', b1), f32('β2', b2), int('t', t)],
          bound: 'B (1 − u²) − e',
          measured: () => `largest (B − |Δ_t|)/B over ${gap.count} cases: ${gap.max.toExponential(2)}`,
        },
        o,
      );
    },
  },
  {
    id: 'adam-step/constant-gradient',
    statement: 'the first step, and every step of a constant gradient, has |Δ_t| = α exactly (m̂_t = g, v̂_t = g²)',
    source: SOURCE,
    on: 'oracle',
    expected: 'holds',
    check: (o: ClaimOptions) => {
      const width = new Extremes();
      return checkProperty(
        {
          property: fc.property(betaFloat32(), betaFloat32(), fc.float({ min: -1000, max: 1000, noNaN: true }).filter((g) => g !== 0), fc.integer({ min: 1, max: 40 }), fc.constantFrom(1, F(0.001), F(0.37)), (b1, b2, g, t, alpha) => {
            const a = IntervalArithmetic.at(200);
            const step = a.abs(adamStep(a, exactText(b1), exactText(b2), exactText(alpha), Array(t).fill(exactText(g))));
            const A = new Decimal(exactText(alpha));
            width.add(step.hi.minus(step.lo).div(A).toNumber());
            return step.lo.lte(A) && step.hi.gte(A) && step.hi.minus(step.lo).div(A).lt('1e-50');
          }),
          runs: 200,
          describe: ([b1, b2, g, t, alpha]) => [f32('β1', b1), f32('β2', b2), f32('g', g), int('t', t), f32('α', alpha)],
          measured: () => `the 200-digit enclosure of |Δ_t| holds α in every case, widest ${width.max.toExponential(1)} α`,
        },
        o,
      );
    },
  },
  {
    id: 'adam-step/constant-gradient/float32',
    statement: 'float32 production with a constant gradient gives ||Δ_t| − α| ≤ e',
    source: SOURCE,
    on: 'float32',
    expected: 'holds with bound',
    check: (o: ClaimOptions) => {
      const err = new Extremes();
      return checkProperty(
        {
          property: fc.property(betaFloat32(), betaFloat32(), fc.float({ min: -1000, max: 1000, noNaN: true }).filter((g) => Math.abs(g) >= 2 ** -40), fc.integer({ min: 1, max: 40 }), fc.constantFrom(1, F(0.001), F(0.37)), (b1, b2, g, t, alpha) => {
            const { delta, error } = float32Step(o.backend, adamConfig(b1, b2, alpha), Array(t).fill(g));
            if (!Number.isFinite(error)) return true;
            const A = new Decimal(exactText(alpha));
            const deviation = new Decimal(Math.abs(delta)).minus(A).abs();
            err.add(deviation.div(A).div(UNIT_ROUNDOFF).toNumber());
            return deviation.lte(error);
          }),
          runs: 200,
          describe: ([b1, b2, g, t, alpha]) => [f32('β1', b1), f32('β2', b2), f32('g', g), int('t', t), f32('α', alpha)],
          bound: 'α ± e',
          judged: () => err.count,
          measured: () => `largest ||Δ_t| − α| over ${err.count} cases: ${err.max.toFixed(2)} u·α`,
        },
        o,
      );
    },
  },
];
