/**
 * The exact rational stage with the float64 enclosures alongside, for formulas that branch: each value
 * is the pair of its exact rational (./rational.ts) and its binary64 enclosure (./float64.ts), every
 * operation applied to both. A test (`isZero`, `isNegative`) is answered by the rational where it is
 * one, and otherwise by the enclosure, which is as certain where it answers: both hold the same exact
 * value. So a formula whose branch depends on a value that left the rationals (LAMB's trust ratio tests
 * ‖r‖ = 0, and r holds √v) still yields the outputs that stayed rational, which is what the rational
 * stage decides; alone, the rational arithmetic throws at such a test and every output of the
 * computation went on to the decimal stage.
 *
 * @module
 */
import type { Dec } from './binary32.js';
import type { Arithmetic, Enclosure } from './enclosure.js';
import { Float64Enclosures, type F64 } from './float64.js';
import { Undecided } from './interval.js';
import { NOT_RATIONAL, RATIONAL_UNDECIDED, RationalArithmetic, type Rational } from './rational.js';

/** A value of {@link RationalWithFloat64}: the exact rational (or NOT_RATIONAL) and the enclosure, if binary64 had one. */
export interface RationalPair {
  readonly exact: Rational;
  readonly approx: F64 | undefined;
}

const Q = RationalArithmetic.instance;

/** A rational operation's value, or NOT_RATIONAL where it throws (NaN and ±∞ have no rational). */
function exactly(f: () => Rational): Rational {
  try {
    return f();
  } catch (e) {
    if (e instanceof Undecided) return NOT_RATIONAL;
    throw e;
  }
}

/** A binary64 operation's enclosure, or undefined where it cannot be decided. */
function approximately(f: () => F64): F64 | undefined {
  try {
    return f();
  } catch (e) {
    if (e instanceof Undecided) return undefined;
    throw e;
  }
}

const isRational = (r: Rational): boolean => r.den !== 0n;

/** The exact rational stage paired with the binary64 enclosures for its tests. */
export class RationalWithFloat64 implements Arithmetic {
  /** The shared instance. */
  static readonly instance = new RationalWithFloat64();

  private readonly approximate = Float64Enclosures.instance;

  private constructor() {}

  /** The pair of the values each arithmetic gives. */
  pair(exact: () => Rational, approx: () => F64): RationalPair {
    return { exact: exactly(exact), approx: approximately(approx) };
  }

  private unary(a: Enclosure, q: (x: Rational) => Rational, f: (x: F64) => F64): RationalPair {
    const x = a as RationalPair;
    return this.pair(
      () => (isRational(x.exact) ? q(x.exact) : NOT_RATIONAL),
      () => (x.approx === undefined ? undefinedOperand() : f(x.approx)),
    );
  }

  private binary(
    a: Enclosure,
    b: Enclosure,
    q: (x: Rational, y: Rational) => Rational,
    f: (x: F64, y: F64) => F64,
  ): RationalPair {
    const x = a as RationalPair;
    const y = b as RationalPair;
    return this.pair(
      () => q(x.exact, y.exact),
      () => (x.approx === undefined || y.approx === undefined ? undefinedOperand() : f(x.approx, y.approx)),
    );
  }

  point(value: Dec | string | number): RationalPair {
    return this.pair(
      () => Q.point(value),
      () => this.approximate.point(value),
    );
  }
  fromFloat32(x: number): RationalPair {
    return this.pair(
      () => Q.fromFloat32(x),
      () => this.approximate.fromFloat32(x),
    );
  }
  add(a: Enclosure, b: Enclosure): RationalPair {
    return this.binary(
      a,
      b,
      (x, y) => Q.add(x, y),
      (x, y) => this.approximate.add(x, y),
    );
  }
  sub(a: Enclosure, b: Enclosure): RationalPair {
    return this.binary(
      a,
      b,
      (x, y) => Q.sub(x, y),
      (x, y) => this.approximate.sub(x, y),
    );
  }
  mul(a: Enclosure, b: Enclosure): RationalPair {
    return this.binary(
      a,
      b,
      (x, y) => Q.mul(x, y),
      (x, y) => this.approximate.mul(x, y),
    );
  }
  div(a: Enclosure, b: Enclosure): RationalPair {
    return this.binary(
      a,
      b,
      (x, y) => Q.div(x, y),
      (x, y) => this.approximate.div(x, y),
    );
  }
  max(a: Enclosure, b: Enclosure): RationalPair {
    return this.binary(
      a,
      b,
      (x, y) => Q.max(x, y),
      (x, y) => this.approximate.max(x, y),
    );
  }
  powReal(a: Enclosure, y: Enclosure): RationalPair {
    return this.binary(
      a,
      y,
      () => NOT_RATIONAL,
      (x, z) => this.approximate.powReal(x, z),
    );
  }
  neg(a: Enclosure): RationalPair {
    return this.unary(
      a,
      (x) => Q.neg(x),
      (x) => this.approximate.neg(x),
    );
  }
  abs(a: Enclosure): RationalPair {
    return this.unary(
      a,
      (x) => Q.abs(x),
      (x) => this.approximate.abs(x),
    );
  }
  square(a: Enclosure): RationalPair {
    return this.unary(
      a,
      (x) => Q.square(x),
      (x) => this.approximate.square(x),
    );
  }
  sqrt(a: Enclosure): RationalPair {
    return this.unary(
      a,
      (x) => Q.sqrt(x),
      (x) => this.approximate.sqrt(x),
    );
  }
  powInt(a: Enclosure, n: number): RationalPair {
    return this.unary(
      a,
      (x) => Q.powInt(x, n),
      (x) => this.approximate.powInt(x, n),
    );
  }

  /** Whether a = 0: the rational's answer where it has one, else the enclosure's (which may throw Undecided). */
  isZero(a: Enclosure): boolean {
    const { exact, approx } = a as RationalPair;
    try {
      return Q.isZero(exact);
    } catch (e) {
      if (!(e instanceof Undecided) || approx === undefined) throw e;
      return this.approximate.isZero(approx);
    }
  }

  /** Whether a < 0 (−0 counts): the rational's answer where it has one, else the enclosure's. */
  isNegative(a: Enclosure): boolean {
    const { exact, approx } = a as RationalPair;
    try {
      return Q.isNegative(exact);
    } catch (e) {
      if (!(e instanceof Undecided) || approx === undefined) throw e;
      return this.approximate.isNegative(approx);
    }
  }
}

/** An operation on an operand binary64 could not enclose has no enclosure either. */
function undefinedOperand(): never {
  throw RATIONAL_UNDECIDED;
}
