/**
 * oracle/augmentations/interpolating-resize.ts against TensorFlow's resize written again here
 * (tensorflow/core/kernels/image/resize_nearest_neighbor_op.cc, resize_bilinear_op.cc and
 * image_resizer_state.h): with input size n, output size m and output index i, the scale is
 * (n − 1)/(m − 1) under align_corners when m > 1 and n/m otherwise; the source position is
 * (i + 1/2) scale − 1/2 under half_pixel_centers and i scale otherwise. Nearest takes
 * min(⌊(i + 1/2) scale⌋, n − 1) (half-pixel), min(round(i scale), n − 1) halves up (align-corners;
 * tfjs's Math.round) or min(⌊i scale⌋, n − 1) (legacy), every value moved bit for bit. Bilinear
 * clamps the position to [0, n − 1], takes lower ⌊s⌋, upper min(lower + 1, n − 1), w = s − lower, and
 * its value is the convex combination tl (1 − w_x)(1 − w_y) + tr w_x (1 − w_y) + bl (1 − w_x) w_y +
 * br w_x w_y computed exactly in decimal.js and rounded once to float32 (the docstring's lerp form
 * is the same rational); nothing is left uncertified. And the errors, class and message.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import type { HwcImage } from '../../../core/catalogue/augmentations/geometric.js';
import { resizeBilinear, resizeNearest } from '../../../core/catalogue/augmentations/interpolating.js';
import { configure, ConfigurationError, StepInputError } from '../../../core/catalogue/index.js';
import { roundToFloat32 } from '../../../oracle/binary32.js';
import {
  bilinearTap,
  resizeBilinearOracle,
  resizeNearestOracle,
  type Coordinates,
} from '../../../oracle/augmentations/interpolating-resize.js';
import { exactD } from '../closed-forms.js';
import { wordsOf } from './images.js';
import { quietImage } from './quiet-images.js';

const CONVENTIONS = ['half-pixel', 'align-corners', 'legacy'] as const;
const withCoordinates = (entry: typeof resizeBilinear | typeof resizeNearest, coordinates: string) => ({
  ...configure(entry, 'keras'),
  flags: { coordinates },
});
const size = fc.record({ height: fc.integer({ min: 1, max: 7 }), width: fc.integer({ min: 1, max: 7 }) });

/** TensorFlow's position of output index i as the integers [numerator, denominator]. */
function position(c: Coordinates, n: number, m: number, i: number): [number, number] {
  if (c === 'half-pixel') return [n * (2 * i + 1) - m, 2 * m];
  if (c === 'align-corners' && m > 1) return [(n - 1) * i, m - 1];
  return [n * i, m];
}

/** The input index nearest sampling takes, as TensorFlow's kernel computes it. */
function nearest(c: Coordinates, n: number, m: number, i: number): number {
  const [p, q] = position(c, n, m, i);
  if (c === 'half-pixel') return Math.min(Math.floor((p + q / 2) / q), n - 1); // ⌊s + 1/2⌋
  if (c === 'align-corners') return Math.min(Math.floor((2 * p + q) / (2 * q)), n - 1); // halves up
  return Math.min(Math.floor(p / q), n - 1);
}

/** The bilinear tap: lower, upper and the weight w = [numerator, denominator] of the clamped position. */
function tap(c: Coordinates, n: number, m: number, i: number): { lower: number; upper: number; w: [number, number] } {
  const [p, q] = position(c, n, m, i);
  const [cp, cq] = p < 0 ? [0, 1] : p > (n - 1) * q ? [n - 1, 1] : [p, q];
  const lower = Math.floor(cp / cq);
  return { lower, upper: Math.min(lower + 1, n - 1), w: [cp - lower * cq, cq] };
}

/** The bilinear value of channel c at output (y, x), exact as a numerator over the integer denominator. */
function bilinear(img: HwcImage, c: Coordinates, out: { height: number; width: number }, y: number, x: number) {
  const ty = tap(c, img.height, out.height, y);
  const tx = tap(c, img.width, out.width, x);
  const at = (row: number, col: number, k: number) =>
    exactD(img.data[(row * img.width + col) * img.channels + k] ?? NaN);
  const [py, qy] = ty.w;
  const [px, qx] = tx.w;
  return Array.from({ length: img.channels }, (_, k) =>
    at(ty.lower, tx.lower, k)
      .times((qx - px) * (qy - py))
      .plus(at(ty.lower, tx.upper, k).times(px * (qy - py)))
      .plus(at(ty.upper, tx.lower, k).times((qx - px) * py))
      .plus(at(ty.upper, tx.upper, k).times(px * py))
      .div(qx * qy),
  );
}

