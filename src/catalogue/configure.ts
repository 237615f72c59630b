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
import { PRESET_NAMES, type CatalogueEntry, type Configuration, type Domain, type PresetName } from './types.js';

/** A hyperparameter as a user gives it. */
export type HyperValue = number | string;

/** Exact decimal text of a user's hyperparameter, or an error naming it. */
export function decimalText(rule: string, name: string, value: HyperValue): string {
  const text = typeof value === 'number' ? String(value) : value.trim();
  let d: Decimal;
  try {
    d = new Decimal(text);
  } catch {
    throw new HyperparameterError(rule, name, `${name} = ${JSON.stringify(value)} is not a number`);
  }
  if (!d.isFinite()) throw new HyperparameterError(rule, name, `${name} = ${text} is not a finite number`);
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

/** The preset name checked against the entry's presets. */
export function presetOf(entry: CatalogueEntry, preset: string): PresetName {
  const known = PRESET_NAMES.filter((p) => entry.presets[p] !== undefined);
  if (!(known as readonly string[]).includes(preset)) throw new UnknownNameError(`preset for ${entry.name}`, preset, known);
  return preset as PresetName;
}

/**
 * The entry under `preset` with `overrides` applied: every hyperparameter resolved to exact decimal
 * text and checked against its domain; an unknown hyperparameter name is an error.
 */
export function configure(
  entry: CatalogueEntry,
  preset: string,
  overrides: Readonly<Record<string, HyperValue>> = {},
): Configuration {
  const name = presetOf(entry, preset);
  const p = entry.presets[name]!;
  const known = hyperparametersOf(entry, name);
  for (const key of Object.keys(overrides)) {
    if (known.includes(key)) continue;
    if (key in entry.hyperparameters) {
      throw new HyperparameterError(entry.name, key, `${key} is not a hyperparameter of ${entry.name} under preset ${name}; it takes: ${known.join(', ')}`);
    }
    throw new HyperparameterError(entry.name, key, `unknown hyperparameter '${key}'; known: ${known.join(', ')}`);
  }
  const hyper: Record<string, string> = {};
  for (const key of known) {
    const given = overrides[key] ?? p.defaults[key];
    if (given === undefined) throw new HyperparameterError(entry.name, key, `${key} has no default under preset ${name}; give it`);
    const text = decimalText(entry.name, key, given);
    const domain = entry.hyperparameters[key]!.domain;
    if (!inDomain(text, domain)) {
      throw new HyperparameterError(entry.name, key, `${key} = ${text} is outside its domain ${domainText(domain)}`);
    }
    hyper[key] = text;
  }
  return { entry, preset: name, hyper, flags: p.flags };
}

/**
 * The hyperparameters an entry takes under a preset: those the preset gives defaults for (PyTorch's
 * `dampening` exists under `pytorch` only, say), in the entry's order.
 */
export function hyperparametersOf(entry: CatalogueEntry, preset: PresetName): string[] {
  const defaults = entry.presets[preset]?.defaults ?? {};
  return Object.keys(entry.hyperparameters).filter((k) => k in defaults);
}

/** The largest step count accepted: t is kept exact as a JavaScript integer. */
export const MAX_STEP = Number.MAX_SAFE_INTEGER;

/** Checks that the step count t is an integer ≥ 1 (t counts from 1, as in the Adam paper). */
export function checkStepCount(rule: string, t: number): void {
  if (typeof t !== 'number' || !Number.isInteger(t) || t < 1 || t > MAX_STEP) {
    throw new StepInputError(rule, `step count t = ${String(t)} must be an integer in [1, ${MAX_STEP}]`);
  }
}
