/**
 * Error analysis of production's float64 coefficients (step sizes, bias corrections): each value is
 * the exact result (decimal, 40 digits, from the hyperparameters as written) and a bound on how far
 * production's float64 computation of it can be. Model: every float64 operation has relative error
 * at most δ = 2^−53 plus an absolute 2^−1074 where it may underflow; a hyperparameter read from decimal
 * text into float64 has relative error at most δ; Math.pow(x, n) is taken to be within 2 ulps
 * (relative 4δ) of the exact power of its float64 argument, which spec/gate checks.
 *
 * @module
 */
import { Decimal } from 'decimal.js';
import type { ScalarArith } from '../../../core/arith.js';
import { exactOfDouble } from '../../../oracle/float64-decimal.js';
import { ExactMemo, keyOf } from './exact-memo.js';
import { BINARY32, ETA, OVERFLOW, U, type Bounded, type FloatFormat } from './bounded.js';

const D = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_EVEN });
const DELTA = 2 ** -53;
const TINY = 2 ** -1074;

/** A float64 coefficient under error analysis. */
export interface ScalarBound {
  /** The exact value (to 40 digits). */
  readonly x: Decimal;
  /** Bound on |production's float64 value − x|. */
  readonly err: number;
}

/** Powers, roots and hyperparameters computed before ({@link ExactMemo}). */
const exact = new ExactMemo<Decimal>();
const hypers = new ExactMemo<ScalarBound>();

const mag = (a: ScalarBound): number => Math.abs(a.x.toNumber());

/**
 * A coefficient whose float64 value may be 0, or of the other sign, while the exact one is not (or the
 * reverse): an error at least its magnitude, and not an exact zero.
 */
const signUndecided = (a: ScalarBound): boolean => a.err > 0 && a.err >= mag(a);

/**
 * ≥ 0 in float64, and so in float32: the exact value less its error is ≥ 0, compared exactly. decimal.js
 * would read the error through its shortest text, which may lie below it (the double 0.1 as 1/10).
 * Above twice the error, the double nearest x settles it: the exact value is within half an ulp of
 * it, or of the subnormal spacing 2^−1074, which a nonzero error is at least; above 0 when the error is 0.
 */
function certainlyNonnegative(a: ScalarBound): boolean {
  const x = a.x.toNumber();
  // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent for `false` and `>=`; a shortcut for speed: where it answers, the exact comparison below gives the same answer.
  if (x > 2 * a.err) return true;
  // Stryker disable next-line ConditionalExpression: equivalent for `true`; a shortcut for speed: x < 0 (rounded) has an exact value below 0, which the exact comparison also finds below the error.
  return x >= 0 && a.x.gte(new D(exactOfDouble(a.err)));
}

/**
 * A float64 operation's result: propagated error, plus its own rounding. An exact zero from exact
 * operands is computed exactly (an exactly representable result is not rounded).
 */
function rounded(x: Decimal, propagated: number): ScalarBound {
  if (propagated === 0 && x.isZero()) return { x, err: 0 };
  return { x, err: propagated + DELTA * (Math.abs(x.toNumber()) + propagated) + TINY };
}

