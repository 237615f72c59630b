/**
 * Dyadic rationals m · 2^e (m a BigInt, e an integer of any size a double holds exactly) with
 * directed rounding to p significant bits: the numbers of the big-float stage
 * (./big-float-intervals.ts). The exponent has no range to leave, so nothing underflows or overflows:
 * a product with a hyperparameter of 5e-324 keeps its sign and its digits, where binary64 loses both.
 *
 * Each operation computes the exact result (or, for ÷ and √, the exact quotient or root truncated,
 * with whether it was exact) and rounds it toward −∞ (`up` false) or +∞ (`up` true); BigInt's `>>`
 * floors, so rounding down is one shift and rounding up is the shift of the negation, negated.
 *
 * @module
 */
import { Decimal } from 'decimal.js';
import { bits, isqrt } from './integer-roots.js';

/** The value m · 2^e. */
export interface Dyadic {
  readonly m: bigint;
  readonly e: number;
}

/** The dyadic 0 (a zero's sign is kept by the interval that holds it, not here). */
export const ZERO: Dyadic = Object.freeze({ m: 0n, e: 0 });

/** The dyadic 1. */
export const ONE: Dyadic = Object.freeze({ m: 1n, e: 0 });

/** m · 2^e rounded to at most p significant bits, toward +∞ when `up`, else toward −∞. */
export function rounded(m: bigint, e: number, p: number, up: boolean): Dyadic {
  const drop = Math.max(0, bits(m) - p);
  const s = BigInt(drop);
  return { m: up ? -(-m >> s) : m >> s, e: e + drop };
}

/** Whether m · 2^e has at most p significant bits (so {@link rounded} keeps it exactly). */
export function fits(m: bigint, p: number): boolean {
  return m % (1n << BigInt(Math.max(0, bits(m) - p))) === 0n;
}

/** The exponent just above |x|: 2^(top − 1) ≤ |x| < 2^top (for x ≠ 0). */
export function top(x: Dyadic): number {
  return x.e + bits(x.m);
}

/** −1, 0 or 1 as x is negative, zero or positive. */
export function sign(x: Dyadic): -1 | 0 | 1 {
  return x.m < 0n ? -1 : x.m > 0n ? 1 : 0;
}

/** −x, exactly. */
export function negate(x: Dyadic): Dyadic {
  return { m: -x.m, e: x.e };
}

