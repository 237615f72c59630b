/**
 * {@link MatrixArith} on error-bounded elements ({@link Bounded}): the running error analysis of a
 * rule on whole vectors and matrices (src/production/rules/matrix-rule.ts). A value is a rows × cols
 * array, row-major, where a dimension of 1 broadcasts as tensors broadcast: a vector of n elements is
 * 1 × n, a row statistic rows × 1 (already placed along the rows, as production's expand_dims(r, −1)
 * makes it), a column statistic 1 × cols and a scalar 1 × 1.
 *
 * A mean of n terms is bounded for both orders the backends use (tfjs-backend-cpu's Mean divides each
 * term by n and sums; tfjs-backend-wasm's sums and divides once), each sum in any order
 * ({@link sumBound}): the larger of the two bounds, outside the domain when either is.
 *
 * @module
 */
import type { MatrixArith } from '../../../core/arith.js';
import { boundedArith, exactInput, nonnegativeSum, sumBound, type Bounded } from './bounded.js';
import { mulWithExactZeros } from './exact-zero-product.js';

/** A rows × cols array of bounded values, row-major; a dimension of 1 broadcasts. */
export interface BoundedMatrix {
  readonly rows: number;
  readonly cols: number;
  readonly data: readonly Bounded[];
}

const SEVERITY = { nonfinite: 1, 'zero-divisor': 1, underflow: 2, overflow: 2 } as const;

/**
 * The bound of a float32 mean of `terms`: Σ (x_i / n) (each quotient rounded, then a sum in any order)
 * and (Σ x_i) / n (a sum in any order, rounded once more), whichever is larger. n ≤ 2^24 is exact in float32.
 */
export function meanBound(terms: readonly Bounded[]): Bounded {
  const n = exactInput(terms.length);
  const termwise = sumBound(terms.map((x) => boundedArith.div(x, n)));
  const once = boundedArith.div(sumBound(terms), n);
  const out = [termwise.out, once.out].filter((o) => o !== undefined).sort((a, b) => SEVERITY[b] - SEVERITY[a])[0];
  const nonneg = terms.every((x) => x.nonneg === true);
  const e = Math.max(termwise.e, once.e);
  const s = Math.max(termwise.s, once.s);
  const value = { v: once.v, e: out === undefined ? e : Infinity, s };
  return { ...value, ...(out === undefined ? {} : { out }), ...(nonneg ? { nonneg } : {}) };
}

function at(x: BoundedMatrix, i: number, j: number): Bounded {
  const b = x.data[(x.rows === 1 ? 0 : i) * x.cols + (x.cols === 1 ? 0 : j)];
  if (b === undefined) throw new RangeError(`no element (${i}, ${j}) in a ${x.rows} × ${x.cols} array`);
  return b;
}

function broadcast(a: number, b: number): number {
  if (a !== 1 && b !== 1 && a !== b) throw new RangeError(`dimensions ${a} and ${b} do not broadcast`);
  return a === 1 ? b : a;
}

function build(rows: number, cols: number, f: (i: number, j: number) => Bounded): BoundedMatrix {
  const data: Bounded[] = [];
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) data.push(f(i, j));
  return { rows, cols, data };
}

function zip(a: BoundedMatrix, b: BoundedMatrix, f: (x: Bounded, y: Bounded) => Bounded): BoundedMatrix {
  const rows = broadcast(a.rows, b.rows);
  const cols = broadcast(a.cols, b.cols);
  return build(rows, cols, (i, j) => f(at(a, i, j), at(b, i, j)));
}

/**
 * max(a, b) with the bound of the operand it takes when the comparison is decided (|a − b| beyond
 * both errors and the float64 slack, so float32 takes the same operand), else boundedArith.max's
 * max(e_a, e_b), which holds whichever operand float32 takes.
 */
function decidedMax(a: Bounded, b: Bounded): Bounded {
  const m = boundedArith.max(a, b);
  if (m.out !== undefined) return m;
  const margin = a.e + b.e + 2 ** -45 * (a.s + b.s);
  if (Math.abs(a.v - b.v) <= margin) return m;
  const chosen = a.v > b.v ? a : b;
  return { ...m, e: chosen.e, s: chosen.s };
}

/**
 * {@link MatrixArith} on {@link BoundedMatrix}: {@link boundedArith} element by element, broadcasting
 * (a product with the float32 zero and an operand inside the domain is an exact zero), means by
 * {@link meanBound}.
 */
export const boundedMatrixArith: MatrixArith<BoundedMatrix> = {
  add: (a, b) => zip(a, b, boundedArith.add),
  sub: (a, b) => zip(a, b, boundedArith.sub),
  mul: (a, b) => zip(a, b, mulWithExactZeros),
  div: (a, b) => zip(a, b, boundedArith.div),
  max: (a, b) => zip(a, b, decidedMax),
  sqrt: (a) => ({ ...a, data: a.data.map(boundedArith.sqrt) }),
  square: (a) => ({ ...a, data: a.data.map(boundedArith.square) }),
  abs: (a) => ({ ...a, data: a.data.map(boundedArith.abs) }),
  sign: (a) => ({ ...a, data: a.data.map(boundedArith.sign) }),
  wherePositive: (c, a, b) =>
    build(broadcast(broadcast(c.rows, a.rows), b.rows), broadcast(broadcast(c.cols, a.cols), b.cols), (i, j) =>
      boundedArith.wherePositive(at(c, i, j), at(a, i, j), at(b, i, j)),
    ),
  sum: (a) => ({ rows: 1, cols: 1, data: [nonnegativeSum(a.data)] }),
  mean: (a) => ({ rows: 1, cols: 1, data: [meanBound(a.data)] }),
  rowMean: (a) => build(a.rows, 1, (i) => meanBound(a.data.slice(i * a.cols, (i + 1) * a.cols))),
  colMean: (a) => build(1, a.cols, (_, j) => meanBound(Array.from({ length: a.rows }, (_, i) => at(a, i, j)))),
  alongRows: (r) => r,
  alongColumns: (c) => c,
};
