/**
 * Between decimals and doubles, exactly: the exact decimal value of a double ({@link exactOfDouble}),
 * and the tightest enclosure of decimal text by doubles ({@link enclosureOfText}), which is how a
 * decimal hyperparameter enters {@link Float64Enclosures}.
 *
 * @module
 */
import { Decimal } from 'decimal.js';
import type { Dec } from './binary32.js';
import { finite, MAX, NAN, nextDown, nextUp, point, type F64 } from './float64-rounding.js';

const Exact = Decimal.clone({ precision: 2000, rounding: Decimal.ROUND_HALF_EVEN });

/** The exact decimal value of a double: m · 2^e for a finite one (m an integer, e ≤ 0). */
export function exactOfDouble(x: number): Dec {
  if (!finite(x) || x === 0) return new Exact(x);
  let e = 0;
  let m = Math.abs(x);
  while (!Number.isInteger(m)) {
    m *= 2;
    e -= 1;
  }
  // m · 2^e = m · 5^−e · 10^e: at most 767 significant digits, exact in the constructor.
  const v = new Exact(`${BigInt(m) * 5n ** BigInt(-e)}e${e}`);
  return x < 0 ? v.neg() : v;
}

const DECIMAL_TEXT = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;
const f64 = new Float64Array(1);
const u64 = new BigUint64Array(f64.buffer);

/**
 * The sign of |text| − |x| for decimal text and a finite nonzero double of the same sign, exactly,
 * in BigInt: text = m · 10^k (its digits and exponent), x = n · 2^e (its bits), and the comparison
 * of m · 10^k with n · 2^e is one of integers after moving the negative powers across. Undefined when
 * the text is not a plain decimal or its exponent is beyond ±400 (decimal.js decides then).
 */
function compareMagnitudes(text: string, x: number): number | undefined {
  const parts = DECIMAL_TEXT.exec(text);
  if (parts === null) return undefined;
  const whole = parts[2] ?? '';
  const fraction = parts[3] ?? '';
  if (whole === '' && fraction === '') return undefined;
  const k = Number(parts[4] ?? '0') - fraction.length;
  if (!Number.isSafeInteger(k) || k < -400 || k > 400) return undefined;
  const m = BigInt(whole + fraction);
  f64[0] = Math.abs(x);
  const bits = u64[0] ?? 0n;
  const biased = Number(bits >> 52n);
  const significand = bits & ((1n << 52n) - 1n);
  const n = biased === 0 ? significand : significand | (1n << 52n);
  const e = (biased === 0 ? 1 : biased) - 1075;
  let left = m;
  let right = n;
  if (k >= 0) left *= 10n ** BigInt(k);
  else right *= 10n ** BigInt(-k);
  if (e >= 0) right <<= BigInt(e);
  else left <<= BigInt(-e);
  return left < right ? -1 : left > right ? 1 : 0;
}

/**
 * The exact value of decimal text: x = Number(text) is correctly rounded, so it is the point when
 * the text equals x exactly, else [x, nextUp(x)] or [nextDown(x), x] by the side of x the text lies
 * on; text past the double range gives [MAX_VALUE, +∞] (or [−∞, −MAX_VALUE]). The comparison is
 * exact: in BigInt for plain decimal text, else by decimal.js.
 */
export function enclosureOfText(text: string): F64 {
  const x = Number(text);
  if (x !== 0 && finite(x)) {
    const c = compareMagnitudes(text, x);
    if (c !== undefined) {
      const cmp = x < 0 ? -c : c;
      if (cmp === 0) return point(x);
      return cmp > 0 ? { lo: x, hi: nextUp(x) } : { lo: nextDown(x), hi: x };
    }
  }
  return enclosureByDecimal(text);
}

/** {@link enclosureOfText} by decimal.js, for any text it reads (NaN, Infinity, zeros, huge exponents). */
function enclosureByDecimal(text: string): F64 {
  const exact = new Exact(text);
  if (exact.isNaN()) return NAN;
  const x = Number(text);
  if (x !== x) return { lo: -Infinity, hi: Infinity };
  if (!exact.isFinite()) return point(x);
  if (!finite(x)) return x > 0 ? { lo: MAX, hi: Infinity } : { lo: -Infinity, hi: -MAX };
  const cmp = exact.cmp(exactOfDouble(x));
  if (cmp === 0) return point(exact.isZero() && exact.isNeg() ? -0 : x);
  return cmp > 0 ? { lo: x, hi: nextUp(x) } : { lo: nextDown(x), hi: x };
}
