/**
 * One case of an interpolating or colour record judged: production and oracle on the same image, and
 * the comparison under the derived bound (interpolating-bound.ts, colour-bound.ts): the values a
 * selection may take (rotation, nearest resizing, uint8 colour), or a bound on each value (bilinear
 * resizing, float32 colour).
 *
 * @module
 */
import type { HwcImage } from '../../../core/catalogue/augmentations/geometric.js';
import type { OutputSize, RotateSchema } from '../../../core/catalogue/augmentations/interpolating.js';
import type { Configuration } from '../../../core/catalogue/index.js';
import { pixel } from '../../../oracle/augmentations/interpolating-image.js';
import { coordinatesOf } from '../../../oracle/augmentations/interpolating-resize.js';
import type { ColourRecord, InterpolatingRecord } from '../../registry/augmentations-interpolating.js';
import type { StepComparison } from '../compare.js';
import { colourBound } from './colour-bound.js';
import { bilinearBound, nearestCandidates, rotationCandidates } from './interpolating-bound.js';
import { compareBounded, compareSelected } from './interpolating-compare.js';

/** The distinct values of `values`, by bits (−0 apart from +0). */
const distinct = (values: readonly number[]): number[] =>
  values.filter((v, i) => values.findIndex((w) => Object.is(v, w)) === i);

/** The values nearest resizing of `image` to `size` may give, per output value in HWC order. */
export function nearestAllowed(config: Configuration, image: HwcImage, size: OutputSize): number[][] {
  const coordinates = coordinatesOf(config);
  const rows = Array.from({ length: size.height }, (_, i) =>
    nearestCandidates(coordinates, image.height, size.height, i),
  );
  const cols = Array.from({ length: size.width }, (_, j) => nearestCandidates(coordinates, image.width, size.width, j));
  const allowed: number[][] = [];
  for (const rs of rows)
    for (const cs of cols)
      for (let c = 0; c < image.channels; c++)
        allowed.push(distinct(rs.flatMap((r) => cs.map((q) => pixel(image, r, q, c)))));
  return allowed;
}

/** The values rotation of `image` may give, per output value in HWC order (a pixel, or the fill outside). */
export function rotationAllowed(config: Configuration, image: HwcImage): number[][] {
  // A configuration of rotate: the record's entry.
  const rotation = config as Configuration<RotateSchema>;
  const sources = rotationCandidates(rotation, image.height, image.width);
  const fill = Number(rotation.hyper.fill);
  const inside = (r: number, q: number) => r >= 0 && r < image.height && q >= 0 && q < image.width;
  const allowed: number[][] = [];
  for (let y = 0; y < image.height; y++)
    for (let x = 0; x < image.width; x++) {
      const { rows, cols } = sources(y, x);
      for (let c = 0; c < image.channels; c++)
        allowed.push(distinct(rows.flatMap((r) => cols.map((q) => (inside(r, q) ? pixel(image, r, q, c) : fill)))));
    }
  return allowed;
}

/** What one judged case gives: production's image, the oracle's, and their comparison. */
export interface JudgedImage {
  readonly production: HwcImage;
  readonly oracle: HwcImage;
  readonly comparison: StepComparison;
}

/** A colour record's case judged. */
function judgeColour(record: ColourRecord, config: Configuration, image: HwcImage): JudgedImage {
  const production = record.production(config, image);
  const oracle = record.oracle(config, image);
  const bound = colourBound(record.algorithm, config, image);
  const comparison =
    bound.dtype === 'float32'
      ? compareBounded(production, oracle.image, oracle.uncertified, bound.bounds)
      : compareSelected(production, oracle.image, bound.allowed);
  return { production, oracle: oracle.image, comparison };
}

/** One case of `record` judged: `size` is the output size of a resize (ignored otherwise). */
export function judgeImage(
  record: InterpolatingRecord,
  config: Configuration,
  image: HwcImage,
  size: OutputSize = image,
): JudgedImage {
  switch (record.form) {
    case 'colour':
      return judgeColour(record, config, image);
    case 'rotation': {
      const production = record.production(config, image);
      const oracle = record.oracle(config, image).image;
      return { production, oracle, comparison: compareSelected(production, oracle, rotationAllowed(config, image)) };
    }
    case 'resize': {
      const production = record.production(config, image, size);
      const oracle = record.oracle(config, image, size);
      const comparison =
        record.sampling === 'nearest'
          ? compareSelected(production, oracle.image, nearestAllowed(config, image, size))
          : compareBounded(
              production,
              oracle.image,
              oracle.uncertified,
              bilinearBound(coordinatesOf(config), image, size.height, size.width),
            );
      return { production, oracle: oracle.image, comparison };
    }
  }
}
