/**
 * Running error analysis of float32 arithmetic (Higham, "Accuracy and Stability of Numerical
 * Algorithms", 2nd ed., §2.2 and §3.3): each value carries an approximation of the exact value the
 * operation sequence would give in real arithmetic, a rigorous bound on how far the float32
 * computation can be from it, and the size of the terms it combined.
 *
 * Model of one float32 operation (round to nearest, u = 2^−24, η = 2^−150; the same analysis runs for
 * binary64, u = 2^−53, η = 2^−1074, for an order that computes in float64 and rounds once):
 *   fl(x ∘ y) = (x ∘ y)(1 + δ) + ζ,  |δ| ≤ u,  |ζ| ≤ η,  ζ = 0 for + and − (a subnormal sum is exact).
 * Propagation of absolute bounds e (x̂ = x + ξ with |ξ| ≤ e):
 *   x ± y:  e_x + e_y
 *   x · y:  |x| e_y + |y| e_x + e_x e_y
 *   x / y:  (e_x + |x/y| e_y) / (|y| − e_y)              needs e_y < |y|
 *   √x:     min(e_x / (√x + √max(x − e_x, 0)), √e_x)
 * then the operation's own rounding adds u (|r| + e) + η. A value that may reach the overflow
 * threshold, or a divisor that may be zero in float32 while it is not in exact arithmetic, leaves the
 * analysed domain: its bound is infinite and the reason is kept.
 *
 * @module
 */
import type { Float32Arith } from '../../../core/arith.js';
import { UNIT_ROUNDOFF } from '../../../oracle/binary32.js';

/** u = 2^−24, the unit roundoff of binary32. */
export const U = UNIT_ROUNDOFF;
/** η = 2^−150, the largest absolute error of rounding a result in the subnormal range. */
export const ETA = 2 ** -150;
/** Magnitudes at or above this round to infinity in binary32. */
export const OVERFLOW = (2 - 2 ** -24) * 2 ** 127;

/**
 * Why a value has no finite bound: `nonfinite` (an input was NaN or ±∞: compare classes only),
 * `zero-divisor` (division by an exact zero: compare classes only), `overflow` or `underflow`
 * (float32 leaves the exact result: outside the analysed domain).
 */
export type OutOfDomain = 'nonfinite' | 'zero-divisor' | 'overflow' | 'underflow';

/** A float32 value under running error analysis. */
export interface Bounded {
  /** The exact result of the operations so far, in float64 (relative accuracy about 2^−50). */
  readonly v: number;
  /** Bound on |float32 result − exact result|. */
  readonly e: number;
  /**
   * Size of the terms combined, the unit of error being u · s: the expression on absolute values
   * with − read as +, where an operation that may underflow adds η/u = 2^−126 and a division adds
   * its divisor's size in proportion, so that every error source of the model is counted once.
   */
  readonly s: number;
  /** Set when the value is outside the domain of the analysis. */
  readonly out?: OutOfDomain;
  /**
   * True when the value is ≥ 0 by construction (a square, a sum or product of such values, a root), so
   * that float32 cannot make it negative either. Differences are not.
   */
  readonly nonneg?: boolean;
}

const SEVERITY: Record<OutOfDomain, number> = { nonfinite: 1, 'zero-divisor': 1, underflow: 2, overflow: 2 };

function worst(...reasons: Array<OutOfDomain | undefined>): OutOfDomain | undefined {
  let w: OutOfDomain | undefined;
  for (const r of reasons) if (r !== undefined && (w === undefined || SEVERITY[r] > SEVERITY[w])) w = r;
  return w;
}

/**
 * The rounding model of a binary format, round to nearest: unit roundoff u, the largest absolute error
 * η of a result rounded into the subnormal range, and the magnitude from which results round to ∞.
 */
export interface FloatFormat {
  readonly u: number;
  readonly eta: number;
  readonly overflow: number;
}

/** binary32: u = 2^−24, η = 2^−150, overflow at (2 − 2^−24) · 2^127. */
export const BINARY32: FloatFormat = { u: U, eta: ETA, overflow: OVERFLOW };

/**
 * binary64: u = 2^−53, η taken as 2^−1074 (the exact 2^−1075 is not a double: it would evaluate to 0);
 * overflow taken at the largest double (the exact threshold, 2^1024 − 2^970, is not a double either: a
 * value reaching the largest double is already outside the domain).
 */
