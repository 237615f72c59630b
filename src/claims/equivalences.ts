/**
 * Equivalences between conventions. Exactly: on the oracle over trajectories, with no rounding to
 * float32 between steps (each step's enclosure at 80 digits feeds the next as its nearest value, and
 * results are compared to 10^−60). In float32: one production step of each convention from the same
 * state, compared through src/claims/one-step.ts (bitwise where the mapping between the conventions
 * is exact in float32 and the operations coincide).
 *
 * @module
 */
import fc from 'fast-check';
import { Decimal } from 'decimal.js';
import { exactText, roundToFloat32 } from '../../oracle/binary32.js';
import { exactGradient } from '../../oracle/objectives.js';
import { IntervalArithmetic } from '../../oracle/interval.js';
import { elementwiseOracleOf } from '../../oracle/rules/index.js';
import { encloseNag } from '../../oracle/rules/nag.js';
import { configure, entryOf, type Configuration } from '../catalogue/index.js';
import { moderateFloat32, nonnegative } from '../gate/arbitraries/float32.js';
import { boundTrajectory, errorOf } from '../gate/bound/trajectory-bound.js';
import { production } from '../gate/implementation.js';
import { productionRuleOf } from '../rules/index.js';
import { comparePair, exactParam, exactStep, productionParam, type OneStep, type Slots } from './one-step.js';
import { checkProperty, f32, int, text, type PropertyClaim } from './property.js';
import type { Claim, ClaimOptions, ClaimResult, NamedValue } from './types.js';

const F = Math.fround;
const D = Decimal.clone({ precision: 100 });

/** A rate in (0, 1) on the 2^−24 grid (exact in float32). */
const rate = fc.integer({ min: 1, max: 2 ** 24 - 1 }).map((n) => n / 2 ** 24);
/** A nonzero moderate float32. */
const moderate = moderateFloat32();
const gradients = (maxLength: number) => fc.array(moderate, { minLength: 1, maxLength });


/** θ after each step of a trajectory; `configAt(t)` may change with t. */
function trajectory(configAt: (t: number) => Configuration, theta: number, slots: Slots, gs: readonly number[]): Decimal[] {
  let th: Decimal | string = exactText(theta);
  let s: Slots = slots;
  return gs.map((g, i) => {
    const r = exactStep(configAt(i + 1), th, exactText(g), s, i + 1);
    th = r.theta;
    s = r.slots;
    return th;
  });
}

/** Equal to 10^−60 relative (the trajectories are computed to 80 digits). */
const agree = (x: readonly Decimal[], y: readonly Decimal[]): boolean => x.every((v, i) => v.minus(y[i]!).abs().lte(v.abs().plus(1).times('1e-60')));

const describeRun = (names: string[]) => (args: unknown[]): NamedValue[] =>
  args.flatMap((x, i) => (Array.isArray(x) ? x.map((g, k) => f32(`${names[i]}_${k + 1}`, g as number)) : typeof x === 'number' ? [Number.isInteger(x) && names[i] === 't' ? int(names[i]!, x) : f32(names[i]!, x)] : [text(names[i]!, String(x))]));

/** A float32 pair claim: `|P_A − P_B − (X_A − X_B)| ≤ e_A + e_B` over cases, or bitwise equality. */
function float32Pair<Ts extends unknown[]>(arbitraries: { [K in keyof Ts]: fc.Arbitrary<Ts[K]> }, sides: (...args: Ts) => [OneStep, OneStep], names: string[], o: ClaimOptions, bitwise = false): ClaimResult {
  let worst = 0;
  let ulps = 0;
  let judged = 0;
  const claim: PropertyClaim<Ts> = {
    property: fc.property(...(arbitraries as unknown as [fc.Arbitrary<unknown>]), (...args: unknown[]) => {
      const [a, b] = sides(...(args as Ts));
      if (bitwise) return Object.is(productionParam(o.backend, a), productionParam(o.backend, b));
      const pair = comparePair(o.backend, a, b);
      if (pair === undefined) return true;
      judged++;
      worst = Math.max(worst, pair.ratio);
      ulps = Math.max(ulps, pair.ulps);
      return pair.ratio <= 1;
    }) as unknown as fc.IProperty<Ts>,
    runs: 200,
    describe: describeRun(names) as (args: Ts) => NamedValue[],
    ...(bitwise
      ? {}
      : {
          bound: '(X_A − X_B) ± (e_A + e_B)',
          judged: () => judged,
          measured: () => `largest |P_A − P_B − (X_A − X_B)|/(e_A + e_B) over ${judged} cases: ${worst.toFixed(3)}; the conventions' float32 results differ by up to ${ulps} ulp`,
        }),
  };
  return checkProperty(claim, o);
}

