/**
 * The `conforming` tier: the operation orders other implementations of the same formula use, and the
 * bound that admits any of them. For a configuration, the conforming bound of an output element is the
 * largest of the derived bounds of the preset's own order (this project's production) and of every
 * order below that applies, each derived by running that order's algorithm on error-bounded numbers
 * (./../bound/step-bound.ts); where any applicable order leaves the analysed domain (over- or
 * underflows), the element is not judged, as for the preset's own order.
 *
 * The orders: PyTorch ≥ 2's `lerp` for Adam's first moment; Algorithm 1 as written and tfjs's order,
 * which bias-correct both moments before the step; PyTorch 1.13's `addcdiv_` for Adagrad and AdaMax;
 * tfjs's float32 decayed rate for AdaMax. A fused order (each output in float64, rounded once) needs
 * no bound of its own: its error is half a unit in the last place and a few float64 roundings, below
 * every float32 order's bound wherever that bound is finite.
 *
 * @module
 */
import type { Configuration, StepInput } from '../../../core/catalogue/index.js';
import type { AnyProductionRule } from '../../production/rules/rule.js';
import { productionRuleOf } from '../../registry/index.js';
import { boundStep, type ElementBound, type StepBound } from '../bound/step-bound.js';
import { adagradAddcdiv, adamaxAddcdiv, adamaxTfjs } from './addcdiv-orders.js';
import { adamBiasCorrectedMoments, adamLerp } from './adam-orders.js';

/** An operation order of a formula: where it comes from, and which configurations it computes. */
export interface OperationOrder {
  readonly name: string;
  readonly source: string;
  readonly entries: readonly string[];
  /** Whether it computes the formula of `config` (its flags). */
  applies(config: Configuration): boolean;
  readonly rule: AnyProductionRule;
}

const flag = (config: Configuration, name: string) => (config.flags as Readonly<Record<string, unknown>>)[name];

/** The documented orders, by entry. */
export const ORDERS: readonly OperationOrder[] = [
  {
    name: 'lerp',
    source: "PyTorch ≥ 2 torch/optim/adam.py, exp_avg.lerp_(grad, 1 - beta1); ATen's lerp kernel",
    entries: ['adam', 'adamw', 'amsgrad'],
    applies: (c) =>
      flag(c, 'form') === 'algorithm1' &&
      flag(c, 'biasCorrection') === 'exact-pow' &&
      flag(c, 'weightDecay') !== 'decoupled-unscaled',
    rule: adamLerp as unknown as AnyProductionRule,
  },
  {
    name: 'bias-corrected moments',
    source: 'Kingma & Ba 2015, Algorithm 1 as written; tfjs-core/src/optimizers/adam_optimizer.ts',
    entries: ['adam'],
    applies: (c) =>
      flag(c, 'form') === 'algorithm1' &&
      flag(c, 'biasCorrection') !== 'none' &&
      !flag(c, 'amsgrad') &&
      flag(c, 'weightDecay') === 'coupled',
    rule: adamBiasCorrectedMoments as unknown as AnyProductionRule,
  },
  {
    name: 'addcdiv',
    source: 'PyTorch 1.13 torch/optim/adagrad.py, param.addcdiv_(grad, std, value=-clr)',
    entries: ['adagrad'],
    applies: () => true,
    rule: adagradAddcdiv as unknown as AnyProductionRule,
  },
  {
    name: 'addcdiv',
    source: 'PyTorch 1.13 torch/optim/adamax.py, param.addcdiv_(exp_avg, exp_inf, value=-clr)',
    entries: ['adamax'],
    applies: () => true,
    rule: adamaxAddcdiv as unknown as AnyProductionRule,
  },
  {
    name: 'tfjs',
    source: 'tfjs-core/src/optimizers/adamax_optimizer.ts: lr / (iteration · decay + 1), then / (1 − accBeta1)',
    entries: ['adamax'],
    applies: () => true,
    rule: adamaxTfjs as unknown as AnyProductionRule,
  },
];

/** The orders that compute the formula of `config`. */
export function ordersFor(config: Configuration): OperationOrder[] {
  return ORDERS.filter((o) => o.entries.includes(config.entry.name) && o.applies(config));
}

/** The wider of two element bounds; an element outside either analysed domain is outside. */
function wider(a: ElementBound, b: ElementBound): ElementBound {
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
  const others = ordersFor(config).map((o) => boundStep(o.rule, config, input));
  if (others.length === 0) return own;
  return Object.fromEntries(
    Object.entries(own).map(([k, bounds]) => [
      k,
      bounds.map((b, i) => others.reduce((w, other) => (other[k]?.[i] === undefined ? w : wider(w, other[k][i])), b)),
    ]),
  );
}