export const BINARY64: FloatFormat = { u: 2 ** -53, eta: Number.MIN_VALUE, overflow: Number.MAX_VALUE };

/** A float32 input: exact, with no error. */
export function exactInput(x: number): Bounded {
  const nonneg = x >= 0;
  return Number.isFinite(x)
    ? { v: x, e: 0, s: Math.abs(x), nonneg }
    : { v: x, e: 0, s: Math.abs(x), out: 'nonfinite', nonneg };
}

function withSign(b: Bounded, nonneg: boolean): Bounded {
  return nonneg ? { ...b, nonneg } : b;
}

/**
 * A finite value that may be zero in float32 or in exact arithmetic but not in both: |v| ≤ e, except
 * an exact zero (e = 0) and a 0 from IEEE arithmetic on infinities (x / ∞, 0 in both). Inside the
 * domain, a float64 v of 0 with an error is no exact zero either (√(1.01 + 2^−252) − √1.01 is 0 in
 * float64 and in float32, but not exactly).
 */
function mayVanish(x: Bounded): boolean {
  return Number.isFinite(x.v) && x.e >= Math.abs(x.v) && (x.v !== 0 || (x.out === undefined && x.e > 0));
}

/**
 * With an infinite operand (an input's, or a quotient by an exact zero), a finite operand that
 * {@link mayVanish} (0 · ∞ = NaN against x · ∞ = ±∞) leaves the domain.
 */
function productDomain(a: Bounded, b: Bounded): OutOfDomain | undefined {
  const out = worst(a.out, b.out);
  if (out !== 'nonfinite' && out !== 'zero-divisor') return out;
  return mayVanish(a) || mayVanish(b) ? 'underflow' : out;
}

/** A value rounded in `format` from exact `v` carrying propagated error `e`; checks the result against overflow. */
function roundedIn(
  format: FloatFormat,
  v: number,
  e: number,
  size: number,
  out: OutOfDomain | undefined,
  subnormalError: boolean,
): Bounded {
  const s = subnormalError ? size + format.eta / format.u : size;
  if (out !== undefined) return { v, e: Infinity, s, out };
  // From operands inside the domain, only an overflow of the float64 evaluation itself makes v ±∞.
  if (!Number.isFinite(v)) return { v, e: Infinity, s, out: Number.isNaN(v) ? 'nonfinite' : 'overflow' };
  const total = e + format.u * (Math.abs(v) + e) + (subnormalError ? format.eta : 0);
  // A bound or a size that is itself not a finite number (an error or a size divided by a divisor near
  // the format's smallest numbers) bounds nothing: outside the domain, as a value that may overflow.
  if (!(Math.abs(v) + total < format.overflow) || !(s < Infinity)) return { v, e: Infinity, s, out: 'overflow' };
  return { v, e: total, s };
}

/**
 * A value computed in a wider format rounded once to binary32: fl32(x̂) − x ≤ e + u (|x| + e) + η, and
 * outside the domain where it may reach float32's overflow threshold.
 */
export function roundToBinary32(b: Bounded): Bounded {
  return withSign(roundedIn(BINARY32, b.v, b.e, b.s, b.out, true), !!b.nonneg);
}

/** The float32 zero, with nothing combined: 0 in float32 and in exact arithmetic. */
export const isExactZero = (x: Bounded): boolean => x.v === 0 && x.e === 0 && x.s === 0 && x.out === undefined;

/**
 * The selection where(c > 0, a, b), which rounds nothing: its bound is the chosen branch's,
 *
 *   where(ĉ > 0, â, b̂) − where(c > 0, a, b) = â − a   when c > e_c + 2^−45 S_c
 *                                            = b̂ − b   when c < −(e_c + 2^−45 S_c), or c is the exact 0
 *
 * (e_c and the float64 slack 2^−45 S of v: float32 takes the branch exact arithmetic takes). Otherwise
 * float32 may take the other branch: the value is outside the domain. A c that is NaN or ±∞ from
 * nonfinite inputs alone is the same in float32 (NaN takes b); any other c outside the domain leaves
 * the result outside it.
 */
