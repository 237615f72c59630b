/**
 * Choosing a preset, reading hyperparameters as the exact decimals the user wrote, and checking
 * them against their domains.
 *
 * A hyperparameter given as text is read exactly ("0.999" is 999/1000). One given as a JavaScript
 * number is read as its shortest round-trip decimal, which is what the user typed: 0.999 is
 * 999/1000, not the binary64 value nearest to it.
 *
 * @module
 */
import { HyperparameterError, StepInputError, UnknownNameError } from './errors.js';
import { decimalText, domainText, inDomain, type HyperValue } from './decimal-text.js';
import { KERAS_WRAPPER_OPTIONS, kerasWrapperOf, type KerasWrapperOptions } from './keras-wrapper.js';
import {
  isUpdateKind,
  PRESET_NAMES,
  type AnySchema,
  type CatalogueEntry,
  type Configuration,
  type HyperName,
  type HyperparameterSpec,
  type HyperValues,
  type Preset,
  type PresetName,
  type Schema,
  type ScheduleRef,
} from './types.js';

export { decimalText, domainText, FLOAT32_MAX, inDomain, type HyperValue } from './decimal-text.js';

/** The entry's preset called `preset`, with its checked name, or an error listing the entry's presets. */
function lookUpPreset<S extends Schema>(
  entry: CatalogueEntry<S>,
  preset: string,
): { readonly name: PresetName; readonly preset: Preset<S> } {
  for (const name of PRESET_NAMES) {
    const p = entry.presets[name];
    if (name === preset && p !== undefined) return { name, preset: p };
  }
  const known = PRESET_NAMES.filter((p) => entry.presets[p] !== undefined);
  throw new UnknownNameError(`preset for ${entry.name}`, preset, known);
}

/** The preset name checked against the entry's presets. */
export function presetOf<S extends Schema>(entry: CatalogueEntry<S>, preset: string): PresetName {
  return lookUpPreset(entry, preset).name;
}

/**
 * What {@link configure} takes under preset `P`: the entry's hyperparameters and, under the literal
 * preset `'keras'`, the options of Keras's optimizer wrapper (./keras-wrapper.ts), so that a misspelt
 * option, or a wrapper option under another preset, does not compile.
 */
export type ConfigureOptions<S extends Schema, P extends string> = {
  readonly [K in HyperName<S>]?: HyperValue;
} & (P extends 'keras' ? KerasWrapperOptions : unknown);

/** The wrapper options among `keys` (those not taken as the rule's own hyperparameter), checked against the preset and kind. */
function wrapperKeys(
  entry: CatalogueEntry,
  preset: PresetName,
  keys: readonly string[],
  known: readonly string[],
): string[] {
  const found = keys.filter((k) => (KERAS_WRAPPER_OPTIONS as readonly string[]).includes(k) && !known.includes(k));
  for (const key of found) {
    if (preset !== 'keras')
      throw new HyperparameterError(
        entry.name,
        key,
        `${key} is an option of Keras's optimizer wrapper (keras/src/optimizers/base_optimizer.py); only the keras preset takes it`,
      );
    if (entry.kind !== 'elementwise-update')
      throw new HyperparameterError(
        entry.name,
        key,
        `${key} is an option of Keras's optimizers; ${entry.name} is a ${entry.kind}`,
      );
  }
  return found;
}

/**
 * The entry under `preset` with `overrides` applied: every hyperparameter resolved to exact decimal
 * text by {@link decimalText} and checked against its domain; an unknown hyperparameter name is an
 * error. Under `keras`, an update rule also takes the options of Keras's optimizer wrapper
 * ({@link kerasWrapperOf}), kept in `config.keras`; a rule's own `weightDecay` (AdamW, Lion, LAMB under
 * `keras`) stays its hyperparameter, which is the same decay. An override whose value is `undefined` counts as not given (the preset's default applies),
 * as for any optional property; `null` is an error, not a request for the default.
 */
