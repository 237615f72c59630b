/**
 * The derived error bound of one production step: the production rule's own algorithm run on
 * {@link Bounded} values (float32 operations) with {@link ScalarBound} coefficients (float64), element
 * by element.
 *
 * @module
 */
import { slotLengths, type Configuration, type StepInput } from '../../../core/catalogue/index.js';
import { required } from '../../../core/required.js';
import { initialValues, type Carrier } from '../../production/drive.js';
import { stepElements, type ElementOutputs } from '../../production/drive-elements.js';
import type { AnyProductionRule } from '../../production/rules/rule.js';
import { boundedArith, comparisonBound, exactInput, type Bounded, type OutOfDomain } from './bounded.js';
import { scalarBoundArith, scalarToBounded, type ScalarBound } from './scalar-bound.js';
import { coefficientBoundArith } from '../schedules/rate-bound.js';
import { boundMatrixStep } from './matrix-step-bound.js';
import { boundTensorStep } from './tensor-step-bound.js';

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

/** The gate's arithmetic: float32 operations with running error bounds, float64 coefficients with theirs. */
const bounded: Carrier<Bounded, ScalarBound> = {
  A: boundedArith,
  scalars: coefficientBoundArith,
  lift: scalarToBounded,
};

/**
 * The derived bound of `rule`'s production step on `input` under `config`: the driver
 * (src/production/drive.ts) on {@link Bounded} values, one group of elements at a time (one element,
 * or the pair a Rosenbrock objective couples).
 */
export function boundStep(rule: AnyProductionRule, config: Configuration, input: StepInput): StepBound {
  if (rule.kind === 'tensor') return boundTensorStep(rule, config, input);
  if (rule.kind === 'matrix') return boundMatrixStep(rule, config, input);
  return mapOutputs(stepElements(rule, config, input, bounded, exactInput), elementBound);
}

/** `f` on every value of every output. */
export function mapOutputs<T, R>(outputs: ElementOutputs<T>, f: (x: T) => R): Record<string, R[]> {
  return Object.fromEntries(Object.entries(outputs).map(([k, values]) => [k, values.map(f)]));
}

/** The derived bound of `rule`'s production initial state for `length` parameters of `shape` (absent: a vector). */
export function boundInit(
  rule: AnyProductionRule,
  config: Configuration,
  length: number,
  shape?: readonly number[],
): StepBound {
  const initial = initialValues(rule, config, scalarBoundArith);
  const result: StepBound = {};
  for (const k of initial.layout.element) {
    const from = initial.element[k];
    const value = from === undefined ? exactInput(0) : scalarToBounded(from);
    result[k] = Array.from({ length }, () => elementBound(value));
  }
  for (const k of initial.layout.tensor) result[k] = [elementBound(scalarToBounded(required(initial.tensor[k], k)))];
  const lengths = slotLengths(initial.layout, length, shape);
  for (const k of [...initial.layout.row, ...initial.layout.column])
    result[k] = Array.from({ length: lengths[k] ?? 0 }, () => elementBound(exactInput(0)));
  return result;
}
