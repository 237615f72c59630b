/**
 * The tight bound on Adam's step (derived here, docs/claims.md):
 * |Δ_t| ≤ B = α (1 − β1)/(1 − β1^t) · √((1 − β2^t)/(1 − β2)) · √(Σ_{k<t} (β1²/β2)^k), attained by
 * g_i = (β1/β2)^(t−i); checked exactly and in float32 production.
 *
 * @module
 */
import fc from 'fast-check';
import { Decimal } from 'decimal.js';
import { exactText, roundToFloat32, UNIT_ROUNDOFF } from '../../../oracle/binary32.js';
import { adamStep, extremalGradients, tightBound } from '../../../oracle/claims/adam-step-size.js';
import { IntervalArithmetic } from '../../../oracle/interval.js';
import { checkProperty, f32, int } from '../property.js';
import type { Claim, ClaimOptions } from '../types.js';
import {
  betaFloat32,
  describeCase,
  exactHolds,
  exactStep,
  Extremes,
  gradientSequence,
  nonzero,
  SOURCE,
  TIGHT,
} from './common.js';
import { adamConfig, float32Step } from './float32-step.js';

/** The tight bound B: that it holds and that it is attained, exactly and in float32. */
export const tightBoundClaims: readonly Claim[] = [
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
          property: fc.property(
            betaFloat32().filter((b) => b > 0),
            betaFloat32().filter((b) => b >= 0.5),
            fc.integer({ min: 1, max: 60 }),
            (b1, b2, t) => {
              const a = IntervalArithmetic.at(60);
              const gs = extremalGradients(exactText(b1), exactText(b2), t, 60);
              const x = adamStep(a, exactText(b1), exactText(b2), '1', gs).near.abs();
              const B = tightBound(a, exactText(b1), exactText(b2), '1', t).near;
              const relative = x.minus(B).abs().div(B).toNumber();
              gap.add(relative);
              return relative < 1e-12;
            },
          ),
          runs: 200,
          describe: ([b1, b2, t]) => [f32('β1', b1), f32('β2', b2), int('t', t)],
          measured: () =>
            `largest | |Δ_t|/B − 1 | over ${gap.count} cases: ${gap.max.toExponential(2)} (60-digit arithmetic)`,
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
            `${over.count} cases judged; where e < 64 u B (${normal.count} cases), |Δ_t| exceeds B by at most ${normal.max.toFixed(2)} u B; ` +
            `overall by ${over.max.toExponential(2)} B, where e reaches ${budget.max.toExponential(2)} B ` +
            "(gradients near float32's subnormal range: g² underflows)",
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
];
