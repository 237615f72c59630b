/**
 * The tape's evaluation over columns (./float64-tape.ts records it): each operation fills its column
 * from its operands' columns, element by element, with the kernel of {@link Float64Enclosures}
 * (./float64-kernels.ts), into buffers reused between steps.
 *
 * @module
 */
import type { F64 } from './float64.js';
import * as k from './float64-kernels.js';
import { R } from './float64-rounding.js';
import { Column, type Binary, type Tracer, type Unary } from './float64-tape.js';

/** The ends of every column over n elements, and which elements an undecided operation stopped. */
export interface TapeColumns {
  readonly lo: Float64Array[];
  readonly hi: Float64Array[];
  /** 1 where an operation could not be decided for that element (its later columns are not computed). */
  readonly failed: Uint8Array;
}

/** Column buffers kept between steps (a step of n elements reuses the first n entries of each). */
const pool: Float64Array[] = [];

/** Buffer `k` of the pool, with room for n elements. */
function buffer(k: number, n: number): Float64Array {
  let b = pool[k];
  if (b === undefined || b.length < n) {
    b = new Float64Array(Math.max(n, 2 * (b?.length ?? 0)));
    pool[k] = b;
  }
  return b;
}

/**
 * Evaluates the tape over n elements: the input columns are `inputs` (float32 values, exact points);
 * each operation fills its column from its operands', element by element, with its kernel. The
 * columns are views of buffers reused by the next call: read them before evaluating another tape.
 */
export function evaluateTape(tracer: Tracer, inputs: readonly Float32Array[], n: number): TapeColumns {
  const lo: Float64Array[] = [];
  const hi: Float64Array[] = [];
  let used = 0;
  for (const x of inputs) {
    const column = buffer(used++, n).subarray(0, n);
    column.set(x.subarray(0, n));
    lo.push(column);
    hi.push(column);
  }
  const failed = new Uint8Array(n);
  for (const op of tracer.operations) {
    const outLo = buffer(used++, n).subarray(0, n);
    const outHi = buffer(used++, n).subarray(0, n);
    lo[op.out] = outLo;
    hi[op.out] = outHi;
    const aLo = op.a instanceof Column ? (lo[op.a.index] as Float64Array) : undefined;
    const aHi = op.a instanceof Column ? (hi[op.a.index] as Float64Array) : undefined;
    if (op.b === undefined) {
      unaryColumn(op.name, aLo as Float64Array, aHi as Float64Array, outLo, outHi, failed);
    } else if (op.b instanceof Column) {
      const bLo = lo[op.b.index] as Float64Array;
      const bHi = hi[op.b.index] as Float64Array;
      if (aLo !== undefined && aHi !== undefined) binaryColumns(op.name, aLo, aHi, bLo, bHi, outLo, outHi, failed);
      else binaryConstantFirst(op.name, op.a as F64, bLo, bHi, outLo, outHi, failed);
    } else {
      binaryConstantSecond(op.name, aLo as Float64Array, aHi as Float64Array, op.b, outLo, outHi, failed);
    }
  }
  return { lo, hi, failed };
}

/** The kernel of a unary operation (a static call per name, so that each loop's call is monomorphic). */
function unaryKernel(name: Unary, lo: number, hi: number): void {
  switch (name) {
    case 'neg':
      return k.neg(lo, hi);
    case 'abs':
      return k.abs(lo, hi);
    case 'square':
      return k.square(lo, hi);
    case 'sqrt':
      return k.sqrt(lo, hi);
  }
}

/** The kernel of a binary operation. */
function binaryKernel(name: Binary, alo: number, ahi: number, blo: number, bhi: number): void {
  switch (name) {
    case 'add':
      return k.add(alo, ahi, blo, bhi);
    case 'sub':
      return k.sub(alo, ahi, blo, bhi);
    case 'mul':
      return k.mul(alo, ahi, blo, bhi);
    case 'div':
      return k.div(alo, ahi, blo, bhi);
    case 'max':
      return k.max(alo, ahi, blo, bhi);
  }
}

function unaryColumn(
  name: Unary,
  aLo: Float64Array,
  aHi: Float64Array,
  outLo: Float64Array,
  outHi: Float64Array,
  failed: Uint8Array,
): void {
  for (let i = 0; i < outLo.length; i++) {
    if (failed[i] === 1) continue;
    try {
      unaryKernel(name, aLo[i] as number, aHi[i] as number);
      outLo[i] = R[0] as number;
      outHi[i] = R[1] as number;
    } catch {
      failed[i] = 1;
    }
  }
}

function binaryColumns(
  name: Binary,
  aLo: Float64Array,
  aHi: Float64Array,
  bLo: Float64Array,
  bHi: Float64Array,
  outLo: Float64Array,
  outHi: Float64Array,
  failed: Uint8Array,
): void {
  for (let i = 0; i < outLo.length; i++) {
    if (failed[i] === 1) continue;
    try {
      binaryKernel(name, aLo[i] as number, aHi[i] as number, bLo[i] as number, bHi[i] as number);
      outLo[i] = R[0] as number;
      outHi[i] = R[1] as number;
    } catch {
      failed[i] = 1;
    }
  }
}

function binaryConstantFirst(
  name: Binary,
  a: F64,
  bLo: Float64Array,
  bHi: Float64Array,
  outLo: Float64Array,
  outHi: Float64Array,
  failed: Uint8Array,
): void {
  const alo = a.lo;
  const ahi = a.hi;
  for (let i = 0; i < outLo.length; i++) {
    if (failed[i] === 1) continue;
    try {
      binaryKernel(name, alo, ahi, bLo[i] as number, bHi[i] as number);
      outLo[i] = R[0] as number;
      outHi[i] = R[1] as number;
    } catch {
      failed[i] = 1;
    }
  }
}

function binaryConstantSecond(
  name: Binary,
  aLo: Float64Array,
  aHi: Float64Array,
  b: F64,
  outLo: Float64Array,
  outHi: Float64Array,
  failed: Uint8Array,
): void {
  const blo = b.lo;
  const bhi = b.hi;
  for (let i = 0; i < outLo.length; i++) {
    if (failed[i] === 1) continue;
    try {
      binaryKernel(name, aLo[i] as number, aHi[i] as number, blo, bhi);
      outLo[i] = R[0] as number;
      outHi[i] = R[1] as number;
    } catch {
      failed[i] = 1;
    }
  }
}