/** A finite image of either dtype (float32 values any finite float32, zeros of either sign). */
const finiteImage = fc
  .record({
    height: fc.integer({ min: 1, max: 5 }),
    width: fc.integer({ min: 1, max: 5 }),
    channels: fc.integer({ min: 1, max: 3 }),
    float: fc.boolean(),
  })
  .chain(({ height, width, channels, float }) =>
    fc
      .array(float ? fc.float({ noNaN: true, noDefaultInfinity: true }) : fc.integer({ min: 0, max: 255 }), {
        minLength: height * width * channels,
        maxLength: height * width * channels,
      })
      .map((values): HwcImage =>
        float
          ? { height, width, channels, dtype: 'float32', data: Float32Array.from(values) }
          : { height, width, channels, dtype: 'uint8', data: Uint8Array.from(values) },
      ),
  );

/** +0 for either zero: these outputs are compared under a bound, never by the sign of a zero. */
const unsigned = (xs: ArrayLike<number>): number[] => Array.from(xs, (v) => (v === 0 ? 0 : v));

describe('nearest, as TensorFlow indexes', () => {
  test.prop([quietImage(5), size, fc.constantFrom(...CONVENTIONS)])(
    'out(y, x) = in(nearest(y), nearest(x)) bit for bit, shape and dtype kept but for the size',
    (img, out, c) => {
      const result = resizeNearestOracle(withCoordinates(resizeNearest, c), img, out);
      const w = wordsOf(img);
      const expected = Array.from({ length: out.height }, (_, y) =>
        Array.from(
          { length: out.width },
          (_, x) => w[nearest(c, img.height, out.height, y)]![nearest(c, img.width, out.width, x)]!,
        ),
      );
      expect([result.height, result.width, result.channels, result.dtype]).toEqual([
        out.height,
        out.width,
        img.channels,
        img.dtype,
      ]);
      expect(result.data).toBeInstanceOf(img.dtype === 'float32' ? Float32Array : Uint8Array);
      expect(wordsOf(result)).toEqual(expected);
    },
  );

  it('align_corners to one output index uses the scale n/m (TensorFlow: align_corners && m > 1), so index 0', () => {
    const img: HwcImage = {
      height: 3,
      width: 3,
      channels: 1,
      dtype: 'uint8',
      data: Uint8Array.of(1, 2, 3, 4, 5, 6, 7, 8, 9),
    };
    const out = resizeNearestOracle(withCoordinates(resizeNearest, 'align-corners'), img, { height: 1, width: 1 });
    expect(Array.from(out.data)).toEqual([1]);
    const b = resizeBilinearOracle(withCoordinates(resizeBilinear, 'align-corners'), img, { height: 1, width: 2 });
    expect(Array.from(b.image.data)).toEqual([1, 3]);
  });
});

