/**
 * The derived error bound of several production steps on one element: the production rule run on
 * {@link Bounded} values, each step's outputs (with the error they carry) feeding the next, so that the
 * bound covers the accumulated rounding of a whole trajectory against the exact recursion on the same
 * float32 inputs (Higham, "Accuracy and Stability of Numerical Algorithms", §3.3: running error
 * analysis).
 *
 * @module
 */
import type { Configuration } from '../../../core/catalogue/index.js';
import type { AnyProductionRule } from '../../production/rules/rule.js';
import { boundedArith, exactInput, type Bounded } from './bounded.js';
import { scalarToBounded } from './scalar-bound.js';
import { coefficientBoundArith } from '../schedules/rate-bound.js';

/** One element's trajectory inputs. */
export interface TrajectoryInput {
  /** θ before each step; `reset` sets θ to this exact value before every step instead of chaining it. */
  readonly param: number;
  readonly grads: readonly number[];
  /** Initial element slots. */
  readonly state: Readonly<Record<string, number>>;
  /** Start every step from θ = `param` (to read one step's update Δ = θ − θ' exactly). */
  readonly reset?: boolean;
  /** The step count t of the first gradient (default 1). */
  readonly firstStep?: number;
}

/** The bounded θ and slots after each step. */
export interface TrajectoryBound {
  readonly param: Bounded;
  readonly slots: Readonly<Record<string, Bounded>>;
}

/**
 * Runs `rule` under `config` on Bounded values over `input.grads` (t = firstStep, firstStep + 1, …).
 * Only elementwise rules on given gradients without tensor slots are supported: rules with tensor slots
 * (running products) take the slots as exact floats in their coefficients, and a rule on a gradient
 * function has no gradients to take.
 */
export function boundTrajectory(
  rule: AnyProductionRule,
  config: Configuration,
  input: TrajectoryInput,
): TrajectoryBound[] {
  if (rule.kind !== 'elementwise')
    throw new Error(
      `boundTrajectory: ${config.entry.name} is not elementwise in production (kind '${rule.kind}'); it chains elementwise rules only`,
    );
  const layout = config.entry.state(config.flags);
  if (layout.tensor.length > 0)
    throw new Error(
      `boundTrajectory: ${config.entry.name} keeps tensor slots (${layout.tensor.join(', ')}), which it does not chain`,
    );
  let param = exactInput(input.param);
  let slots: Record<string, Bounded> = Object.fromEntries(
    layout.element.map((k) => [k, exactInput(input.state[k] ?? 0)]),
  );
  return input.grads.map((g, i) => {
    const t = (input.firstStep ?? 1) + i;
    const c = Object.fromEntries(
      Object.entries(rule.coefficients(coefficientBoundArith, config, t, {})).map(([k, v]) => [k, scalarToBounded(v)]),
    );
    const r = rule.step(
      boundedArith,
      { param: input.reset ? exactInput(input.param) : param, grad: exactInput(g), slots },
      c,
      config,
      t,
    );
    param = r.param;
    slots = r.slots;
    return { param, slots };
  });
}

/**
 * The bound on |float32 − exact| of a Bounded value, widened for the float64 evaluation of the bound
 * itself as {@link comparisonBound} does (without its allowance for the oracle's final rounding);
 * Infinity outside the analysed domain.
 */
export function errorOf(b: Bounded): number {
  return b.out === undefined ? b.e * (1 + 2 ** -20) + 2 ** -45 * b.s : Infinity;
}
