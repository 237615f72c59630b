/**
 * Exact IEEE 754 binary32 values as decimals, and correct rounding from decimals back to binary32.
 *
 * Every float32 is a dyadic rational m · 2^e (|m| < 2^24, −149 ≤ e ≤ 104), so its decimal
 * expansion is finite (at most 112 significant digits, for the smallest normal numbers). This module
 * builds that expansion from the bit pattern, never from a JavaScript number's shortest round-trip
 * string, and rounds any decimal to the nearest binary32 with ties to even (IEEE 754-2019 §4.3.1),
 * including gradual underflow, overflow to ±∞, signed zero and NaN.
 *
 * @module
 */
import { Decimal } from 'decimal.js';
import { required } from '../core/required.js';

/** Decimal arithmetic wide enough that every operation in this module is exact (inputs have far fewer digits). */
const Exact = Decimal.clone({ precision: 100_000, rounding: Decimal.ROUND_HALF_EVEN });

/** The decimal type used throughout the oracle. */
export type Dec = Decimal;

/** Unit roundoff of binary32, u = 2^−24. */
export const UNIT_ROUNDOFF = 2 ** -24;
/** Smallest positive subnormal, 2^−149. */
export const MIN_SUBNORMAL = 2 ** -149;
/** Smallest positive normal, 2^−126. */
export const MIN_NORMAL = 2 ** -126;
/** Largest finite binary32, (2 − 2^−23) · 2^127. */
export const MAX_FLOAT32 = (2 - 2 ** -23) * 2 ** 127;

const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);

/** The uint32 bit pattern of `x` after rounding it to binary32. */
export function bitsOf(x: number): number {
  f32[0] = x;
  return required(u32[0], 'the bit pattern');
}

/** The binary32 value (as a JavaScript number) whose bit pattern is `bits` (taken modulo 2^32). */
export function fromBits(bits: number): number {
  u32[0] = bits >>> 0;
  return required(f32[0], 'the binary32 value');
}

/** True when `x` is a binary32 value: `Math.fround(x)` is `x` (NaN counts as one). */
export function isFloat32(x: number): boolean {
  return Number.isNaN(x) || Math.fround(x) === x;
}

const pow2Cache = new Map<number, Decimal>();

/** 2^k as an exact decimal. */
export function pow2(k: number): Dec {
  let p = pow2Cache.get(k);
  if (p === undefined) {
    p = new Exact(2).pow(k);
    pow2Cache.set(k, p);
  }
  return p;
}

/**
 * The exact value of the binary32 whose bit pattern is `bits`: (−1)^s · 1.f · 2^(e−127) for normal
 * numbers, (−1)^s · 0.f · 2^−126 for subnormals, ±0, ±∞, NaN.
 */
export function exactFromBits(bits: number): Dec {
  const b = bits >>> 0;
  const negative = b >>> 31 === 1;
  const biased = (b >>> 23) & 0xff;
  const fraction = b & 0x7fffff;
  if (biased === 0xff) return new Exact(fraction === 0 ? (negative ? -Infinity : Infinity) : NaN);
  const significand = biased === 0 ? fraction : fraction + 0x800000;
  const exponent = (biased === 0 ? -126 : biased - 127) - 23;
  const magnitude = new Exact(significand).times(pow2(exponent));
  return negative ? magnitude.neg() : magnitude;
}

/** The exact value of a binary32 given as a JavaScript number; throws if `x` is not a binary32. */
export function exactFromFloat32(x: number): Dec {
  if (!isFloat32(x)) throw new RangeError(`${x} is not a binary32 value (Math.fround(${x}) = ${Math.fround(x)})`);
  return exactFromBits(bitsOf(x));
}

/** |x| ≥ (2 − 2^−24) · 2^127 rounds to infinity: the midpoint between MAX_FLOAT32 and 2^128 ties to 2^128. */
const OVERFLOW_THRESHOLD = new Exact(2).minus(pow2(-24)).times(pow2(127));
const HALF = new Exact(0.5);

/**
 * `floor(log2 |d|)` for finite nonzero `d` inside the range where binary32 rounding needs it;
 * estimated in float64 and corrected by exact comparison with powers of two.
 */
function binade(magnitude: Dec): number {
  let e = Math.floor(Math.log2(magnitude.toNumber()));
  while (magnitude.lt(pow2(e))) e -= 1;
  while (magnitude.gte(pow2(e + 1))) e += 1;
  return e;
}

/**
 * The binary32 nearest to `d`, ties to even (IEEE 754 roundTiesToEven): NaN stays NaN, ±∞ stay,
 * a magnitude at or above (2 − 2^−24)·2^127 overflows to ±∞, a magnitude at or below 2^−150 (half the
 * smallest subnormal, a tie broken towards the even zero) becomes a zero of the same sign.
 */
