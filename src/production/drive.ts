/**
 * The one driver of "algorithm × arithmetic": it turns a production rule (elementwise, or on a
 * gradient function over groups) and a configuration into a step on any arithmetic. Production runs
 * it on TensorFlow.js tensors (a group is whole tensors, or the columns of (x, y) pairs); the gate
 * runs it on error-bounded numbers (a group is one element, or one pair), so the bound follows the
 * production algorithm through the same slot walk, coefficient rounding and operation order.
 *
 * @module
 */
import type { Configuration, StateLayout } from '../../core/catalogue/index.js';
import type { Objective } from '../../core/catalogue/objectives.js';
import type { Float32Arith, ScalarArith } from '../../core/arith.js';
import { InvariantError, required } from '../../core/required.js';
import { prepareMatrixStep } from './drive-matrix.js';
import { prepareTensorStep } from './drive-tensor.js';
import type { AnyProductionRule, CoefficientArith } from './rules/rule.js';

/** An arithmetic as the driver uses it: float32 operations on T, float64 coefficients X, and the rounding between. */
export interface Carrier<T, X> {
  readonly A: Float32Arith<T>;
  readonly scalars: CoefficientArith<X>;
  /** A float64 coefficient rounded to a float32 scalar of this arithmetic. */
  lift(x: X): T;
}

/** What a step depends on besides the values it updates. */
export interface StepContext {
  /** The step count, from 1. */
  readonly t: number;
  /** The float32 values of the tensor slots at the start of the step. */
  readonly tensorSlots: Readonly<Record<string, number>>;
  /** The objective, for a rule on a gradient function. */
  readonly objective?: Objective;
  /** The parameters' shape, for a rule on matrices (absent: a vector). */
  readonly shape?: readonly number[];
}

/**
 * The values of one group of elements, by output: each array has one value per member (one member for
 * an elementwise rule; a tensor slot's array holds its single value).
 */
export interface Group<T> {
  readonly params: readonly T[];
  readonly grads: readonly T[];
  readonly slots: Readonly<Record<string, readonly T[]>>;
  /** The quadratic objective's curvature, one per member. */
  readonly curvature?: readonly T[];
}

/** A group's outputs: the new parameters, and every slot of the layout, element and tensor slots alike. */
export interface GroupOutput<T> {
  readonly params: readonly T[];
  readonly slots: Readonly<Record<string, readonly T[]>>;
}

/** A step with its coefficients computed and rounded once, applied group by group. */
export interface PreparedStep<T> {
  /** The slots the configuration keeps. */
  readonly layout: StateLayout;
  /** Members per group: 1 for an elementwise rule, the objective's coupling for a rule on a gradient function. */
  readonly size: number;
  step(group: Group<T>): GroupOutput<T>;
}

/** The values of `names` from a record, in order, as the layout requires them. */
function pick<T>(
  record: Readonly<Record<string, T | undefined>>,
  names: readonly string[],
  what: string,
): Record<string, T> {
  return Object.fromEntries(names.map((k) => [k, required(record[k], `${what} '${k}'`)]));
}

/** Rounds every float64 coefficient to the carrier's float32 scalars. */
function lifted<T, X>(carrier: Carrier<T, X>, c: Readonly<Record<string, X | undefined>>): Record<string, T> {
  const out: Record<string, T> = {};
  for (const [k, v] of Object.entries(c)) if (v !== undefined) out[k] = carrier.lift(v);
  return out;
}

/**
 * Prepares `rule`'s step under `config` on `carrier`: computes the float64 coefficients once (from
 * the hyperparameters, t, the tensor slots' float32 values and the objective), rounds them to float32
 * scalars, and returns the step on one group.
 */
export function prepareStep<T, X>(
  rule: AnyProductionRule,
  config: Configuration,
  carrier: Carrier<T, X>,
  context: StepContext,
): PreparedStep<T> {
  const layout = config.entry.state(config.flags);
  const slotNames = [...layout.element, ...layout.tensor];
  if (rule.kind === 'tensor') return prepareTensorStep(rule, config, carrier, context);
  if (rule.kind === 'matrix') return prepareMatrixStep(rule, config, carrier, context);
  if (rule.kind === 'group') {
    const objective = required(context.objective, 'the objective of a step on a gradient function');
    const c = lifted(carrier, rule.coefficients(carrier.scalars, config, context.t, objective));
    return {
      layout,
      size: rule.groupSize(objective),
      step: (group) => {
        const input = { params: group.params, slots: pick(group.slots, slotNames, 'slot') };
        const r = rule.step(
          carrier.A,
          objective,
          group.curvature ? { ...input, curvature: group.curvature } : input,
          c,
          config,
        );
        return { params: r.params, slots: pick(r.slots, slotNames, 'result slot') };
      },
    };
  }
  const c = lifted(carrier, rule.coefficients(carrier.scalars, config, context.t, context.tensorSlots));
  const first = (values: readonly T[] | undefined, what: string): T => {
    if (values?.length !== 1) throw new InvariantError(`internal: ${what} must hold one value per elementwise group`);
    return required(values[0], what);
  };
  return {
    layout,
    size: 1,
    step: (group) => {
      const slots = Object.fromEntries(slotNames.map((k) => [k, first(group.slots[k], `slot '${k}'`)]));
      const param = first(group.params, 'params');
      const r = rule.step(carrier.A, { param, grad: first(group.grads, 'grads'), slots }, c, config, context.t);
      const out = r.slots as Readonly<Record<string, T>>;
      return {
        params: [r.param],
        slots: Object.fromEntries(slotNames.map((k) => [k, [required(out[k], `result slot '${k}'`)]])),
      };
    },
  };
}

/** A configuration's initial state as float64 values: element slots' start (absent: 0) and tensor slots'. */
export interface InitialValues<X> {
  readonly layout: StateLayout;
  /** Per element slot, the value every element starts at, or undefined for 0. */
  readonly element: Readonly<Record<string, X | undefined>>;
  /** Per tensor slot, its initial value before rounding to float32. */
  readonly tensor: Readonly<Record<string, X>>;
}

/** The initial state of `rule` under `config`, in the carrier's float64 arithmetic. */
export function initialValues<X>(
  rule: AnyProductionRule,
  config: Configuration,
  scalars: ScalarArith<X>,
): InitialValues<X> {
  const layout = config.entry.state(config.flags);
  const element: Record<string, X | undefined> = {};
  for (const k of layout.element) {
    const from = layout.initialFrom?.[k];
    element[k] =
      from === undefined ? undefined : scalars.hyper(required(config.hyper[from], `hyperparameter '${from}'`));
  }
  const init: Readonly<Record<string, X | undefined>> =
    rule.kind === 'group' || rule.kind === 'matrix' ? {} : rule.initTensorSlots(scalars, config);
  return { layout, element, tensor: pick(init, layout.tensor, 'initial tensor slot') };
}
