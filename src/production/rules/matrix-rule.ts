/**
 * The production kind for updates on a given gradient that reduce over the rows, the columns and the
 * whole of a vector or matrix parameter (Adafactor's factored second moments and RMS): a
 * {@link MatrixRule}. It is the whole-tensor kind (./tensor-rule.ts) on a {@link MatrixArith}, and its
 * step also sees the parameter's shape (absent or 1-D: a vector; [rows, cols]: a matrix), from which
 * it decides what to factor. Production runs it on TensorFlow.js tensors of that shape
 * (../tfjs/whole-tensor-arith.ts, tf.mean over an axis); the gate runs the same code on the
 * tensor's error-bounded elements (src/gate/bound/matrix-step-bound.ts), where a mean's bound covers
 * every order of its float32 additions.
 *
 * @module
 */
import type { MatrixArith } from '../../../core/arith.js';
import type { Configuration, Schema, AnySchema } from '../../../core/catalogue/index.js';
import type { CoefficientArith, Coefficients, StepResult, StepValues } from './rule.js';

/** A production update on a whole vector or matrix, with row, column and whole-tensor means. */
export interface MatrixRule<S extends Schema = AnySchema, R extends string = string, O extends string = string> {
  readonly kind: 'matrix';
  /** The step's float64 coefficients from the hyperparameters and t. */
  coefficients<X>(s: CoefficientArith<X>, config: Configuration<S>, t: number): Coefficients<R, O, X>;
  /** One step on the whole parameter of `shape` (row and column slots hold one value per row or column). */
  step<T>(
    A: MatrixArith<T>,
    x: StepValues<S, T>,
    c: Coefficients<R, O, T>,
    config: Configuration<S>,
    shape: readonly number[] | undefined,
  ): StepResult<S, T>;
}
