/**
 * Scale invariance (Kingma & Ba 2015, section 2.1, and its kin): scaling every gradient by c ≠ 0, and
 * each state slot by its degree of homogeneity in g, multiplies a rule's step Δ = θ − θ' by
 * sign(c) |c|^d, d the rule's degree (0 for the adaptive rules with ε = 0, 1 for SGD and momentum).
 *
 * θ = 0 throughout, so that θ' = −Δ exactly (no rule here reads θ). docs/claims.md has the reasoning.
 *
 * @module
 */
import fc from 'fast-check';
import { Decimal } from 'decimal.js';
import { exactText } from '../../oracle/binary32.js';
import { elementwiseOracleOf } from '../../oracle/rules/index.js';
import { configure, entryOf, type Configuration } from '../../core/catalogue/index.js';
import { moderateFloat32 } from '../gate/arbitraries/float32.js';
import { boundTrajectory, errorOf } from '../gate/bound/trajectory-bound.js';
import { production } from '../gate/implementation.js';
import { productionRuleOf } from '../production/rules/index.js';
import { checkProperty, f32, int, text } from './property.js';
import type { Claim, ClaimOptions, NamedValue } from './types.js';

const SOURCE = 'Kingma & Ba 2015, section 2.1';
const D = Decimal.clone({ precision: 100 });

/** Degree of homogeneity in g of each state slot (AdaMax's u scales by |c|). */
export const SLOT_DEGREE: Readonly<Record<string, number>> = {
  m: 1,
  meanGrad: 1,
  v: 2,
  vmax: 2,
  meanSquare: 2,
  accumulator: 2,
  gradSquared: 2,
  u: 1,
  buffer: 1,
  updateSquared: 0,
  muProduct: 0,
  b1pow: 0,
  b2pow: 0,
};

type Case = readonly [rule: string, preset: string, hyper: Readonly<Record<string, string>>];

/** The rules the paper's claim covers, with ε = 0 (and no weight decay or momentum buffer, which break it). */
export const SCALE_INVARIANT: readonly Case[] = [
  ['adam', 'paper', { eps: '0' }],
  ['adam', 'keras', { eps: '0' }],
  ['adam', 'tfjs', { eps: '0' }],
  ['amsgrad', 'pytorch', { eps: '0', weightDecay: '0' }],
  ['adamax', 'paper', {}],
  ['nadam', 'paper', { eps: '0' }],
  ['nadam', 'keras', { eps: '0' }],
  ['rmsprop', 'paper', { eps: '0' }],
  ['rmsprop', 'pytorch', { eps: '0', momentum: '0', weightDecay: '0' }],
  ['adagrad', 'paper', { eps: '0' }],
];

/** SGD and momentum: homogeneous of degree 1 (the buffer scales by c). */
export const DEGREE_ONE: readonly Case[] = [
  ['sgd', 'paper', {}],
  ['momentum', 'paper', {}],
  ['momentum', 'pytorch', { dampening: '0', weightDecay: '0' }],
];

const configOf = ([rule, preset, hyper]: Case): Configuration => configure(entryOf(rule), preset, hyper);
const caseName = ([rule, preset]: Case): string => `${rule} (${preset})`;

/** A slot's scale factor for c, given its degree. */
function slotFactor(slot: string, c: Decimal): Decimal {
  const d = SLOT_DEGREE[slot] ?? 0;
  if (slot === 'u') return c.abs();
  return d === 0 ? new D(1) : c.pow(d);
}

/** Exact Δ (θ = 0) of one step, enclosed at 80 digits. */
function exactDelta(config: Configuration, g: Decimal | string, state: Record<string, Decimal | string>, t: number) {
  const slots = Object.fromEntries(Object.entries(state).map(([k, v]) => [k, [v]]));
  const theta = elementwiseOracleOf(config.entry.name).enclose(
    config,
    { params: ['0'], grads: [g], state: slots, t },
    80,
  )['params']![0]!;
  return { lo: theta.hi.neg(), hi: theta.lo.neg(), near: theta.near.neg() };
}

/** Element and tensor state for a case: first moments from `first`, second moments from |second|, tensor slots 0.5. */
function stateFor(config: Configuration, first: number, second: number): Record<string, number> {
  const layout = config.entry.state(config.flags);
  const state: Record<string, number> = {};
  for (const k of layout.element)
    state[k] = SLOT_DEGREE[k] === 2 || k === 'u' || k === 'updateSquared' ? Math.abs(second) : first;
  for (const k of layout.tensor) state[k] = 0.5;
  return state;
}