const momentum = (preset: 'paper' | 'pytorch' | 'keras', lr: number, mu: number) =>
  configure(entryOf('momentum'), preset, preset === 'pytorch' ? { lr: exactText(lr), momentum: exactText(mu), dampening: '0', weightDecay: '0' } : { lr: exactText(lr), momentum: exactText(mu) });
const adam = (preset: 'paper' | 'pytorch', b1: number, b2: number, eps: string, extra: Record<string, string> = {}) => configure(entryOf('adam'), preset, { beta1: exactText(b1), beta2: exactText(b2), eps, ...extra });
/** RMSProp with ε outside (PyTorch's form) and bias correction folded into α_t = α √(1 − β2^t), ε_t = ε √(1 − β2^t). */
function biasCorrectedRmsprop(alpha: string, b2: number, eps: string, t: number): Configuration {
  const root = new D(1).minus(new D(exactText(b2)).pow(t)).sqrt();
  return configure(entryOf('rmsprop'), 'pytorch', { lr: root.times(alpha).toString(), rho: exactText(b2), eps: root.times(eps).toString(), momentum: '0', weightDecay: '0' });
}

const EPSILONS = ['1e-8', '0.001'] as const;

/** Two momentum forms give the same θ trajectory from a zero buffer (exact). */
function momentumForms(a: 'paper' | 'pytorch' | 'keras', b: 'paper' | 'pytorch' | 'keras', o: ClaimOptions): ClaimResult {
  return checkProperty(
    {
      property: fc.property(moderate, rate, rate, gradients(30), (theta, lr, mu, gs) => agree(trajectory(() => momentum(a, lr, mu), theta, { buffer: '0' }, gs), trajectory(() => momentum(b, lr, mu), theta, { buffer: '0' }, gs))),
      runs: 100,
      describe: describeRun(['θ', 'α', 'μ', 'g']) as never,
    },
    o,
  );
}

