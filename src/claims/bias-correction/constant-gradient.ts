/**
 * Bias correction with a constant gradient (Kingma & Ba 2015, section 3): m̂_t = g and v̂_t = g² at
 * every t, exactly; in float32 production, m_t and v_t stay within their running error bounds of
 * (1 − β1^t) g and (1 − β2^t) g².
 *
 * @module
 */
import fc from 'fast-check';
import type { Decimal } from 'decimal.js';
import { exactText, UNIT_ROUNDOFF } from '../../../oracle/binary32.js';
import { adamMoments } from '../../../oracle/claims/adam-step-size.js';
import { IntervalArithmetic } from '../../../oracle/interval.js';
import { moderateFloat32 } from '../../gate/arbitraries/float32.js';
import { boundTrajectory, errorOf } from '../../gate/bound/trajectory-bound.js';
import { production } from '../../gate/implementation.js';
import { productionRuleOf } from '../../registry/index.js';
import { betaFloat32 } from '../adam-step-size/common.js';
import { adamConfig } from '../adam-step-size/float32-step.js';
import { lastBound, only, pick } from '../one-step.js';
import { checkProperty, f32, int } from '../property.js';
import type { Claim } from '../types.js';
import { D, SOURCE } from './common.js';

/** m̂_t = g and v̂_t = g² for a constant gradient: exactly, and in float32 within the running bounds. */
export const constantGradientClaims: readonly Claim[] = [
  {
    id: 'bias-correction/constant-gradient',
    statement: 'a constant gradient gives m̂_t = g and v̂_t = g² exactly at every t',
    source: SOURCE,
    on: 'oracle',
    expected: 'holds',
    check: (o) =>
      checkProperty(
        {
          property: fc.property(
            betaFloat32(),
            betaFloat32(),
            moderateFloat32(),
            fc.integer({ min: 1, max: 60 }),
            (b1, b2, g, t) => {
              const { mHat, vHat } = adamMoments(
                IntervalArithmetic.at(200),
                exactText(b1),
                exactText(b2),
                Array(t).fill(exactText(g)),
              );
              const G = new D(exactText(g));
              const tight = (x: typeof mHat, y: Decimal) =>
                x.lo.lte(y) && x.hi.gte(y) && x.hi.minus(x.lo).lte(y.abs().times('1e-150'));
              return tight(mHat, G) && tight(vHat, G.pow(2));
            },
          ),
          runs: 200,
          describe: ([b1, b2, g, t]) => [f32('β1', b1), f32('β2', b2), f32('g', g), int('t', t)],
        },
        o,
      ),
  },
  {
    id: 'bias-correction/constant-gradient/float32',
    statement:
      'float32 production with a constant gradient: |m_t − (1 − β1^t) g| ≤ e_m and |v_t − (1 − β2^t) g²| ≤ e_v',
    source: SOURCE,
    on: 'float32',
    expected: 'holds with bound',
    check: (o) => {
      let worst = 0;
      return checkProperty(
        {
          property: fc.property(
            betaFloat32().filter((b) => b < 0.9999),
            betaFloat32().filter((b) => b < 0.9999),
            fc.float({ min: 2 ** -30, max: 2 ** 30, noNaN: true }),
            fc.boolean(),
            fc.integer({ min: 1, max: 60 }),
            (b1, b2, magnitude, negative, t) => {
              const g = negative ? -magnitude : magnitude;
              const config = adamConfig(b1, b2);
              const impl = production(o.backend);
              let state = impl.init(config, Float32Array.of(0));
              for (let k = 1; k <= t; k++)
                state = impl.step(config, { params: Float32Array.of(0), grads: Float32Array.of(g), state, t: k }).state;
              const bounded = lastBound(
                boundTrajectory(productionRuleOf('adam'), config, {
                  param: 0,
                  grads: Array(t).fill(g),
                  state: { m: 0, v: 0 },
                }),
              ).slots;
              const G = new D(exactText(g));
              const m = new D(1).minus(new D(exactText(b1)).pow(t)).times(G);
              const v = new D(1).minus(new D(exactText(b2)).pow(t)).times(G.pow(2));
              const [em, ev] = [errorOf(pick(bounded, 'm')), errorOf(pick(bounded, 'v'))];
              if (!Number.isFinite(em + ev) || m.isZero() || v.isZero()) return true;
              const dm = new D(only(pick(state, 'm'), "production's m_t")).minus(m).abs();
              const dv = new D(only(pick(state, 'v'), "production's v_t")).minus(v).abs();
              worst = Math.max(
                worst,
                dm.div(m.abs()).div(UNIT_ROUNDOFF).toNumber(),
                dv.div(v).div(UNIT_ROUNDOFF).toNumber(),
              );
              return dm.lte(em) && dv.lte(ev);
            },
          ),
          runs: 200,
          describe: ([b1, b2, magnitude, negative, t]) => [
            f32('β1', b1),
            f32('β2', b2),
            f32('g', negative ? -magnitude : magnitude),
            int('t', t),
          ],
          bound: 'e_m, e_v: running error bounds of the t float32 steps',
          measured: () => `largest relative error of m_t or v_t: ${worst.toFixed(2)} u`,
        },
        o,
      );
    },
  },
];