export function roundToFloat32(d: Dec): number {
  if (d.isNaN()) return NaN;
  const negative = d.isNegative();
  const sign = negative ? -1 : 1;
  const magnitude = new Exact(d).abs();
  if (magnitude.gte(OVERFLOW_THRESHOLD)) return sign * Infinity;
  if (magnitude.lte(pow2(-150))) return negative ? -0 : 0;
  const quantumExponent = Math.max(binade(magnitude), -126) - 23;
  const scaled = magnitude.times(pow2(-quantumExponent));
  let integer = scaled.floor();
  const remainder = scaled.minus(integer);
  const cmp = remainder.cmp(HALF);
  if (cmp > 0 || (cmp === 0 && integer.mod(2).eq(1))) integer = integer.plus(1);
  return sign * integer.toNumber() * 2 ** quantumExponent;
}

/** The binary32 nearest to the exact decimal `text` (for example a hyperparameter as written). */
export function float32FromDecimalText(text: string): number {
  return roundToFloat32(new Exact(text));
}

/**
 * The spacing of binary32 numbers in the binade of `x`: 2^(max(e, −126) − 23) where
 * 2^e ≤ |x| < 2^(e+1) (Goldberg's ulp), 2^−149 for zeros and subnormals, NaN for NaN and ±∞.
 */
export function ulp(x: number): number {
  if (!Number.isFinite(x)) return NaN;
  const a = Math.abs(Math.fround(x));
  return 2 ** (Math.max(Math.floor(Math.log2(a)), -126) - 23);
}

/**
 * A position on the binary32 number line: consecutive finite binary32 values have consecutive
 * indices, +0 and −0 share index 0, ±∞ sit one past the largest finite magnitude. NaN has none.
 * (fast-check's `floatToIndex` gives −0 its own index; here the two zeros are one point, so the
 * distance between −2^−149 and 2^−149 is 2.)
 */
export function float32Index(x: number): number {
  if (Number.isNaN(x)) throw new RangeError('NaN has no position on the binary32 number line');
  const magnitudeBits = bitsOf(Math.abs(x));
  return x < 0 ? -magnitudeBits : magnitudeBits;
}

/** Signed distance in binary32 ULPs from `a` to `b` (positive when b > a); NaN if either is NaN. */
export function ulpDistance(a: number, b: number): number {
  if (Number.isNaN(a) || Number.isNaN(b)) return NaN;
  return float32Index(b) - float32Index(a);
}

/** The binary32 value nearest to zero after `x` in the direction of `towards` (IEEE nextafter). */
export function nextFloat32(x: number, towards: number): number {
  if (Number.isNaN(x) || Number.isNaN(towards)) return NaN;
  if (x === towards) return towards;
  if (x === 0) return towards > 0 ? MIN_SUBNORMAL : -MIN_SUBNORMAL;
  const bits = bitsOf(x);
  return fromBits(x < towards === x > 0 ? bits + 1 : bits - 1);
}

/** The exact decimal text of a binary32 (no rounding), or NaN / ±Infinity / −0. */
export function exactText(x: number): string {
  if (Object.is(x, -0)) return '-0';
  const d = exactFromFloat32(x);
  return d.isFinite() ? d.toFixed() : d.toString();
}

/**
 * C99 `%a` text of a float32 (as printf prints it once promoted to double, so subnormals are
 * normalised: 2^−149 is `0x1p-149`): `[-]0x1.hhhhhhp±e` with trailing zero digits dropped, `0x0p+0`
 * for zero, `inf`, `-inf`, `nan`.
 */
export function hexText(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  const sign = x < 0 || Object.is(x, -0) ? '-' : '';
  const bits = bitsOf(Math.abs(x));
  if (bits === 0) return `${sign}0x0p+0`;
  let fraction = bits & 0x7fffff;
  let exponent = (bits >>> 23) - 127;
  if (bits >>> 23 === 0) {
    exponent = -126;
    while (fraction < 0x800000) {
      fraction *= 2;
      exponent -= 1;
    }
    fraction -= 0x800000;
  }
  const digits = (fraction * 2).toString(16).padStart(6, '0').replace(/0+$/, '');
  return `${sign}0x1${digits === '' ? '' : `.${digits}`}p${exponent >= 0 ? '+' : ''}${exponent}`;
}

/** The canonical quiet NaN's bit pattern; every NaN is written with it. */
const QUIET_NAN_BITS = 0x7fc00000;

/** `0x` and the eight lowercase hex digits of the binary32 pattern of `x` (any NaN as 0x7fc00000). */
export function bitsText(x: number): string {
  const bits = Number.isNaN(x) ? QUIET_NAN_BITS : bitsOf(x) >>> 0;
  return `0x${bits.toString(16).padStart(8, '0')}`;
}

/** What {@link bitsText} writes: `0x` and eight lowercase hex digits. */
const BITS_TEXT = /^0x[0-9a-f]{8}$/;

/** The float32 whose pattern `text` (as {@link bitsText} writes it) names; a RangeError for any other text. */
export function fromBitsText(text: string): number {
  if (!BITS_TEXT.test(text)) throw new RangeError(`${JSON.stringify(text)} is not 0x and eight lowercase hex digits`);
  return fromBits(Number.parseInt(text, 16));
}
