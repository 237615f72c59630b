/**
 * Resizing, exact: the source position of each output index is a rational, so the nearest pixel is
 * decided exactly and the bilinear interpolant is evaluated exactly and certified correctly rounded to
 * float32 (docs/augmentation.md, section Interpolating operations). With input size n, output size m
 * and output index i along an axis:
 *
 *   half-pixel     s = (n/m)(i + 1/2) − 1/2      nearest: max(0, min(⌊(n/m)(i + 1/2)⌋, n − 1))
 *   align-corners  s = ((n − 1)/(m − 1)) i        nearest: min(round(s), n − 1), halves up     (m > 1)
 *   legacy         s = (n/m) i                    nearest: min(⌊s⌋, n − 1)
 *
 * Bilinear: s clamped to [0, n − 1], lower ⌊s⌋, upper min(lower + 1, n − 1), weight s − lower; the
 * output is top + (bottom − top) w_y with top = tl + (tr − tl) w_x, bottom likewise.
 *
 * @module
 */
import type { Configuration, UncertifiedElement } from '../../core/catalogue/index.js';
import { checkImage, type HwcImage } from '../../core/catalogue/augmentations/geometric.js';
import type { OutputSize, ResizeSchema } from '../../core/catalogue/augmentations/interpolating.js';
import { ConfigurationError } from '../../core/catalogue/errors.js';
import type { Arithmetic, Enclosure } from '../enclosure.js';
import { checkEntry, uncertifiedOf } from '../marks.js';
import { compareRationals, type Rational } from '../rational.js';
import { certifyValues } from './interpolating-certify.js';
import { checkSize, floorRational, imageOf, pixel, ratio, roundRational } from './interpolating-image.js';

/** A coordinate convention of the resize entries. */
export type Coordinates = ResizeSchema['flags']['coordinates'];

/** The convention of `config`, checked against the entry's values (a configuration's flags are data). */
export function coordinatesOf(config: Configuration): Coordinates {
  const c = (config.flags as Partial<ResizeSchema['flags']>).coordinates;
  if (c !== 'half-pixel' && c !== 'align-corners' && c !== 'legacy')
    throw new ConfigurationError(config.entry.name, `unknown coordinate convention '${String(c)}'`);
  return c;
}

/** The exact source position s of output index i, input size n, output size m (unclamped). */
export function sourcePosition(coordinates: Coordinates, n: number, m: number, i: number): Rational {
  if (coordinates === 'half-pixel') return ratio(BigInt(n) * BigInt(2 * i + 1) - BigInt(m), 2 * m);
  if (coordinates === 'align-corners' && m > 1) return ratio(BigInt(n - 1) * BigInt(i), m - 1);
  return ratio(BigInt(n) * BigInt(i), m);
}

/** The input index nearest-neighbour resizing takes for output index i. */
export function nearestIndex(coordinates: Coordinates, n: number, m: number, i: number): number {
  let k: bigint;
  if (coordinates === 'half-pixel') k = floorRational(ratio(BigInt(n) * BigInt(2 * i + 1), 2 * m));
  else if (coordinates === 'align-corners') k = roundRational(sourcePosition(coordinates, n, m, i), 'half-up');
  else k = floorRational(sourcePosition(coordinates, n, m, i));
  return Math.max(0, Math.min(Number(k), n - 1));
}

/** The two input indices and the exact weight of the upper one, for output index i. */
export interface BilinearTap {
  readonly lower: number;
  readonly upper: number;
  readonly weight: Rational;
}

/** The bilinear tap of output index i: s clamped to [0, n − 1]. */
export function bilinearTap(coordinates: Coordinates, n: number, m: number, i: number): BilinearTap {
  const raw = sourcePosition(coordinates, n, m, i);
  const s =
    compareRationals(raw, ratio(0, 1)) < 0
      ? ratio(0, 1)
      : compareRationals(raw, ratio(n - 1, 1)) > 0
        ? ratio(n - 1, 1)
        : raw;
  const lower = Number(floorRational(s));
  return { lower, upper: Math.min(lower + 1, n - 1), weight: ratio(s.num - BigInt(lower) * s.den, s.den) };
}

