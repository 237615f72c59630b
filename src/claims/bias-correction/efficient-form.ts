/**
 * The efficient form of Adam's step (Kingma & Ba 2015, end of section 2),
 * α √(1 − β2^t)/(1 − β1^t) · m/(√v + ε̂), against Algorithm 1: equal exactly when ε̂ = ε √(1 − β2^t),
 * not when ε̂ = ε (what a Keras user gets passing the paper's ε), and in float32 production within
 * the two steps' running error bounds.
 *
 * @module
 */
import fc from 'fast-check';
import { exactText } from '../../../oracle/binary32.js';
import { configure, type Configuration } from '../../../core/catalogue/index.js';
import * as entries from '../../../core/catalogue/entries.js';
import type { AdamSchema } from '../../../core/catalogue/rules/adam.js';
import { moderateFloat32, nonnegative } from '../../gate/arbitraries/float32.js';
import { betaFloat32 } from '../adam-step-size/common.js';
import { comparePair, exactParam } from '../one-step.js';
import { checkProperty, f32, int, text } from '../property.js';
import type { Claim, NamedValue } from '../types.js';
import { D } from './common.js';

const SOURCE = 'Kingma & Ba 2015, end of section 2';
const F = Math.fround;

/** Decimal text of ε̂ = ε √(1 − β2^t) to 100 digits. */
function epsilonHat(eps: string, beta2: string, t: number): string {
  return new D(eps)
    .times(new D(1).minus(new D(beta2).pow(t)).sqrt())
    .toSignificantDigits(100)
    .toString();
}

/** Adam, Algorithm 1 (`paper`) and the efficient form (`keras`), one step, with β and ε given. */
const adamIn = (form: 'paper' | 'keras', b1: number, b2: number, eps: string): Configuration<AdamSchema> =>
  configure(entries.adam, form, { lr: '0.001', beta1: exactText(b1), beta2: exactText(b2), eps });

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

/** A {@link stepFromState} case with its ε (decimal text, or a float32 value), named for a counterexample. */
const describeStepFromState = ([theta, g, v, b1, b2, t, eps]: readonly [
  number,
  number,
  number,
  number,
  number,
  number,
  string | number,
]): NamedValue[] => [
  f32('θ', theta),
  f32('g = m', g),
  f32('v', v),
  f32('β1', b1),
  f32('β2', b2),
  int('t', t),
  typeof eps === 'string' ? text('ε', eps) : f32('ε', eps),
];

/** The efficient form against Algorithm 1: with ε̂ = ε √(1 − β2^t) and with ε̂ = ε, exactly and in float32. */
export const efficientFormClaims: readonly Claim[] = [
  {
    id: 'bias-correction/efficient-form',
    statement:
      'the efficient form α √(1 − β2^t)/(1 − β1^t) · m/(√v + ε̂) equals Algorithm 1 exactly when ε̂ = ε √(1 − β2^t)',
    source: SOURCE,
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
    source: `${SOURCE}; keras/src/optimizers/adam.py`,
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
    source: SOURCE,
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
];
