/**
 * Lion's step is a sign (Chen et al. 2023, arXiv:2302.06675, Algorithm 2): with λ = 0 every
 * coordinate of θ − θ' is ±α, or 0 exactly where c = β1 m + (1 − β1) g = 0; with decay it is
 * α (sign(c) + λ θ). Checked exactly on the oracle's enclosures, then on float32 production, where
 * θ' = fl(θ − α sign(c)) rounds and the step is ±float32(α) only when θ ∓ α is a float32.
 *
 * @module
 */
import fc from 'fast-check';
import type { Decimal } from 'decimal.js';
import { exactText, float32FromDecimalText } from '../../../oracle/binary32.js';
import { elementwiseOracleOf } from '../../registry/index.js';
import { only, paramBound, productionParam, type OneStep } from '../one-step.js';
import { checkProperty } from '../property.js';
import type { Claim } from '../types.js';
import {
  anyDecay,
  D,
  describeCase,
  exactLionStep,
  interpolation,
  lionCases,
  signOf,
  lionConfig,
  SOURCE,
  type LionCase,
} from './common.js';

/** The oracle's enclosure of θ − θ' for one step from m (t = 1: Lion does not use t), at 200 digits. */
function oracleStep(c: LionCase): { lo: Decimal; hi: Decimal } {
  const out = elementwiseOracleOf('lion').enclose(
    lionConfig(c),
    { params: [exactText(c.theta)], grads: [exactText(c.g)], state: { m: [exactText(c.m)] }, t: 1 },
    200,
  );
  const theta = new D(exactText(c.theta));
  const next = only(out['params'], "the oracle's θ'");
  return { lo: theta.minus(next.hi), hi: theta.minus(next.lo) };
}

/** The exact claim: the oracle's enclosure of θ − θ' is the single point α (sign(c) + λ θ). */
function exactClaim(id: string, statement: string, decay: fc.Arbitrary<string>): Claim {
  return {
    id,
    statement,
    source: SOURCE,
    on: 'oracle',
    expected: 'holds',
    check: (o) => {
      let zeros = 0;
      return checkProperty(
        {
          property: fc.property(lionCases(decay), (c) => {
            const step = oracleStep(c);
            const expected = exactLionStep(c);
            if (interpolation(c).isZero()) zeros++;
            return step.lo.eq(step.hi) && step.lo.eq(expected);
          }),
          runs: 300,
          describe: describeCase,
          reason: ([c]) => {
            const step = oracleStep(c);
            return `the oracle's θ − θ' lies in [${step.lo.toSignificantDigits(20).toString()}, ${step.hi.toSignificantDigits(20).toString()}], α (sign(c) + λ θ) = ${exactLionStep(c).toSignificantDigits(20).toString()}`;
          },
          measured: () => `every enclosure a point equal to the formula; ${zeros} cases with c = 0 exactly`,
        },
        o,
      );
    },
  };
}

/** One float32 production step of the case. */
const oneStep = (c: LionCase): OneStep => ({
  config: lionConfig(c),
  param: c.theta,
  grad: c.g,
  state: { m: c.m },
  t: 1,
});