/** {@link ScalarArith} on {@link ScalarBound}: the error analysis of production's coefficients. */
export const scalarBoundArith: ScalarArith<ScalarBound> = {
  hyper: (text) =>
    hypers.get(text, () => {
      const x = new D(text);
      // Zero is read exactly; any other text within half an ulp (or the subnormal spacing).
      return { x, err: x.isZero() ? 0 : DELTA * Math.abs(x.toNumber()) + TINY };
    }),
  // The float32's exact value: decimal.js would read the number through its shortest text.
  float32: (x) => ({ x: new D(exactOfDouble(x)), err: 0 }),
  integer: (n) => ({ x: new D(n), err: 0 }),
  add: (a, b) => rounded(a.x.plus(b.x), a.err + b.err),
  sub: (a, b) => rounded(a.x.minus(b.x), a.err + b.err),
  mul: (a, b) => rounded(a.x.times(b.x), mag(a) * b.err + mag(b) * a.err + a.err * b.err),
  div(a, b) {
    const x = a.x.div(b.x);
    // By an exact zero, ±∞ (or NaN) as exactly; but a dividend that may be 0 in float64 alone (an
    // lr of 4e-323 divided by 1000 underflows) makes production's 0/0 = NaN against the exact ±∞, and
    // one that is 0 exactly but not in float64 (0.3 − (0.1 + 0.2)) the reverse, so the result has no
    // bound (err ∞, which scalarToBounded reads as outside the domain).
    if (b.err >= mag(b)) return { x, err: b.x.isZero() && b.err === 0 && !signUndecided(a) ? 0 : Infinity };
    return rounded(x, (a.err + Math.abs(x.toNumber()) * b.err) / (mag(b) - b.err));
  },
  sqrt(a) {
    const x = exact.get(`√${keyOf(a.x)}`, () => a.x.sqrt());
    // |√x̂ − √x| = |x̂ − x| / (√x̂ + √x) ≤ e/√x; a radicand that may be negative in float64 alone gives
    // NaN there: no bound.
    if (signUndecided(a)) return { x, err: Infinity };
    const r = Math.abs(x.toNumber());
    return rounded(x, r > 0 ? a.err / r : 0);
  },
  powInt(a, n) {
    const x = exact.get(`${keyOf(a.x)}^${n}`, () => a.x.pow(n));
    if (n === 0) return { x, err: 0 };
    const base = mag(a);
    const relative = base > 0 ? Math.expm1(n * Math.log1p(a.err / base)) * (1 + 1e-10) : 0;
    const r = Math.abs(x.toNumber());
    return { x, err: r * relative + 4 * DELTA * r * (1 + relative) + TINY };
  },
  pow(a, y) {
    // x^y with x̂ = x(1 + ρx), ŷ = y + ξ: relative change |y| ρx + |ξ ln x| (first order, doubled), plus
    // Math.pow's own 2 ulps.
    const x = exact.get(`${keyOf(a.x)}^${keyOf(y.x)}`, () => a.x.pow(y.x));
    // A base that may be 0 (or negative) in float64 alone: 0^−1 = ∞, (−ε)^½ = NaN there. No bound.
    if (signUndecided(a)) return { x, err: Infinity };
    const r = Math.abs(x.toNumber());
    const lnx = Math.abs(Math.log(mag(a)));
    const relative = 2 * (Math.abs(y.x.toNumber()) * (a.err / mag(a)) + y.err * lnx);
    return { x, err: r * (Math.expm1(relative) + 4 * DELTA * (1 + relative)) + TINY };
  },
  valueOf: (a) => a.x.toNumber(),
};

/**
 * The float32 scalar production makes of a float64 coefficient: rounding adds u|x| + η. Its size
 * counts the float64 error and η in units of u, so that a coefficient below float32's normal range
 * (a decay rate of 1e−85, say) is measured at float32's resolution.
 */
export function scalarToBounded(a: ScalarBound): Bounded {
  if (a.err === 0 && a.x.isZero()) return { v: 0, e: 0, s: 0, nonneg: true };
  const v = a.x.toNumber();
  const s = Math.abs(v) + (a.err + ETA) / U;
  // No bound on the float64 error: production may leave the exact result's class (outside the
  // domain); an exact nonfinite value with a bounded error is judged by class.
  if (!Number.isFinite(v) || !Number.isFinite(a.err))
    return { v, e: Infinity, s, out: Number.isFinite(a.err) ? 'nonfinite' : 'underflow' };
  const e = a.err + U * (s + a.err) + ETA;
  if (s + e >= OVERFLOW) return { v, e: Infinity, s, out: 'overflow' };
  return { v, e, s, nonneg: certainlyNonnegative(a) };
}

/**
 * A float64 coefficient used as it is by an algorithm that computes in `format` (binary64: the fused
 * order): no rounding is added, only the coefficient's own float64 error.
 */
export function scalarToBoundedIn(format: FloatFormat, a: ScalarBound): Bounded {
  if (format === BINARY32 || (a.err === 0 && a.x.isZero())) return scalarToBounded(a);
  const v = a.x.toNumber();
  const s = Math.abs(v) + (a.err + format.eta) / format.u;
  if (!Number.isFinite(a.err)) return { v, e: Infinity, s, out: 'underflow' };
  if (!a.x.isFinite()) return { v, e: Infinity, s, out: 'nonfinite' };
  if (Math.abs(v) + a.err >= format.overflow) return { v, e: Infinity, s, out: 'overflow' };
  return { v, e: a.err, s, nonneg: certainlyNonnegative(a) };
}
