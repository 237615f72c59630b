/**
 * Interval arithmetic on decimals with directed rounding: every operation returns an interval
 * [lo, hi] that contains the exact result, because lo is computed rounding toward −∞ and hi toward +∞
 * (decimal.js rounds +, −, ×, ÷ and √ correctly in the rounding mode asked for). Each interval also
 * carries `near`, the same computation rounded to nearest, whose sign decides the sign of a zero
 * result as IEEE 754 would (x − x = +0, −0 + −0 = −0, −0 · 5 = −0).
 *
 * When an operation cannot decide at the current precision (a divisor or a square root's argument
 * whose interval straddles zero) it throws {@link Undecided}, and {@link certify} retries at a higher
 * precision, as Ziv's strategy does.
 *
 * @module
 */
import { Decimal } from 'decimal.js';
import { exactFromFloat32, type Dec } from './binary32.js';
import type { Arithmetic } from './enclosure.js';
import { stickySquareRoot } from './decimal-sqrt.js';
import { isExactZero, isNaNInterval, strictSign, Undecided, unsignedAround0, type Interval } from './interval-ends.js';
import { powerBySquaring, requireExponent, SquareChains } from './power.js';

export { Undecided, type Interval } from './interval-ends.js';

type DecimalClass = typeof Decimal;

/** The most digits {@link IntervalArithmetic.powReal} computes a^y to (decimal.js's ln stops near 1025). */
const POW_REAL_MAX_PRECISION = 900;

/** Decimal arithmetic at one precision, in the three rounding directions, lifted to intervals. */
export class IntervalArithmetic implements Arithmetic {
  private readonly down: DecimalClass;
  private readonly up: DecimalClass;
  private readonly nearest: DecimalClass;
  private static readonly cache = new Map<number, IntervalArithmetic>();
  private readonly squares = new SquareChains<Interval>();

  /** The arithmetic at `precision` significant decimal digits (cached). */
  static at(precision: number): IntervalArithmetic {
    let a = IntervalArithmetic.cache.get(precision);
    if (a === undefined) {
      a = new IntervalArithmetic(precision);
      IntervalArithmetic.cache.set(precision, a);
    }
    return a;
  }

  private constructor(readonly precision: number) {
    this.down = Decimal.clone({ precision, rounding: Decimal.ROUND_FLOOR });
    this.up = Decimal.clone({ precision, rounding: Decimal.ROUND_CEIL });
    this.nearest = Decimal.clone({ precision, rounding: Decimal.ROUND_HALF_EVEN });
  }

  /** The point interval of an exact value (decimal text, a Decimal, or an exactly representable integer). */
  point(value: Dec | string | number): Interval {
    const d = new this.nearest(value);
    return { lo: d, hi: d, near: d };
  }

  /** The exact value of a binary32, from its bits. */
  fromFloat32(x: number): Interval {
    return this.point(exactFromFloat32(x));
  }

  /**
   * Whether the value is zero: a point is exact; an interval that excludes 0 is not zero; one that
   * holds 0 without being a point throws {@link Undecided} (the round-to-nearest value's zero-ness is
   * that of its rounding errors), and the caller retries at a higher precision.
   */
  isZero(a: Interval): boolean {
    if (isNaNInterval(a)) return false;
    if (this.isPoint(a)) return a.near.isZero();
    if (a.lo.gt(0) || a.hi.lt(0)) return false;
    throw new Undecided('whether an interval that holds 0 is zero');
  }

  /**
   * Whether the value is negative, −0 included: a point by its exact value and IEEE sign; an interval
   * by its ends when they exclude 0; otherwise {@link Undecided}.
   */
  isNegative(a: Interval): boolean {
    if (isNaNInterval(a)) return false;
    if (this.isPoint(a)) return a.near.isNeg();
    if (a.hi.lt(0)) return true;
    if (a.lo.gt(0)) return false;
    throw new Undecided('the sign of an interval that holds 0');
  }

  /** a + b. */
  add(a: Interval, b: Interval): Interval {
    if (isNaNInterval(a) || isNaNInterval(b)) return this.nan();
    return this.fix({
      lo: new this.down(a.lo).plus(b.lo),
      hi: new this.up(a.hi).plus(b.hi),
      near: new this.nearest(a.near).plus(b.near),
    });
  }

  /** a − b. */
  sub(a: Interval, b: Interval): Interval {
    if (isNaNInterval(a) || isNaNInterval(b)) return this.nan();
    return this.fix({
      lo: new this.down(a.lo).minus(b.hi),
      hi: new this.up(a.hi).minus(b.lo),
      near: new this.nearest(a.near).minus(b.near),
    });
  }

  /** −a (exact). */
  neg(a: Interval): Interval {
    return { lo: a.hi.neg(), hi: a.lo.neg(), near: a.near.neg() };
  }

