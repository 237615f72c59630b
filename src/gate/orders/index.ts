/**
 * The `conforming` tier: the operation orders other implementations of the same formula use, and the
 * bound that admits any of them. For a configuration, the conforming bound of an output element is the
 * largest of the derived bounds of the preset's own order (this project's production) and of every
 * order below that applies, each derived by running that order's algorithm on error-bounded numbers
 * (./../bound/step-bound.ts); where any applicable float32 order leaves the analysed domain (over- or
 * underflows), the element is not judged, as for the preset's own order.
 *
 * The orders: PyTorch ≥ 2's `lerp` for Adam's first moment; Algorithm 1 as written and tfjs's order,
 * which bias-correct both moments before the step; Keras 3's Adam (moments by adding the scaled
 * difference, m' α_t divided last); PyTorch 1.13's `addcdiv_` for Adagrad and AdaMax; tfjs's float32
 * decayed rate for AdaMax; and, for every rule stepped element by element, the fused order (the
 * preset's algorithm in float64, each output rounded once: ./fused-float64.ts), whose bound is the
 * same analysis in binary64 followed by one binary32 rounding.
 *
 * @module
 */
import type { Configuration, StepInput } from '../../../core/catalogue/index.js';
import type { AnyProductionRule } from '../../production/rules/rule.js';
import { productionRuleOf } from '../../registry/index.js';
import { boundStep, type ElementBound, type StepBound } from '../bound/step-bound.js';
import { adagradAddcdiv, adamaxAddcdiv, adamaxTfjs } from './addcdiv-orders.js';
import { adamBiasCorrectedMoments, adamKeras, adamLerp } from './adam-orders.js';
import { boundFusedFloat64, fusesElementwise } from './fused-float64.js';

/**
 * An operation order of a formula: where it comes from, which configurations it computes, and its
 * algorithm: a production rule run in float32 (its bound the float32 analysis of that rule), or the
 * fused order (the preset's own algorithm in float64, rounded once: ./fused-float64.ts).
 */
export interface OperationOrder {
  readonly name: string;
  readonly source: string;
  /** Whether it computes the formula of `config` (its rule and flags). */
  applies(config: Configuration): boolean;
  readonly algorithm:
    { readonly kind: 'float32'; readonly rule: AnyProductionRule } | { readonly kind: 'fused-float64' };
  /**
   * Whether an element outside this order's analysed domain is excused from judging (true for the
   * float32 orders, whose over- and underflows are real); the fused order's domain is a limit of its
   * analysis, not of float64, so outside it the order adds nothing.
   */
  readonly excuses: boolean;
}

const flag = (config: Configuration, name: string) => (config.flags as Readonly<Record<string, unknown>>)[name];
const ruleIs = (config: Configuration, ...names: string[]) => names.includes(config.entry.name);
const float32 = (rule: unknown) => ({ kind: 'float32', rule: rule as AnyProductionRule }) as const;

