/**
 * Exact rational arithmetic on BigInt numerators and denominators: the second fast stage, which
 * settles the outputs a binary64 enclosure leaves on one float32 rounding boundary because their
 * exact value is that boundary (0.9 m + 0.1 g is a float32 midpoint for about one pair of float32
 * values in twenty). Decimal hyperparameters and float32 values are rationals, and so is every
 * +, −, ×, ÷ of them; √ is rational only on perfect squares. Whatever leaves the rationals (an
 * irrational root, a^y, a zero divisor, numbers past {@link MAX_BITS} bits) is {@link NOT_RATIONAL},
 * and the outputs that depend on it go to the decimal stage; NaN and ±∞ inputs throw {@link Undecided}.
 *
 * @module
 */
import { Decimal } from 'decimal.js';
import { required } from '../core/required.js';
import type { Dec } from './binary32.js';
import type { Arithmetic } from './enclosure.js';
import { powerOfTwo } from './float64.js';
import { Undecided } from './interval.js';
import { ofDouble } from './dyadic.js';
import { bits, squareRoot } from './integer-roots.js';
import { requireExponent } from './power.js';

/**
 * An exact rational num / den, den > 0 (not necessarily in lowest terms); or, with `root`, the
 * quadratic surd sgn(num) · √(|num| / den), never zero and never rational, which is how √ of a
 * non-square enters: products, quotients and squares of surds and rationals stay exact (AdaDelta's
 * Δ = √(a/b) · g is a surd, and E[Δ²] = ρ E[Δ²] + (1 − ρ) Δ² a rational again). A zero carries
 * IEEE 754's sign, as round-to-nearest arithmetic on the exact values gives it: `negativeZero` on −0.
 */
export interface Rational {
  readonly num: bigint;
  readonly den: bigint;
  readonly root?: true;
  readonly negativeZero?: true;
}

/** The largest numerator or denominator, in bits, before the stage gives up (β^t at large t). */
export const MAX_BITS = 4096;

/**
 * The value of an operation that leaves the rationals (an irrational root, a zero divisor, a^y,
 * too many bits): it propagates through every later operation, so only the outputs that depend
 * on it stay undecided. Its denominator 0 does that by itself: every sum, product or quotient with
 * it has denominator 0 (the surds' included), which {@link normalized} maps back to it.
 */
export const NOT_RATIONAL: Rational = Object.freeze({ num: 0n, den: 0n });

const out = (a: Rational): boolean => a.den === 0n;
const isRoot = (a: Rational): boolean => a.root === true;
const isZeroRational = (a: Rational): boolean => a.num === 0n && !isRoot(a) && !out(a);
const NEGATIVE_ZERO: Rational = Object.freeze({ num: 0n, den: 1n, negativeZero: true });
const POSITIVE_ZERO: Rational = Object.freeze({ num: 0n, den: 1n });

/** Whether a is negative or −0 (its IEEE sign bit). */
const signBit = (a: Rational): boolean => a.num < 0n || a.negativeZero === true;

/** The zero with the sign bit `negative`. */
const zero = (negative: boolean): Rational => (negative ? NEGATIVE_ZERO : POSITIVE_ZERO);

/** r, or when r is zero the zero IEEE's sum of a and b gives: −0 only for (−0) + (−0). */
function signedSum(r: Rational, a: Rational, b: Rational): Rational {
  return isZeroRational(r) ? zero(a.negativeZero === true && b.negativeZero === true) : r;
}

/** r, or when r is zero the zero of IEEE's product or quotient of a and b: the sign bits' exclusive or. */
function signedProduct(r: Rational, a: Rational, b: Rational): Rational {
  return isZeroRational(r) ? zero(signBit(a) !== signBit(b)) : r;
}

/** |x|. */
const magnitude = (x: bigint): bigint => (x < 0n ? -x : x);

/** A rational or a surd as sgn · √(|num| / den): a rational p/q becomes sgn(p) p² / q². */
function asSquare(a: Rational): { num: bigint; den: bigint } {
  if (isRoot(a)) return { num: a.num, den: a.den };
  return { num: a.num * magnitude(a.num), den: a.den * a.den };
}

/** sgn(num) · √(|num| / den) for num ≠ 0: a rational when |num| / den is a square, else a surd. */
function fromSquare(num: bigint, den: bigint): Rational {
  if (tooLarge(num) || den >= LIMIT) return NOT_RATIONAL;
  const root = squareRoot(magnitude(num) * den);
  if (root !== undefined) return normalized(num < 0n ? -root : root, den);
  return { num, den, root: true };
}