  /** |a| (exact). */
  abs(a: Interval): Interval {
    if (a.lo.gte(0)) return { ...a, near: a.near.abs() };
    if (a.hi.lte(0)) return { ...this.neg(a), near: a.near.abs() };
    const hi = Decimal.max(a.lo.neg(), a.hi);
    return { lo: new this.nearest(0), hi, near: a.near.abs() };
  }

  /** a · b (a NaN operand gives NaN corners, and {@link fix} the NaN point). */
  mul(a: Interval, b: Interval): Interval {
    const near = new this.nearest(a.near).times(b.near);
    // An exact zero takes the sign bits' exclusive or, unknown when the other factor's interval holds 0
    // (its rounded `near` may have the wrong sign, or be 0 where the exact value is not).
    if ((isExactZero(a) && unsignedAround0(b)) || (isExactZero(b) && unsignedAround0(a)))
      throw new Undecided('sign of a zero product');
    if (this.isPoint(a) && this.isPoint(b)) {
      return this.fix({ lo: new this.down(a.lo).times(b.lo), hi: new this.up(a.lo).times(b.lo), near });
    }
    const [sa, sb] = [strictSign(a), strictSign(b)];
    if (sa !== 0 && sb !== 0) {
      // Every product has one sign: the ends are two of the four corner products, monotone in each factor.
      const lo = new this.down(sb === 1 ? a.lo : a.hi).times(sa === 1 ? b.lo : b.hi);
      return this.fix({ lo, hi: new this.up(sb === 1 ? a.hi : a.lo).times(sa === 1 ? b.hi : b.lo), near });
    }
    const pairs: Array<[Dec, Dec]> = [
      [a.lo, b.lo],
      [a.lo, b.hi],
      [a.hi, b.lo],
      [a.hi, b.hi],
    ];
    const lows = pairs.map(([x, y]) => new this.down(x).times(y));
    const highs = pairs.map(([x, y]) => new this.up(x).times(y));
    return this.fix({ lo: Decimal.min(...lows), hi: Decimal.max(...highs), near });
  }

  /** a². Tighter than a · a when a straddles zero. */
  square(a: Interval): Interval {
    if (isNaNInterval(a)) return this.nan();
    const m = this.abs(a);
    return this.fix({
      lo: new this.down(m.lo).times(m.lo),
      hi: new this.up(m.hi).times(m.hi),
      near: new this.nearest(a.near).times(a.near),
    });
  }

  /** a / b, with IEEE semantics for an exactly zero divisor (±∞, or NaN for 0/0). */
  div(a: Interval, b: Interval): Interval {
    if (isNaNInterval(a) || isNaNInterval(b)) return this.nan();
    const near = new this.nearest(a.near).div(b.near);
    if (this.isPoint(b) && b.lo.isZero()) {
      // The sign of an exact zero is the round-to-nearest one (1 − 1 = +0), not the ends' (−0 below).
      if (this.isPoint(a) || !this.straddlesZero(a)) return this.pointOf(near);
      throw new Undecided('sign of a dividend divided by an exact zero');
    }
    if (this.straddlesZero(b)) throw new Undecided('divisor interval contains zero');
    const [sa, sb] = [strictSign(a), strictSign(b)];
    if (sa !== 0 && sb !== 0) {
      const lo = new this.down(sb === 1 ? a.lo : a.hi).div(sa === 1 ? b.hi : b.lo);
      return this.fix({ lo, hi: new this.up(sb === 1 ? a.hi : a.lo).div(sa === 1 ? b.lo : b.hi), near });
    }
    const pairs: Array<[Dec, Dec]> = [
      [a.lo, b.lo],
      [a.lo, b.hi],
      [a.hi, b.lo],
      [a.hi, b.hi],
    ];
    const lows = pairs.map(([x, y]) => new this.down(x).div(y));
    const highs = pairs.map(([x, y]) => new this.up(x).div(y));
    return this.fix({ lo: Decimal.min(...lows), hi: Decimal.max(...highs), near });
  }

  /** √a, with √(−0) = −0 and NaN for a negative or NaN argument. */
  sqrt(a: Interval): Interval {
    if (a.hi.lt(0)) return this.pointOf(new this.nearest(NaN));
    if (a.lo.lt(0)) throw new Undecided('square root of an interval that contains negative numbers');
    return this.fix({
      lo: this.rootOf(a.lo, Decimal.ROUND_FLOOR),
      hi: this.rootOf(a.hi, Decimal.ROUND_CEIL),
      near: this.rootOf(a.near, Decimal.ROUND_HALF_EVEN),
    });
  }

  /** √x rounded to this precision in `rounding` (x ≥ 0, ±0 and +∞ as IEEE), by {@link stickySquareRoot}. */
  private rootOf(x: Dec, rounding: Decimal.Rounding): Dec {
    if (x.isZero() || !x.isFinite()) return new this.nearest(x).sqrt();
    return new this.nearest(stickySquareRoot(x, this.precision)).toSignificantDigits(this.precision, rounding);
  }

