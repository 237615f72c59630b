/**
 * Choosing a schedule's preset and reading its parameters as exact decimals, as `configure` does for
 * the rules: hyperparameters and list elements become exact decimal text checked against their
 * domains, and a flag may be set only where the preset's framework exposes it as an option.
 *
 * @module
 */
import { Decimal } from 'decimal.js';
import { decimalText, domainText, inDomain } from '../catalogue/configure.js';
import { HyperparameterError, StepInputError, UnknownNameError } from '../catalogue/errors.js';
import {
  PRESET_NAMES,
  type Domain,
  type FlagValue,
  type HyperValues,
  type PresetName,
  type ScheduleRef,
} from '../catalogue/types.js';
import type {
  ListSpec,
  ListValues,
  ScheduleConfig,
  ScheduleEntry,
  ScheduleOverrides,
  SchedulePreset,
  ScheduleSchema,
} from './types.js';

function presetOf<S extends ScheduleSchema>(
  entry: ScheduleEntry<S>,
  preset: string,
): { name: PresetName; preset: SchedulePreset<S> } {
  for (const name of PRESET_NAMES) {
    const p = entry.presets[name];
    if (name === preset && p !== undefined) return { name, preset: p };
  }
  const known = PRESET_NAMES.filter((p) => entry.presets[p] !== undefined);
  throw new UnknownNameError(`preset for ${entry.name}`, preset, known);
}

/** The hyperparameters a preset takes: those it has defaults for, then those it accepts without one. */
export function scheduleHyperparametersOf<S extends ScheduleSchema>(
  entry: ScheduleEntry<S>,
  preset: PresetName,
): string[] {
  const p = entry.presets[preset];
  const taken = new Set<string>([...Object.keys(p?.defaults ?? {}), ...(p?.accepts ?? [])]);
  return Object.keys(entry.hyperparameters).filter((k) => taken.has(k));
}

function resolveHyper<S extends ScheduleSchema>(
  entry: ScheduleEntry<S>,
  name: PresetName,
  p: SchedulePreset<S>,
  given: Readonly<Record<string, number | string | undefined>>,
): HyperValues<S> {
  const known = scheduleHyperparametersOf(entry, name);
  for (const key of Object.keys(given))
    if (!known.includes(key))
      throw new HyperparameterError(
        entry.name,
        key,
        `${key} is not taken under preset ${name}; it takes: ${known.join(', ')}`,
      );
  const defaults: Readonly<Record<string, string | undefined>> = p.defaults;
  const specs: Readonly<Record<string, { readonly domain: Domain }>> = entry.hyperparameters;
  const hyper: Record<string, string> = {};
  for (const key of known) {
    const value = given[key] ?? defaults[key];
    if (value === undefined) continue;
    const text = decimalText(entry.name, key, value);
    const domain = specs[key]?.domain ?? {};
    if (!inDomain(text, domain))
      throw new HyperparameterError(entry.name, key, `${key} = ${text} is outside its domain ${domainText(domain)}`);
    hyper[key] = text;
  }
  return hyper as HyperValues<S>;
}

function resolveLists<S extends ScheduleSchema>(
  entry: ScheduleEntry<S>,
  p: SchedulePreset<S>,
  given: Readonly<Record<string, readonly (number | string)[] | undefined>>,
): ListValues<S> {
  const specs: Readonly<Record<string, ListSpec>> = entry.lists;
  const defaults: Readonly<Record<string, readonly string[]>> = p.lists;
  for (const key of Object.keys(given))
    if (!(key in specs)) throw new HyperparameterError(entry.name, key, `${entry.name} has no list '${key}'`);
  const lists: Record<string, string[]> = {};
  for (const [key, spec] of Object.entries(specs)) {
    const values = given[key] ?? defaults[key] ?? [];
    if (!Array.isArray(values)) throw new HyperparameterError(entry.name, key, `${key} must be an array`);
    const texts = values.map((v, i) => decimalText(entry.name, `${key}[${i}]`, v));
    texts.forEach((text, i) => {
      if (!inDomain(text, spec.domain))
        throw new HyperparameterError(entry.name, key, `${key}[${i}] = ${text} is outside ${domainText(spec.domain)}`);
      const before = texts[i - 1];
      if (spec.increasing === 'strict' && before !== undefined && !new Decimal(text).gt(before))
        throw new HyperparameterError(entry.name, key, `${key} must increase strictly: ${before} then ${text}`);
    });
    lists[key] = texts;
  }
  return lists as unknown as ListValues<S>;
}

