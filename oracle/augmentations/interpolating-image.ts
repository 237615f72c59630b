/**
 * What the interpolating and colour oracles share: checking an output size, reading a pixel's
 * channel, a new image of a given shape, and the exact rationals they decide with (a floor, a
 * rounding of halves by each convention, a ratio of integers, decimal text).
 *
 * @module
 */
import { StepInputError } from '../../core/catalogue/errors.js';
import type { HwcImage, ImageDtype } from '../../core/catalogue/augmentations/geometric.js';
import { required } from '../../core/required.js';
import { compareRationals, RationalArithmetic, type Rational } from '../rational.js';

const positiveInteger = (n: unknown): boolean => Number.isSafeInteger(n) && (n as number) > 0;

/** Checks an output size: positive integers. */
export function checkSize(op: string, height: number, width: number): void {
  if (!positiveInteger(height) || !positiveInteger(width))
    throw new StepInputError(op, `the output size must be positive integers, got ${height}×${width}`);
}

/** Channel c of the pixel in row y, column x. */
export function pixel(image: HwcImage, y: number, x: number, c: number): number {
  return required(image.data[(y * image.width + x) * image.channels + c], `pixel (${y}, ${x}, ${c})`);
}

/** A new image of the given shape and dtype, its values from `value(y, x, c)` in HWC order. */
export function imageOf(
  height: number,
  width: number,
  channels: number,
  dtype: ImageDtype,
  value: (y: number, x: number, c: number) => number,
): HwcImage {
  const n = height * width * channels;
  const data = dtype === 'float32' ? new Float32Array(n) : new Uint8Array(n);
  let k = 0;
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) for (let c = 0; c < channels; c++) data[k++] = value(y, x, c);
  // The array was made for the dtype just above.
  return { height, width, channels, dtype, data } as HwcImage;
}

/** The rational p/q of integers, q ≠ 0 (sign carried by the numerator). */
export function ratio(p: bigint | number, q: bigint | number): Rational {
  const num = BigInt(p);
  const den = BigInt(q);
  if (den === 0n) throw new RangeError('ratio with a zero denominator');
  return den < 0n ? { num: -num, den: -den } : { num, den };
}

/** ⌊r⌋ of a rational (den > 0). */
export function floorRational(r: Rational): bigint {
  const q = r.num / r.den; // truncated toward zero: one above the floor for a negative non-integer
  return q * r.den > r.num ? q - 1n : q;
}

/** How a value halfway between two integers rounds: up, to even, or away from zero. */
export type HalfRounding = 'half-up' | 'half-even' | 'half-away';

/** The integer nearest to r, halves rounded by `rule` (JavaScript Math.round, std::nearbyint, std::round). */
export function roundRational(r: Rational, rule: HalfRounding): bigint {
  const twice = { num: 2n * r.num, den: r.den };
  const below = floorRational(r);
  const fraction = compareRationals({ num: twice.num - 2n * below * r.den, den: r.den }, { num: 1n, den: 1n });
  if (fraction < 0) return below;
  if (fraction > 0) return below + 1n;
  if (rule === 'half-up') return below + 1n;
  if (rule === 'half-even') return below % 2n === 0n ? below : below + 1n;
  return below < 0n ? below : below + 1n; // r = below + 1/2 is negative exactly when below is
}

/** The exact rational of decimal text (a hyperparameter), exponent notation included. */
export function rationalOfText(text: string): Rational {
  return RationalArithmetic.instance.point(text);
}