/** Δ(g) and Δ(c g) for one case, exact (80 digits). */
function scaledPair(which: Case, g: number, first: number, second: number, c: number, t: number) {
  const config = configOf(which);
  const state = stateFor(config, first, second);
  const tensor = config.entry.state(config.flags).tensor;
  const C = new D(exactText(c));
  const scaled = Object.fromEntries(
    Object.entries(state).map(([k, x]) => [k, new D(exactText(x)).times(tensor.includes(k) ? 1 : slotFactor(k, C))]),
  );
  const base = exactDelta(
    config,
    exactText(g),
    Object.fromEntries(Object.entries(state).map(([k, x]) => [k, exactText(x)])),
    t,
  );
  const moved = exactDelta(config, C.times(exactText(g)), scaled, t);
  return { base, moved, C };
}

/** `Δ(c g) = sign(c) |c|^degree Δ(g)`, exactly, for the cases. */
export function exactClaim(cases: readonly Case[], degree: number, o: ClaimOptions) {
  const factorOf = (C: Decimal) => C.abs().pow(degree).times(C.s);
  return checkProperty(
    {
      property: fc.property(
        fc.constantFrom(...cases),
        moderateFloat32(),
        moderateFloat32(),
        moderateFloat32(),
        moderateFloat32(),
        fc.integer({ min: 1, max: 1000 }),
        (which, g, first, second, c, t) => {
          const { base, moved, C } = scaledPair(which, g, first, second, c, t);
          const factor = factorOf(C);
          const width = Decimal.max(moved.hi.minus(moved.lo), base.hi.minus(base.lo).times(factor.abs()));
          return (
            moved.near.minus(base.near.times(factor)).abs().lte(width.times(2)) &&
            width.lte(moved.near.abs().times('1e-60'))
          );
        },
      ),
      runs: 200,
      describe: ([which, g, first, second, c, t]): NamedValue[] => [
        text('rule', caseName(which)),
        f32('g', g),
        f32('first moment', first),
        f32('second moment', Math.abs(second)),
        f32('c', c),
        int('t', t),
      ],
      reason: ([which, g, first, second, c, t]) => {
        const { base, moved, C } = scaledPair(which, g, first, second, c, t);
        return `Δ(c g) = ${moved.near.toSignificantDigits(15).toString()} against sign(c) |c|^${degree} Δ(g) = ${base.near.times(factorOf(C)).toSignificantDigits(15).toString()}`;
      },
    },
    o,
  );
}

/** Production's Δ (θ = 0) of one step. */
function float32Delta(
  backend: string,
  config: Configuration,
  g: number,
  state: Record<string, number>,
  t: number,
): number {
  const s = Object.fromEntries(Object.entries(state).map(([k, x]) => [k, Float32Array.of(x)]));
  return -production(backend).step(config, { params: Float32Array.of(0), grads: Float32Array.of(g), state: s, t })
    .params[0]!;
}

/** `Δ(2^k g) = ±2^(k·degree) Δ(g)` bitwise in production, moderate values. */
export function bitwiseClaim(cases: readonly Case[], degree: number, o: ClaimOptions) {
  return checkProperty(
    {
      property: fc.property(
        fc.constantFrom(...cases),
        moderateFloat32(),
        moderateFloat32(),
        moderateFloat32(),
        fc.integer({ min: -20, max: 20 }),
        fc.boolean(),
        fc.integer({ min: 1, max: 100 }),
        (which, g, first, second, k, negative, t) => {
          const config = configOf(which);
          const c = (negative ? -1 : 1) * 2 ** k;
          const state = stateFor(config, first, second);
          const tensor = config.entry.state(config.flags).tensor;
          const scaled = Object.fromEntries(
            Object.entries(state).map(([slot, x]) => [
              slot,
              tensor.includes(slot) ? x : x * slotFactor(slot, new D(c)).toNumber(),
            ]),
          );
          const base = float32Delta(o.backend, config, g, state, t);
          const moved = float32Delta(o.backend, config, g * c, scaled, t);
          return Object.is(moved, Math.sign(c) * Math.abs(c) ** degree * base);
        },
      ),
      runs: 200,
      describe: ([which, g, first, second, k, negative, t]): NamedValue[] => [
        text('rule', caseName(which)),
        f32('g', g),
        f32('first moment', first),
        f32('second moment', Math.abs(second)),
        f32('c', (negative ? -1 : 1) * 2 ** k),
        int('t', t),
      ],
    },
    o,
  );
}

