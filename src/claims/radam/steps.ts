/**
 * RAdam's two regimes (Liu et al. 2019, arXiv:1908.03265, Algorithm 2): before the rectification
 * threshold the step is momentum SGD with bias correction, α m̂_t; after it, Adam's step with the
 * rectifier, α r_t m̂_t / (√v̂_t + ε), with ε where each preset puts it. Checked on the oracle's
 * enclosures: α m̂_t is computed here in decimals, Adam's step is the Adam oracle's (paper and
 * optax: Algorithm 1; PyTorch: Keras's efficient form α √b2/b1 · m/(√v + ε), whose ε is PyTorch
 * RAdam's), and r_t is the paper's formula at 120 digits (./common.ts).
 *
 * @module
 */
import fc from 'fast-check';
import type { Decimal } from 'decimal.js';
import { exactText } from '../../../oracle/binary32.js';
import { configure } from '../../../core/catalogue/index.js';
import * as entries from '../../../core/catalogue/entries.js';
import { moderateFloat32 } from '../../gate/arbitraries/float32.js';
import { elementwiseOracleOf } from '../../registry/index.js';
import { only } from '../one-step.js';
import { checkProperty, f32, int, text } from '../property.js';
import type { Claim } from '../types.js';
import { D, firstRectified, rectified, rectifier, SOURCE, thresholdSigns, type Threshold } from './common.js';

const PRESETS = { paper: '>4', pytorch: '>5', optax: '>=5' } as const satisfies Record<string, Threshold>;
type Preset = keyof typeof PRESETS;

/** One RAdam step: preset, decimal hyperparameters, float32 θ, g, m, v and t. */
export interface RadamCase {
  readonly preset: Preset;
  readonly lr: string;
  readonly beta1: string;
  readonly beta2: string;
  readonly eps: string;
  readonly weightDecay: string;
  readonly theta: number;
  readonly g: number;
  readonly m: number;
  readonly v: number;
  readonly t: number;
}

const gridRate = (min: number) =>
  fc.integer({ min: Math.ceil(min * 2 ** 24), max: 2 ** 24 - 1 }).map((n) => exactText(n / 2 ** 24));
const moderate = moderateFloat32();
const orZero = (a: fc.Arbitrary<number>) =>
  fc.oneof({ weight: 4, arbitrary: a }, { weight: 1, arbitrary: fc.constant(0) });

/** The t the case asks for: a fixed one, or one next to where ρ_t passes 4 or 5. */
type When = number | 'last below 4' | 'first above 4' | 'last below 5' | 'first above 5';

function stepAt(beta2: string, when: When): number {
  if (typeof when === 'number') return when;
  const first = firstRectified(beta2, 3000);
  const at = when.endsWith('4') ? first.four : first.five;
  if (at === undefined) return 3000;
  return when.startsWith('last') ? Math.max(1, at - 1) : at;
}

/** RAdam cases, t drawn on both sides of each preset's threshold. */
export const radamCases: fc.Arbitrary<RadamCase> = fc
  .tuple(
    fc.constantFrom<Preset>('paper', 'pytorch', 'optax'),
    fc.oneof(fc.constantFrom('0.001', '0.01'), gridRate(0)),
    fc.oneof(fc.constantFrom('0.9', '0', '0.5'), gridRate(0)),
    fc.oneof(fc.constantFrom('0.999', '0.99', '0.9', '0.7', '0.65'), gridRate(0.6)),
    fc.constantFrom('1e-8', '0.001', '1'),
    fc.oneof(fc.constant('0'), gridRate(0)),
    fc.tuple(moderate, moderate, orZero(moderate), orZero(moderate.map(Math.abs))),
    fc.oneof(
      fc.constantFrom<When>('last below 4', 'first above 4', 'last below 5', 'first above 5'),
      fc.integer({ min: 1, max: 3000 }),
    ),
  )
  .map(([preset, lr, beta1, beta2, eps, weightDecay, [theta, g, m, v], when]) => ({
    preset,
    lr,
    beta1,
    beta2,
    eps: preset === 'paper' ? '0' : eps,
    weightDecay: preset === 'pytorch' ? weightDecay : '0',
    theta,
    g,
    m,
    v,
    t: stepAt(beta2, when),
  }));

/** The case's values by name. */
const describeCase = ([c]: [RadamCase]) => [
  text('preset', c.preset),
  text('α', c.lr),
  text('β1', c.beta1),
  text('β2', c.beta2),
  text('ε', c.eps),
  text('λ', c.weightDecay),
  f32('θ', c.theta),
  f32('g', c.g),
  f32('m', c.m),
  f32('v', c.v),
  int('t', c.t),
];

/** The oracle's enclosure of RAdam's θ − θ', at 120 digits. */
export function radamStep(c: RadamCase): { lo: Decimal; hi: Decimal } {
  const hyper = { lr: c.lr, beta1: c.beta1, beta2: c.beta2, eps: c.eps };
  const extra = c.preset === 'pytorch' ? { weightDecay: c.weightDecay } : c.preset === 'optax' ? { epsRoot: '0' } : {};
  const out = elementwiseOracleOf('radam').enclose(
    configure(entries.radam, c.preset, { ...hyper, ...extra }),
    {
      params: [exactText(c.theta)],
      grads: [exactText(c.g)],
      state: { m: [exactText(c.m)], v: [exactText(c.v)] },
      t: c.t,
    },
    120,
  );
  const next = only(out['params'], "the oracle's θ'");
  const theta = new D(exactText(c.theta));
  return { lo: theta.minus(next.hi), hi: theta.minus(next.lo) };
}