/** The documented orders. */
export const ORDERS: readonly OperationOrder[] = [
  {
    name: 'lerp',
    source: "PyTorch ≥ 2 torch/optim/adam.py, exp_avg.lerp_(grad, 1 - beta1); ATen's lerp kernel",
    applies: (c) =>
      ruleIs(c, 'adam', 'adamw', 'amsgrad') &&
      flag(c, 'form') === 'algorithm1' &&
      flag(c, 'biasCorrection') === 'exact-pow' &&
      flag(c, 'weightDecay') !== 'decoupled-unscaled',
    excuses: true,
    algorithm: float32(adamLerp),
  },
  {
    name: 'bias-corrected moments',
    source: 'Kingma & Ba 2015, Algorithm 1 as written; tfjs-core/src/optimizers/adam_optimizer.ts',
    applies: (c) =>
      ruleIs(c, 'adam') &&
      flag(c, 'form') === 'algorithm1' &&
      flag(c, 'biasCorrection') !== 'none' &&
      !flag(c, 'amsgrad') &&
      flag(c, 'weightDecay') === 'coupled',
    excuses: true,
    algorithm: float32(adamBiasCorrectedMoments),
  },
  {
    name: 'keras',
    source: 'keras/src/optimizers/adam.py, update_step: m += (g - m)(1 - beta_1), then (m alpha) / (sqrt(v) + eps)',
    applies: (c) =>
      ruleIs(c, 'adam', 'adamw', 'amsgrad') &&
      flag(c, 'form') === 'efficient' &&
      flag(c, 'biasCorrection') === 'exact-pow' &&
      (flag(c, 'weightDecay') === 'decoupled-before' || !('weightDecay' in c.hyper)),
    excuses: true,
    algorithm: float32(adamKeras),
  },
  {
    name: 'addcdiv',
    source: 'PyTorch 1.13 torch/optim/adagrad.py, param.addcdiv_(grad, std, value=-clr)',
    applies: (c) => ruleIs(c, 'adagrad'),
    excuses: true,
    algorithm: float32(adagradAddcdiv),
  },
  {
    name: 'addcdiv',
    source: 'PyTorch 1.13 torch/optim/adamax.py, param.addcdiv_(exp_avg, exp_inf, value=-clr)',
    applies: (c) => ruleIs(c, 'adamax'),
    excuses: true,
    algorithm: float32(adamaxAddcdiv),
  },
  {
    name: 'tfjs',
    source: 'tfjs-core/src/optimizers/adamax_optimizer.ts: lr / (iteration · decay + 1), then / (1 − accBeta1)',
    applies: (c) => ruleIs(c, 'adamax'),
    excuses: true,
    algorithm: float32(adamaxTfjs),
  },
  {
    name: 'fused float64',
    source: 'any implementation that computes each element in float64 and stores float32 once (./fused-float64.ts)',
    applies: (c) => fusesElementwise(productionRuleOf(c.entry.name)),
    excuses: false,
    algorithm: { kind: 'fused-float64' },
  },
];

/** The orders that compute the formula of `config`. */
export function ordersFor(config: Configuration): OperationOrder[] {
  return ORDERS.filter((o) => o.applies(config));
}

/** The derived bound of `order`'s step on `input` under `config`. */
export function boundOrder(order: OperationOrder, config: Configuration, input: StepInput): StepBound {
  return order.algorithm.kind === 'float32'
    ? boundStep(order.algorithm.rule, config, input)
    : boundFusedFloat64(productionRuleOf(config.entry.name), config, input);
}

/** Whether an element bound excuses the element (over- or underflow: not judged at all). */
const excused = (b: ElementBound) => b.out === 'overflow' || b.out === 'underflow';

/**
 * The wider of two element bounds: an element one order over- or underflows on is not judged; else
 * one judged by class in either (a nonfinite input, a quotient by an exact zero) is judged by class;
 * else the larger bound.
 */
function wider(a: ElementBound, b: ElementBound): ElementBound {
  if (excused(a)) return a;
  if (excused(b)) return b;
  if (a.out !== undefined) return a;
  if (b.out !== undefined) return b;
  return b.bound > a.bound ? b : a;
}

/**
 * The conforming bound of a step: element by element, the largest derived bound over the preset's own
 * order and every order of {@link ordersFor}; the preset's own bound where no other order applies.
 */
export function conformingBound(config: Configuration, input: StepInput): StepBound {
  const own = boundStep(productionRuleOf(config.entry.name), config, input);
  const others = ordersFor(config).map((o) => ({ excuses: o.excuses, bound: boundOrder(o, config, input) }));
  if (others.length === 0) return own;
  const widen = (w: ElementBound, other: ElementBound | undefined, excuses: boolean) =>
    other === undefined || (other.out !== undefined && !excuses) ? w : wider(w, other);
  return Object.fromEntries(
    Object.entries(own).map(([k, bounds]) => [
      k,
      bounds.map((b, i) => others.reduce((w, o) => widen(w, o.bound[k]?.[i], o.excuses), b)),
    ]),
  );
}