export const equivalenceClaims: readonly Claim[] = [
  {
    id: 'equivalence/momentum-paper-pytorch',
    statement: 'momentum in the paper form (v ← μ v + α g, θ ← θ − v) and the PyTorch form (b ← μ b + g, θ ← θ − α b) give the same θ for a constant α',
    source: 'Ruder 2016, section 4.1; torch/optim/sgd.py',
    on: 'oracle',
    expected: 'holds',
    check: (o) =>
      momentumForms('paper', 'pytorch', o),
  },
  {
    id: 'equivalence/momentum-paper-pytorch/float32',
    statement: 'float32 production, one step with v = α b and α = 2^−k: bitwise equal (scaling by 2^−k commutes with rounding)',
    source: 'Ruder 2016, section 4.1; torch/optim/sgd.py',
    on: 'float32',
    expected: 'holds',
    check: (o) =>
      float32Pair(
        [moderate, moderate, moderate, fc.integer({ min: 0, max: 20 }), rate, fc.integer({ min: 2, max: 100 })],
        (theta, g, b, k, mu, t) => [
          { config: momentum('paper', 2 ** -k, mu), param: theta, grad: g, state: { buffer: b * 2 ** -k }, t },
          { config: momentum('pytorch', 2 ** -k, mu), param: theta, grad: g, state: { buffer: b }, t },
        ],
        ['θ', 'g', 'b', 'k (α = 2^−k)', 'μ', 't'],
        o,
        true,
      ),
  },
  {
    id: 'equivalence/momentum-paper-pytorch-any-rate/float32',
    statement: 'float32 production, one step with any α and v = float32(α b): |P_A − P_B − (X_A − X_B)| ≤ e_A + e_B',
    source: 'Ruder 2016, section 4.1; torch/optim/sgd.py',
    on: 'float32',
    expected: 'holds with bound',
    check: (o) =>
      float32Pair(
        [moderate, moderate, moderate, rate, rate, fc.integer({ min: 2, max: 100 })],
        (theta, g, b, lr, mu, t) => [
          { config: momentum('paper', lr, mu), param: theta, grad: g, state: { buffer: F(lr * b) }, t },
          { config: momentum('pytorch', lr, mu), param: theta, grad: g, state: { buffer: b }, t },
        ],
        ['θ', 'g', 'b', 'α', 'μ', 't'],
        o,
      ),
  },
  {
    id: 'equivalence/momentum-keras-paper',
    statement: "Keras's momentum (m ← μ m − α g, θ ← θ + m) is the paper form with m = −v",
    source: 'keras/src/optimizers/sgd.py',
    on: 'oracle',
    expected: 'holds',
    check: (o) =>
      momentumForms('keras', 'paper', o),
  },
  {
    id: 'equivalence/momentum-keras-paper/float32',
    statement: 'float32 production, one step with m = −v: bitwise equal (negation commutes with rounding to nearest)',
    source: 'keras/src/optimizers/sgd.py',
    on: 'float32',
    expected: 'holds',
    check: (o) =>
      float32Pair(
        [moderate, moderate, moderate, rate, rate, fc.integer({ min: 1, max: 100 })],
        (theta, g, v, lr, mu, t) => [
          { config: momentum('keras', lr, mu), param: theta, grad: g, state: { buffer: -v }, t },
          { config: momentum('paper', lr, mu), param: theta, grad: g, state: { buffer: v }, t },
        ],
        ['θ', 'g', 'v', 'α', 'μ', 't'],
        o,
        true,
      ),
  },
  {
    id: 'equivalence/nag-reformulated',
    statement: "NAG's look-ahead form (v ← γ v + α ∇J(θ − γ v), θ ← θ − v) and the reformulated form on φ = θ − γ v give φ_t = θ_t − γ v_t and the same v_t",
    source: 'Sutskever et al. 2013, section 2; Bengio et al. 2013',
    on: 'oracle',
    expected: 'holds',
    check: (o) => checkProperty({ property: nagProperty(), runs: 100, describe: describeRun(['θ0', 'α', 'γ', 't', 'objective']) as never }, o),
  },
  {
    id: 'equivalence/nag-reformulated/float32',
    statement: 'float32 production, one step: NAG from (θ, v) against Nesterov on φ = float32(θ − γ v) with g = float32(∇J(φ)); for v and for φ\' = θ\' − γ v\': |P_A − P_B − (X_A − X_B)| ≤ e_A + e_B',
    source: 'Sutskever et al. 2013, section 2',
    on: 'float32',
    expected: 'holds with bound',
    check: (o) => nagFloat32(o),
  },
  {
    id: 'equivalence/adam-beta1-zero-rmsprop',
    statement: 'Adam with β1 = 0 equals RMSProp (ε outside) with bias correction: α_t = α √(1 − β2^t), ε_t = ε √(1 − β2^t)',
    source: 'Kingma & Ba 2015, section 5; Ruder 2016, section 4.6',
    on: 'oracle',
    expected: 'holds',
    check: (o) =>
      checkProperty(
        {
          property: fc.property(moderate, rate, fc.constantFrom(...EPSILONS), gradients(20), (theta, b2, eps, gs) =>
            agree(
              trajectory(() => adam('paper', 0, b2, eps, { lr: '0.001' }), theta, { m: '0', v: '0' }, gs),
              trajectory((t) => biasCorrectedRmsprop('0.001', b2, eps, t), theta, { meanSquare: '0', buffer: '0' }, gs),
            ),
          ),
          runs: 100,
          describe: describeRun(['θ', 'β2', 'ε', 'g']) as never,
        },
        o,
      ),
  },
  {
    id: 'equivalence/adam-beta1-zero-rmsprop/float32',
    statement: 'float32 production, one step, α_t and ε_t rounded to float32: |P_A − P_B − (X_A − X_B)| ≤ e_A + e_B',
    source: 'Kingma & Ba 2015, section 5',
    on: 'float32',
    expected: 'holds with bound',
    check: (o) =>
      float32Pair(
        [moderate, moderate, nonnegative(moderate), rate, fc.constantFrom(...EPSILONS), fc.integer({ min: 1, max: 100 })],
        (theta, g, v, b2, eps, t) => {
          const r = biasCorrectedRmsprop('0.001', b2, eps, t);
          const rounded = configure(entryOf('rmsprop'), 'pytorch', { ...r.hyper, lr: exactText(F(Number(r.hyper['lr']))), eps: exactText(F(Number(r.hyper['eps']))) });
          return [
            { config: adam('paper', 0, b2, eps, { lr: '0.001' }), param: theta, grad: g, state: { m: 0, v }, t },
            { config: rounded, param: theta, grad: g, state: { meanSquare: v, buffer: 0 }, t },
          ];
        },
        ['θ', 'g', 'v', 'β2', 'ε', 't'],
        o,
      ),
  },
  {
    id: 'equivalence/nadam-adam-lookahead',
    statement: "the paper's Nadam is Adam with a Nesterov look-ahead on the first moment: its step from (m, v) is Adam's step from (m_t, v) with the same g, m_t = β1 m + (1 − β1) g",
    source: 'Dozat 2016; Ruder 2016, section 4.9',
    on: 'oracle',
    expected: 'holds',
    check: (o) =>
      checkProperty(
        {
          property: fc.property(moderate, rate, rate, fc.constantFrom(...EPSILONS), gradients(20), (theta, b1, b2, eps, gs) => {
            const nadam = configure(entryOf('nadam'), 'paper', { beta1: exactText(b1), beta2: exactText(b2), eps });
            const adamConfig = adam('paper', b1, b2, eps);
            let th: Decimal | string = exactText(theta);
            let slots: Slots = { m: '0', v: '0' };
            return gs.every((g, i) => {
              const t = i + 1;
              const n = exactStep(nadam, th, exactText(g), slots, t);
              // Adam from (m_t, v_{t−1}): its m'' = β1 m_t + (1 − β1) g is the look-ahead, its v'' = v_t.
              const a = exactStep(adamConfig, th, exactText(g), { m: n.slots['m']!, v: slots['v']! }, t);
              th = n.theta;
              slots = n.slots;
              return agree([n.theta], [a.theta]) && agree([n.slots['v']!], [a.slots['v']!]);
            });
          }),
          runs: 100,
          describe: describeRun(['θ', 'β1', 'β2', 'ε', 'g']) as never,
        },
        o,
      ),
  },
  {
    id: 'equivalence/nadam-adam-lookahead/float32',
    statement: "float32 production, one step, Adam given production's rounded m_t: |P_A − P_B − (X_A − X_B)| ≤ e_A + e_B",
    source: 'Dozat 2016',
    on: 'float32',
    expected: 'holds with bound',
    check: (o) =>
      float32Pair(
        [moderate, moderate, moderate, nonnegative(moderate), rate, rate, fc.integer({ min: 1, max: 100 })],
        (theta, g, m, v, b1, b2, t) => {
          const nadam = configure(entryOf('nadam'), 'paper', { beta1: exactText(b1), beta2: exactText(b2), eps: '1e-8' });
          const mt = F(F(b1 * m) + F(F(1 - b1) * g));
          return [
            { config: nadam, param: theta, grad: g, state: { m, v }, t },
            { config: adam('paper', b1, b2, '1e-8'), param: theta, grad: g, state: { m: mt, v }, t },
          ];
        },
        ['θ', 'g', 'm', 'v', 'β1', 'β2', 't'],
        o,
      ),
  },
  {
    id: 'equivalence/decoupled-coupled-sgd',
    statement: 'for plain SGD, decoupled decay θ ← θ (1 − α λ) − α g equals coupled L2 θ ← θ − α (g + λ θ)',
    source: 'Loshchilov & Hutter 2019, proposition 1',
    on: 'oracle',
    expected: 'holds',
    check: (o) =>
      checkProperty(
        {
          property: fc.property(moderate, rate, rate, gradients(20), (theta, lr, lambda, gs) => {
            const coupled = trajectory(() => configure(entryOf('sgd'), 'pytorch', { lr: exactText(lr), weightDecay: exactText(lambda) }), theta, {}, gs);
            const sgd = configure(entryOf('sgd'), 'paper', { lr: exactText(lr) });
            const factor = new D(1).minus(new D(exactText(lr)).times(exactText(lambda)));
            let th = new D(exactText(theta));
            const decoupled = gs.map((g, i) => (th = exactStep(sgd, th.times(factor), exactText(g), {}, i + 1).theta));
            return agree(coupled, decoupled);
          }),
          runs: 100,
          describe: describeRun(['θ', 'α', 'λ', 'g']) as never,
        },
        o,
      ),
  },
  {
    id: 'equivalence/decoupled-coupled-sgd/float32',
    statement: 'float32 production, one step: SGD with weight_decay λ against plain SGD on float32(θ (1 − α λ)): |P_A − P_B − (X_A − X_B)| ≤ e_A + e_B',
    source: 'Loshchilov & Hutter 2019, proposition 1',
    on: 'float32',
    expected: 'holds with bound',
    check: (o) =>
      float32Pair(
        [moderate, moderate, rate, rate, fc.integer({ min: 1, max: 100 })],
        (theta, g, lr, lambda, t) => [
          { config: configure(entryOf('sgd'), 'pytorch', { lr: exactText(lr), weightDecay: exactText(lambda) }), param: theta, grad: g, state: {}, t },
          { config: configure(entryOf('sgd'), 'paper', { lr: exactText(lr) }), param: F(theta * F(1 - F(lr * lambda))), grad: g, state: {}, t },
        ],
        ['θ', 'g', 'α', 'λ', 't'],
        o,
      ),
  },
  {
    id: 'equivalence/decoupled-coupled-adam',
    statement: "for Adam, decoupled decay (AdamW, PyTorch's θ (1 − α λ)) equals coupled L2 (Adam's weight_decay λ)",
    source: 'Loshchilov & Hutter 2019, section 2',
    on: 'oracle',
    expected: 'refuted',
    check: (o) =>
      checkProperty(
        {
          property: fc.property(moderate, moderate, rate, fc.integer({ min: 1, max: 2 ** 24 - 1 }).map((n) => n / 2 ** 24), (theta, g, b2, lambda) => {
            const coupled = exactParam({ config: adam('pytorch', F(0.9), b2, '0', { lr: '0.001', weightDecay: exactText(lambda) }), param: theta, grad: g, state: { m: 0, v: 0 }, t: 1 });
            const decoupled = exactParam({ config: configure(entryOf('adamw'), 'pytorch', { beta1: exactText(F(0.9)), beta2: exactText(b2), eps: '0', lr: '0.001', weightDecay: exactText(lambda) }), param: theta, grad: g, state: { m: 0, v: 0 }, t: 1 });
            return agree([coupled], [decoupled]);
          }),
          runs: 100,
          describe: describeRun(['θ', 'g', 'β2', 'λ']) as never,
          reason: ([theta, g, b2, lambda]) => `first step from zero state, ε = 0, α = 0.001: θ' differs by ${firstStepDifference(theta, g, b2, lambda).toSignificantDigits(6).toString()}, which is α λ θ − α sign(g + λ θ) + α sign(g)`,
        },
        o,
      ),
  },
  {
    id: 'equivalence/decoupled-coupled-adam-difference',
    statement: "by how much: Adam's first step from zero state with ε = 0 gives θ'_coupled − θ'_decoupled = α λ θ − α sign(g + λ θ) + α sign(g), exactly",
    source: 'derived here (|Δ_1| = α for any gradient, including g + λ θ)',
    on: 'oracle',
    expected: 'holds with bound',
    check: (o) =>
      checkProperty(
        {
          property: fc.property(moderate, moderate, rate, rate, rate, (theta, g, b1, b2, lambda) => {
            const alpha = new D('0.001');
            const L = new D(exactText(lambda));
            const T = new D(exactText(theta));
            const coupledGrad = new D(exactText(g)).plus(L.times(T));
            const predicted = alpha.times(L).times(T).minus(alpha.times(coupledGrad.s)).plus(alpha.times(Math.sign(g)));
            return firstStepDifference(theta, g, b2, lambda, b1).minus(predicted).abs().lte(T.abs().plus(1).times('1e-60'));
          }),
          runs: 100,
          describe: describeRun(['θ', 'g', 'β1', 'β2', 'λ']) as never,
          bound: 'α λ θ − α sign(g + λ θ) + α sign(g): up to 2α + α λ |θ| apart',
        },
        o,
      ),
  },
  {
    id: 'equivalence/decoupled-coupled-adam/float32',
    statement: 'float32 production, one step of Adam (coupled λ) and AdamW (decoupled λ) from the same state: |P_A − P_B − (X_A − X_B)| ≤ e_A + e_B',
    source: 'Loshchilov & Hutter 2019',
    on: 'float32',
    expected: 'holds with bound',
    check: (o) =>
      float32Pair(
        [moderate, moderate, moderate, nonnegative(moderate), rate, rate, rate, fc.integer({ min: 1, max: 100 })],
        (theta, g, m, v, b1, b2, lambda, t) => [
          { config: adam('pytorch', b1, b2, '1e-8', { lr: '0.001', weightDecay: exactText(lambda) }), param: theta, grad: g, state: { m, v }, t },
          { config: configure(entryOf('adamw'), 'pytorch', { beta1: exactText(b1), beta2: exactText(b2), eps: '1e-8', lr: '0.001', weightDecay: exactText(lambda) }), param: theta, grad: g, state: { m, v }, t },
        ],
        ['θ', 'g', 'm', 'v', 'β1', 'β2', 'λ', 't'],
        o,
      ),
  },
  {
    id: 'equivalence/amsgrad-adam-nondecreasing',
    statement: 'AMSGrad equals Adam while v never decreases (|g_t| non-decreasing from zero state)',
    source: 'Reddi et al. 2018, Algorithm 2',
    on: 'oracle',
    expected: 'holds',
    check: (o) =>
      checkProperty(
        {
          property: fc.property(moderate, rate, rate, gradients(20), (theta, b1, b2, raw) => {
            // |g_t| non-decreasing makes v_t = β2 v_{t−1} + (1 − β2) g_t² ≥ v_{t−1}, so max(v_max, v) = v.
            const gs = [...raw].sort((x, y) => Math.abs(x) - Math.abs(y));
            const extra = { lr: '0.001', weightDecay: '0' };
            const amsgrad = configure(entryOf('amsgrad'), 'pytorch', { beta1: exactText(b1), beta2: exactText(b2), eps: '1e-8', ...extra });
            return agree(trajectory(() => adam('pytorch', b1, b2, '1e-8', extra), theta, { m: '0', v: '0' }, gs), trajectory(() => amsgrad, theta, { m: '0', v: '0', vmax: '0' }, gs));
          }),
          runs: 100,
          describe: describeRun(['θ', 'β1', 'β2', 'g']) as never,
        },
        o,
      ),
  },
  {
    id: 'equivalence/amsgrad-adam',
    statement: 'AMSGrad equals Adam for any gradient sequence',
    source: 'Reddi et al. 2018',
    on: 'oracle',
    expected: 'refuted',
    check: (o) =>
      checkProperty(
        {
          property: fc.property(moderate, rate, rate, gradients(20), (theta, b1, b2, gs) => {
            const extra = { lr: '0.001', weightDecay: '0' };
            const amsgrad = configure(entryOf('amsgrad'), 'pytorch', { beta1: exactText(b1), beta2: exactText(b2), eps: '1e-8', ...extra });
            return agree(trajectory(() => adam('pytorch', b1, b2, '1e-8', extra), theta, { m: '0', v: '0' }, gs), trajectory(() => amsgrad, theta, { m: '0', v: '0', vmax: '0' }, gs));
          }),
          runs: 100,
          describe: describeRun(['θ', 'β1', 'β2', 'g']) as never,
          reason: ([theta, b1, b2, gs]) => {
            const extra = { lr: '0.001', weightDecay: '0' };
            const amsgrad = configure(entryOf('amsgrad'), 'pytorch', { beta1: exactText(b1), beta2: exactText(b2), eps: '1e-8', ...extra });
            const x = trajectory(() => adam('pytorch', b1, b2, '1e-8', extra), theta, { m: '0', v: '0' }, gs).at(-1)!;
            const y = trajectory(() => amsgrad, theta, { m: '0', v: '0', vmax: '0' }, gs).at(-1)!;
            return `θ_${gs.length} = ${x.toSignificantDigits(12).toString()} (Adam) against ${y.toSignificantDigits(12).toString()} (AMSGrad): v decreased at the last step`;
          },
        },
        o,
      ),
  },
  {
    id: 'equivalence/amsgrad-adam-nondecreasing/float32',
    statement: 'float32 production, one step with v_max ≤ float32(β2 v) (so v_max ≤ v′ after rounding): bitwise equal',
    source: 'Reddi et al. 2018',
    on: 'float32',
    expected: 'holds',
    check: (o) =>
      float32Pair(
        [moderate, moderate, moderate, nonnegative(moderate), rate, rate, rate, fc.integer({ min: 1, max: 100 })],
        (theta, g, m, v, b1, b2, shrink, t) => {
          const extra = { lr: '0.001', weightDecay: '0' };
          const amsgrad = configure(entryOf('amsgrad'), 'pytorch', { beta1: exactText(b1), beta2: exactText(b2), eps: '1e-8', ...extra });
          return [
            { config: adam('pytorch', b1, b2, '1e-8', extra), param: theta, grad: g, state: { m, v }, t },
            { config: amsgrad, param: theta, grad: g, state: { m, v, vmax: F(F(b2 * v) * shrink) }, t },
          ];
        },
        ['θ', 'g', 'm', 'v', 'β1', 'β2', 'v_max / float32(β2 v)', 't'],
        o,
        true,
      ),
  },
];