/** g' = g + λ θ (PyTorch's coupled decay; λ = 0 elsewhere). */
const coupled = (c: RadamCase): Decimal => new D(exactText(c.g)).plus(new D(c.weightDecay).times(exactText(c.theta)));

/** Momentum SGD with bias correction: α m'/(1 − β1^t), m' = β1 m + (1 − β1) g'. */
export function sgdStep(c: RadamCase): Decimal {
  const b1 = new D(c.beta1);
  const m = b1.times(exactText(c.m)).plus(new D(1).minus(b1).times(coupled(c)));
  return new D(c.lr).times(m).div(new D(1).minus(b1.pow(c.t)));
}

/** Adam's step θ − θ' from the Adam oracle, under the preset's ε placement, times r_t. */
export function rectifiedAdamStep(c: RadamCase): Decimal {
  const hyper = { lr: c.lr, beta1: c.beta1, beta2: c.beta2, eps: c.eps };
  const config = configure(entries.adam, c.preset === 'pytorch' ? 'keras' : 'paper', hyper);
  const out = elementwiseOracleOf('adam').enclose(
    config,
    { params: [exactText(c.theta)], grads: [coupled(c)], state: { m: [exactText(c.m)], v: [exactText(c.v)] }, t: c.t },
    120,
  );
  const adam = only(out['params'], "Adam's θ'").near;
  return new D(exactText(c.theta)).minus(adam).times(rectifier(c.beta2, c.t));
}

/** Whether [lo, hi] holds x, up to 10^−90 of the magnitudes (the 120-digit roundings of the formulas). */
export function holds(step: { lo: Decimal; hi: Decimal }, x: Decimal, theta: number): boolean {
  const slack = x.abs().plus(Math.abs(theta)).plus(1).times('1e-90');
  return step.lo.minus(slack).lte(x) && x.lte(step.hi.plus(slack)) && step.hi.minus(step.lo).lte(slack.times('1e30'));
}

/** RAdam's regimes against momentum SGD and Adam, and the ties of `> 5` and `>= 5`. */
export const radamStepClaims: readonly Claim[] = [
  {
    id: 'radam/two-regimes',
    statement:
      "the exact step is α m̂_t while ρ_t is not past the preset's threshold, and α r_t m̂_t/(√v̂_t + ε) (Adam's step, the preset's ε placement, times r_t) once it is",
    source: SOURCE,
    on: 'oracle',
    expected: 'holds',
    check: (o) => {
      const seen = { before: 0, after: 0, between: 0 };
      return checkProperty(
        {
          property: fc.property(radamCases, (c) => {
            const after = rectified(PRESETS[c.preset], c.beta2, c.t);
            if (rectified('>4', c.beta2, c.t) && !rectified('>5', c.beta2, c.t)) seen.between++;
            seen[after ? 'after' : 'before']++;
            return holds(radamStep(c), after ? rectifiedAdamStep(c) : sgdStep(c), c.theta);
          }),
          runs: 300,
          describe: describeCase,
          reason: ([c]) => {
            const after = rectified(PRESETS[c.preset], c.beta2, c.t);
            const step = radamStep(c);
            return (
              `${after ? 'rectified' : 'not rectified'} at t = ${c.t}: the oracle's θ − θ' lies in ` +
              `[${step.lo.toSignificantDigits(20).toString()}, ${step.hi.toSignificantDigits(20).toString()}], the formula gives ` +
              (after ? rectifiedAdamStep(c) : sgdStep(c)).toSignificantDigits(20).toString()
            );
          },
          measured: () =>
            `${seen.before} cases before the threshold, ${seen.after} after; ${seen.between} at a t where ` +
            "the paper's ρ_t > 4 rectifies and PyTorch's and optax's 5 do not",
        },
        o,
      );
    },
  },
  {
    id: 'radam/threshold-ties',
    statement:
      "ρ_t is never exactly 4 or 5 for a rational β2 (every float32 or decimal β2), so optax's ρ_t ≥ 5 and PyTorch's ρ_t > 5 rectify the same steps",
    source: 'derived here (rational root theorem on Σ_{j<t} (j − 2) β^j and Σ_{j<t} (2j − 3) β^j)',
    on: 'oracle',
    expected: 'holds',
    check: (o) => {
      let steps = 0;
      return checkProperty(
        {
          property: fc.property(
            fc.oneof(
              gridRate(0),
              fc.integer({ min: 1, max: 99999 }).map((n) => `0.${String(n).padStart(5, '0')}`),
            ),
            fc.integer({ min: 1, max: 400 }),
            (beta2, last) => {
              let ties = 0;
              let t = 0;
              for (const s of thresholdSigns(beta2, last)) {
                t = s.t;
                if (s.five === 0 || s.four === 0) ties++;
              }
              steps += t;
              return ties === 0;
            },
          ),
          runs: 200,
          describe: ([beta2, last]) => [text('β2', beta2), int('t', last)],
          measured: () => `${steps} (β2, t) pairs, none with ρ_t = 4 or ρ_t = 5`,
        },
        o,
      );
    },
  },
];