/** Lion's claims, in the order `optim-oracle claims` prints them. */
export const lionClaims: readonly Claim[] = [
  exactClaim(
    'lion/sign-step',
    "with λ = 0 each coordinate of the exact step θ − θ' is α sign(c): ±α, and 0 exactly where c = β1 m + (1 − β1) g = 0",
    fc.constant('0'),
  ),
  exactClaim(
    'lion/decayed-step',
    "with decay λ each coordinate of the exact step θ − θ' is α (sign(c) + λ θ), under every preset's order",
    anyDecay,
  ),
  {
    id: 'lion/sign-step/float32',
    statement: "float32 production with λ = 0: each coordinate of θ − θ' is exactly +float32(α), −float32(α) or 0",
    source: SOURCE,
    on: 'float32',
    expected: 'refuted',
    check: (o) =>
      checkProperty(
        {
          property: fc.property(lionCases(fc.constant('0')), (c) => {
            const step = new D(exactText(c.theta)).minus(exactText(productionParam(o.backend, oneStep(c))));
            return step.isZero() || step.abs().eq(exactText(float32FromDecimalText(c.lr)));
          }),
          runs: 300,
          describe: describeCase,
          reason: ([c]) => {
            const next = productionParam(o.backend, oneStep(c));
            const alpha = float32FromDecimalText(c.lr);
            const direction = Math.sign(c.theta - next);
            const wanted = new D(exactText(c.theta)).minus(new D(exactText(alpha)).times(direction));
            const exact = signOf(interpolation(c));
            return (
              `θ − ${direction < 0 ? '(−' : ''}float32(α)${direction < 0 ? ')' : ''} = ${wanted.toString()} is not a float32; ` +
              `production rounds it to θ' = ${exactText(next)}, so θ − θ' = ${new D(exactText(c.theta)).minus(exactText(next)).toString()} ` +
              `and not ±float32(α) = ±${exactText(alpha)}` +
              (exact === direction ? '' : ` (and the exact sign(c) is ${exact}: see lion/direction/float32)`)
            );
          },
        },
        o,
      ),
  },
  {
    id: 'lion/direction/float32',
    statement:
      "float32 production steps in the direction of the exact c = β1 m + (1 − β1) g of its float32 m, g and decimal β1 (θ = 0, λ = 0: θ' = −float32(α) sign(c))",
    source: SOURCE,
    on: 'float32',
    expected: 'refuted',
    check: (o) =>
      checkProperty(
        {
          property: fc.property(lionCases(fc.constant('0')), (c) => {
            const next = productionParam(o.backend, oneStep({ ...c, theta: 0 }));
            return Object.is(next + 0, -float32FromDecimalText(c.lr) * signOf(interpolation(c)) + 0);
          }),
          runs: 300,
          describe: ([c]) => describeCase([{ ...c, theta: 0 }]),
          reason: ([c]) => {
            const next = productionParam(o.backend, oneStep({ ...c, theta: 0 }));
            return (
              `the exact c = ${interpolation(c).toSignificantDigits(12).toString()} (sign ${signOf(interpolation(c))}), ` +
              `but production's θ' = ${exactText(next)}: float32(β1) ≠ β1 and the rounded products ` +
              'β1 m and (1 − β1) g do not cancel as the exact ones do'
            );
          },
        },
        o,
      ),
  },
  {
    id: 'lion/step-within-bound/float32',
    statement:
      "float32 production: |(θ − θ') − α (sign(c) + λ θ)| ≤ e, the exact step of the same float32 inputs within production's derived bound",
    source: SOURCE,
    on: 'float32',
    expected: 'holds with bound',
    check: (o) => {
      let worst = 0;
      let judged = 0;
      let outside = 0;
      return checkProperty(
        {
          property: fc.property(lionCases(anyDecay), (c) => {
            const e = paramBound(oneStep(c));
            if (!Number.isFinite(e)) {
              outside++;
              return true;
            }
            judged++;
            const step = new D(exactText(c.theta)).minus(exactText(productionParam(o.backend, oneStep(c))));
            const miss = step.minus(exactLionStep(c)).abs();
            if (e > 0) worst = Math.max(worst, miss.div(e).toNumber());
            return miss.lte(e);
          }),
          runs: 300,
          describe: describeCase,
          bound: "e: production's running error bound on θ' (src/gate/bound/)",
          judged: () => judged,
          measured: () =>
            `largest |(θ − θ') − α (sign(c) + λ θ)|/e over ${judged} cases: ${worst.toPrecision(6)}; ` +
            `${outside} cases outside the analysed domain (the sign of float32 c undecided)`,
        },
        o,
      );
    },
  },
];