function checkResize(op: string, config: Configuration, image: HwcImage, size: OutputSize): Coordinates {
  checkEntry(op, [op], config);
  checkImage(op, image);
  checkSize(op, size.height, size.width);
  return coordinatesOf(config);
}

/** Nearest-neighbour resize to `size`, exact: each output value is an input value; dtype kept. */
export function resizeNearestOracle(config: Configuration, image: HwcImage, size: OutputSize): HwcImage {
  const coordinates = checkResize('resize-nearest', config, image, size);
  const rows = Array.from({ length: size.height }, (_, i) => nearestIndex(coordinates, image.height, size.height, i));
  const cols = Array.from({ length: size.width }, (_, j) => nearestIndex(coordinates, image.width, size.width, j));
  return imageOf(size.height, size.width, image.channels, image.dtype, (y, x, c) =>
    pixel(image, rows[y] ?? 0, cols[x] ?? 0, c),
  );
}

/** A bilinear resize's float32 image and the values certify left uncertified (output 'image'). */
export interface BilinearOracleOutput {
  readonly image: HwcImage;
  readonly uncertified: UncertifiedElement[];
}

const weightOf = (a: Arithmetic, w: Rational): Enclosure => a.div(a.point(w.num.toString()), a.point(w.den.toString()));

/** Bilinear resize to `size`, each value the exact interpolant certified correctly rounded to float32. */
export function resizeBilinearOracle(config: Configuration, image: HwcImage, size: OutputSize): BilinearOracleOutput {
  const coordinates = checkResize('resize-bilinear', config, image, size);
  const rows = Array.from({ length: size.height }, (_, i) => bilinearTap(coordinates, image.height, size.height, i));
  const cols = Array.from({ length: size.width }, (_, j) => bilinearTap(coordinates, image.width, size.width, j));
  const C = image.channels;
  const r = certifyValues((a) => {
    // A uint8 value is a float32 too.
    const value = (y: number, x: number, c: number): Enclosure => a.fromFloat32(pixel(image, y, x, c));
    const outputs: Record<string, Enclosure> = {};
    // p + (q − p) w. At w = 0 it is p + (d − d) with d = q − p: the same p when d is finite and NaN when
    // d is not, as (q − p) · 0 gives, without multiplying an exact 0 by an enclosure of d that holds 0,
    // whose zero sign the decimal ladder cannot decide at any precision (a CertificationError).
    // A weight's enclosure, once per row and column; undefined for a weight of exactly 0.
    const weight = (w: Rational): Enclosure | undefined => (w.num === 0n ? undefined : weightOf(a, w));
    const [wys, wxs] = [rows.map((t) => weight(t.weight)), cols.map((t) => weight(t.weight))];
    const lerp = (p: Enclosure, q: Enclosure, w: Enclosure | undefined) => {
      const d = a.sub(q, p);
      return a.add(p, w === undefined ? a.sub(d, d) : a.mul(d, w));
    };
    rows.forEach((ty, y) => {
      const wy = wys[y];
      cols.forEach((tx, x) => {
        const wx = wxs[x];
        for (let c = 0; c < C; c++) {
          const top = lerp(value(ty.lower, tx.lower, c), value(ty.lower, tx.upper, c), wx);
          const bottom = lerp(value(ty.upper, tx.lower, c), value(ty.upper, tx.upper, c), wx);
          outputs[String((y * size.width + x) * C + c)] = lerp(top, bottom, wy);
        }
      });
    });
    return outputs;
  });
  const out = imageOf(
    size.height,
    size.width,
    C,
    'float32',
    (y, x, c) => r.values[String((y * size.width + x) * C + c)] ?? NaN,
  );
  return { image: out, uncertified: uncertifiedOf(r, 'image') };
}
