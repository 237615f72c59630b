/**
 * One step of a rule on one element, three ways: float32 production, the exact value (the oracle at 80
 * digits, not rounded to float32), and production's running error bound against it. Two conventions
 * that are equal in exact arithmetic are then compared in float32 by
 *
 *   |P_A − P_B − (X_A − X_B)| ≤ e_A + e_B,
 *
 * P production, X exact, e the bounds, where X_A − X_B is the exact effect of any rounding in mapping
 * A's inputs to B's (zero when the mapping is exact in float32).
 *
 * @module
 */
import { Decimal } from 'decimal.js';
import { exactText, ulpDistance } from '../../oracle/binary32.js';
import type { Configuration } from '../../core/catalogue/index.js';
import { required } from '../../core/required.js';
import { boundTrajectory, errorOf, type TrajectoryBound } from '../gate/bound/trajectory-bound.js';
import { production } from '../gate/implementation.js';
import { elementwiseOracleOf, productionRuleOf } from '../registry/index.js';

/** One element's step: configuration, θ, g, element slots and t. */
export interface OneStep {
  readonly config: Configuration;
  readonly param: number;
  readonly grad: number;
  readonly state: Readonly<Record<string, number>>;
  readonly t: number;
}

/** Element `i` of `values`, or an error naming `what`. */
export function at<T>(values: ArrayLike<T> | undefined, i: number, what: string): T {
  return required(values?.[i], `${what}[${i}]`);
}

/** The value of a one-element output (θ' or a slot of a step on one element), or an error naming `what`. */
export const only = <T>(values: ArrayLike<T> | undefined, what: string): T => at(values, 0, what);

/** The value called `name` ('params' or a slot) of a step's outputs or state, or an error naming it. */
export function pick<T>(values: Readonly<Record<string, T>>, name: string): T {
  return required(values[name], `'${name}'`);
}

/** The running bound after the first step of a trajectory. */
export function firstBound(steps: readonly TrajectoryBound[]): TrajectoryBound {
  return required(steps[0], 'the bound of the first step');
}

/** The running bound after the last step of a trajectory. */
export function lastBound(steps: readonly TrajectoryBound[]): TrajectoryBound {
  return required(steps.at(-1), 'the bound of the last step');
}

/** θ' of one step from float32 production. */
export function productionParam(backend: string, s: OneStep): number {
  const state = Object.fromEntries(Object.entries(s.state).map(([k, x]) => [k, Float32Array.of(x)]));
  const out = production(backend).step(s.config, {
    params: Float32Array.of(s.param),
    grads: Float32Array.of(s.grad),
    state,
    t: s.t,
  });
  return only(out.params, "production's θ'");
}

/** Exact (decimal) values of an element's state slots. */
export type Slots = Record<string, Decimal | string>;

/** One exact step of `config`'s rule from θ and slots given as decimals: θ' and the slots, nearest at 80 digits. */
export function exactStep(
  config: Configuration,
  theta: Decimal | string,
  g: Decimal | string,
  slots: Slots,
  t: number,
): { theta: Decimal; slots: Record<string, Decimal> } {
  const out = elementwiseOracleOf(config.entry.name).enclose(
    config,
    { params: [theta], grads: [g], state: Object.fromEntries(Object.entries(slots).map(([k, v]) => [k, [v]])), t },
    80,
  );
  return {
    theta: only(out['params'], "the oracle's θ'").near,
    slots: Object.fromEntries(Object.keys(slots).map((k) => [k, only(out[k], `the oracle's slot '${k}'`).near])),
  };
}

/** The exact θ' of a float32 step (80 digits). */
export function exactParam(s: OneStep): Decimal {
  return exactStep(
    s.config,
    exactText(s.param),
    exactText(s.grad),
    Object.fromEntries(Object.entries(s.state).map(([k, x]) => [k, exactText(x)])),
    s.t,
  ).theta;
}

/** Production's running error bound on θ' (Infinity outside the analysed domain). */
export function paramBound(s: OneStep): number {
  const steps = boundTrajectory(productionRuleOf(s.config.entry.name), s.config, {
    param: s.param,
    grads: [s.grad],
    state: s.state,
    firstStep: s.t,
  });
  return errorOf(firstBound(steps).param);
}

/** Two conventions' one step compared in float32. */
export interface PairComparison {
  /** P_A − P_B. */
  readonly production: number;
  /** The two float32 results apart, in units in the last place. */
  readonly ulps: number;
  /** X_A − X_B. */
  readonly exact: Decimal;
  /** e_A + e_B. */
  readonly bound: number;
  /** |P_A − P_B − (X_A − X_B)| / (e_A + e_B): at most 1 when the claim holds in float32. */
  readonly ratio: number;
}

/**
 * Compares conventions A and B on one step; undefined outside the analysed domain. `produce` computes
 * θ' in float32 (production on `backend` unless given).
 */
export function comparePair(
  backend: string,
  a: OneStep,
  b: OneStep,
  produce: (s: OneStep) => number = (s) => productionParam(backend, s),
): PairComparison | undefined {
  const bound = paramBound(a) + paramBound(b);
  if (!Number.isFinite(bound)) return undefined;
  const pa = produce(a);
  const pb = produce(b);
  const exact = exactParam(a).minus(exactParam(b));
  const miss = new Decimal(pa).minus(pb).minus(exact).abs();
  return {
    production: pa - pb,
    ulps: Math.abs(ulpDistance(pa, pb)),
    exact,
    bound,
    ratio: bound === 0 ? (miss.isZero() ? 0 : Infinity) : miss.div(bound).toNumber(),
  };
}