/** θ'_coupled − θ'_decoupled for Adam's first step from zero state, ε = 0, α = 0.001 (exact). */
function firstStepDifference(theta: number, g: number, b2: number, lambda: number, b1: number = F(0.9)): Decimal {
  const common = { beta1: exactText(b1), beta2: exactText(b2), eps: '0', lr: '0.001', weightDecay: exactText(lambda) };
  const coupled = exactParam({ config: configure(entryOf('adam'), 'pytorch', common), param: theta, grad: g, state: { m: 0, v: 0 }, t: 1 });
  const decoupled = exactParam({ config: configure(entryOf('adamw'), 'pytorch', common), param: theta, grad: g, state: { m: 0, v: 0 }, t: 1 });
  return coupled.minus(decoupled);
}

const OBJECTIVES = {
  quadratic: { kind: 'quadratic' as const, curvature: Float32Array.of(0.5, 2) },
  rosenbrock: { kind: 'rosenbrock' as const, a: '1', b: '100' },
};

/** The exact gradient of the objective at float32 points, nearest at 80 digits. */
function gradientAt(kind: keyof typeof OBJECTIVES, points: readonly (Decimal | string)[]): Decimal[] {
  const a = IntervalArithmetic.at(80);
  const objective = OBJECTIVES[kind];
  const ys = points.map((x) => a.point(x));
  return (kind === 'quadratic' ? ys.flatMap((p, i) => exactGradient(a, objective, i, [p])) : exactGradient(a, objective, 0, ys)).map((x) => x.near);
}