function resolveFlags<S extends ScheduleSchema>(
  entry: ScheduleEntry<S>,
  name: PresetName,
  p: SchedulePreset<S>,
  given: Readonly<Record<string, FlagValue | undefined>>,
): S['flags'] {
  const options: Readonly<Record<string, readonly FlagValue[] | undefined>> = p.options;
  const flags: Record<string, FlagValue> = { ...p.flags };
  for (const [key, value] of Object.entries(given)) {
    if (value === undefined) continue;
    const allowed = options[key];
    if (allowed === undefined)
      throw new HyperparameterError(
        entry.name,
        key,
        `${key} is a convention of preset ${name}, not an option; its options: ${Object.keys(options).join(', ') || 'none'}`,
      );
    if (!allowed.includes(value))
      throw new HyperparameterError(
        entry.name,
        key,
        `${key} = ${String(value)} under ${name}; one of ${allowed.join(', ')}`,
      );
    flags[key] = value;
  }
  return flags as S['flags'];
}

/**
 * The schedule under `preset` with `overrides` applied: hyperparameters and list elements as exact
 * decimal text in their domains, options set where the preset exposes them, and the entry's
 * constraint across parameters checked. Errors name the schedule and the parameter.
 */
export function configureSchedule<S extends ScheduleSchema>(
  entry: ScheduleEntry<S>,
  preset: string,
  overrides: ScheduleOverrides = {},
): ScheduleConfig<S> {
  const { name, preset: p } = presetOf(entry, preset);
  const config: ScheduleConfig<S> = {
    entry,
    preset: name,
    hyper: resolveHyper(entry, name, p, overrides.hyper ?? {}),
    lists: resolveLists(entry, p, overrides.lists ?? {}),
    flags: resolveFlags(entry, name, p, overrides.flags ?? {}),
  };
  const problem = entry.constraint?.(config);
  if (problem !== undefined) throw new HyperparameterError(entry.name, '', problem);
  return config;
}

/** The largest step a schedule accepts: t is kept exact as a JavaScript integer. */
export const MAX_SCHEDULE_STEP = Number.MAX_SAFE_INTEGER;

/** Checks that the step t is an integer in [0, 2^53 − 1] (0 on the first update). */
export function checkScheduleStep(name: string, t: number): void {
  if (typeof t !== 'number' || !Number.isSafeInteger(t) || t < 0)
    throw new StepInputError(name, `schedule step t = ${String(t)} must be an integer in [0, ${MAX_SCHEDULE_STEP}]`);
}

/**
 * The schedule a configuration holds (`withSchedule`, core/catalogue/configure.ts) as the
 * {@link ScheduleConfig} `configureSchedule` made: the catalogue keeps it as a `ScheduleRef` so as not
 * to depend on this module. Checks that it is a schedule's configuration.
 */
export function asSchedule(ref: ScheduleRef): ScheduleConfig {
  if (ref.entry?.kind !== 'schedule' || !('presets' in ref.entry))
    throw new HyperparameterError(String(ref.entry?.name), 'lr', 'the schedule must be made by configureSchedule()');
  // withSchedule takes what configureSchedule made, whose entry is a ScheduleEntry (checked above).
  return ref as unknown as ScheduleConfig;
}
