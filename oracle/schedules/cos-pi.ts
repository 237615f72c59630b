/**
 * A proven enclosure of cos(π x) for an exact rational x, at any precision p, computed in integer
 * (BigInt) fixed point at scale U = 10^S, S = p + 20, with every error counted in units of 10^−S.
 * No transcendental function of decimal.js is used (their error bounds are not stated as proven).
 *
 * The proof, step by step (⌊·⌋ is BigInt division of nonnegative integers, which rounds down):
 *
 * 1. π = 16 arctan(1/5) − 4 arctan(1/239) (Machin), arctan(1/n) = Σ_{k≥0} (−1)^k / ((2k+1) n^(2k+1)).
 *    q_k = ⌊q_{k−1}/n²⌋ with q_0 = ⌊U/n⌋ equals ⌊U/n^(2k+1)⌋ exactly (⌊⌊a⌋/m⌋ = ⌊a/m⌋ for integer
 *    m), and so does each term ⌊q_k/(2k+1)⌋ = ⌊U/((2k+1) n^(2k+1))⌋: each is within 1 unit of the
 *    exact term. The series stops at the first term that is 0, the exact one then below 1 unit; the
 *    terms decrease and alternate, so the rest of the series is smaller than that term (Leibniz). With
 *    K terms summed, arctan(1/n) U is within K + 1 units of the sum; π U within 16(K₅ + 1) + 4(K₂₃₉ + 1).
 * 2. Reduction, exactly on the rational: x mod 2; cos(π(2 − m)) = cos(π m) brings m into [0, 1];
 *    cos(π m) = −cos(π(1 − m)) into [0, ½]; cos(π m) = sin(π(½ − m)) for m > ¼ into [0, ¼]. By
 *    Niven's theorem cos(π x) is rational only at m ∈ {0, ⅓, ½, ⅔, 1}: those are exact points (1, ½,
 *    0, −½, −1); every other value is irrational, hence never a rounding boundary.
 * 3. y = π r with r ∈ [0, ¼]: Y = ⌊P r⌋ for the fixed-point π P, within E_π r + 1 ≤ E_π + 1 units of
 *    y U. Both cos and sin are 1-Lipschitz, so evaluating at the exact point Y/U costs that much.
 * 4. Taylor's theorem with Lagrange's remainder at Y/U ≤ 0.8: cos z = Σ_{k<K} (−1)^k z^(2k)/(2k)! + R,
 *    |R| ≤ z^(2K)/(2K)! (the odd terms vanish and |cos^(n)| ≤ 1); sin z likewise with z^(2K+1)/(2K+1)!.
 *    Terms t_k = ⌊t_{k−1} Z₂ / (U (n − 1) n)⌋ with Z₂ = ⌊Y²/U⌋ and t₀ = U (cos) or Y (sin) never
 *    exceed the exact terms T_k and fall short by d_k ≤ 0.32 d_{k−1} + 1.5 (as Z₂/U ≤ 0.64,
 *    (n − 1) n ≥ 2, t_{k−1} ≤ U), so by less than 3 units: the sum of K terms is within 3K units,
 *    and the series stops at the first term t_K below 1, whose exact value bounds R by t_K + 3.
 * 5. The enclosure is the sum ± (steps 3 and 4), as exact decimals (·10^−S), negated for the
 *    reflections of step 2, intersected with [−1, 1].
 *
 * spec/schedules/cos-pi.spec.ts checks the enclosures against decimal.js's own cos and acos at a
 * higher precision, as an independent computation.
 *
 * @module
 */
import { Decimal } from 'decimal.js';
import type { Interval, IntervalArithmetic } from '../interval.js';
import type { Q } from './rational.js';

/** A fixed-point value V/U with a bound E on |V − exact · U|, both in units of 10^−S. */
interface Fixed {
  readonly value: bigint;
  readonly error: bigint;
}

const piCache = new Map<number, Fixed>();

/** arctan(1/n) U, with its error in units (step 1). */
function arctanInverse(unit: bigint, n: bigint): Fixed {
  let q = unit / n;
  let sum = 0n;
  for (let k = 0n; ; k += 1n) {
    const term = q / (2n * k + 1n);
    if (term === 0n) return { value: sum, error: k + 1n };
    sum += k % 2n === 0n ? term : -term;
    q /= n * n;
  }
}

