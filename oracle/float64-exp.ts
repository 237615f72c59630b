/**
 * Proven enclosures of ln and exp on doubles, for a^y = exp(y · ln a) in {@link Float64Enclosures}
 * (Nadam's momentum schedule 0.96^(0.004 t)). `Math.exp` and `Math.log` are never used, since
 * ECMAScript does not bound their error: ln comes from decimal.js at 40 digits, widened, and exp
 * from a Taylor polynomial with a bounded remainder, evaluated in outward-rounded arithmetic.
 *
 * @module
 */
import { Decimal } from 'decimal.js';
import { exactOfDouble } from './float64-decimal.js';
import { FLOAT64_UNDECIDED, MAX, NAN, nextDown, nextUp, point, TINY, type F64 } from './float64-rounding.js';

/** The outward-rounded operations {@link expEnclosure} evaluates with (those of {@link Float64Enclosures}). */
export interface F64Operations {
  /** a + b. */
  add(a: F64, b: F64): F64;
  /** a − b. */
  sub(a: F64, b: F64): F64;
  /** a · b. */
  mul(a: F64, b: F64): F64;
  /** a / b. */
  div(a: F64, b: F64): F64;
}

const lnCache = new Map<number, readonly [number, number]>();
const Ln = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_EVEN });

/** ln of a double x > 0 to 40 digits (decimal.js, within one unit in the 40th digit), widened by two double ulps each way. */
function lnBounds(x: number): readonly [number, number] {
  let b = lnCache.get(x);
  if (b === undefined) {
    const r = Number(new Ln(exactOfDouble(x)).ln().toString());
    b = [nextDown(nextDown(r)), nextUp(nextUp(r))];
    lnCache.set(x, b);
  }
  return b;
}

/** An enclosure of ln on [a.lo, a.hi] (a.lo > 0): ln is increasing. */
export function lnEnclosure(a: F64): F64 {
  return { lo: lnBounds(a.lo)[0], hi: lnBounds(a.hi)[1] };
}

/** ln 2 lies between these doubles: 0x3FE62E42FEFA39EF and the next one (checked against decimal.js in the specs). */
export const LN2_BOUNDS: readonly [number, number] = [0.6931471805599453, 0.6931471805599454];

/** Terms of the Taylor polynomial of exp on |r| ≤ 0.36 (degree {@link EXP_DEGREE}). */
export const EXP_DEGREE = 20;
/**
 * A bound on the Taylor remainder of exp of degree {@link EXP_DEGREE} for |r| ≤ 0.36:
 * |R| ≤ 0.36^21 / 21! · e^0.36 < 1.33e-29; 2e-29 is used.
 */
export const EXP_REMAINDER = 2e-29;

/** 2^k as a double, by binary powering of 2 or ½ (every product a power of two, exact for −1074 ≤ k ≤ 1023). */
export function powerOfTwo(k: number): number {
  let p = 1;
  let base = k < 0 ? 0.5 : 2;
  for (let n = Math.abs(k); n > 0; n = Math.floor(n / 2)) {
    if (n % 2 === 1) p *= base;
    base *= base;
  }
  return p;
}

/**
 * An enclosure of exp(x) for a double x: x = k ln 2 + r with k = round(x / ln 2) and r enclosed
 * through {@link LN2_BOUNDS} (|r| ≤ 0.36), exp(r) by its Taylor polynomial in Horner's form plus
 * [−{@link EXP_REMAINDER}, +{@link EXP_REMAINDER}], times 2^k (in two factors when 2^k alone would
 * leave the double range), every operation in the outward-rounded arithmetic `f`.
 */
export function expEnclosure(f: F64Operations, x: number): F64 {
  if (x !== x) return NAN;
  if (x > 710) return { lo: MAX, hi: Infinity };
  if (x < -746) return { lo: 0, hi: TINY };
  const k = Math.round(x / LN2_BOUNDS[0]);
  const r = f.sub(point(x), f.mul(point(k), { lo: LN2_BOUNDS[0], hi: LN2_BOUNDS[1] }));
  if (!(r.lo >= -0.36 && r.hi <= 0.36)) throw FLOAT64_UNDECIDED;
  let s: F64 = point(1);
  for (let i = EXP_DEGREE; i >= 1; i--) s = f.add(point(1), f.div(f.mul(r, s), point(i)));
  s = f.add(s, { lo: -EXP_REMAINDER, hi: EXP_REMAINDER });
  const half = Math.trunc(k / 2);
  const scaled = f.mul(f.mul(s, point(powerOfTwo(half))), point(powerOfTwo(k - half)));
  return scaled.lo < 0 ? { lo: 0, hi: scaled.hi } : scaled;
}

/**
 * An enclosure of e^z − 1 for z in [lo, hi] with |z| ≤ ½, tight relative to z where binary64's
 * enclosure of e^z is not (e^z for |z| below 2^−53 is [1 − 2^−53, 1] or [1, 1 + 2^−52], which knows
 * e^z − 1 only to ±2^−52). e^z − 1 is increasing, at least z (e^z ≥ 1 + z), and e^z − 1 − z =
 * z²/2! + z³/3! + … is at most z²/2 · 1/(1 − |z|) ≤ z² in size, so e^z − 1 ∈ [lo, hi + hi²]. Undefined
 * for a wider z.
 */
export function expm1Enclosure(f: F64Operations, z: F64): F64 | undefined {
  if (!(z.lo >= -0.5 && z.hi <= 0.5)) return undefined;
  return { lo: z.lo, hi: f.add(point(z.hi), f.mul(point(z.hi), point(z.hi))).hi };
}
