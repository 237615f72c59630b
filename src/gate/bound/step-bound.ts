/**
 * The derived error bound of one production step: the production rule's own algorithm run on
 * {@link Bounded} values (float32 operations) with {@link ScalarBound} coefficients (float64), element
 * by element.
 *
 * @module
 */
import type { Configuration, StepInput } from '../../../core/catalogue/index.js';
import type { ProductionRule } from '../../production/rules/index.js';
import { boundedArith, comparisonBound, exactInput, type Bounded, type OutOfDomain } from './bounded.js';
import { scalarBoundArith, scalarToBounded } from './scalar-bound.js';
import { nagGroup, objectiveCoefficients } from '../../production/rules/objectives.js';

/** The bound on one output element. */
export interface ElementBound {
  /** Bound on |production − correctly rounded exact|; infinite outside the analysed domain. */
  readonly bound: number;
  /** Size of the terms combined (the unit of error is u · scale). */
  readonly scale: number;
  readonly out?: OutOfDomain;
}

/** Per output ('params' and each state slot), the bound on each element. */
export type StepBound = Record<string, ElementBound[]>;

/** The bound on one output element from its running analysis (infinite, with the reason, outside the domain). */
export function elementBound(b: Bounded): ElementBound {
  return b.out === undefined ? { bound: comparisonBound(b), scale: b.s } : { bound: Infinity, scale: b.s, out: b.out };
}

/** The derived bound of `rule`'s production step on `input` under `config`. */
export function boundStep(
  rule: ProductionRule,
  config: Configuration,
  { params, grads, state, t }: StepInput,
): StepBound {
  const layout = config.entry.state(config.flags);
  const tensorValues = Object.fromEntries(layout.tensor.map((k) => [k, state[k]![0]!]));
  const coefficients = rule.coefficients(scalarBoundArith, config, t, tensorValues);
  const c = Object.fromEntries(Object.entries(coefficients).map(([k, v]) => [k, scalarToBounded(v)]));
  const result: StepBound = { params: [] };
  for (const slot of [...layout.element, ...layout.tensor]) result[slot] = [];
  for (let i = 0; i < params.length; i++) {
    const slots: Record<string, Bounded> = {};
    for (const k of layout.element) slots[k] = exactInput(state[k]![i]!);
    for (const k of layout.tensor) slots[k] = exactInput(state[k]![0]!);
    const r = rule.step(
      boundedArith,
      { param: exactInput(params[i]!), grad: exactInput(grads[i]!), slots },
      c,
      config,
      t,
    );
    result['params']!.push(elementBound(r.param));
    for (const k of layout.element) result[k]!.push(elementBound(r.slots[k]!));
    if (i === 0) for (const k of layout.tensor) result[k]!.push(elementBound(r.slots[k]!));
  }
  if (params.length === 0) {
    // Tensor slots still advance on an empty tensor; bound them on a zero element.
    const slots = Object.fromEntries([
      ...layout.element.map((k) => [k, exactInput(0)]),
      ...layout.tensor.map((k) => [k, exactInput(state[k]![0]!)]),
    ]);
    const r = rule.step(boundedArith, { param: exactInput(0), grad: exactInput(0), slots }, c, config, t);
    for (const k of layout.tensor) result[k]!.push(elementBound(r.slots[k]!));
  }
  return result;
}

/** The derived bound of `rule`'s production initial state for `length` parameters. */
export function boundInit(rule: ProductionRule, config: Configuration, length: number): StepBound {
  const layout = config.entry.state(config.flags);
  const init = rule.initTensorSlots(scalarBoundArith, config);
  const result: StepBound = {};
  for (const k of layout.element) {
    const from = layout.initialFrom?.[k];
    const value = from === undefined ? exactInput(0) : scalarToBounded(scalarBoundArith.hyper(config.hyper[from]!));
    result[k] = Array.from({ length }, () => elementBound(value));
  }
  for (const k of layout.tensor) result[k] = [elementBound(scalarToBounded(init[k]!))];
  return result;
}

/** The derived bound of production's NAG step (src/production/rules/objectives.ts), group by group. */
export function boundNag(config: Configuration, input: StepInput): StepBound {
  const objective = input.objective!;
  const size = objective.kind === 'rosenbrock' ? 2 : 1;
  const scalars = {
    lr: scalarBoundArith.hyper(config.hyper['lr']!),
    momentum: scalarBoundArith.hyper(config.hyper['momentum']!),
    ...objectiveCoefficients(scalarBoundArith, objective),
  };
  const c = Object.fromEntries(Object.entries(scalars).map(([k, v]) => [k, scalarToBounded(v)]));
  const result: StepBound = { params: [], velocity: [] };
  for (let start = 0; start + size <= input.params.length; start += size) {
    const indices = Array.from({ length: size }, (_, k) => start + k);
    const curvature = objective.kind === 'quadratic' ? exactInput(objective.curvature[start]!) : undefined;
    const r = nagGroup(
      boundedArith,
      objective,
      indices.map((j) => exactInput(input.params[j]!)),
      indices.map((j) => exactInput(input.state['velocity']![j]!)),
      c,
      curvature,
    );
    r.params.forEach((b) => result['params']!.push(elementBound(b)));
    r.velocity.forEach((b) => result['velocity']!.push(elementBound(b)));
  }
  return result;
}
