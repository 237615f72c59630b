/**
 * A whole step of an elementwise rule, or of a rule on a gradient function, on an arithmetic of
 * scalars: the driver's prepared step ({@link prepareStep}) applied group by group over the arrays of
 * a step input. The gate runs it on error-bounded numbers (the derived bound), and on float64 numbers
 * for an order that computes in float64 and rounds once.
 *
 * @module
 */
import type { Configuration, StepInput, StepOutput } from '../../core/catalogue/index.js';
import { InvariantError, required } from '../../core/required.js';
import { prepareStep, type Carrier, type Group } from './drive.js';
import type { AnyProductionRule } from './rules/rule.js';

/** Per output ('params' and each state slot), one value per element (one for a tensor slot). */
export type ElementOutputs<T> = Record<string, T[]>;

/**
 * `rule`'s step on `input` under `config`, on `carrier`, each float32 input made a value by `exact`.
 * Groups are one element, or the members an objective couples (Rosenbrock's (x, y) pairs); tensor
 * slots are read once and their results taken from the first group. A tensor slot still advances on
 * an empty tensor: it is stepped on one zero element.
 */
export function stepElements<T, X>(
  rule: AnyProductionRule,
  config: Configuration,
  input: StepInput,
  carrier: Carrier<T, X>,
  exact: (x: number) => T,
): ElementOutputs<T> {
  if (rule.kind === 'tensor' || rule.kind === 'matrix')
    throw new InvariantError(`internal: a ${rule.kind} rule is stepped whole, not element by element`);
  const { params, grads, state, t, objective } = input;
  const layout = config.entry.state(config.flags);
  const slotValues = (k: string) => required(state[k], `state slot '${k}'`);
  const tensorSlots = Object.fromEntries(layout.tensor.map((k) => [k, required(slotValues(k)[0], k)]));
  const prepared = prepareStep(rule, config, carrier, { t, tensorSlots, ...(objective ? { objective } : {}) });
  const size = prepared.size;
  const result: ElementOutputs<T> = { params: [] };
  for (const k of [...layout.element, ...layout.tensor]) result[k] = [];
  const push = (k: string, values: readonly T[]) => required(result[k], k).push(...values);
  const tensorInputs = Object.fromEntries(layout.tensor.map((k) => [k, [exact(required(slotValues(k)[0], k))]]));
  const at = (values: ArrayLike<number>, i: number) => exact(required(values[i], 'element'));
  const group = (members: (values: ArrayLike<number>) => T[]): Group<T> => ({
    params: members(params),
    grads: rule.kind === 'elementwise' ? members(grads) : [],
    slots: { ...Object.fromEntries(layout.element.map((k) => [k, members(slotValues(k))])), ...tensorInputs },
    ...(objective?.kind === 'quadratic' ? { curvature: members(objective.curvature) } : {}),
  });
  for (let start = 0; start + size <= params.length; start += size) {
    const members = (values: ArrayLike<number>) => Array.from({ length: size }, (_, k) => at(values, start + k));
    const r = prepared.step(group(members));
    push('params', r.params);
    for (const k of layout.element) push(k, required(r.slots[k], k));
    if (start === 0) for (const k of layout.tensor) push(k, required(r.slots[k], k));
  }
  if (params.length === 0 && layout.tensor.length > 0) {
    const r = prepared.step(group(() => [exact(0)]));
    for (const k of layout.tensor) push(k, required(r.slots[k], k));
  }
  return result;
}

/** Outputs of numbers as a step's output: `params` and the state slots as Float32Arrays (each value rounded by `round`). */
export function asStepOutput(outputs: ElementOutputs<number>, round: (x: number) => number = Math.fround): StepOutput {
  const { params, ...state } = outputs;
  const array = (xs: readonly number[] = []) => Float32Array.from(xs, round);
  return { params: array(params), state: Object.fromEntries(Object.entries(state).map(([k, xs]) => [k, array(xs)])) };
}