/** NAG against the reformulated Nesterov step in float32, one step from the same (θ, v). */
function nagFloat32(o: ClaimOptions): ClaimResult {
  let worst = 0;
  let judged = 0;
  return checkProperty(
    {
      property: fc.property(fc.array(moderateFloat32().filter((x) => Math.abs(x) < 100), { minLength: 2, maxLength: 2 }), fc.array(moderateFloat32().filter((x) => Math.abs(x) < 100), { minLength: 2, maxLength: 2 }), rate, rate, fc.integer({ min: 1, max: 100 }), fc.constantFrom('quadratic', 'rosenbrock'), (theta, v, lr, mu, t, kind) => {
        const objective = OBJECTIVES[kind as keyof typeof OBJECTIVES];
        const hyper = { lr: exactText(lr), momentum: exactText(mu) };
        const nag = configure(entryOf('nag'), 'paper', hyper);
        const nesterov = configure(entryOf('nesterov'), 'paper', hyper);
        const impl = production(o.backend);
        const inputA = { params: Float32Array.from(theta), grads: new Float32Array(2), state: { velocity: Float32Array.from(v) }, t, objective };
        const boundA = impl.bound(nag, inputA);
        const a = impl.step(nag, inputA);
        const exactA = encloseNag(nag, objective, theta.map(exactText), v.map(exactText), 80);
        const phi = theta.map((x, i) => F(x - F(mu * v[i]!)));
        const g = gradientAt(kind as keyof typeof OBJECTIVES, phi.map(exactText)).map((x) => roundToFloat32(x));
        const b = impl.step(nesterov, { params: Float32Array.from(phi), grads: Float32Array.from(g), state: { buffer: Float32Array.from(v) }, t });
        const M = new D(exactText(mu));
        return [0, 1].every((i) => {
          const boundB = boundTrajectory(productionRuleOf('nesterov'), nesterov, { param: phi[i]!, grads: [g[i]!], state: { buffer: v[i]! }, firstStep: t })[0]!;
          const ev = boundA['velocity']![i]!.bound + errorOf(boundB.slots['buffer']!);
          const ephi = boundA['params']![i]!.bound + M.toNumber() * boundA['velocity']![i]!.bound + errorOf(boundB.param);
          if (!Number.isFinite(ev + ephi)) return true;
          const xB = elementwiseOracleOf('nesterov').enclose(nesterov, { params: [exactText(phi[i]!)], grads: [exactText(g[i]!)], state: { buffer: [exactText(v[i]!)] }, t }, 80);
          const missV = new D(a.state['velocity']![i]!).minus(b.state['buffer']![i]!).minus(exactA.velocity[i]!.near.minus(xB['buffer']![0]!.near)).abs();
          const lookahead = (th: Decimal | number, vel: Decimal | number) => new D(th).minus(M.times(vel));
          const missPhi = lookahead(a.params[i]!, a.state['velocity']![i]!).minus(b.params[i]!).minus(lookahead(exactA.params[i]!.near, exactA.velocity[i]!.near).minus(xB['params']![0]!.near)).abs();
          judged++;
          worst = Math.max(worst, missV.div(ev).toNumber(), missPhi.div(ephi).toNumber());
          return missV.lte(ev) && missPhi.lte(ephi);
        });
      }),
      runs: 200,
      describe: describeRun(['θ', 'v', 'α', 'γ', 't', 'objective']) as never,
      judged: () => judged,
      bound: "(X_A − X_B) ± (e_A + e_B), e_A from NAG's derived bound (its comparison bound), e_B from the running bound",
      measured: () => `largest |P_A − P_B − (X_A − X_B)|/(e_A + e_B) over ${judged} elements: ${worst.toFixed(3)}`,
    },
    o,
  );
}