  /** max(a, b), NaN if either is NaN (as torch.maximum and tf.maximum). */
  max(a: Interval, b: Interval): Interval {
    if (isNaNInterval(a) || isNaNInterval(b)) return this.nan();
    const r = this.fix({ lo: Decimal.max(a.lo, b.lo), hi: Decimal.max(a.hi, b.hi), near: Decimal.max(a.near, b.near) });
    // An exact zero that may be either operand's, one of which only an interval around 0 encloses.
    if (r.lo.isZero() && r.hi.isZero() && (unsignedAround0(a) || unsignedAround0(b)))
      throw new Undecided('sign of a zero maximum');
    return r;
  }

  /** a^n for an integer n ≥ 0 and a ≥ 0, by binary powering with directed rounding at each product. */
  powInt(a: Interval, n: number): Interval {
    requireExponent(n);
    if (a.lo.isNeg()) throw new RangeError('powInt is defined here for a ≥ 0 only');
    return powerBySquaring(
      this.point(1),
      a,
      n,
      (x, y) => this.mulNonnegative(x, y),
      this.squares.of(`${a.lo.toString()} ${a.hi.toString()} ${a.near.toString()}`, a),
    );
  }

  /** a · b for a, b ≥ 0: the ends are lo · lo and hi · hi, two products where {@link mul} takes eight. */
  private mulNonnegative(a: Interval, b: Interval): Interval {
    return this.fix({
      lo: new this.down(a.lo).times(b.lo),
      hi: new this.up(a.hi).times(b.hi),
      near: new this.nearest(a.near).times(b.near),
    });
  }

  private nan(): Interval {
    return this.pointOf(new this.nearest(NaN));
  }

  /**
   * a^y for a > 0 and real y (0.96^(0.004 t) in Nadam's schedule, (1 + λ α t)^0.75 in ASGD's), both
   * enclosures: the extremes are at the corners of the box. decimal.js's pow is within one unit in
   * the last place at the working precision, so each corner is computed with 6 guard digits and
   * widened by two such units in each direction. A base interval that reaches 0 is undecided.
   */
  powReal(a: Interval, y: Interval): Interval {
    if (isNaNInterval(a) || isNaNInterval(y)) return this.nan();
    if (a.hi.lt(0) || (a.hi.isZero() && !this.isPoint(a))) throw new RangeError('powReal takes a base ≥ 0');
    if (!this.isPoint(a) && !a.lo.gt(0)) throw new Undecided('a base interval that reaches 0');
    // a^y = exp(y ln a), and y ln a is bilinear in (y, ln a): over the box its extremes, and so a^y's,
    // are at the corners.
    // decimal.js's ln keeps ln 10 to 1025 digits ("Precision limit exceeded" beyond): past 900 digits
    // the power is computed at 900 with that precision's slack, a wider (still valid) enclosure.
    const working = Math.min(this.precision, POW_REAL_MAX_PRECISION);
    const Guarded = Decimal.clone({ precision: working + 6, rounding: Decimal.ROUND_HALF_EVEN });
    const slack = new Guarded(10).pow(-(working + 4));
    const bases = this.isPoint(a) ? [a.lo] : [a.lo, a.hi];
    const exponents = this.isPoint(y) ? [y.lo] : [y.lo, y.hi];
    const corners = bases.flatMap((x) => exponents.map((e) => new Guarded(x).pow(e)));
    const lo = Guarded.min(...corners);
    const hi = Guarded.max(...corners);
    return {
      lo: new this.down(lo).times(new this.down(1).minus(slack)),
      hi: new this.up(hi).times(new this.up(1).plus(slack)),
      near:
        this.isPoint(a) && this.isPoint(y) ? new this.nearest(lo) : new this.nearest(new Guarded(a.near).pow(y.near)),
    };
  }

  private isPoint(a: Interval): boolean {
    return a.lo.eq(a.hi);
  }

  private straddlesZero(a: Interval): boolean {
    return a.lo.lte(0) && a.hi.gte(0);
  }

  private pointOf(d: Dec): Interval {
    return { lo: d, hi: d, near: d };
  }

  /**
   * A NaN result (∞ − ∞, 0 · ∞, ...) is NaN only when every evaluation agrees; a NaN at one end of
   * a non-degenerate interval (0 · ∞ at an endpoint) cannot be decided at this precision.
   */
  private fix(i: Interval): Interval {
    const nans = [i.lo, i.hi, i.near].filter((d) => d.isNaN()).length;
    if (nans === 3) return this.pointOf(i.near);
    if (nans > 0) throw new Undecided('NaN at one end of an interval');
    return i;
  }
}
