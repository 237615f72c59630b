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
import { Decimal } from 'decimal.js';
import { HyperparameterError, StepInputError, UnknownNameError } from './errors.js';
import { KERAS_WRAPPER_OPTIONS, kerasWrapperOf, type KerasWrapperOptions } from './keras-wrapper.js';
import {
  PRESET_NAMES,
  type AnySchema,
  type CatalogueEntry,
  type Configuration,
  type Domain,
  type HyperName,
  type HyperparameterSpec,
  type HyperValues,
  type Preset,
  type PresetName,
  type Schema,
} from './types.js';

/** A hyperparameter as a user gives it: a finite number or decimal text. */
export type HyperValue = number | string;

/** What {@link decimalText} accepts, for its messages. */
const ACCEPTED = "give a finite number or decimal text (0.001 or '1e-3')";

/** The largest finite float32, (2 − 2^−23) · 2^127, exactly. */
export const FLOAT32_MAX = '340282346638528859811704183484516925440';

/** A value of any type as a message shows it: strings quoted, arrays and objects as JSON. */
function shown(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value === 'function') return 'a function';
  if (typeof value === 'object' && value !== null) {
    try {
      return JSON.stringify(value) ?? String(value);
    } catch {
      return Object.prototype.toString.call(value);
    }
  }
  return String(value);
}

/** What kind of value a rejected non-number, non-string is, for the message. */
function kindOf(value: unknown): string {
  if (value === null || value === undefined) return 'not a number';
  if (Array.isArray(value)) return 'an array, not a number';
  return `${typeof value === 'object' ? 'an' : 'a'} ${typeof value}, not a number`;
}

/**
 * Exact decimal text of a user's hyperparameter, or a {@link HyperparameterError} naming the rule,
 * the hyperparameter, the value given and what is accepted.
 *
 * Accepted: a finite JavaScript number (read as its shortest round-trip decimal, so 0.999 is
 * 999/1000) or text decimal.js reads as a finite number ("1e-3", " 0.5 "). Rejected: null,
 * undefined, booleans, bigints, arrays and other objects; NaN and ±Infinity; empty or non-numeric
 * text; and magnitudes beyond the largest finite float32, |x| > (2 − 2^−23) · 2^127 ≈
 * 3.4028234663852886e38 ('1e400', say): production holds hyperparameters as float32 (or float64
 * coefficients rounded to float32), where such a value is ±∞ or overflows, while the oracle would
 * judge it against the finite decimal. Nonzero magnitudes below float32's smallest subnormal 2^−149
 * are accepted: production holds them as 0 or 2^−149 and the derived bounds allow for that rounding,
 * as for any hyperparameter that float32 cannot hold exactly.
 */
export function decimalText(rule: string, name: string, value: HyperValue): string {
  const given: unknown = value;
  if (typeof given !== 'number' && typeof given !== 'string') {
    throw new HyperparameterError(rule, name, `${name} = ${shown(given)} is ${kindOf(given)}; ${ACCEPTED}`);
  }
  const text = typeof given === 'number' ? String(given) : given.trim();
  let d: Decimal;
  try {
    d = new Decimal(text);
  } catch {
    throw new HyperparameterError(rule, name, `${name} = ${shown(given)} is not a number; ${ACCEPTED}`);
  }
  if (!d.isFinite()) throw new HyperparameterError(rule, name, `${name} = ${text} is not a finite number; ${ACCEPTED}`);
  if (d.abs().gt(FLOAT32_MAX)) {
    throw new HyperparameterError(
      rule,
      name,
      `${name} = ${d.toString()} is beyond float32's range |x| ≤ 3.4028234663852886e38, in which production holds hyperparameters`,
    );
  }
  return d.isZero() ? '0' : d.toString();
}

/** The domain written as an interval, e.g. `[0, 1)` or `integers in [1, ∞)`. */
export function domainText(domain: Domain): string {
  const lo = domain.min === undefined ? '(−∞' : `${domain.minOpen ? '(' : '['}${domain.min}`;
  const hi = domain.max === undefined ? '∞)' : `${domain.max}${domain.maxOpen ? ')' : ']'}`;
  return `${domain.integer ? 'integers in ' : ''}${lo}, ${hi}`;
}

/** True when the exact decimal `text` lies in `domain`. */
export function inDomain(text: string, domain: Domain): boolean {
  const d = new Decimal(text);
  if (domain.integer && !d.isInteger()) return false;
  if (domain.min !== undefined) {
    const c = d.cmp(domain.min);
    if (c < 0 || (c === 0 && domain.minOpen)) return false;
  }
  if (domain.max !== undefined) {
    const c = d.cmp(domain.max);
    if (c > 0 || (c === 0 && domain.maxOpen)) return false;
  }
  return true;
}

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