/** The one Undecided the rational stage throws. */
export const RATIONAL_UNDECIDED = new Undecided('the value leaves the rationals (or grows too large)');

const LIMIT = 1n << BigInt(MAX_BITS);
const tooLarge = (x: bigint): boolean => x >= LIMIT || x <= -LIMIT;

/** num / den with den > 0, not reduced (a gcd costs more than the few hundred bits it saves). */
function normalized(num: bigint, den: bigint): Rational {
  if (den === 0n) return NOT_RATIONAL;
  if (den < 0n) {
    num = -num;
    den = -den;
  }
  if (tooLarge(num) || den >= LIMIT) return NOT_RATIONAL;
  return { num, den };
}

/** The exact rational of a finite double (m · 2^e from its bits). */
export function rationalOfDouble(x: number): Rational {
  if (x - x !== 0) throw RATIONAL_UNDECIDED;
  if (x === 0) return zero(Object.is(x, -0));
  const { m, e } = ofDouble(x);
  return e >= 0 ? { num: m << BigInt(e), den: 1n } : normalized(m, 1n << BigInt(-e));
}

const TWO_TO_128 = 3.402823669209385e38; // 2^128, the first magnitude past binary32's range

/** Compares two rationals (not surds): negative, zero or positive as a < b, a = b, a > b. */
export function compareRationals(a: Rational, b: Rational): number {
  if (a.root === true || b.root === true) throw RATIONAL_UNDECIDED;
  const l = a.num * b.den;
  const r = b.num * a.den;
  return l < r ? -1 : l > r ? 1 : 0;
}

/** Exact rational arithmetic implementing the oracle's {@link Arithmetic}. */
export class RationalArithmetic implements Arithmetic {
  /** The shared instance. */
  static readonly instance = new RationalArithmetic();
  private readonly points = new Map<string, Rational>();

  /**
   * The exact rational of decimal text, a Decimal, or an exactly representable integer (decimal.js's
   * fraction of it, in lowest terms); cached. A zero keeps its sign (decimal.js writes −0 as "0"), as
   * the decimal stage's point does.
   */
  point(value: Dec | string | number): Rational {
    if (typeof value === 'number' && Number.isSafeInteger(value))
      return value === 0 ? zero(Object.is(value, -0)) : { num: BigInt(value), den: 1n };
    if (typeof value === 'object' && value.isZero()) return zero(value.isNeg());
    const text = String(value);
    let p = this.points.get(text);
    if (p === undefined) {
      const d = new Decimal(text);
      if (!d.isFinite()) throw RATIONAL_UNDECIDED;
      const [n, q] = d.toFraction();
      p = d.isZero()
        ? zero(d.isNegative())
        : normalized(BigInt(required(n, 'numerator').toFixed(0)), BigInt(required(q, 'denominator').toFixed(0)));
      this.points.set(text, p);
    }
    return p;
  }

  /** The exact rational of a finite binary32. */
  fromFloat32(x: number): Rational {
    return rationalOfDouble(x);
  }

  /** a + b. */
  add(a: Rational, b: Rational): Rational {
    if (isRoot(a) || isRoot(b)) return isZeroRational(b) ? a : isZeroRational(a) ? b : NOT_RATIONAL;
    const sum =
      a.den === b.den ? normalized(a.num + b.num, a.den) : normalized(a.num * b.den + b.num * a.den, a.den * b.den);
    return signedSum(sum, a, b);
  }

  /** a − b. */
  sub(a: Rational, b: Rational): Rational {
    return this.add(a, this.neg(b));
  }

  /** −a. */
  neg(a: Rational): Rational {
    if (isZeroRational(a)) return zero(a.negativeZero !== true);
    return isRoot(a) ? { num: -a.num, den: a.den, root: true } : { num: -a.num, den: a.den };
  }

  /** |a| (+0 for ±0). */
  abs(a: Rational): Rational {
    if (isZeroRational(a)) return POSITIVE_ZERO;
    return a.num < 0n ? this.neg(a) : a;
  }

  /** a · b. */
  mul(a: Rational, b: Rational): Rational {
    if (!isRoot(a) && !isRoot(b)) return signedProduct(normalized(a.num * b.num, a.den * b.den), a, b);
    if (isZeroRational(a) || isZeroRational(b)) return zero(signBit(a) !== signBit(b));
    const x = asSquare(a);
    const y = asSquare(b);
    return fromSquare(x.num * y.num, x.den * y.den);
  }

  /** a². */
  square(a: Rational): Rational {
    if (isRoot(a)) return normalized(magnitude(a.num), a.den);
    return this.mul(a, a);
  }