/** NAG (look-ahead) against the reformulated Nesterov step on φ = θ − γ v, on a quadratic or Rosenbrock pairs. */
function nagProperty() {
  const a = IntervalArithmetic.at(80);
  return fc.property(fc.array(moderateFloat32().filter((x) => Math.abs(x) < 100), { minLength: 2, maxLength: 2 }), rate, rate, fc.integer({ min: 1, max: 15 }), fc.constantFrom('quadratic', 'rosenbrock'), (theta0, lr, mu, steps, kind) => {
    const objective = kind === 'quadratic' ? { kind: 'quadratic' as const, curvature: Float32Array.of(0.5, 2) } : { kind: 'rosenbrock' as const, a: '1', b: '100' };
    const hyper = { lr: exactText(lr), momentum: exactText(mu) };
    const nagConfig = configure(entryOf('nag'), 'paper', hyper);
    const nesterovConfig = configure(entryOf('nesterov'), 'paper', hyper);
    let theta: (Decimal | string)[] = theta0.map(exactText);
    let v: (Decimal | string)[] = ['0', '0'];
    let phi: (Decimal | string)[] = theta;
    let w: (Decimal | string)[] = ['0', '0'];
    for (let t = 1; t <= steps; t++) {
      const n = encloseNag(nagConfig, objective, theta, v, 80);
      theta = n.params.map((x) => x.near);
      v = n.velocity.map((x) => x.near);
      const points = phi.map((x) => a.point(x));
      const g = (kind === 'quadratic' ? points.flatMap((p, i) => exactGradient(a, objective, i, [p])) : exactGradient(a, objective, 0, points)).map((x) => x.near);
      const r = elementwiseOracleOf('nesterov').enclose(nesterovConfig, { params: phi, grads: g, state: { buffer: w }, t }, 80);
      phi = r['params']!.map((x) => x.near);
      w = r['buffer']!.map((x) => x.near);
      // A diverging trajectory (Rosenbrock with a large α) leaves any fixed relative tolerance; stop there.
      if (theta.some((x) => new Decimal(x).abs().gt('1e20'))) return true;
      const lookahead = theta.map((x, i) => new D(x).minus(new D(exactText(mu)).times(v[i]!)));
      if (!agree(lookahead, phi.map((x) => new Decimal(x))) || !agree(v.map((x) => new Decimal(x)), w.map((x) => new Decimal(x)))) return false;
    }
    return true;
  });
}
