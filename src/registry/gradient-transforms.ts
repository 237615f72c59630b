/**
 * The gradient transforms' records (clipping): for each entry of kind `gradient-transform`, its exact
 * oracle and its production algorithm. The registry lists `gradientTransformRecords`; `check` runs
 * `gradientTransformProperty` (src/gate/gradient-transforms/agreement.ts) as each record's agreement
 * property.
 *
 * @module
 */
import { UnknownNameError, type CatalogueEntry, type Schema } from '../../core/catalogue/index.js';
import { clipByGlobalNorm, clipByNorm, clipByValue } from '../../core/catalogue/gradient-transforms/clipping.js';
import {
  clipByGlobalNormExact,
  clipByNormExact,
  clipByValueExact,
  type ExactClip,
} from '../../oracle/gradient-transforms/clipping.js';
import {
  clipByGlobalNormAlgorithm,
  clipByNormAlgorithm,
  clipByValueAlgorithm,
  type ClipAlgorithm,
} from '../production/gradient-transforms/clipping.js';

/** A transform of the list of gradients: its exact oracle and its production algorithm. */
export interface GradientTransformRecord {
  readonly kind: 'gradient-transform';
  readonly entry: CatalogueEntry;
  readonly oracle: ExactClip;
  readonly production: ClipAlgorithm;
}

/**
 * The record of a gradient transform: entry, oracle and production must agree on the schema (checked
 * by the compiler) and on the name (checked here).
 */
export function gradientTransform<S extends Schema, C extends string>(
  entry: CatalogueEntry<S>,
  oracle: ExactClip<S>,
  production: ClipAlgorithm<S, C>,
): GradientTransformRecord {
  if (entry.kind !== 'gradient-transform')
    throw new TypeError(`${entry.name} is a ${entry.kind}, not a gradient transform`);
  if (oracle.name !== entry.name || production.name !== entry.name)
    throw new TypeError(
      `${entry.name} was paired with the oracle of ${oracle.name} and the production of ${production.name}`,
    );
  return { kind: 'gradient-transform', entry, oracle, production } as GradientTransformRecord;
}

/** The gradient transforms, in the order reports list them. */
export const gradientTransformRecords: readonly GradientTransformRecord[] = [
  gradientTransform(clipByNorm, clipByNormExact, clipByNormAlgorithm),
  gradientTransform(clipByGlobalNorm, clipByGlobalNormExact, clipByGlobalNormAlgorithm),
  gradientTransform(clipByValue, clipByValueExact, clipByValueAlgorithm),
];

/** The gradient transform called `name`, or an error listing them. */
export function gradientTransformRecordOf(name: string): GradientTransformRecord {
  const record = gradientTransformRecords.find((r) => r.entry.name === name);
  if (record === undefined)
    throw new UnknownNameError(
      'gradient transform',
      name,
      gradientTransformRecords.map((r) => r.entry.name),
    );
  return record;
}
