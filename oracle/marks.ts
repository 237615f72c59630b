/**
 * What every oracle computation shares around {@link certify}: the check that it was given its own
 * entry's configuration, and the elements it could not certify, under the names its outputs carry.
 *
 * @module
 */
import { checkIsConfiguration, ConfigurationError, type Configuration, type StepOutput, type UncertifiedElement } from '../src/catalogue/index.js';
import type { Certified } from './certify.js';

/**
 * Checks that `config` is a configuration ({@link checkIsConfiguration}) of one of `entries` (the
 * catalogue entries the oracle called `oracle` computes), or throws a {@link ConfigurationError}
 * naming both: another entry's hyperparameters and state would be read under the wrong names (Adam's
 * oracle on SGD's configuration gives NaN m and v).
 */
export function checkEntry(oracle: string, entries: readonly string[], config: Configuration): void {
  checkIsConfiguration(`the oracle rule '${oracle}'`, config);
  if (entries.includes(config.entry.name)) return;
  throw new ConfigurationError(
    oracle,
    `the oracle rule '${oracle}' (for ${entries.join(', ')}) was given a configuration of '${config.entry.name}'; use the oracle of '${config.entry.name}'`,
  );
}

/**
 * The elements of one {@link certify} result that stayed uncertified, each placed by `where` (the
 * output name and index the caller reports it under).
 */
export function uncertifiedElements<K extends string>(
  certified: Certified<K>,
  where: (key: K) => { output: string; index: number },
): UncertifiedElement[] {
  return certified.uncertified.map(({ output, below, above }) => ({ ...where(output), below, above }));
}

/** `output` with its uncertified elements attached, or as it is when there are none. */
export function marked(output: StepOutput, uncertified: readonly UncertifiedElement[]): StepOutput {
  return uncertified.length === 0 ? output : { ...output, uncertified };
}