  /** a / b; a zero divisor leaves the rationals. */
  div(a: Rational, b: Rational): Rational {
    if (!isRoot(a) && !isRoot(b)) return signedProduct(normalized(a.num * b.den, a.den * b.num), a, b);
    if (isZeroRational(a)) return zero(signBit(a) !== signBit(b));
    const x = asSquare(a);
    const y = asSquare(b);
    return fromSquare(y.num < 0n ? -x.num * y.den : x.num * y.den, x.den * magnitude(y.num));
  }

  /** √a, exact when a is the square of a rational. */
  sqrt(a: Rational): Rational {
    if (out(a) || isRoot(a) || a.num < 0n) return NOT_RATIONAL;
    if (a.num === 0n) return a;
    // n/d is the square of a rational exactly when n·d is a square: √(n/d) = √(n·d) / d; else a surd.
    return fromSquare(a.num, a.den);
  }

  /** max(a, b). */
  max(a: Rational, b: Rational): Rational {
    if (out(a) || out(b) || isRoot(a) || isRoot(b)) return NOT_RATIONAL;
    const order = compareRationals(a, b);
    // Of two zeros, +0 unless both are −0 (decimal.js's max, which the decimal stage uses).
    return order < 0 || (order === 0 && a.negativeZero === true) ? b : a;
  }

  /** a^n, exact (within {@link MAX_BITS}). */
  powInt(a: Rational, n: number): Rational {
    requireExponent(n);
    if (out(a) || isRoot(a) || signBit(a)) return NOT_RATIONAL;
    if (n * Math.max(bits(a.num), bits(a.den)) > MAX_BITS) return NOT_RATIONAL;
    const k = BigInt(n);
    return { num: a.num ** k, den: a.den ** k };
  }

  /** a^y for a real y is not rational in general: {@link NOT_RATIONAL}. */
  powReal(): Rational {
    return NOT_RATIONAL;
  }

  /** Whether a = 0 (undecided for {@link NOT_RATIONAL}; a surd is never zero). */
  isZero(a: Rational): boolean {
    if (out(a)) throw RATIONAL_UNDECIDED;
    return a.num === 0n && !isRoot(a);
  }

  /** Whether a < 0; a zero's sign is not kept here, so it is undecided. */
  isNegative(a: Rational): boolean {
    if (out(a) || a.num === 0n) throw RATIONAL_UNDECIDED;
    return a.num < 0n;
  }
}

/**
 * The binary32 nearest to the rational r, ties to even (IEEE 754 roundTiesToEven), with gradual
 * underflow and overflow to ±∞; a zero result takes r's sign. Undefined for r = 0 (whose sign is
 * `negativeZero` where the rational came from exact operations, not where it is an enclosure's end) and for
 * {@link NOT_RATIONAL} (whose numerator is 0). With 2^e ≤ |r| < 2^(e+1) and the quantum 2^q, q = max(e, −126) − 23, it
 * rounds |r| / 2^q to an integer by its remainder.
 *
 * With `beside` = 1 (−1) it is instead the binary32 that every value just above (below) r rounds to:
 * the same, except that a tie goes to that side, and r = 0 gives +0 (−0). This is how a value q + ρ
 * rounds whose remainder ρ is known only to be tiny and of that sign (./rational-pair.ts).
 */
export function roundRationalToFloat32(r: Rational, beside: 0 | 1 | -1 = 0): number | undefined {
  if (r.root === true || (r.num === 0n && (beside === 0 || r.den === 0n))) return undefined;
  if (r.num === 0n) return beside > 0 ? 0 : -0;
  const negative = r.num < 0n;
  const n = magnitude(r.num);
  const d = r.den;
  // |r| / 2^k as the quotient of the integers n · 2^max(0, −k) and d · 2^max(0, k).
  const scaled = (k: number) => [n << BigInt(Math.max(0, -k)), d << BigInt(Math.max(0, k))] as const;
  let e = bits(n) - bits(d);
  const [ne, de] = scaled(e);
  if (ne < de) e -= 1;
  const q = Math.max(e, -126) - 23;
  const [num, den] = scaled(q);
  let m = num / den;
  const twice = (num - m * den) * 2n;
  if (twice > den || (twice === den && (beside === 0 ? (m & 1n) === 1n : beside > 0 !== negative))) m += 1n;
  const v = Number(m) * powerOfTwo(q);
  const sign = negative ? -1 : 1;
  return v >= TWO_TO_128 ? sign * Infinity : sign * v;
}
