/**
 * The float64 stage's second try for whole-tensor rules (LAMB, LARS, Adafactor), which have no
 * preparation to compute in decimal (./refined-preparation.ts does it for the elementwise rules): every
 * value computed from hyperparameters and constants alone (1 − β, β^t, 1 − β^t, …) is computed in
 * decimal interval arithmetic at {@link REFINED_PRECISION} digits and enclosed in the tightest doubles
 * ({@link doublesEnclosing}); every value that depends on an element is computed in binary64 as in the
 * first try. With β = 0.9999999999999982, 1 − β comes out of binary64 with a relative width near 0.1
 * and no output of the tensor is decided; computed in decimal first, it is one ulp wide.
 *
 * Each value encloses its exact value: the decimal interval does (interval arithmetic with directed
 * rounding), its doubles enclose the decimal interval, and the binary64 operations on them enclose
 * again. Where the decimal operation cannot be decided (a quotient by an interval that holds 0), the
 * binary64 one is used.
 *
 * @module
 */
import type { Dec } from './binary32.js';
import type { Arithmetic, Enclosure } from './enclosure.js';
import { Float64Enclosures, type F64 } from './float64.js';
import { IntervalArithmetic, Undecided, type Interval } from './interval.js';
import { doublesEnclosing, REFINED_PRECISION } from './refined-preparation.js';

/** A binary64 enclosure, with the decimal interval it was enclosed from when it derives from constants alone. */
interface Shared extends F64 {
  readonly decimal?: Interval;
}

const F = Float64Enclosures.instance;
const D = IntervalArithmetic.at(REFINED_PRECISION);

/** The decimal interval `d`, enclosed in doubles and kept beside them. */
function shared(d: Interval): Shared {
  return { ...doublesEnclosing(d), decimal: d };
}

/** `exact()` in decimal (a value or a test's answer), or undefined where decimal interval arithmetic cannot decide it. */
function inDecimal<T>(exact: () => T): T | undefined {
  try {
    return exact();
  } catch (e) {
    if (e instanceof Undecided) return undefined;
    throw e;
  }
}

/** Binary64 enclosures whose values from constants alone are computed in decimal first. */
export class SharedDecimalFloat64 implements Arithmetic {
  /** The shared instance. */
  static readonly instance = new SharedDecimalFloat64();

  private constructor() {}

  /** The value a decimal interval at {@link REFINED_PRECISION} digits encloses (a schedule's learning rate). */
  ofDecimal(d: Interval): Enclosure {
    return shared(d);
  }

  private unary(a: Enclosure, d: (x: Interval) => Interval, f: (x: F64) => F64): Shared {
    const x = a as Shared;
    const decimal = x.decimal === undefined ? undefined : inDecimal(() => d(x.decimal as Interval));
    return decimal === undefined ? f(x) : shared(decimal);
  }

  private binary(
    a: Enclosure,
    b: Enclosure,
    d: (x: Interval, y: Interval) => Interval,
    f: (x: F64, y: F64) => F64,
  ): Shared {
    const x = a as Shared;
    const y = b as Shared;
    const decimal =
      x.decimal === undefined || y.decimal === undefined
        ? undefined
        : inDecimal(() => d(x.decimal as Interval, y.decimal as Interval));
    return decimal === undefined ? f(x, y) : shared(decimal);
  }

  point(value: Dec | string | number): Shared {
    return shared(D.point(value));
  }
  fromFloat32(x: number): Shared {
    return F.fromFloat32(x);
  }
  add(a: Enclosure, b: Enclosure): Shared {
    return this.binary(
      a,
      b,
      (x, y) => D.add(x, y),
      (x, y) => F.add(x, y),
    );
  }
  sub(a: Enclosure, b: Enclosure): Shared {
    return this.binary(
      a,
      b,
      (x, y) => D.sub(x, y),
      (x, y) => F.sub(x, y),
    );
  }
  mul(a: Enclosure, b: Enclosure): Shared {
    return this.binary(
      a,
      b,
      (x, y) => D.mul(x, y),
      (x, y) => F.mul(x, y),
    );
  }
  div(a: Enclosure, b: Enclosure): Shared {
    return this.binary(
      a,
      b,
      (x, y) => D.div(x, y),
      (x, y) => F.div(x, y),
    );
  }
  max(a: Enclosure, b: Enclosure): Shared {
    return this.binary(
      a,
      b,
      (x, y) => D.max(x, y),
      (x, y) => F.max(x, y),
    );
  }
  powReal(a: Enclosure, y: Enclosure): Shared {
    return this.binary(
      a,
      y,
      (x, z) => D.powReal(x, z),
      (x, z) => F.powReal(x, z),
    );
  }
  neg(a: Enclosure): Shared {
    return this.unary(
      a,
      (x) => D.neg(x),
      (x) => F.neg(x),
    );
  }
  abs(a: Enclosure): Shared {
    return this.unary(
      a,
      (x) => D.abs(x),
      (x) => F.abs(x),
    );
  }
  square(a: Enclosure): Shared {
    return this.unary(
      a,
      (x) => D.square(x),
      (x) => F.square(x),
    );
  }
  sqrt(a: Enclosure): Shared {
    return this.unary(
      a,
      (x) => D.sqrt(x),
      (x) => F.sqrt(x),
    );
  }
  powInt(a: Enclosure, n: number): Shared {
    return this.unary(
      a,
      (x) => D.powInt(x, n),
      (x) => F.powInt(x, n),
    );
  }

  /** Whether a = 0: in decimal where a derives from constants and decimal decides, else in binary64. */
  isZero(a: Enclosure): boolean {
    const x = a as Shared;
    const decided = x.decimal === undefined ? undefined : inDecimal(() => D.isZero(x.decimal as Interval));
    return decided ?? F.isZero(x);
  }

  /** Whether a < 0 (−0 counts), as {@link isZero} decides. */
  isNegative(a: Enclosure): boolean {
    const x = a as Shared;
    const decided = x.decimal === undefined ? undefined : inDecimal(() => D.isNegative(x.decimal as Interval));
    return decided ?? F.isNegative(x);
  }
}
