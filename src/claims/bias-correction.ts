/**
 * Bias correction (Kingma & Ba 2015, section 3): with a constant gradient m̂_t = g and v̂_t = g² at
 * every t; the efficient form of section 2 equals Algorithm 1 when ε̂ = ε √(1 − β2^t); for i.i.d.
 * gradients E[m_t] = E[g] (1 − β1^t) and E[v_t] = E[g²] (1 − β2^t).
 *
 * @module
 */
import fc from 'fast-check';
import { Decimal } from 'decimal.js';
import { exactText, UNIT_ROUNDOFF } from '../../oracle/binary32.js';
import { adamMoments } from '../../oracle/claims/adam-step-size.js';
import { IntervalArithmetic } from '../../oracle/interval.js';
import { oracleRuleOf } from '../../oracle/rules/index.js';
import { configure, entryOf, type Configuration } from '../../core/catalogue/index.js';
import { moderateFloat32, nonnegative } from '../gate/arbitraries/float32.js';
import { boundTrajectory, errorOf } from '../gate/bound/trajectory-bound.js';
import { production, type Implementation } from '../gate/implementation.js';
import { productionRuleOf } from '../production/rules/index.js';
import { betaFloat32 } from './adam-step-size/common.js';
import { adamConfig } from './adam-step-size/float32-step.js';
import { comparePair, exactParam } from './one-step.js';
import { checkProperty, f32, int, text } from './property.js';
import { describeMean, meanConsistent, uniform } from '../../core/statistics.js';
import type { Claim, ClaimOptions, ClaimResult } from './types.js';

const SOURCE = 'Kingma & Ba 2015, section 3';
const D = Decimal.clone({ precision: 120 });
const F = Math.fround;

/** Decimal text of ε̂ = ε √(1 − β2^t) to 100 digits. */
function epsilonHat(eps: string, beta2: string, t: number): string {
  return new D(eps)
    .times(new D(1).minus(new D(beta2).pow(t)).sqrt())
    .toSignificantDigits(100)
    .toString();
}

/** Adam, Algorithm 1 (`paper`) and the efficient form (`keras`), one step, with β and ε given. */
const adamIn = (form: 'paper' | 'keras', b1: number, b2: number, eps: string): Configuration =>
  configure(entryOf('adam'), form, { lr: '0.001', beta1: exactText(b1), beta2: exactText(b2), eps });

/** One element's step from any state: θ, g (= m), v, β1, β2 and t (before ε). */
const stepFromState = () =>
  [
    moderateFloat32(),
    moderateFloat32(),
    nonnegative(moderateFloat32()),
    betaFloat32(),
    betaFloat32(),
    fc.integer({ min: 1, max: 200 }),
  ] as const;

/** The statistical claim's setting: g ~ U[a, b] i.i.d., t steps of Adam's paper preset from zero. */
/** A {@link stepFromState} case with its ε (decimal text, or a float32 value), named for a counterexample. */
const describeStepFromState = ([theta, g, v, b1, b2, t, eps]: readonly [
  number,
  number,
  number,
  number,
  number,
  number,
  string | number,
]) => [
  f32('θ', theta),
  f32('g = m', g),
  f32('v', v),
  f32('β1', b1),
  f32('β2', b2),
  int('t', t),
  typeof eps === 'string' ? text('ε', eps) : f32('ε', eps),
];

const STATS = { a: -0.5, b: 1.5, t: 4, beta1: 0.9, beta2: 0.999 } as const;

function adamMomentsAfter(
  impl: Pick<Implementation, 'init' | 'step'>,
  n: number,
  seed: number,
): Record<string, Float32Array> {
  const config = configure(entryOf('adam'), 'paper');
  const next = uniform(seed);
  let params: Float32Array = new Float32Array(n);
  let state = impl.init(config, params);
  for (let step = 1; step <= STATS.t; step++) {
    const grads = Float32Array.from({ length: n }, () => STATS.a + (STATS.b - STATS.a) * next());
    const out = impl.step(config, { params, grads, state, t: step });
    params = out.params;
    state = out.state;
  }
  return state;
}