/** π U at scale 10^S (cached). */
function fixedPi(scale: number): Fixed {
  let pi = piCache.get(scale);
  // Stryker disable next-line ConditionalExpression: equivalent; π at a scale is computed anew, the same value, only slower.
  if (pi === undefined) {
    const unit = 10n ** BigInt(scale);
    const a5 = arctanInverse(unit, 5n);
    const a239 = arctanInverse(unit, 239n);
    pi = { value: 16n * a5.value - 4n * a239.value, error: 16n * a5.error + 4n * a239.error };
    piCache.set(scale, pi);
  }
  return pi;
}

/** cos(Y/U) (sine = false) or sin(Y/U) for 0 ≤ Y ≤ 0.8 U, with its error in units (step 4). */
function taylor(y: bigint, unit: bigint, sine: boolean): Fixed {
  const z2 = (y * y) / unit;
  let term = sine ? y : unit;
  let sum = term;
  for (let k = 1n; ; k += 1n) {
    const n = 2n * k + (sine ? 1n : 0n);
    term = (term * z2) / (unit * (n - 1n) * n);
    if (term === 0n) return { value: sum, error: 3n * k + 4n };
    sum += k % 2n === 0n ? term : -term;
  }
}

/** The decimal interval [(V − E)/U, (V + E)/U]. */
function interval(f: Fixed, scale: number): Interval {
  const at = (v: bigint) => new Decimal(`${v}e-${scale}`);
  return { lo: at(f.value - f.error), hi: at(f.value + f.error), near: at(f.value) };
}

/** ±i ∩ [−1, 1] (step 5). */
function cosineRange(i: Interval, negate: boolean): Interval {
  const clamp = (d: Decimal) => Decimal.min(Decimal.max(negate ? d.neg() : d, -1), 1);
  return negate
    ? { lo: clamp(i.hi), hi: clamp(i.lo), near: clamp(i.near) }
    : { lo: clamp(i.lo), hi: clamp(i.hi), near: clamp(i.near) };
}

/** The scale S of the fixed point at precision p: 20 guard digits. */
const scaleOf = (a: IntervalArithmetic): number => a.precision + 20;

/** An enclosure of π at the arithmetic's precision (step 1). */
export function piEnclosure(a: IntervalArithmetic): Interval {
  return interval(fixedPi(scaleOf(a)), scaleOf(a));
}

/** The exact values of cos(π m) at m = k/6 ∈ [0, 1] where they are rational (Niven). */
const RATIONAL_COS: Readonly<Record<string, string>> = { '0': '1', '2': '0.5', '3': '0', '4': '-0.5', '6': '-1' };

/**
 * Step 2: cos(π x) = ±cos(π r) or ±sin(π r) with r = rNum/rDen ∈ [0, ¼] (the range step 4's
 * remainder bound needs), or its exact value where it is rational (Niven).
 */
export type Reduced =
  | { readonly exact: string }
  | { readonly rNum: bigint; readonly rDen: bigint; readonly sine: boolean; readonly negate: boolean };

/** The reduction of step 2, exactly on the rational x. */
export function reduceArgument(x: Q): Reduced {
  const two = 2n * x.den;
  let num = x.num % two;
  if (num < 0n) num += two;
  if (num > x.den) num = two - num;
  if ((6n * num) % x.den === 0n) {
    const exact = RATIONAL_COS[String((6n * num) / x.den)];
    if (exact !== undefined) return { exact };
  }
  const negate = 2n * num > x.den;
  if (negate) num = x.den - num;
  const sine = 4n * num > x.den;
  // r = num/den for the cosine, (den − 2 num)/(2 den) = ½ − m for the sine.
  const [rNum, rDen] = sine ? [x.den - 2n * num, 2n * x.den] : [num, x.den];
  return { rNum, rDen, sine, negate };
}

/** An enclosure of cos(π x) for the exact rational x (the proof is in this module's comment). */
export function cosPi(a: IntervalArithmetic, x: Q): Interval {
  const reduced = reduceArgument(x);
  if ('exact' in reduced) return a.point(reduced.exact);
  const { rNum, rDen, sine, negate } = reduced;
  const scale = scaleOf(a);
  const pi = fixedPi(scale);
  const y = (pi.value * rNum) / rDen;
  const series = taylor(y, 10n ** BigInt(scale), sine);
  return cosineRange(interval({ value: series.value, error: series.error + pi.error + 1n }, scale), negate);
}
