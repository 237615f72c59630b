/**
 * The production rule interfaces: an algorithm written once against {@link Float32Arith} (its
 * float32 tensor operations) and {@link ScalarArith} (its float64 coefficients), so that it runs on
 * tensors in production and on error-bounded numbers in the gate. Both are typed by the entry's
 * {@link Schema}: a misspelt hyperparameter, flag value or slot is a compile error.
 *
 * @module
 */
import type { AnySchema, Configuration, Schema, SlotName, SlotValues } from '../../../core/catalogue/index.js';
import type { Objective } from '../../../core/catalogue/objectives.js';
import type { Float32Arith, ScalarArith } from '../../../core/arith.js';
import type { MatrixRule } from './matrix-rule.js';
import type { TensorRule } from './tensor-rule.js';
import type { ScheduleConfig } from '../../../core/schedules/index.js';

/**
 * The float64 coefficient arithmetic of an update rule: {@link ScalarArith}, and the learning rate a
 * schedule's production code computes (the framework's value: a Python float for PyTorch, a float32
 * for Keras and optax), taken exactly as a float64 coefficient.
 */
export interface CoefficientArith<X> extends ScalarArith<X> {
  /** The value `schedule` computes at step t ≥ 0 (src/production/schedules/). */
  scheduledRate(schedule: ScheduleConfig, t: number): X;
}

/** Coefficients by name: `R` under every configuration, `O` only under some flags. */
export type Coefficients<R extends string, O extends string, X> = { readonly [K in R]: X } & {
  readonly [K in O]?: X;
};

/** A step's values of type T: the parameter, its gradient, and the state slots by name. */
export interface StepValues<S extends Schema, T> {
  readonly param: T;
  readonly grad: T;
  readonly slots: SlotValues<S, T>;
}

/** A step's results: the new parameter and every state slot, element and tensor slots alike. */
export interface StepResult<S extends Schema, T> {
  readonly param: T;
  readonly slots: SlotValues<S, T>;
}

/** The float32 values of the tensor slots at the start of a step (β^t under a running product). */
export type TensorSlotValues<S extends Schema> = { readonly [K in SlotName<S>]?: number };

/**
 * An elementwise production update rule: its coefficients once per step in float64, then the same
 * float32 operations on every element.
 */
export interface ProductionRule<S extends Schema = AnySchema, R extends string = string, O extends string = string> {
  readonly kind: 'elementwise';
  /** Initial values of the tensor slots, computed in float64 and then rounded to float32. */
  initTensorSlots<X>(s: ScalarArith<X>, config: Configuration<S>): { readonly [K in SlotName<S>]?: X };
  /** The step's float64 coefficients from the hyperparameters, t and the tensor slots' float32 values. */
  coefficients<X>(
    s: CoefficientArith<X>,
    config: Configuration<S>,
    t: number,
    tensorSlots: TensorSlotValues<S>,
  ): Coefficients<R, O, X>;
  /** One step (t counts from 1) in float32 arithmetic, given the coefficients rounded to float32 scalars. */
  step<T>(
    A: Float32Arith<T>,
    x: StepValues<S, T>,
    c: Coefficients<R, O, T>,
    config: Configuration<S>,
    t: number,
  ): StepResult<S, T>;
}

/** A group of elements that a step on a gradient function updates together, and its slots. */
export interface GroupValues<S extends Schema, T> {
  readonly params: readonly T[];
  readonly slots: { readonly [K in SlotName<S>]: readonly T[] };
  /** The quadratic objective's curvature a_i for each member. */
  readonly curvature?: readonly T[];
}

/** A group's results. */
export interface GroupResult<S extends Schema, T> {
  readonly params: readonly T[];
  readonly slots: { readonly [K in SlotName<S>]: readonly T[] };
}

/**
 * A production update that evaluates the gradient itself, on an objective, over groups of elements
 * the objective couples (NAG's look-ahead form: single elements of a quadratic, (x, y) pairs of
 * Rosenbrock's function). It has no tensor slots.
 */
export interface GroupRule<S extends Schema = AnySchema, R extends string = string, O extends string = string> {
  readonly kind: 'group';
  /** How many consecutive elements the objective couples. */
  groupSize(objective: Objective): number;
  /**
   * The step's float64 coefficients from the hyperparameters, t (from 1, for a schedule's learning
   * rate) and the objective's constants.
   */
  coefficients<X>(
    s: CoefficientArith<X>,
    config: Configuration<S>,
    t: number,
    objective: Objective,
  ): Coefficients<R, O, X>;
  /** One step on one group, in float32 arithmetic. */
  step<T>(
    A: Float32Arith<T>,
    objective: Objective,
    x: GroupValues<S, T>,
    c: Coefficients<R, O, T>,
    config: Configuration<S>,
  ): GroupResult<S, T>;
}

/** Any production update: elementwise, on groups of a gradient function, or on whole tensors (./tensor-rule.ts). */
export type AnyProductionRule = ProductionRule | GroupRule | TensorRule | MatrixRule;