describe('bilinear, exact', () => {
  test.prop([finiteImage, size, fc.constantFrom(...CONVENTIONS)])(
    'each value is the exact convex combination of the four taps rounded once to float32; float32 out; none uncertified',
    (img, out, c) => {
      const result = resizeBilinearOracle(withCoordinates(resizeBilinear, c), img, out);
      expect([result.image.height, result.image.width, result.image.channels, result.image.dtype]).toEqual([
        out.height,
        out.width,
        img.channels,
        'float32',
      ]);
      const expected = Array.from({ length: out.height }, (_, y) =>
        Array.from({ length: out.width }, (_, x) => bilinear(img, c, out, y, x).map((d) => roundToFloat32(d))),
      ).flat(2);
      expect(unsigned(result.image.data)).toEqual(unsigned(expected));
      expect(result.uncertified).toEqual([]);
    },
  );

  it('an exact float32 midpoint, 1 + 2^−24 between 1 and 1 + 2^−23, rounds to even (1) and is certified', () => {
    const img: HwcImage = {
      height: 1,
      width: 2,
      channels: 1,
      dtype: 'float32',
      data: Float32Array.of(1, 1 + 2 ** -23),
    };
    const result = resizeBilinearOracle(withCoordinates(resizeBilinear, 'legacy'), img, { height: 1, width: 4 });
    // legacy positions 0, 1/2, 1, 3/2 (clamped to 1)
    expect(Array.from(result.image.data)).toEqual([1, 1, 1 + 2 ** -23, 1 + 2 ** -23]);
    expect(result.uncertified).toEqual([]);
  });

  it('an infinite value interpolates as the lerp p + (q − p) w does: (q − p) w is NaN at w = 0 too', () => {
    const img: HwcImage = {
      height: 1,
      width: 2,
      channels: 2,
      dtype: 'float32',
      data: Float32Array.of(1, Infinity, 1 + 2 ** -22, 0),
    };
    const result = resizeBilinearOracle(withCoordinates(resizeBilinear, 'legacy'), img, { height: 1, width: 4 });
    // taps (0, 1, w = 0), (0, 1, 1/2), (1, 1, 0), (1, 1, 0): channel 0 is 1, 1 + 2^−23, 1 + 2^−22, 1 + 2^−22;
    // channel 1 is ∞ + (0 − ∞) 0 = NaN, ∞ + (0 − ∞)/2 = NaN, then 0 + (0 − 0) 0 = 0 twice
    expect(Array.from(result.image.data)).toEqual([1, NaN, 1 + 2 ** -23, NaN, 1 + 2 ** -22, 0, 1 + 2 ** -22, 0]);
    expect(result.uncertified).toEqual([]);
  });

  it('beside ∞, a weight of 1/3 in x and 0 in y: each value its rounding (or, an exact midpoint, listed under image), not an error', () => {
    // align-corners 2 → 4: positions 0, 1/3, 2/3, 1. Channel 0 [p, q] = [1/2 − 2^−25, 1/2 + 2^−24]: (2p + q)/3 = 1/2
    // exactly, (p + 2q)/3 = 1/2 + 2^−25, a float32 midpoint (to even: 1/2). Channel 1 [∞, 0]: ∞ + (0 − ∞) w is NaN
    // for w = 0, 1/3, 2/3, and 0 at position 1 (lower = upper = 1). The rows' weight is 0 throughout.
    const [p, q] = [0.5 - 2 ** -25, 0.5 + 2 ** -24];
    const img: HwcImage = {
      height: 1,
      width: 2,
      channels: 2,
      dtype: 'float32',
      data: Float32Array.of(p, Infinity, q, 0),
    };
    const result = resizeBilinearOracle(withCoordinates(resizeBilinear, 'align-corners'), img, { height: 1, width: 4 });
    const listed = new Set(result.uncertified.map((u) => u.index));
    for (const u of result.uncertified) {
      expect([u.output, u.index]).toEqual(['image', 4]);
      expect(u.below <= 0.5 + 2 ** -25 && 0.5 + 2 ** -25 <= u.above).toBe(true);
    }
    const expected = [p, NaN, 0.5, NaN, 0.5, NaN, q, 0];
    expect(Array.from(result.image.data).filter((_, i) => !listed.has(i))).toEqual(
      expected.filter((_, i) => !listed.has(i)),
    );
  });

  it('taps: the position clamped to [0, n − 1], w = s − ⌊s⌋ (legacy 2 → 4 at 3/2, half-pixel at −1/4, align-corners at 3/2)', () => {
    const value = (t: { lower: number; upper: number; weight: { num: bigint; den: bigint } }) => [
      t.lower,
      t.upper,
      Number(t.weight.num) / Number(t.weight.den),
    ];
    expect(value(bilinearTap('legacy', 2, 4, 3))).toEqual([1, 1, 0]);
    expect(value(bilinearTap('legacy', 2, 4, 1))).toEqual([0, 1, 0.5]);
    expect(value(bilinearTap('half-pixel', 2, 4, 0))).toEqual([0, 1, 0]);
    expect(value(bilinearTap('half-pixel', 2, 4, 3))).toEqual([1, 1, 0]); // 5/4 clamped to 1
    expect(value(bilinearTap('align-corners', 3, 5, 3))).toEqual([1, 2, 0.5]);
    expect(value(bilinearTap('legacy', 5, 2, 1))).toEqual([2, 3, 0.5]);
  });
});

describe('errors', () => {
  const square: HwcImage = { height: 2, width: 2, channels: 1, dtype: 'float32', data: Float32Array.of(1, 2, 3, 4) };
  it('an unknown coordinate convention is a ConfigurationError naming it', () => {
    for (const entry of [resizeBilinear, resizeNearest]) {
      const run = () =>
        entry === resizeBilinear
          ? resizeBilinearOracle(withCoordinates(entry, 'corners'), square, { height: 2, width: 2 })
          : resizeNearestOracle(withCoordinates(entry, 'corners'), square, { height: 2, width: 2 });
      expect(run).toThrow(ConfigurationError);
      expect(run).toThrow(`${entry.name}: unknown coordinate convention 'corners'`);
    }
  });
  it('an output size that is not a positive integer is a StepInputError naming it', () => {
    const config = configure(resizeNearest, 'tfjs');
    for (const [height, width] of [
      [1.5, 2],
      [2, 0.5],
      [0, 2],
      [2, -1],
    ] as const) {
      const run = () => resizeNearestOracle(config, square, { height, width });
      expect(run).toThrow(StepInputError);
      expect(run).toThrow(`resize-nearest: the output size must be positive integers, got ${height}×${width}`);
    }
  });
});
