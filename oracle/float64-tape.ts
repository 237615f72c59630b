/**
 * The float64 stage over whole columns: an elementwise rule's formula is traced once per step into a
 * tape of operations (the formula itself, run on a {@link Tracer}), and the tape is evaluated one
 * operation at a time over every element, each operation's ends in two Float64Arrays. The kernels are
 * those of {@link Float64Enclosures} (./float64-kernels.ts), so an element's enclosures are the ones
 * the per-element stage computes, without an object per operation and element.
 *
 * A formula that branches on an element's value (`isZero`, `isNegative` of a traced value) or takes
 * a power of one cannot be traced: {@link trace} returns undefined and the driver runs the
 * per-element stage. Operations on values that are the same for every element (hyperparameters, the
 * preparation) are evaluated once while tracing, as {@link Float64Enclosures} would.
 *
 * @module
 */
import type { Dec } from './binary32.js';
import type { Arithmetic, Enclosure } from './enclosure.js';
import { Float64Enclosures, type F64 } from './float64.js';

/** A value that differs between elements: column `index` of the tape. */
export class Column {
  constructor(readonly index: number) {}
}

/** What a traced formula computes with: a column, or an enclosure shared by every element. */
type Traced = Column | F64;

/** The operations of one operand the tape records. */
export type Unary = 'neg' | 'abs' | 'square' | 'sqrt';
/** The operations of two operands the tape records. */
export type Binary = 'add' | 'sub' | 'mul' | 'div' | 'max';

/** One operation of the tape: its kernel's name, its operands, and the column it writes. */
export type TapeOperation =
  | { readonly name: Unary; readonly a: Column; readonly b?: undefined; readonly out: number }
  | { readonly name: Binary; readonly a: Traced; readonly b: Traced; readonly out: number };

let enabled = true;

/** Whether drivers evaluate traceable formulas on the tape (they do, unless a test turns it off). */
// Stryker disable next-line BlockStatement: equivalent; untraced, a formula goes through the per-element float64 stage, whose enclosures the tape's are (spec/oracle/float64-tape-columns.spec.ts): the same values, only slower.
export function tapeEnabled(): boolean {
  return enabled;
}

/** Runs `f` with the tape off (every element through the per-element float64 stage), for comparisons. */
export function withoutTape<T>(f: () => T): T {
  const previous = enabled;
  // Stryker disable next-line BooleanLiteral: equivalent; untraced, a formula goes through the per-element float64 stage, whose enclosures the tape's are (spec/oracle/float64-tape-columns.spec.ts): the same values, only slower.
  enabled = false;
  try {
    return f();
    // Stryker disable next-line BlockStatement: equivalent; untraced, a formula goes through the per-element float64 stage, whose enclosures the tape's are (spec/oracle/float64-tape-columns.spec.ts): the same values, only slower.
  } finally {
    enabled = previous;
  }
}

/** Thrown while tracing a formula that cannot be taped (a branch or a power on a column). */
class NotTraceable extends Error {}
const NOT_TRACEABLE = new NotTraceable('the formula branches on an element value');

const f = Float64Enclosures.instance;

/** The arithmetic that records a formula: columns in, operations on them recorded, the rest evaluated. */
export class Tracer implements Arithmetic {
  readonly operations: TapeOperation[] = [];
  private columns: number;

  /** A tracer whose first `inputs` columns are the formula's inputs. */
  constructor(inputs: number) {
    this.columns = inputs;
  }

  /** The number of columns: the inputs and one per operation. */
  get width(): number {
    return this.columns;
  }

  point(value: Dec | string | number): F64 {
    return f.point(value);
  }
  fromFloat32(x: number): F64 {
    return f.fromFloat32(x);
  }
  private unary(name: Unary, a: Enclosure): Traced {
    // Stryker disable next-line ConditionalExpression: equivalent; an operation on a shared value, taped, is evaluated on its broadcast column by the same kernel: the same enclosures, once per element.
    if (!(a instanceof Column)) return f[name](a as F64);
    const out = this.columns++;
    this.operations.push({ name, a, out });
    return new Column(out);
  }
  private binary(name: Binary, a: Enclosure, b: Enclosure): Traced {
    if (!(a instanceof Column) && !(b instanceof Column)) return f[name](a as F64, b as F64);
    const out = this.columns++;
    this.operations.push({ name, a: a as Traced, b: b as Traced, out });
    return new Column(out);
  }
  add(a: Enclosure, b: Enclosure): Traced {
    return this.binary('add', a, b);
  }
  sub(a: Enclosure, b: Enclosure): Traced {
    return this.binary('sub', a, b);
  }
  mul(a: Enclosure, b: Enclosure): Traced {
    return this.binary('mul', a, b);
  }
  div(a: Enclosure, b: Enclosure): Traced {
    return this.binary('div', a, b);
  }
  max(a: Enclosure, b: Enclosure): Traced {
    return this.binary('max', a, b);
  }
  neg(a: Enclosure): Traced {
    return this.unary('neg', a);
  }
  abs(a: Enclosure): Traced {
    return this.unary('abs', a);
  }
  square(a: Enclosure): Traced {
    return this.unary('square', a);
  }
  sqrt(a: Enclosure): Traced {
    return this.unary('sqrt', a);
  }
  powInt(a: Enclosure, n: number): F64 {
    // Stryker disable next-line ConditionalExpression: equivalent; untraced, a formula goes through the per-element float64 stage, whose enclosures the tape's are (spec/oracle/float64-tape-columns.spec.ts): the same values, only slower.
    if (a instanceof Column) throw NOT_TRACEABLE;
    return f.powInt(a as F64, n);
  }
  powReal(a: Enclosure, y: Enclosure): F64 {
    if (a instanceof Column || y instanceof Column) throw NOT_TRACEABLE;
    return f.powReal(a as F64, y as F64);
  }
  isZero(a: Enclosure): boolean {
    if (a instanceof Column) throw NOT_TRACEABLE;
    return f.isZero(a as F64);
  }
  isNegative(a: Enclosure): boolean {
    // Stryker disable next-line ConditionalExpression: equivalent; untraced, a formula goes through the per-element float64 stage, whose enclosures the tape's are (spec/oracle/float64-tape-columns.spec.ts): the same values, only slower.
    if (a instanceof Column) throw NOT_TRACEABLE;
    return f.isNegative(a as F64);
  }
}

/**
 * Runs `formula` on a {@link Tracer} with `inputs` input columns; undefined when the formula cannot
 * be traced (other errors, an undecided operation on shared values included, propagate).
 */
export function trace<T>(inputs: number, formula: (tracer: Tracer) => T): { tracer: Tracer; outputs: T } | undefined {
  const tracer = new Tracer(inputs);
  try {
    return { tracer, outputs: formula(tracer) };
  } catch (e) {
    if (e instanceof NotTraceable) return undefined;
    throw e;
  }
}
