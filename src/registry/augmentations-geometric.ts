/**
 * The geometric augmentations' records: each entry paired with its exact oracle and its production
 * on TensorFlow.js. Both kinds of record are 'image-transform'; `form` tells an exact operation (one
 * output per image) from a random one (a seeded draw, then an exact operation given its outcome).
 *
 * @module
 */
import {
  centralCrop,
  cropToBoundingBox,
  flipLeftRight,
  flipUpDown,
  randomCrop,
  randomFlipLeftRight,
  randomFlipUpDown,
  rot90,
} from '../../core/catalogue/augmentations/geometric.js';
import type { CatalogueEntry } from '../../core/catalogue/index.js';
import {
  centralCropOracle,
  cropToBoundingBoxOracle,
  flipLeftRightOracle,
  flipUpDownOracle,
  rot90Oracle,
  type ExactTransformOracle,
} from '../../oracle/augmentations/geometric.js';
import {
  randomCropOracle,
  randomFlipLeftRightOracle,
  randomFlipUpDownOracle,
  type RandomTransformOracle,
} from '../../oracle/augmentations/geometric-random.js';
import {
  centralCropProduction,
  cropToBoundingBoxProduction,
  flipLeftRightProduction,
  flipUpDownProduction,
  rot90Production,
  type ExactTransformProduction,
} from '../production/augmentations/geometric.js';
import {
  randomCropProduction,
  randomFlipLeftRightProduction,
  randomFlipUpDownProduction,
  type RandomTransformProduction,
} from '../production/augmentations/geometric-random.js';

/** An exact image transform: its oracle and its production, both image → image. */
export interface ExactTransformRecord {
  readonly kind: 'image-transform';
  readonly form: 'exact';
  readonly entry: CatalogueEntry;
  readonly oracle: ExactTransformOracle;
  readonly production: ExactTransformProduction;
}

/** A random image transform: the oracle's distribution and operation given an outcome, production's draw and operation. */
export interface RandomTransformRecord {
  readonly kind: 'image-transform';
  readonly form: 'random';
  readonly entry: CatalogueEntry;
  readonly oracle: RandomTransformOracle;
  readonly production: RandomTransformProduction;
}

/** A geometric augmentation's record. */
export type GeometricRecord = ExactTransformRecord | RandomTransformRecord;

/** Throws unless `entry` is an image transform. */
function checkKind(entry: CatalogueEntry): 'image-transform' {
  if (entry.kind !== 'image-transform') throw new TypeError(`${entry.name} is a ${entry.kind}, not an image-transform`);
  return entry.kind;
}

/** The record of an exact transform. */
export function exactTransform(
  entry: CatalogueEntry,
  oracle: ExactTransformOracle,
  production: ExactTransformProduction,
): ExactTransformRecord {
  return { kind: checkKind(entry), form: 'exact', entry, oracle, production };
}

/** The record of a random transform. */
export function randomTransform(
  entry: CatalogueEntry,
  oracle: RandomTransformOracle,
  production: RandomTransformProduction,
): RandomTransformRecord {
  return { kind: checkKind(entry), form: 'random', entry, oracle, production };
}

/** The geometric augmentations, in report order: the exact operations, then their random versions. */
export const geometricRecords: readonly GeometricRecord[] = [
  exactTransform(flipLeftRight, flipLeftRightOracle, flipLeftRightProduction),
  exactTransform(flipUpDown, flipUpDownOracle, flipUpDownProduction),
  exactTransform(rot90, rot90Oracle, rot90Production),
  exactTransform(cropToBoundingBox, cropToBoundingBoxOracle, cropToBoundingBoxProduction),
  exactTransform(centralCrop, centralCropOracle, centralCropProduction),
  randomTransform(randomFlipLeftRight, randomFlipLeftRightOracle, randomFlipLeftRightProduction),
  randomTransform(randomFlipUpDown, randomFlipUpDownOracle, randomFlipUpDownProduction),
  randomTransform(randomCrop, randomCropOracle, randomCropProduction),
];

/** The record of the geometric augmentation called `name`, or an error listing them. */
export function geometricRecordOf(name: string): GeometricRecord {
  const record = geometricRecords.find((r) => r.entry.name === name);
  if (record === undefined)
    throw new RangeError(
      `unknown geometric augmentation '${name}'; known: ${geometricRecords.map((r) => r.entry.name).join(', ')}`,
    );
  return record;
}
