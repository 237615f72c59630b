/**
 * The arithmetic a production algorithm is written against. Production runs it on TensorFlow.js
 * tensors (each operation a float32 tensor op); the gate runs the same code on error-bounded numbers,
 * so the derived error bound follows the production algorithm operation by operation and cannot drift
 * from it.
 *
 * @module
 */

/** Elementwise float32 arithmetic on values of type T (tensors, or bounded numbers). */
export interface Float32Arith<T> {
  add(a: T, b: T): T;
  sub(a: T, b: T): T;
  mul(a: T, b: T): T;
  div(a: T, b: T): T;
  sqrt(a: T): T;
  square(a: T): T;
  /** max(a, b), NaN when either is NaN. */
  max(a: T, b: T): T;
  abs(a: T): T;
  /** −1, 0 or +1 (0 for ±0), exact. */
  sign(a: T): T;
  /**
   * The selection where(c > 0, a, b), broadcasting: a where c > 0, b where c ≤ 0 or c is NaN (as
   * tf.where(tf.greater(c, 0), a, b) and torch.where(c > 0, a, b)). Exact: it rounds nothing, and
   * its result is the chosen operand, NaN and −0 included.
   */
  wherePositive(c: T, a: T, b: T): T;
}

/**
 * Float64 arithmetic on coefficients computed once per step from hyperparameters and t (step sizes,
 * bias corrections), before they are rounded to float32 scalars.
 */
export interface ScalarArith<S> {
  /** A hyperparameter, as the user gave it (exact decimal text). */
  hyper(text: string): S;
  /** A float32 value taken exactly (a state slot). */
  float32(x: number): S;
  /** A small integer constant, exact in float64. */
  integer(n: number): S;
  add(a: S, b: S): S;
  sub(a: S, b: S): S;
  mul(a: S, b: S): S;
  div(a: S, b: S): S;
  sqrt(a: S): S;
  /** a^n for an integer n ≥ 0 (Math.pow). */
  powInt(a: S, n: number): S;
  /** a^y for a > 0 and real y (Math.pow). */
  pow(a: S, y: S): S;
  /** The float64 value production computes. */
  valueOf(a: S): number;
}

/** Plain float64 arithmetic: what production computes its coefficients with. */
export const float64Scalars: ScalarArith<number> = {
  hyper: (text) => Number(text),
  float32: (x) => x,
  integer: (n) => n,
  add: (a, b) => a + b,
  sub: (a, b) => a - b,
  mul: (a, b) => a * b,
  div: (a, b) => a / b,
  sqrt: (a) => Math.sqrt(a),
  powInt: (a, n) => Math.pow(a, n),
  pow: (a, y) => Math.pow(a, y),
  valueOf: (a) => a,
};

/**
 * {@link Float32Arith} on values with a region axis, the last one (a pooling region of k activations),
 * for algorithms that reduce over regions. Elementwise operations and selections broadcast an axis of
 * length 1 (a region sum) against the region.
 */
export interface RegionArith<T> extends Float32Arith<T> {
  /** Σ over each region (the last axis), kept as an axis of length 1; float32 additions in any order. */
  regionSum(a: T): T;
}

/**
 * {@link Float32Arith} on a parameter that is a vector or a matrix (rows × cols), for the rules that
 * reduce over rows, columns and the whole tensor (Adafactor). A value is the parameter's shape, a row
 * statistic (one per row), a column statistic (one per column) or a scalar; elementwise operations
 * broadcast a scalar against anything, and a row or column statistic against the matrix once placed
 * with `alongRows` or `alongColumns`. Every mean is a float32 mean of n terms, as tf.mean and
 * keras.ops.mean compute it (in any order of the additions).
 */
export interface MatrixArith<T> extends Float32Arith<T> {
  /** Σ over every element (a scalar), float32 additions in any order. */
  sum(a: T): T;
  /** The mean over every element (a scalar). */
  mean(a: T): T;
  /** Per row, the mean over the columns: keras.ops.mean(x, axis=-1) of a matrix. */
  rowMean(a: T): T;
  /** Per column, the mean over the rows: keras.ops.mean(x, axis=-2) of a matrix. */
  colMean(a: T): T;
  /** A row statistic as a column of the matrix, broadcasting along each row: expand_dims(r, -1). */
  alongRows(r: T): T;
  /** A column statistic as a row of the matrix, broadcasting down each column: expand_dims(c, -2). */
  alongColumns(c: T): T;
}