function selectPositive(c: Bounded, a: Bounded, b: Bounded): Bounded {
  const chosen = c.v > 0 ? a : b;
  if (c.out === 'nonfinite' && !Number.isFinite(c.v)) return chosen;
  if (c.out !== undefined || !Number.isFinite(c.v)) {
    return { ...chosen, e: Infinity, out: worst(c.out ?? 'nonfinite', chosen.out) };
  }
  const uncertainty = c.e + 2 ** -45 * c.s;
  const decided = c.v > uncertainty || c.v < -uncertainty || isExactZero(c);
  return decided ? chosen : { ...chosen, e: Infinity, out: worst('underflow', chosen.out) };
}

/**
 * Arithmetic in `format` on {@link Bounded} values: the running error analysis of an algorithm whose
 * every operation rounds to that format.
 */
export function boundedArithIn(format: FloatFormat): Float32Arith<Bounded> {
  const rounded = (v: number, e: number, size: number, out: OutOfDomain | undefined, subnormalError: boolean) =>
    roundedIn(format, v, e, size, out, subnormalError);
  return {
    add: (a, b) =>
      withSign(rounded(a.v + b.v, a.e + b.e, a.s + b.s, worst(a.out, b.out), false), !!a.nonneg && !!b.nonneg),
    sub: (a, b) => rounded(a.v - b.v, a.e + b.e, a.s + b.s, worst(a.out, b.out), false),
    mul: (a, b) =>
      withSign(
        rounded(a.v * b.v, Math.abs(a.v) * b.e + Math.abs(b.v) * a.e + a.e * b.e, a.s * b.s, productDomain(a, b), true),
        !!a.nonneg && !!b.nonneg,
      ),
    square: (a) => withSign(rounded(a.v * a.v, 2 * Math.abs(a.v) * a.e + a.e * a.e, a.s * a.s, a.out, true), true),
    div(a, b) {
      const q = a.v / b.v;
      const out = productDomain(a, b);
      if (out !== undefined) return rounded(q, Infinity, a.s / Math.abs(b.v), out, true);
      if (b.v === 0 && b.e === 0) {
        // Division by an exact zero: ±∞ or NaN in both; but a dividend that may be zero in float32 or
        // in exact arithmetic alone turns ±∞ into NaN in one of them.
        return { v: q, e: Infinity, s: Infinity, out: mayVanish(a) ? 'underflow' : 'zero-divisor' };
      }
      if (b.e >= Math.abs(b.v)) return { v: q, e: Infinity, s: Infinity, out: 'underflow' };
      const e = (a.e + Math.abs(q) * b.e) / (Math.abs(b.v) - b.e);
      return withSign(
        rounded(q, e, (a.s + Math.abs(q) * b.s) / Math.abs(b.v), undefined, true),
        !!a.nonneg && !!b.nonneg,
      );
    },
    max(a, b) {
      const out = worst(a.out, b.out);
      const v = Math.max(a.v, b.v); // NaN when either is
      // |max(x̂, ŷ) − max(x, y)| ≤ max(e_x, e_y); no rounding.
      if (out !== undefined || !Number.isFinite(v))
        return { v, e: Infinity, s: Math.max(a.s, b.s), out: out ?? 'nonfinite' };
      return withSign({ v, e: Math.max(a.e, b.e), s: Math.max(a.s, b.s) }, !!a.nonneg || !!b.nonneg);
    },
    abs: (a) => ({ ...a, v: Math.abs(a.v), nonneg: true }),
    sign(a) {
      // Exact when the sign is decided: |v| > e (or an exact zero), or ±∞ from nonfinite inputs alone (the
      // same ±∞ in float32); otherwise float32 may take either side.
      if (a.out === 'nonfinite' && (a.v === Infinity || a.v === -Infinity))
        return { v: Math.sign(a.v), e: 0, s: 1, nonneg: a.v > 0 };
      if (a.out !== undefined || !Number.isFinite(a.v))
        return { v: Math.sign(a.v), e: Infinity, s: 1, out: a.out ?? 'nonfinite' };
      if ((a.v === 0 && a.e > 0) || (a.v !== 0 && Math.abs(a.v) <= a.e))
        return { v: Math.sign(a.v), e: Infinity, s: 1, out: 'underflow' };
      return { v: Math.sign(a.v) || 0, e: 0, s: Math.abs(Math.sign(a.v)), nonneg: a.v >= 0 };
    },
    wherePositive: selectPositive,
    sqrt(a) {
      const r = Math.sqrt(a.v);
      // An argument that is not ≥ 0 by construction and lies within its error (plus the float64 slack of
      // v itself) of zero has no decidable sign: float32 may take the root of a value the exact
      // arithmetic finds negative, or the reverse.
      const uncertainty = a.e + 2 ** -45 * a.s;
      if (a.out === undefined && !a.nonneg && -uncertainty <= a.v && a.v < uncertainty) {
        return { v: r, e: Infinity, s: Math.sqrt(a.s), out: 'underflow' };
      }
      if (a.out !== undefined || a.v < 0) return rounded(r, Infinity, Math.sqrt(a.s), a.out ?? 'nonfinite', false);
      const e = a.v > 0 ? Math.min(a.e / (r + Math.sqrt(Math.max(a.v - a.e, 0))), Math.sqrt(a.e)) : Math.sqrt(a.e);
      return withSign(rounded(r, e, Math.sqrt(a.s), undefined, false), true);
    },
  };
}