/** Adam (paper) with ε > 0: the exact deviation from invariance. */
function adamDeviation(eps: string, g: Decimal, m: Decimal, v: Decimal, c: Decimal, t: number): Decimal {
  const b2 = new D('0.999');
  const vNew = b2.times(v).plus(new D(1).minus(b2).times(g.pow(2)));
  const vHat = vNew.div(new D(1).minus(b2.pow(t)));
  const base = exactDelta(configure(entryOf('adam'), 'paper', { eps }), g, { m, v }, t).near;
  return base
    .times(c.s)
    .times(new D(eps).times(new D(1).minus(new D(1).div(c.abs()))))
    .div(vHat.sqrt().plus(new D(eps).div(c.abs())));
}

const EPSILONS = ['1e-8', '0.001', '1'] as const;

export const scaleInvarianceClaims: readonly Claim[] = [
  {
    id: 'scale-invariance/exact',
    statement:
      'with ε = 0, Δ(c g) = sign(c) Δ(g) for every c ≠ 0: Adam (paper, keras, tfjs), AMSGrad, AdaMax, Nadam (paper, keras), RMSProp (paper, pytorch), Adagrad',
    source: SOURCE,
    on: 'oracle',
    expected: 'holds',
    check: (o) => exactClaim(SCALE_INVARIANT, 0, o),
  },
  {
    id: 'scale-invariance/exact/float32',
    statement:
      'the same rules in float32 production are bitwise invariant for c = ±2^k (|k| ≤ 20) on moderate values: scaling by 2^k commutes with rounding',
    source: SOURCE,
    on: 'float32',
    expected: 'holds',
    check: (o) => bitwiseClaim(SCALE_INVARIANT, 0, o),
  },
  {
    id: 'scale-invariance/degree-one',
    statement: 'SGD and momentum (paper, pytorch) are homogeneous of degree 1: Δ(c g) = c Δ(g), the buffer scaled by c',
    source: 'derived here',
    on: 'oracle',
    expected: 'holds',
    check: (o) => exactClaim(DEGREE_ONE, 1, o),
  },
  {
    id: 'scale-invariance/degree-one/float32',
    statement: 'SGD and momentum in float32 production: Δ(2^k g) = 2^k Δ(g) bitwise on moderate values',
    source: 'derived here',
    on: 'float32',
    expected: 'holds',
    check: (o) => bitwiseClaim(DEGREE_ONE, 1, o),
  },
  {
    id: 'scale-invariance/adadelta',
    statement: 'AdaDelta with ε = 0 is invariant (degree 0) with E[Δ²] held fixed',
    source: 'Zeiler 2012, section 3.2 ("units")',
    on: 'oracle',
    expected: 'holds',
    check: (o) => exactClaim([['adadelta', 'paper', { eps: '0' }]], 0, o),
  },
  {
    id: 'scale-invariance/adadelta-epsilon',
    statement: 'AdaDelta with its ε > 0 (1e-6) is invariant too',
    source: 'Zeiler 2012, section 3.2',
    on: 'oracle',
    expected: 'refuted',
    check: (o) => exactClaim([['adadelta', 'paper', {}]], 0, o),
  },
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
              const [g, m, v, c] = [g32, m32, Math.abs(v32), c32].map((x) => new D(exactText(x))) as [
                Decimal,
                Decimal,
                Decimal,
                Decimal,
              ];
              const config = configure(entryOf('adam'), 'paper', { eps });
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
              const config = configure(entryOf('adam'), 'paper', { eps });
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

/** The running error bound of production's Δ (θ = 0) for one step at step count t from state (m, v). */
function stepBound(config: Configuration, g: number, m: number, v: number, t: number): number {
  return errorOf(
    boundTrajectory(productionRuleOf('adam'), config, { param: 0, grads: [g], state: { m, v }, firstStep: t })[0]!
      .param,
  );
}