/** Negative, zero or positive as a < b, a = b, a > b (exactly). */
export function compare(a: Dyadic, b: Dyadic): number {
  const sa = sign(a);
  const sb = sign(b);
  if (sa !== sb) return sa - sb;
  if (sa === 0) return 0;
  const ta = top(a);
  const tb = top(b);
  if (ta !== tb) return ta > tb === sa > 0 ? 1 : -1;
  const e = Math.min(a.e, b.e);
  const x = a.m << BigInt(a.e - e);
  const y = b.m << BigInt(b.e - e);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** The larger of a and b. */
export function larger(a: Dyadic, b: Dyadic): Dyadic {
  return compare(a, b) >= 0 ? a : b;
}

/** The smaller of a and b. */
export function smaller(a: Dyadic, b: Dyadic): Dyadic {
  return compare(a, b) <= 0 ? a : b;
}

/**
 * a + b rounded to p bits. When one operand lies more than p + 2 binary places below the other's
 * leading bit, and the larger has at most p bits, the smaller is replaced by ±2^(top − p − 2) of the
 * same sign: both sums lie strictly inside the same gap between neighbouring p-bit numbers, which a
 * directed rounding maps to one end (so a 2^−10^7 term costs no 10^7-bit integer).
 */
export function add(a: Dyadic, b: Dyadic, p: number, up: boolean): Dyadic {
  if (a.m === 0n) return rounded(b.m, b.e, p, up);
  if (b.m === 0n) return rounded(a.m, a.e, p, up);
  const ta = top(a);
  const tb = top(b);
  if (tb < ta - p - 2 && fits(a.m, p)) return withSticky(a, ta - p - 2, b.m > 0n, p, up);
  if (ta < tb - p - 2 && fits(b.m, p)) return withSticky(b, tb - p - 2, a.m > 0n, p, up);
  const e = Math.min(a.e, b.e);
  return rounded((a.m << BigInt(a.e - e)) + (b.m << BigInt(b.e - e)), e, p, up);
}

/** x ± 2^k rounded to p bits. */
function withSticky(x: Dyadic, k: number, positive: boolean, p: number, up: boolean): Dyadic {
  const e = Math.min(x.e, k);
  const sticky = 1n << BigInt(k - e);
  return rounded((x.m << BigInt(x.e - e)) + (positive ? sticky : -sticky), e, p, up);
}

/** a · b rounded to p bits. */
export function mul(a: Dyadic, b: Dyadic, p: number, up: boolean): Dyadic {
  return rounded(a.m * b.m, a.e + b.e, p, up);
}

/** a · b exactly. */
export function mulExact(a: Dyadic, b: Dyadic): Dyadic {
  return { m: a.m * b.m, e: a.e + b.e };
}

/**
 * a / b (b ≠ 0) rounded to p bits, and whether the quotient is exact: the integer quotient of
 * a's mantissa shifted to give at least p + 2 bits, truncated, then moved one unit in the rounding's
 * direction when a remainder is left (truncation moves toward 0, so only one direction needs it).
 */
export function div(a: Dyadic, b: Dyadic, p: number, up: boolean): { q: Dyadic; exact: boolean } {
  const s = Math.max(0, p + 2 + bits(b.m) - bits(a.m));
  const n = a.m << BigInt(s);
  let q = n / b.m;
  const exact = q * b.m === n;
  if (!exact) {
    const negative = n < 0n !== b.m < 0n;
    if (up && !negative) q += 1n;
    else if (!up && negative) q -= 1n;
  }
  return { q: rounded(q, a.e - s - b.e, p, up), exact: exact && fits(q, p) };
}

/** √a (a ≥ 0) rounded to p bits, and whether the root is exact (integer root of a mantissa with 2p + 2 bits). */
export function sqrt(a: Dyadic, p: number, up: boolean): { r: Dyadic; exact: boolean } {
  if (a.m === 0n) return { r: ZERO, exact: true };
  let s = Math.max(0, 2 * p + 2 - bits(a.m));
  if ((a.e - s) % 2 !== 0) s++;
  const n = a.m << BigInt(s);
  let r = isqrt(n);
  const exact = r * r === n;
  if (up && !exact) r += 1n;
  return { r: rounded(r, (a.e - s) / 2, p, up), exact: exact && fits(r, p) };
}

const f64 = new Float64Array(1);
const u64 = new BigUint64Array(f64.buffer);

/** The exact value of a finite double (±0 as 0 · 2^−1074). */
export function ofDouble(x: number): Dyadic {
  f64[0] = Math.abs(x);
  const b = u64[0] as bigint;
  const biased = Number(b >> 52n);
  const fraction = b & ((1n << 52n) - 1n);
  const m = biased === 0 ? fraction : fraction | (1n << 52n);
  return { m: x < 0 ? -m : m, e: (biased === 0 ? 1 : biased) - 1075 };
}

/**
 * The largest |k| of 10^k that {@link ofDecimal} multiplies or divides by exactly, and the largest |e|
 * {@link toDecimal} converts (their texts and integers have about that many digits).
 */
export const DECIMAL_EXPONENT_LIMIT = 20_000;

/** Bits kept beyond p in a power of five past the limit: its ≤ 2 log2 k roundings move it by under 2^−(p+50). */
const FAR_GUARD_BITS = 64;

/**
 * 5^n (n ≥ 0) rounded to p bits toward +∞ when `up`, else toward −∞, by binary powering with each
 * product rounded the same way: every factor is positive, so each rounding moves the result only in
 * the direction asked.
 */
export function powerOfFive(n: number, p: number, up: boolean): Dyadic {
  let result = ONE;
  let base: Dyadic = { m: 5n, e: 0 };
  for (let k = n; ; k = Math.floor(k / 2)) {
    if (k % 2 === 1) result = mul(result, base, p, up);
    if (k < 2) return result;
    base = mul(base, base, p, up);
  }
}

/**
 * The finite decimal d rounded to p bits in the direction asked, and whether that is exact: d's
 * digits c and exponent k (d = c · 10^k, from its exact exponential text) as the integer c · 10^k, or
 * the quotient c / 10^−k. Past 10^±{@link DECIMAL_EXPONENT_LIMIT}, where 10^k would be an integer of
 * millions of bits (0.96^(10^8) is 10^−1,772,876), d = c · 5^k · 2^k with 5^|k| bounded at p + 64 bits
 * on the side that keeps the product or quotient on the side asked; never exact there (c, of fewer
 * digits than 5^20000 has, is no multiple of it, and c · 5^k has more than p bits).
 */
export function ofDecimal(d: Decimal, p: number, up: boolean): { q: Dyadic; exact: boolean } {
  const [mantissa, exponent] = d.toExponential().split('e') as [string, string];
  const digits = mantissa.replace('.', '').replace('-', '');
  const k = Number(exponent) - (digits.length - 1);
  const c = d.isNegative() ? -BigInt(digits) : BigInt(digits);
  if (k > DECIMAL_EXPONENT_LIMIT) {
    const five = powerOfFive(k, p + FAR_GUARD_BITS, c > 0n === up);
    return { q: mul({ m: c, e: k }, five, p, up), exact: false };
  }
  if (k < -DECIMAL_EXPONENT_LIMIT) {
    const five = powerOfFive(-k, p + FAR_GUARD_BITS, c < 0n === up);
    return { q: div({ m: c, e: k }, five, p, up).q, exact: false };
  }
  if (k >= 0) {
    const m = c * 10n ** BigInt(k);
    return { q: rounded(m, 0, p, up), exact: fits(m, p) };
  }
  return div({ m: c, e: 0 }, { m: 10n ** BigInt(-k), e: 0 }, p, up);
}

/** The exact decimal value of x (m · 5^−e · 10^e for e < 0); undefined past {@link DECIMAL_EXPONENT_LIMIT}. */
export function toDecimal(x: Dyadic): Decimal | undefined {
  if (Math.abs(x.e) > DECIMAL_EXPONENT_LIMIT) return undefined;
  if (x.e >= 0) return new Decimal((x.m << BigInt(x.e)).toString());
  return new Decimal(`${(x.m * 5n ** BigInt(-x.e)).toString()}e${x.e}`);
}

/** 2^k for the exponents a binary32 result needs, k in [−200, 200], each exact (products by 2 only). */
const POWERS_OF_TWO = ((): Float64Array => {
  const t = new Float64Array(401);
  t[200] = 1;
  for (let k = 1; k <= 200; k++) {
    t[200 + k] = (t[199 + k] as number) * 2;
    t[200 - k] = (t[201 - k] as number) / 2;
  }
  return t;
})();

/**
 * x rounded to the nearest binary32, ties to even, with gradual underflow (a result below 2^−149
 * rounds to a zero of x's sign) and overflow to ±∞ (from 2^128 − 2^103 up, the tie going to 2^128).
 * The kept bits end at 2^max(E − 23, −149) for 2^E ≤ |x| < 2^(E+1); the rest decide the rounding.
 */
export function toFloat32(x: Dyadic): number {
  if (x.m === 0n) return 0;
  const negative = x.m < 0n;
  const m = negative ? -x.m : x.m;
  const b = bits(m);
  const E = x.e + b - 1;
  if (E > 128) return negative ? -Infinity : Infinity;
  if (E < -151) return negative ? -0 : 0;
  const last = Math.max(E - 23, -149);
  const shift = last - x.e;
  let q: bigint;
  if (shift <= 0) q = m << BigInt(-shift);
  else {
    const s = BigInt(shift);
    q = m >> s;
    const rest = m - (q << s);
    const half = 1n << (s - 1n);
    if (rest > half || (rest === half && (q & 1n) === 1n)) q += 1n;
  }
  const v = Math.fround(Number(q) * (POWERS_OF_TWO[200 + last] as number));
  return negative ? -v : v;
}
