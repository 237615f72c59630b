/**
 * What every oracle computation shares around {@link certify}: the check that it was given its own
 * entry's configuration, and the elements it could not certify, under the names its outputs carry.
 *
 * @module
 */
import {
  checkIsConfiguration,
  ConfigurationError,
  slotLengths,
  StepInputError,
  type Configuration,
  type StateLayout,
  type StepOutput,
  type UncertifiedElement,
} from '../core/catalogue/index.js';
import type { Dec } from './binary32.js';
import type { Certified } from './certify.js';
import type { DecimalStepInput } from './rule.js';

/** Configurations that passed {@link checkIsConfiguration}, with the key they had then. */
const checkedConfigurations = new WeakMap<object, string>();
/** The last key computed for each configuration, and the shallow state it was computed from. */
const keys = new WeakMap<
  object,
  { entry: unknown; preset: unknown; hyper: unknown; flags: unknown; schedule: unknown; values: unknown[]; key: string }
>();

/** A schedule's part of a configuration's key: its entry, preset and parameters (empty without one). */
function scheduleKey(s: Configuration['schedule']): string {
  if (s === undefined) return '';
  return `|schedule ${s.entry.name}|${s.preset}|${JSON.stringify(s.hyper)}|${JSON.stringify(s.lists)}|${JSON.stringify(s.flags)}`;
}

function shallowValues(config: Configuration): unknown[] {
  const values: unknown[] = [];
  for (const k in config.hyper) values.push(k, config.hyper[k]);
  for (const k in config.flags) values.push(k, config.flags[k]);
  return values;
}

/**
 * What a configuration's meaning depends on, as text: its entry, preset, hyperparameters and flags.
 * A configuration whose key has not changed since it passed the check passes it again (the check
 * re-runs `configure`, about 10 µs, which a step on one element would otherwise spend on it).
 */
export function configurationKey(config: Configuration): string {
  const last = keys.get(config);
  if (
    last !== undefined &&
    last.entry === config.entry &&
    last.preset === config.preset &&
    last.hyper === config.hyper &&
    last.flags === config.flags &&
    last.schedule === config.schedule
  ) {
    const values = shallowValues(config);
    if (values.length === last.values.length && values.every((v, i) => v === last.values[i])) return last.key;
  }
  const key = `${String(config.entry?.name)}|${String(config.preset)}|${JSON.stringify(config.hyper)}|${JSON.stringify(config.flags)}${scheduleKey(config.schedule)}`;
  keys.set(config, {
    entry: config.entry,
    preset: config.preset,
    hyper: config.hyper,
    flags: config.flags,
    schedule: config.schedule,
    values: shallowValues(config),
    key,
  });
  return key;
}

/**
 * Checks that `config` is a configuration ({@link checkIsConfiguration}) of one of `entries` (the
 * catalogue entries the oracle called `oracle` computes), or throws a {@link ConfigurationError}
 * naming both: another entry's hyperparameters and state would be read under the wrong names (Adam's
 * oracle on SGD's configuration gives NaN m and v).
 */
export function checkEntry(oracle: string, entries: readonly string[], config: Configuration): void {
  const passed = checkedConfigurations.get(config);
  if (passed !== undefined && passed === configurationKey(config) && entries.includes(config.entry.name)) return;
  checkIsConfiguration(`the oracle rule '${oracle}'`, config);
  checkedConfigurations.set(config, configurationKey(config));
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

/** The outputs of `certified` (keyed by output name) that stayed uncertified, each at element `index`. */
export function uncertifiedAt(certified: Certified<string>, index: number): UncertifiedElement[] {
  return uncertifiedElements(certified, (output) => ({ output, index }));
}

/** The elements of `certified` (keyed by element index) that stayed uncertified, all of `output`. */
export function uncertifiedOf(certified: Certified<string>, output: string): UncertifiedElement[] {
  return uncertifiedElements(certified, (key) => ({ output, index: Number(key) }));
}

/** `output` with its uncertified elements attached, or as it is when there are none. */
export function marked(output: StepOutput, uncertified: readonly UncertifiedElement[]): StepOutput {
  return uncertified.length === 0 ? output : { ...output, uncertified };
}

/**
 * Element `i` of one array of a step's decimal inputs (`what` names it), or a {@link StepInputError}
 * of `rule` saying it is missing.
 */
export function decimalAt(
  rule: string,
  what: string,
  xs: readonly (Dec | string)[] | undefined,
  i: number,
): Dec | string {
  const x = xs?.[i];
  if (x === undefined) throw new StepInputError(rule, `the decimal input's ${what} has no element ${i}`);
  return x;
}

/**
 * Refuses a step's decimal input whose arrays do not have the lengths `layout` gives for its
 * parameters (and their shape, for row and column slots): gradients and element slots one value per
 * parameter, tensor slots one. Without it a longer array would be read only in part.
 */
export function checkDecimalLengths(rule: string, layout: StateLayout, input: DecimalStepInput): void {
  const n = input.params.length;
  const arrays: Array<[string, readonly unknown[] | undefined, number]> = [['grads', input.grads, n]];
  for (const [slot, length] of Object.entries(slotLengths(layout, n, input.shape)))
    arrays.push([`state slot '${slot}'`, input.state[slot], length]);
  for (const [what, xs, length] of arrays)
    if (xs?.length !== length)
      throw new StepInputError(
        rule,
        `the decimal input's ${what} has ${xs === undefined ? 'no values' : xs.length === 1 ? '1 value' : `${xs.length} values`}; ${length} expected`,
      );
}
