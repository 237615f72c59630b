/**
 * The arithmetic the oracle's formulas are written against, so that one formula per rule serves two
 * implementations: {@link IntervalArithmetic} (decimal intervals with directed rounding, any
 * precision) and {@link Float64Enclosures} (binary64 intervals with outward rounding, the fast first
 * stage of {@link certifyStaged}). An {@link Enclosure} is opaque to the formulas: only the arithmetic
 * that made it reads it, and a formula asks that arithmetic (`isZero`, `isNegative`) for what it
 * needs to branch on. TypeScript has no higher-kinded types, so an opaque type (rather than a type
 * parameter threaded through every rule's shared record) keeps one update object per rule.
 *
 * @module
 */
import type { Dec } from './binary32.js';

/**
 * An enclosure of an exact real (or IEEE special) value, readable only by the arithmetic that made
 * it (a decimal `Interval`, a binary64 `F64`, an exact `Rational`).
 */
export type Enclosure = object;

/**
 * Exact operations lifted to enclosures: each result encloses the exact result of the operation on
 * every value its arguments enclose. An operation the arithmetic cannot decide throws `Undecided`.
 */
export interface Arithmetic {
  /** The exact value of decimal text, a Decimal, or a number taken as its shortest decimal text. */
  point(value: Dec | string | number): Enclosure;
  /** The exact value of a binary32 (a JavaScript number `x` with `Math.fround(x) === x`). */
  fromFloat32(x: number): Enclosure;
  /** a + b. */
  add(a: Enclosure, b: Enclosure): Enclosure;
  /** a − b. */
  sub(a: Enclosure, b: Enclosure): Enclosure;
  /** −a. */
  neg(a: Enclosure): Enclosure;
  /** |a|. */
  abs(a: Enclosure): Enclosure;
  /** a · b. */
  mul(a: Enclosure, b: Enclosure): Enclosure;
  /** a². */
  square(a: Enclosure): Enclosure;
  /** a / b, IEEE ±∞ or NaN for an exactly zero divisor. */
  div(a: Enclosure, b: Enclosure): Enclosure;
  /** √a, NaN for a negative argument, √(−0) = −0. */
  sqrt(a: Enclosure): Enclosure;
  /** max(a, b), NaN if either is NaN. */
  max(a: Enclosure, b: Enclosure): Enclosure;
  /** a^n for an integer n ≥ 0 and a ≥ 0. */
  powInt(a: Enclosure, n: number): Enclosure;
  /** a^y for a positive base and a real exponent (exact points in the decimal arithmetic). */
  powReal(a: Enclosure, y: Enclosure): Enclosure;
  /** Whether the value is zero (either sign); throws `Undecided` when the enclosure cannot tell. */
  isZero(a: Enclosure): boolean;
  /** Whether the value is negative (−0 counts); throws `Undecided` when the enclosure cannot tell. */
  isNegative(a: Enclosure): boolean;
}
