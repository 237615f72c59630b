/**
 * Between decimals and doubles, exactly: the exact decimal value of a double ({@link exactOfDouble}),
 * and the tightest enclosure of decimal text by doubles ({@link enclosureOfText}), which is how a
 * decimal hyperparameter enters {@link Float64Enclosures}.
 *
 * @module
 */
import { Decimal } from 'decimal.js';
import type { Dec } from './binary32.js';
import { finite, MAX, NAN, nextDown, nextUp, point, TINY, type F64 } from './float64-rounding.js';

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

const DECIMAL_TEXT = /^([+-]?)(\d*)\.?(\d*)(?:[eE]([+-]?\d+))?$/;
const SPECIALS: ReadonlyMap<string, F64> = new Map([
  ['NaN', NAN],
  ['Infinity', point(Infinity)],
  ['+Infinity', point(Infinity)],
  ['-Infinity', point(-Infinity)],
]);
/** The enclosure of text that is not plain decimal (decimal.js also reads 0x, 0b and 0o text): every value. */
const WHOLE_LINE: F64 = Object.freeze({ lo: -Infinity, hi: Infinity });
/** The enclosure of a positive value above the largest double. */
const ABOVE_MAX: F64 = Object.freeze({ lo: MAX, hi: Infinity });
/** The enclosure of a positive value below the smallest positive double. */
const BELOW_TINY: F64 = Object.freeze({ lo: 0, hi: TINY });
const f64 = new Float64Array(1);
const u64 = new BigUint64Array(f64.buffer);

/**
 * The sign of m · 10^k − x for a positive integer m and a positive finite double x, exactly: x =
 * n · 2^e from its bits, and both sides are integers once the negative powers move across. With x
 * finite and nonzero, m · 10^k lies between 2^−1075 and 2^1024, so k is at least −(324 + the digits
 * of m) and at most 309: the powers stay as small as the text.
 */
function compareWithDouble(m: bigint, k: number, x: number): number {
  f64[0] = x;
  const bits = u64[0] ?? 0n;
  const biased = Number(bits >> 52n);
  const fraction = bits & ((1n << 52n) - 1n);
  const n = biased === 0 ? fraction : fraction | (1n << 52n);
  const e = (biased === 0 ? 1 : biased) - 1075;
  const left = (m * 10n ** BigInt(Math.max(k, 0))) << BigInt(Math.max(-e, 0));
  const right = (n * 10n ** BigInt(Math.max(-k, 0))) << BigInt(Math.max(e, 0));
  return left < right ? -1 : left > right ? 1 : 0;
}

/**
 * The tightest enclosure of m · 10^k (m > 0) by doubles, given x, the double nearest to it: a value
 * that rounds to +∞ lies above MAX_VALUE and one that rounds to 0 below 2^−1074 (so huge exponents
 * never reach BigInt); else the point x when the two are equal, or [x, nextUp(x)] or
 * [nextDown(x), x] by the side of x the value lies on.
 */
function magnitudeEnclosure(m: bigint, k: number, x: number): F64 {
  if (x === Infinity) return ABOVE_MAX;
  if (x === 0) return BELOW_TINY;
  const c = compareWithDouble(m, k, x);
  return c < 0 ? { lo: nextDown(x), hi: x } : c > 0 ? { lo: x, hi: nextUp(x) } : point(x);
}

/**
 * The exact value of decimal text, [±]digits[.digits][e[±]digits], enclosed by doubles as tightly as
 * doubles can: x = Number(text) is the double nearest to it (V8 rounds decimal text correctly), so the
 * text is the point x when it equals x exactly, else lies between x and its neighbour on the side the
 * exact comparison (in BigInt) finds; past the double range it is [MAX_VALUE, +∞] or [0, 2^−1074] (and
 * their negatives); zeros keep their sign. NaN, Infinity and −Infinity are themselves; other text (an
 * empty string, hexadecimal) gets the whole line, a true enclosure that decides nothing.
 */
export function enclosureOfText(text: string): F64 {
  const parts = DECIMAL_TEXT.exec(text);
  if (parts === null) return SPECIALS.get(text) ?? WHOLE_LINE;
  // The sign, whole and fraction groups take part in every match, if only as empty text.
  const whole = String(parts[2]);
  const fraction = String(parts[3]);
  if (whole + fraction === '') return WHOLE_LINE;
  const digits = (whole + fraction).replace(/^0+/, '');
  const negative = parts[1] === '-';
  if (digits === '') return point(negative ? -0 : 0);
  const k = Number(parts[4] ?? 0) - fraction.length;
  const magnitude = magnitudeEnclosure(BigInt(digits), k, Math.abs(Number(text)));
  return negative ? { lo: -magnitude.hi, hi: -magnitude.lo } : magnitude;
}