/** E[m_t] and E[v_t] against their bias-corrected expectations; `corrected: false` tests the uncorrected m_t against E[g]. */
function statisticalClaim(
  implementation: 'production' | 'oracle',
  n: number,
  corrected: boolean,
  o: ClaimOptions,
): ClaimResult {
  const { a, b, t, beta1, beta2 } = STATS;
  const state = adamMomentsAfter(implementation === 'oracle' ? oracleRuleOf('adam') : production(o.backend), n, o.seed);
  const c1 = 1 - beta1 ** t;
  const c2 = 1 - beta2 ** t;
  const meanG = (a + b) / 2;
  const meanG2 = (a * a + a * b + b * b) / 3;
  // m_t ∈ (1 − β1^t)[a, b] and v_t ∈ (1 − β2^t)[0, max(a², b²)]: Hoeffding's ranges.
  const m = meanConsistent(state['m']!, corrected ? meanG * c1 : meanG, c1 * (b - a));
  const v = meanConsistent(state['v']!, meanG2 * c2, c2 * Math.max(a * a, b * b));
  const ok = corrected ? m.ok && v.ok : m.ok;
  const measured = corrected ? `m_t: ${describeMean(m)}; v_t: ${describeMean(v)}` : `m_t: ${describeMean(m)} (E[g])`;
  return ok
    ? { verdict: 'holds', cases: n, seed: o.seed, measured }
    : {
        verdict: 'refuted',
        cases: n,
        seed: o.seed,
        reason: measured,
        counterexample: [text('sample', `N = ${n} runs of t = ${t} steps, g ~ U[${a}, ${b}], seed ${o.seed}`)],
      };
}

