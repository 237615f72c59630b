/**
 * The shape of a parameter as the rules with row and column slots (Adafactor) read it: a vector, or a
 * matrix of `rows × cols` elements stored row-major. Keras's Adafactor (keras/src/optimizers/adafactor.py
 * build) keeps one row statistic per `var.shape[:-1]` and one column statistic per
 * `var.shape[:-2] + (var.shape[-1],)`, and scalar placeholders for a vector; this project draws
 * vectors and matrices only.
 *
 * @module
 */
import { StepInputError } from './errors.js';
import type { StateLayout } from './types.js';

/** A matrix parameter's dimensions. */
export interface MatrixDims {
  readonly rows: number;
  readonly cols: number;
}

/** Checks `shape` against `n` elements: absent, `[n]` or `[rows, cols]` with rows · cols = n, rows, cols ≥ 1. */
export function checkShape(rule: string, shape: unknown, n: number): void {
  if (shape === undefined) return;
  const dims = Array.isArray(shape) ? (shape as unknown[]) : [];
  const valid =
    Array.isArray(shape) &&
    (dims.length === 1 || dims.length === 2) &&
    dims.every((d) => Number.isInteger(d) && (d as number) >= (dims.length === 2 ? 1 : 0));
  if (!valid)
    throw new StepInputError(rule, `shape must be [n] or [rows, cols] of positive integers, got ${String(shape)}`);
  const size = dims.reduce((p: number, d) => p * (d as number), 1);
  if (size !== n)
    throw new StepInputError(rule, `shape [${dims.join(', ')}] holds ${size} elements but params has ${n}`);
}

/** The matrix dimensions of `shape` (a 2-D shape), or undefined for a vector (absent or 1-D). */
export function matrixDims(shape: readonly number[] | undefined): MatrixDims | undefined {
  if (shape?.length !== 2) return undefined;
  const [rows = 0, cols = 0] = shape;
  return { rows, cols };
}

/** How many values each slot of `layout` holds for a parameter of `n` elements of `shape`. */
export function slotLengths(
  layout: StateLayout,
  n: number,
  shape: readonly number[] | undefined,
): Record<string, number> {
  const dims = matrixDims(shape);
  const out: Record<string, number> = {};
  for (const k of layout.element) out[k] = n;
  for (const k of layout.tensor) out[k] = 1;
  for (const k of layout.row) out[k] = dims?.rows ?? 1;
  for (const k of layout.column) out[k] = dims?.cols ?? 1;
  return out;
}
