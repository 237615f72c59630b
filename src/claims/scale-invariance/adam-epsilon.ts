/**
 * Adam with ε > 0 is not scale invariant: the exact deviation from invariance (Kingma & Ba 2015,
 * section 2.1; derived here), checked on the oracle as an identity and in float32 production within
 * the running error bounds of the two steps.
 *
 * @module
 */
import fc from 'fast-check';
import type { Decimal } from 'decimal.js';
import { exactText } from '../../../oracle/binary32.js';
import { configure, type Configuration } from '../../../core/catalogue/index.js';
import * as entries from '../../../core/catalogue/entries.js';
import { moderateFloat32 } from '../../gate/arbitraries/float32.js';
import { boundTrajectory, errorOf } from '../../gate/bound/trajectory-bound.js';
import { productionRuleOf } from '../../registry/index.js';
import { firstBound } from '../one-step.js';
import { checkProperty, f32, int, text } from '../property.js';
import type { Claim } from '../types.js';
import { D, exactDelta, float32Delta } from './homogeneity.js';

const SOURCE = 'Kingma & Ba 2015, section 2.1';

/**
 * Adam (paper) with ε > 0: the exact deviation Δ(c g) − sign(c) Δ(g) = sign(c) Δ(g) · ε (1 − 1/|c|)/(√v̂ + ε/|c|),
 * v̂ = (β2 v + (1 − β2) g²)/(1 − β2^t), β2 = 0.999.
 */
function adamDeviation(eps: string, g: Decimal, m: Decimal, v: Decimal, c: Decimal, t: number): Decimal {
  const b2 = new D('0.999');
  const vNew = b2.times(v).plus(new D(1).minus(b2).times(g.pow(2)));
  const vHat = vNew.div(new D(1).minus(b2.pow(t)));
  const base = exactDelta(configure(entries.adam, 'paper', { eps }), g, { m, v }, t).near;
  return base
    .times(c.s)
    .times(new D(eps).times(new D(1).minus(new D(1).div(c.abs()))))
    .div(vHat.sqrt().plus(new D(eps).div(c.abs())));
}

/** The running error bound of production's Δ (θ = 0) for one step at step count t from state (m, v). */
function stepBound(config: Configuration, g: number, m: number, v: number, t: number): number {
  const steps = boundTrajectory(productionRuleOf('adam'), config, {
    param: 0,
    grads: [g],
    state: { m, v },
    firstStep: t,
  });
  return errorOf(firstBound(steps).param);
}

const EPSILONS = ['1e-8', '0.001', '1'] as const;

/** The deviation of Adam with ε > 0 from invariance: exactly, and in float32. */
export const adamEpsilonClaims: readonly Claim[] = [
  {
    id: 'scale-invariance/adam-epsilon',
    statement:
      'Adam with ε > 0: Δ(c g) − sign(c) Δ(g) = sign(c) Δ(g) · ε (1 − 1/|c|)/(√v̂ + ε/|c|), so |deviation| ≤ |Δ(g)| ε |1 − 1/|c|| / √v̂',
    source: `${SOURCE}; derived here`,
    on: 'oracle',
    expected: 'holds with bound',
    check: (o) =>
      checkProperty(
        {
          property: fc.property(
            moderateFloat32(),
            moderateFloat32(),
            moderateFloat32(),
            moderateFloat32(),
            fc.constantFrom(...EPSILONS),
            fc.integer({ min: 1, max: 100 }),
            (g32, m32, v32, c32, eps, t) => {
              const exact = (x: number) => new D(exactText(x));
              const [g, m, v, c] = [exact(g32), exact(m32), exact(Math.abs(v32)), exact(c32)];
              const config = configure(entries.adam, 'paper', { eps });
              const base = exactDelta(config, g, { m, v }, t).near;
              const scaled = exactDelta(config, c.times(g), { m: c.times(m), v: c.pow(2).times(v) }, t).near;
              const deviation = scaled.minus(base.times(c.s));
              return deviation
                .minus(adamDeviation(eps, g, m, v, c, t))
                .abs()
                .lte(base.abs().times('1e-70').plus('1e-300'));
            },
          ),
          runs: 200,
          describe: ([g, m, v, c, eps, t]) => [
            f32('g', g),
            f32('m', m),
            f32('v', Math.abs(v)),
            f32('c', c),
            text('ε', eps),
            int('t', t),
          ],
          bound: '|Δ(g)| ε |1 − 1/|c|| / √v̂ (an identity, checked to 10^-70)',
        },
        o,
      ),
  },
  {
    id: 'scale-invariance/adam-epsilon/float32',
    statement:
      'float32 production (Adam, paper) with ε > 0 and c = ±2^k: the deviation equals the exact one within e(g) + e(c g), the running error bounds of the two steps',
    source: `${SOURCE}; derived here`,
    on: 'float32',
    expected: 'holds with bound',
    check: (o) => {
      let largest = 0;
      let judged = 0;
      return checkProperty(
        {
          property: fc.property(
            moderateFloat32(),
            moderateFloat32(),
            moderateFloat32(),
            fc.integer({ min: -20, max: 20 }),
            fc.boolean(),
            fc.constantFrom(...EPSILONS),
            fc.integer({ min: 1, max: 100 }),
            (g, m, v32, k, negative, eps, t) => {
              const v = Math.abs(v32);
              const c = (negative ? -1 : 1) * 2 ** k;
              const config = configure(entries.adam, 'paper', { eps });
              const e1 = stepBound(config, g, m, v, t);
              const e2 = stepBound(config, g * c, m * c, v * c * c, t);
              if (!Number.isFinite(e1 + e2)) return true;
              const base = float32Delta(o.backend, config, g, { m, v }, t);
              const moved = float32Delta(o.backend, config, g * c, { m: m * c, v: v * c * c }, t);
              const C = new D(c);
              const exact = adamDeviation(eps, new D(exactText(g)), new D(exactText(m)), new D(exactText(v)), C, t);
              const miss = new D(moved).minus(new D(base).times(C.s)).minus(exact).abs();
              judged++;
              largest = Math.max(largest, miss.div(e1 + e2).toNumber());
              return miss.lte(e1 + e2);
            },
          ),
          runs: 200,
          describe: ([g, m, v, k, negative, eps, t]) => [
            f32('g', g),
            f32('m', m),
            f32('v', Math.abs(v)),
            f32('c', (negative ? -1 : 1) * 2 ** k),
            text('ε', eps),
            int('t', t),
          ],
          bound: 'exact deviation ± (e(g) + e(c g))',
          judged: () => judged,
          measured: () =>
            `largest |float32 deviation − exact deviation| / (e(g) + e(c g)) over ${judged} cases: ${largest.toFixed(3)}`,
        },
        o,
      );
    },
  },
];