export const biasCorrectionClaims: readonly Claim[] = [
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
              const bounded = boundTrajectory(productionRuleOf('adam'), config, {
                param: 0,
                grads: Array(t).fill(g),
                state: { m: 0, v: 0 },
              }).at(-1)!.slots;
              const G = new D(exactText(g));
              const m = new D(1).minus(new D(exactText(b1)).pow(t)).times(G);
              const v = new D(1).minus(new D(exactText(b2)).pow(t)).times(G.pow(2));
              const [em, ev] = [errorOf(bounded['m']!), errorOf(bounded['v']!)];
              if (!Number.isFinite(em + ev) || m.isZero() || v.isZero()) return true;
              const dm = new D(state['m']![0]!).minus(m).abs();
              const dv = new D(state['v']![0]!).minus(v).abs();
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
  {
    id: 'bias-correction/efficient-form',
    statement:
      'the efficient form α √(1 − β2^t)/(1 − β1^t) · m/(√v + ε̂) equals Algorithm 1 exactly when ε̂ = ε √(1 − β2^t)',
    source: 'Kingma & Ba 2015, end of section 2',
    on: 'oracle',
    expected: 'holds',
    check: (o) =>
      checkProperty(
        {
          property: fc.property(
            ...stepFromState(),
            fc.constantFrom('1e-8', '0.001', '0.5'),
            (theta, g, v, b1, b2, t, eps) => {
              const step = (form: 'paper' | 'keras', e: string) =>
                exactParam({ config: adamIn(form, b1, b2, e), param: theta, grad: g, state: { m: g, v }, t });
              const algorithm1 = step('paper', eps);
              const efficient = step('keras', epsilonHat(eps, exactText(b2), t));
              return algorithm1.minus(efficient).abs().lte(algorithm1.abs().plus(1).times('1e-70'));
            },
          ),
          runs: 200,
          describe: describeStepFromState,
        },
        o,
      ),
  },
  {
    id: 'bias-correction/efficient-form-same-epsilon',
    statement: "the efficient form with ε̂ = ε (what a Keras user gets passing the paper's ε) equals Algorithm 1",
    source: 'Kingma & Ba 2015, end of section 2; keras/src/optimizers/adam.py',
    on: 'oracle',
    expected: 'refuted',
    check: (o) =>
      checkProperty(
        {
          property: fc.property(
            ...stepFromState(),
            fc.constantFrom('1e-8', '0.001', '0.5'),
            (theta, g, v, b1, b2, t, eps) => {
              const step = (form: 'paper' | 'keras') =>
                exactParam({ config: adamIn(form, b1, b2, eps), param: theta, grad: g, state: { m: g, v }, t });
              const algorithm1 = step('paper');
              return algorithm1.minus(step('keras')).abs().lte(algorithm1.abs().plus(1).times('1e-70'));
            },
          ),
          runs: 200,
          describe: describeStepFromState,
          reason: ([theta, g, v, b1, b2, t, eps]) => {
            const step = (form: 'paper' | 'keras') =>
              exactParam({ config: adamIn(form, b1, b2, eps), param: theta, grad: g, state: { m: g, v }, t });
            const [algorithm1, efficient] = [
              step('paper').toSignificantDigits(12).toString(),
              step('keras').toSignificantDigits(12).toString(),
            ];
            return `θ' = ${algorithm1} (Algorithm 1) against ${efficient} (efficient form)`;
          },
        },
        o,
      ),
  },
  {
    id: 'bias-correction/efficient-form/float32',
    statement:
      'float32 production, Algorithm 1 with ε and the efficient form with ε̂ = float32(ε √(1 − β2^t)): |P_A − P_B − (X_A − X_B)| ≤ e_A + e_B',
    source: 'Kingma & Ba 2015, end of section 2',
    on: 'float32',
    expected: 'holds with bound',
    check: (o) => {
      let worst = 0;
      let ulps = 0;
      return checkProperty(
        {
          property: fc.property(
            ...stepFromState(),
            fc.constantFrom(F(1e-8), F(0.001), F(0.5)),
            (theta, g, v, b1, b2, t, eps) => {
              const hat = F(Number(epsilonHat(exactText(eps), exactText(b2), t)));
              const pair = comparePair(
                o.backend,
                { config: adamIn('paper', b1, b2, exactText(eps)), param: theta, grad: g, state: { m: g, v }, t },
                { config: adamIn('keras', b1, b2, exactText(hat)), param: theta, grad: g, state: { m: g, v }, t },
              );
              if (pair === undefined) return true;
              worst = Math.max(worst, pair.ratio);
              ulps = Math.max(ulps, pair.ulps);
              return pair.ratio <= 1;
            },
          ),
          runs: 200,
          describe: describeStepFromState,
          bound: '(X_A − X_B) ± (e_A + e_B)',
          measured: () =>
            `largest |P_A − P_B − (X_A − X_B)|/(e_A + e_B): ${worst.toFixed(3)}; the two float32 results differ by up to ${ulps} ulp`,
        },
        o,
      );
    },
  },
  {
    id: 'bias-correction/statistical',
    statement:
      'for i.i.d. gradients E[m_t] = E[g](1 − β1^t) and E[v_t] = E[g²](1 − β2^t), on the oracle (Hoeffding, false failure ≤ 1e-9)',
    source: SOURCE,
    on: 'oracle',
    expected: 'holds',
    check: (o) => statisticalClaim('oracle', Math.max(o.runs ?? 0, 2000), true, o),
  },
  {
    id: 'bias-correction/statistical/float32',
    statement: 'the same in float32 production (N = 20,000 runs as one tensor; Hoeffding, false failure ≤ 1e-9)',
    source: SOURCE,
    on: 'float32',
    expected: 'holds',
    check: (o) => statisticalClaim('production', Math.max(o.runs ?? 0, 20_000), true, o),
  },
  {
    id: 'bias-correction/uncorrected',
    statement: 'power check: the uncorrected m_t estimates E[g] (the same test must reject it)',
    source: SOURCE,
    on: 'float32',
    expected: 'refuted',
    check: (o) => statisticalClaim('production', Math.max(o.runs ?? 0, 20_000), false, o),
  },
];