/** Float32 arithmetic on {@link Bounded} values: the running error analysis of an algorithm. */
export const boundedArith: Float32Arith<Bounded> = boundedArithIn(BINARY32);

/**
 * The bound on |production − oracle| for a value: its own bound, plus the oracle's rounding of the
 * exact value to float32 (at most u|v| + η), widened by 2^−20 relative and 2^−45 s for the float64
 * evaluation of the bound itself.
 */
export function comparisonBound(b: Bounded): number {
  if (b.out !== undefined) return Infinity;
  return (b.e + U * Math.abs(b.v) + ETA) * (1 + 2 ** -20) + 2 ** -45 * b.s;
}

/**
 * The relative error factor of m float32 additions in a row: γ_m = m u / (1 − m u) while m u < 1/2,
 * then (1 + u)^m − 1, from expm1 and log1p (within an ulp or two each) widened by 2^−40. (An empty
 * sum asks for m = −1, which multiplies a magnitude of 0.)
 */
function sumGamma(m: number): number {
  const mu = m * U;
  return mu < 0.5 ? mu / (1 - mu) : Math.expm1(m * Math.log1p(U)) * (1 + 2 ** -40);
}

/**
 * The running bound of a float32 sum of the bounded terms, in any order:
 *
 *   |fl(Σ x̂_i) − Σ x_i| ≤ Σ e_i + γ_{n−1} Σ (|x_i| + e_i),   γ_m = m u / (1 − m u)
 *
 * (Higham 2002, §4.2; it covers every order of float32 additions, and float64 accumulation rounded once
 * to float32 as tfjs's cpu backend does). γ_m holds for m u < 1 only; from m u ≥ 1/2 on (more than 2^23
 * terms) the bound takes (1 + u)^m − 1 instead, the quantity γ_m bounds (Higham's Lemma 3.1), which
 * holds for every m. Additions need no η: a subnormal sum is exact. A partial sum may reach float32's
 * overflow threshold in some order even when the exact sum is finite (float32 then gives ±∞): when
 * Σ (|x_i| + e_i) can reach it, the sum leaves the domain ('overflow').
 */
export function sumBound(terms: readonly Bounded[]): Bounded {
  const out = terms.find((x) => x.out !== undefined)?.out;
  const v = terms.reduce((s, x) => s + x.v, 0);
  const size = terms.reduce((s, x) => s + x.s, 0);
  if (out !== undefined) return { v, e: Infinity, s: size, out };
  const gamma = sumGamma(terms.length - 1);
  const magnitude = terms.reduce((s, x) => s + Math.abs(x.v) + x.e, 0);
  if (magnitude * (1 + gamma) >= OVERFLOW) return { v, e: Infinity, s: size, out: 'overflow' };
  const e = terms.reduce((s, x) => s + x.e, 0) + gamma * magnitude;
  return { v, e, s: size };
}

/**
 * {@link sumBound}, marked ≥ 0 when every term is ≥ 0 by construction and the sum stays inside the
 * domain (float32 additions of nonnegative values cannot go below 0), so that the root of a sum of
 * squares near 0 stays decided.
 */
export function nonnegativeSum(terms: readonly Bounded[]): Bounded {
  const sum = sumBound(terms);
  return sum.out === undefined && terms.every((x) => x.nonneg === true) ? { ...sum, nonneg: true } : sum;
}
