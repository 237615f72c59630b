/**
 * The production rule interface: an algorithm written once against {@link Float32Arith} (its
 * float32 tensor operations) and {@link ScalarArith} (its float64 coefficients), so that it runs on
 * tensors in production and on error-bounded numbers in the gate.
 *
 * @module
 */
import type { Configuration } from '../../../core/catalogue/index.js';
import type { Float32Arith, ScalarArith } from '../../../core/arith.js';

/** A step's values of type T: the parameter, its gradient, and the state slots by name. */
export interface StepValues<T> {
  readonly param: T;
  readonly grad: T;
  readonly slots: Readonly<Record<string, T>>;
}

/** A step's results: the new parameter and every state slot, element and tensor slots alike. */
export interface StepResult<T> {
  readonly param: T;
  readonly slots: Record<string, T>;
}

/** A production update rule. */
export interface ProductionRule {
  readonly name: string;
  /** Initial values of the tensor slots, computed in float64 and then rounded to float32. */
  initTensorSlots<S>(s: ScalarArith<S>, config: Configuration): Record<string, S>;
  /** The step's float64 coefficients from the hyperparameters, t and the tensor slots' float32 values. */
  coefficients<S>(
    s: ScalarArith<S>,
    config: Configuration,
    t: number,
    tensorSlots: Readonly<Record<string, number>>,
  ): Record<string, S>;
  /** One step (t counts from 1) in float32 arithmetic, given the coefficients rounded to float32 scalars. */
  step<T>(
    A: Float32Arith<T>,
    x: StepValues<T>,
    c: Readonly<Record<string, T>>,
    config: Configuration,
    t: number,
  ): StepResult<T>;
}
