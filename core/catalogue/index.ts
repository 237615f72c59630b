/**
 * The catalogue: every rule and regularizer the project knows, by name. Adding one means adding its
 * file under `rules/` and one line here.
 *
 * @module
 */
import { UnknownNameError } from './errors.js';
import { adadelta } from './rules/adadelta.js';
import { adagrad } from './rules/adagrad.js';
import { adam, adamw, amsgrad } from './rules/adam.js';
import { adamax } from './rules/adamax.js';
import { nadam } from './rules/nadam.js';
import { rmsprop, rmspropCentered } from './rules/rmsprop.js';
import { momentum, nesterov } from './rules/momentum.js';
import { nag } from './rules/nag.js';
import { sgd } from './rules/sgd.js';
import type { CatalogueEntry } from './types.js';

/** All entries, in the order reports list them. */
export const catalogue: readonly CatalogueEntry[] = [
  sgd,
  momentum,
  nesterov,
  nag,
  adagrad,
  adadelta,
  rmsprop,
  rmspropCentered,
  adam,
  amsgrad,
  adamw,
  adamax,
  nadam,
];

/** The entry called `name`, or an error listing the known names. */
export function entryOf(name: string): CatalogueEntry {
  const entry = catalogue.find((e) => e.name === name);
  if (entry === undefined)
    throw new UnknownNameError(
      'rule',
      name,
      catalogue.map((e) => e.name),
    );
  return entry;
}

export * from './types.js';
export * from './define.js';
export * from './errors.js';
export * from './configure.js';
export * from './check-inputs.js';
export * from './step-data.js';
export * from './objectives.js';
