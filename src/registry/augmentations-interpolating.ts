/**
 * The interpolating and colour augmentations' records: each entry paired with its exact oracle and its
 * production (TensorFlow.js's tf.image operations for rotation and resizing, our own float32 code for
 * brightness and contrast). All are 'image-transform' records; `form` tells rotation, resizing and the
 * colour adjustments apart (the geometric records use 'exact' and 'random'), and a resize's `sampling`
 * whether it takes the nearest pixel or interpolates.
 *
 * @module
 */
import { adjustBrightness, adjustContrast } from '../../core/catalogue/augmentations/colour.js';
import type { HwcImage } from '../../core/catalogue/augmentations/geometric.js';
import {
  resizeBilinear,
  resizeNearest,
  rotate,
  type OutputSize,
} from '../../core/catalogue/augmentations/interpolating.js';
import type { CatalogueEntry, Configuration, UncertifiedElement } from '../../core/catalogue/index.js';
import { adjustBrightnessOracle, adjustContrastOracle } from '../../oracle/augmentations/colour.js';
import { resizeBilinearOracle, resizeNearestOracle } from '../../oracle/augmentations/interpolating-resize.js';
import { rotateOracle } from '../../oracle/augmentations/interpolating-rotate.js';
import { brightnessAlgorithm, contrastAlgorithm, type ColourAlgorithm } from '../production/augmentations/colour.js';
import { colourProduction } from '../production/augmentations/colour-tfjs.js';
import {
  resizeBilinearProduction,
  resizeNearestProduction,
  rotateProduction,
} from '../production/augmentations/interpolating.js';

/** An oracle's image, with the float32 values its certification left undecided (output 'image'). */
export interface ImageOracleOutput {
  readonly image: HwcImage;
  readonly uncertified: readonly UncertifiedElement[];
}

/** Rotation by any angle: the exact oracle and tf.image.rotateWithOffset. */
export interface RotationRecord {
  readonly kind: 'image-transform';
  readonly form: 'rotation';
  readonly entry: CatalogueEntry;
  oracle(config: Configuration, image: HwcImage): ImageOracleOutput;
  production(config: Configuration, image: HwcImage): HwcImage;
}

/** Resizing to a size: the exact oracle and tf.image.resizeNearestNeighbor or tf.image.resizeBilinear. */
export interface ResizeRecord {
  readonly kind: 'image-transform';
  readonly form: 'resize';
  readonly sampling: 'nearest' | 'bilinear';
  readonly entry: CatalogueEntry;
  oracle(config: Configuration, image: HwcImage, size: OutputSize): ImageOracleOutput;
  production(config: Configuration, image: HwcImage, size: OutputSize): HwcImage;
}

/** A colour adjustment: the exact oracle, and production's algorithm (which the gate's bound runs) on tfjs. */
export interface ColourRecord {
  readonly kind: 'image-transform';
  readonly form: 'colour';
  readonly entry: CatalogueEntry;
  readonly algorithm: ColourAlgorithm;
  oracle(config: Configuration, image: HwcImage): ImageOracleOutput;
  production(config: Configuration, image: HwcImage): HwcImage;
}

/** An interpolating or colour augmentation's record. */
export type InterpolatingRecord = RotationRecord | ResizeRecord | ColourRecord;

const exactly = (image: HwcImage): ImageOracleOutput => ({ image, uncertified: [] });

/** Throws unless `entry` is an image transform. */
function checkKind(entry: CatalogueEntry): 'image-transform' {
  if (entry.kind !== 'image-transform') throw new TypeError(`${entry.name} is a ${entry.kind}, not an image-transform`);
  return entry.kind;
}

/** The rotation record. */
export const rotationRecord: RotationRecord = {
  kind: checkKind(rotate),
  form: 'rotation',
  entry: rotate,
  oracle: (config, image) => exactly(rotateOracle(config, image)),
  production: rotateProduction,
};

/** The resize records, nearest then bilinear. */
export const resizeRecords: readonly ResizeRecord[] = [
  {
    kind: checkKind(resizeNearest),
    form: 'resize',
    sampling: 'nearest',
    entry: resizeNearest,
    oracle: (config, image, size) => exactly(resizeNearestOracle(config, image, size)),
    production: resizeNearestProduction,
  },
  {
    kind: checkKind(resizeBilinear),
    form: 'resize',
    sampling: 'bilinear',
    entry: resizeBilinear,
    oracle: resizeBilinearOracle,
    production: resizeBilinearProduction,
  },
];

/** The colour records, brightness then contrast. */
export const colourRecords: readonly ColourRecord[] = [
  {
    kind: checkKind(adjustBrightness),
    form: 'colour',
    entry: adjustBrightness,
    algorithm: brightnessAlgorithm,
    oracle: adjustBrightnessOracle,
    production: (config, image) => colourProduction(brightnessAlgorithm, config, image),
  },
  {
    kind: checkKind(adjustContrast),
    form: 'colour',
    entry: adjustContrast,
    algorithm: contrastAlgorithm,
    oracle: adjustContrastOracle,
    production: (config, image) => colourProduction(contrastAlgorithm, config, image),
  },
];

/** Every interpolating and colour record, in report order: rotation, the resizes, the colour adjustments. */
export const interpolatingRecords: readonly InterpolatingRecord[] = [
  rotationRecord,
  ...resizeRecords,
  ...colourRecords,
];
