/**
 * The paper's step-size bound (Kingma & Ba 2015, section 2.1): |Δ_t| ≤ α (1 − β1)/√(1 − β2) when
 * 1 − β1 > √(1 − β2), else |Δ_t| ≤ α; refuted exactly, at the defaults, and in float32 production.
 *
 * @module
 */
import fc from 'fast-check';
import { Decimal } from 'decimal.js';
import { exactText } from '../../../oracle/binary32.js';
import { paperBound } from '../../../oracle/claims/adam-step-size.js';
import { IntervalArithmetic } from '../../../oracle/interval.js';
import { checkProperty } from '../property.js';
import type { Claim } from '../types.js';
import {
  betaFloat32,
  describeCase,
  digits,
  excess,
  exactHolds,
  F,
  gradientSequence,
  nonzero,
  paperStatement,
  SOURCE,
} from './common.js';
import { adamConfig, float32Step } from './float32-step.js';

/** Whether the exact |Δ_t| is within the paper's bound (or not decided otherwise), or the gradients are all zero. */
const withinPaperBound = (b1: number, b2: number, gs: number[]): boolean =>
  !nonzero(gs) || exactHolds(b1, b2, gs, (a) => paperBound(a, exactText(b1), exactText(b2), '1')) !== false;

/** The paper's bound: over β and t ≤ 12, at the defaults, and in float32. */
export const paperBoundClaims: readonly Claim[] = [
  {
    id: 'adam-step/paper-bound',
    statement: `${paperStatement}, over β1, β2 ∈ [0, 1), t ≤ 12 and any gradients`,
    source: SOURCE,
    on: 'oracle',
    expected: 'refuted',
    check: (o) =>
      checkProperty(
        {
          property: fc.property(betaFloat32(), betaFloat32(), gradientSequence(12), (b1, b2, gs) =>
            withinPaperBound(b1, b2, gs),
          ),
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
          property: fc.property(gradientSequence(400, fc.double({ min: 0.85, max: 0.95, noNaN: true })), (gs) =>
            withinPaperBound(b1, b2, gs),
          ),
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
          property: fc.property(
            betaFloat32(),
            betaFloat32(),
            gradientSequence(12),
            (b1, b2, gs) => !nonzero(gs) || !violates(b1, b2, gs),
          ),
          runs: 2000,
          describe: describeCase,
          reason: ([b1, b2, gs]) => {
            const s = float32Step(o.backend, adamConfig(b1, b2), gs);
            const stated = digits(paperBound(IntervalArithmetic.at(40), exactText(b1), exactText(b2), '1').near);
            return `production |Δ_${gs.length}| = ${Math.abs(s.delta)} with error bound e = ${s.error}: |Δ| − e > stated ${stated} α`;
          },
        },
        o,
      );
    },
  },
];