export function configure<S extends Schema = AnySchema, P extends string = string>(
  entry: CatalogueEntry<S>,
  preset: P,
  overrides: ConfigureOptions<S, P> = {},
): Configuration<S> {
  const { name, preset: p } = lookUpPreset(entry, preset);
  if (typeof overrides !== 'object' || overrides === null || Array.isArray(overrides)) {
    throw new HyperparameterError(
      entry.name,
      '',
      `hyperparameters must be an object such as { lr: '1e-3' }, got ${overrides === null ? 'null' : Array.isArray(overrides) ? 'an array' : typeof overrides}`,
    );
  }
  const known = hyperparametersOf(entry, name);
  const wrapping = wrapperKeys(entry as unknown as CatalogueEntry, name, Object.keys(overrides), known);
  const options: Readonly<Record<string, unknown>> = overrides;
  const keras = kerasWrapperOf(entry.name, Object.fromEntries(wrapping.map((k) => [k, options[k]])));
  for (const key of Object.keys(overrides)) {
    if (known.includes(key) || wrapping.includes(key)) continue;
    if (key in entry.hyperparameters) {
      throw new HyperparameterError(
        entry.name,
        key,
        `${key} is not a hyperparameter of ${entry.name} under preset ${name}; it takes: ${known.join(', ')}`,
      );
    }
    throw new HyperparameterError(entry.name, key, `unknown hyperparameter '${key}'; known: ${known.join(', ')}`);
  }
  const given: Readonly<Record<string, HyperValue | undefined>> = overrides;
  const defaults: Readonly<Record<string, string | undefined>> = p.defaults;
  const hyper: Record<string, string> = {};
  for (const [key, { domain }] of Object.entries<HyperparameterSpec>(entry.hyperparameters)) {
    if (!known.includes(key)) continue;
    const value = given[key] === undefined ? defaults[key] : given[key];
    if (value === undefined)
      throw new HyperparameterError(entry.name, key, `${key} has no default under preset ${name}; give it`);
    const text = decimalText(entry.name, key, value);
    if (!inDomain(text, domain)) {
      throw new HyperparameterError(entry.name, key, `${key} = ${text} is outside its domain ${domainText(domain)}`);
    }
    hyper[key] = text;
  }
  const config: Configuration<S> = Object.freeze({
    entry,
    preset: name,
    hyper: Object.freeze(hyper) as HyperValues<S>,
    flags: p.flags,
    ...(keras === undefined ? {} : { keras }),
  });
  configured.add(config);
  return config;
}

/** A schema whose rule has a learning rate `lr` (every preset takes it). */
type WithLearningRate<S extends Schema> = 'lr' extends S['hyper'] ? Configuration<S> : never;

/**
 * `config` with `schedule` in place of its constant learning rate: update k (k from 1) uses the
 * schedule's value at step t = k − 1, the step the frameworks evaluate it at (PyTorch's
 * `scheduler.step()` after `optimizer.step()`, Keras 3's `optimizer.iterations`, optax's `count`;
 * docs/schedules.md). Only an update rule with an `lr` takes one, on given gradients or on a gradient
 * function (NAG's look-ahead form): for an entry whose schema has no `lr` the call does not compile,
 * and any other configuration (a regularizer, one with its schema forgotten but no `lr`) is a
 * {@link HyperparameterError}. The initial state (ASGD's η, Rprop's step sizes) still reads `lr`.
 */
export function withSchedule<S extends Schema>(config: WithLearningRate<S>, schedule: ScheduleRef): Configuration<S> {
  const { entry } = config;
  if (!isConfigured(config))
    throw new HyperparameterError(entry.name, 'lr', 'a schedule takes a configuration made by configure()');
  if (!isUpdateKind(entry.kind) || !('lr' in config.hyper))
    throw new HyperparameterError(
      entry.name,
      'lr',
      `${entry.name} (${entry.kind}) has no learning rate a schedule can replace; schedules apply to update rules with an lr`,
    );
  if (schedule.entry?.kind !== 'schedule')
    throw new HyperparameterError(entry.name, 'lr', 'the schedule must be made by configureSchedule()');
  const scheduled: Configuration<S> = Object.freeze({ ...config, schedule });
  configured.add(scheduled);
  return scheduled;
}

/** The configurations {@link configure} made: frozen, so still what it checked. */
const configured = new WeakSet<object>();

/**
 * Whether `config` is a configuration {@link configure} made (and so checked; it is frozen, and so is
 * its `hyper`): the input checks need not check it again.
 */
export function isConfigured(config: unknown): boolean {
  return typeof config === 'object' && config !== null && configured.has(config);
}

/**
 * The hyperparameters an entry takes under a preset: those the preset gives defaults for (PyTorch's
 * `dampening` exists under `pytorch` only, say), in the entry's order.
 */
export function hyperparametersOf<S extends Schema>(entry: CatalogueEntry<S>, preset: PresetName): string[] {
  const defaults = entry.presets[preset]?.defaults ?? {};
  return Object.keys(entry.hyperparameters).filter((k) => k in defaults);
}

/** The largest step count accepted: t is kept exact as a JavaScript integer. */
export const MAX_STEP = Number.MAX_SAFE_INTEGER;

/** Checks that the step count t is an integer ≥ 1 (t counts from 1, as in the Adam paper). */
export function checkStepCount(rule: string, t: number): void {
  if (typeof t !== 'number' || !Number.isInteger(t) || t < 1 || t > MAX_STEP) {
    throw new StepInputError(
      rule,
      `step count t = ${typeof t === 'string' ? JSON.stringify(t) : String(t)} must be an integer in [1, ${MAX_STEP}]`,
    );
  }
}
