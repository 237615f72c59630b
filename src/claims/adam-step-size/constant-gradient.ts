/**
 * Adam's first step, and every step of a constant gradient, has |Δ_t| = α exactly (m̂_t = g,
 * v̂_t = g²): checked on 200-digit enclosures and in float32 production within its error bound.
 *
 * @module
 */
import fc from 'fast-check';
import { Decimal } from 'decimal.js';
import { exactText, UNIT_ROUNDOFF } from '../../../oracle/binary32.js';
import { adamStep } from '../../../oracle/claims/adam-step-size.js';
import { IntervalArithmetic } from '../../../oracle/interval.js';
import { checkProperty, f32, int } from '../property.js';
import type { Claim, ClaimOptions } from '../types.js';
import { betaFloat32, Extremes, F, SOURCE } from './common.js';
import { adamConfig, float32Step } from './float32-step.js';

/** |Δ_t| = α for a constant gradient, exactly and in float32. */
export const constantGradientClaims: readonly Claim[] = [
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
          property: fc.property(
            betaFloat32(),
            betaFloat32(),
            fc.float({ min: -1000, max: 1000, noNaN: true }).filter((g) => g !== 0),
            fc.integer({ min: 1, max: 40 }),
            fc.constantFrom(1, F(0.001), F(0.37)),
            (b1, b2, g, t, alpha) => {
              const a = IntervalArithmetic.at(200);
              const step = a.abs(
                adamStep(a, exactText(b1), exactText(b2), exactText(alpha), Array(t).fill(exactText(g))),
              );
              const A = new Decimal(exactText(alpha));
              width.add(step.hi.minus(step.lo).div(A).toNumber());
              return step.lo.lte(A) && step.hi.gte(A) && step.hi.minus(step.lo).div(A).lt('1e-50');
            },
          ),
          runs: 200,
          describe: ([b1, b2, g, t, alpha]) => [
            f32('β1', b1),
            f32('β2', b2),
            f32('g', g),
            int('t', t),
            f32('α', alpha),
          ],
          measured: () =>
            `the 200-digit enclosure of |Δ_t| holds α in every case, widest ${width.max.toExponential(1)} α`,
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
          property: fc.property(
            betaFloat32(),
            betaFloat32(),
            fc.float({ min: -1000, max: 1000, noNaN: true }).filter((g) => Math.abs(g) >= 2 ** -40),
            fc.integer({ min: 1, max: 40 }),
            fc.constantFrom(1, F(0.001), F(0.37)),
            (b1, b2, g, t, alpha) => {
              const { delta, error } = float32Step(o.backend, adamConfig(b1, b2, alpha), Array(t).fill(g));
              if (!Number.isFinite(error)) return true;
              const A = new Decimal(exactText(alpha));
              const deviation = new Decimal(Math.abs(delta)).minus(A).abs();
              err.add(deviation.div(A).div(UNIT_ROUNDOFF).toNumber());
              return deviation.lte(error);
            },
          ),
          runs: 200,
          describe: ([b1, b2, g, t, alpha]) => [
            f32('β1', b1),
            f32('β2', b2),
            f32('g', g),
            int('t', t),
            f32('α', alpha),
          ],
          bound: 'α ± e',
          judged: () => err.count,
          measured: () => `largest ||Δ_t| − α| over ${err.count} cases: ${err.max.toFixed(2)} u·α`,
        },
        o,
      );
    },
  },
];
