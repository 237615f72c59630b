/**
 * What `optim-oracle check` runs: the properties of each rule and regularizer of the registry, the
 * options' selection of them (rule, preset, property) in report order, and the slice a `--shard`
 * runs.
 *
 * @module
 */
import type fc from 'fast-check';
import {
  OptionError,
  UnknownNameError,
  presetOf,
  PRESET_NAMES,
  type CatalogueEntry,
  type PresetName,
} from '../../core/catalogue/index.js';
import { dealt, type Shard } from '../gate/shard.js';
import type { Implementation } from '../gate/implementation.js';
import { oneStepProperty, trajectoryProperty, type Tally } from '../gate/properties.js';
import { asyncOneStepProperty, asyncTrajectoryProperty, type AsyncImplementation } from '../gate/async-properties.js';
import { AGREEMENT_PROPERTY } from '../gate/agreement.js';
import { kerasWrapperProperty } from '../gate/keras-wrapper/property.js';
import { asyncKerasWrapperProperty, asyncScheduledStepProperty } from '../gate/async-capability-properties.js';
import { isUpdate, registry, scheduleRecords, type RegistryRecord, type ScheduleRecord } from '../registry/index.js';
import { scheduledStepProperty, takesSchedule } from '../gate/schedules/rule-property.js';
import type { CheckOptions } from './check-types.js';

type PropertyFactory = (
  impl: Implementation,
  e: CatalogueEntry,
  p: PresetName,
  tally: Tally,
) => fc.IProperty<[unknown]>;

type AsyncPropertyFactory = (
  impl: AsyncImplementation,
  e: CatalogueEntry,
  p: PresetName,
  tally: Tally,
) => fc.IAsyncProperty<[unknown]>;

/** The property of Keras's optimizer wrapper, which an update on a given gradient has under `keras` only. */
export const KERAS_WRAPPER_PROPERTY = 'keras-wrapper';

/** The properties `check` runs on an update rule, by name. */
export const PROPERTIES: Record<
  'one-step' | 'one-step-nonfinite' | 'trajectory' | 'one-step-scheduled' | 'keras-wrapper',
  PropertyFactory
> = {
  'one-step': (impl, e, p, tally) => oneStepProperty(impl, e, p, tally, { pinned: impl.pinned?.[e.name] }),
  'one-step-nonfinite': (impl, e, p, tally) =>
    oneStepProperty(impl, e, p, tally, { nonfinite: true, pinned: impl.pinned?.[e.name] }),
  trajectory: (impl, e, p, tally) => trajectoryProperty(impl, e, p, tally, { pinned: impl.pinned?.[e.name] }),
  'one-step-scheduled': (impl, e, p, tally) => scheduledStepProperty(impl, e, p, tally),
  [KERAS_WRAPPER_PROPERTY]: (impl, e, _p, tally) => kerasWrapperProperty(impl, e, tally) as fc.IProperty<[unknown]>,
};

/** The properties for an implementation that may answer with promises (the in-process gate's). */
export const ASYNC_PROPERTIES: Record<PropertyName, AsyncPropertyFactory> = {
  'one-step': (impl, e, p, tally) => asyncOneStepProperty(impl, e, p, tally, { pinned: impl.pinned?.[e.name] }),
  'one-step-nonfinite': (impl, e, p, tally) =>
    asyncOneStepProperty(impl, e, p, tally, { nonfinite: true, pinned: impl.pinned?.[e.name] }),
  trajectory: (impl, e, p, tally) => asyncTrajectoryProperty(impl, e, p, tally, { pinned: impl.pinned?.[e.name] }),
  'one-step-scheduled': (impl, e, p, tally) =>
    asyncScheduledStepProperty(impl, e, p, tally) as fc.IAsyncProperty<[unknown]>,
  [KERAS_WRAPPER_PROPERTY]: (impl, e, _p, tally) =>
    asyncKerasWrapperProperty(impl, e, tally) as fc.IAsyncProperty<[unknown]>,
};

/** A record `check` runs: the registry's, and the learning-rate schedules. */
export type CheckRecord = RegistryRecord | ScheduleRecord;

/** A property's name. */
export type PropertyName = keyof typeof PROPERTIES;

/** The registry's records (update rules, then regularizers), then the schedules; or those `--rule` names. */
function selectedRecords(rule: string | undefined): CheckRecord[] {
  const all: CheckRecord[] = [...registry, ...scheduleRecords];
  if (rule === undefined) return all;
  const found = all.filter((r) => r.entry.name === rule);
  if (found.length === 0)
    throw new OptionError(`unknown rule '${rule}'; implemented: ${all.map((r) => r.entry.name).join(', ')}`);
  return found;
}

function selectedProperties(name: string | undefined): string[] {
  const all = [...Object.keys(PROPERTIES), AGREEMENT_PROPERTY];
  if (name === undefined) return all;
  if (!all.includes(name)) throw new OptionError(`unknown property '${name}'; known: ${all.join(', ')}`);
  return [name];
}

/**
 * The properties a record has in `check` under a preset (any preset when absent): an update rule's
 * three; `one-step-scheduled` for every rule with an `lr` under a preset that has schedules, and for
 * NAG's look-ahead form, which no framework ships, under its paper preset ({@link takesSchedule});
 * under `keras` (an update on a given gradient) Keras's wrapper; or the agreement of any other record.
 */
function propertiesOf(record: CheckRecord, selected: readonly string[], preset?: PresetName): string[] {
  if (record.kind === 'schedule' || !isUpdate(record)) return selected.filter((p) => p === AGREEMENT_PROPERTY);
  const scheduled =
    preset === undefined
      ? PRESET_NAMES.some((p) => record.entry.presets[p] !== undefined && takesSchedule(record.entry, p))
      : takesSchedule(record.entry, preset);
  const wrapped =
    record.kind === 'elementwise-update' &&
    (preset === undefined ? record.entry.presets.keras !== undefined : preset === 'keras');
  return selected.filter(
    (p) =>
      p !== AGREEMENT_PROPERTY &&
      (scheduled || p !== 'one-step-scheduled') &&
      (wrapped || p !== KERAS_WRAPPER_PROPERTY),
  );
}

/** The preset called `preset` of a schedule, or an error listing its presets. */
function schedulePresetOf(record: ScheduleRecord, preset: string): PresetName {
  const found = PRESET_NAMES.find((p) => p === preset && record.entry.presets[p] !== undefined);
  if (found !== undefined) return found;
  const known = PRESET_NAMES.filter((p) => record.entry.presets[p] !== undefined);
  throw new UnknownNameError(`preset for ${record.entry.name}`, preset, known);
}

/** One rule or regularizer under one preset, with the properties to run on it. */
export interface Unit {
  readonly record: CheckRecord;
  readonly preset: PresetName;
  readonly names: readonly string[];
}

/** One property of one rule or regularizer under one preset: the unit `--shard` slices. */
export interface PlannedProperty {
  readonly rule: string;
  readonly preset: PresetName;
  readonly property: string;
}

/**
 * The properties `options` select, in the order an unsharded run runs and reports them (rule, then
 * preset, then property). Throws an {@link OptionError} when they select none.
 */
export function plannedProperties(
  options: Pick<CheckOptions, 'rule' | 'preset' | 'property' | 'path'>,
): PlannedProperty[] {
  return propertiesOfUnits(plan(options));
}

/** The properties of `units`, in their order. */
export function propertiesOfUnits(units: readonly Unit[]): PlannedProperty[] {
  return units.flatMap((u) => u.names.map((property) => ({ rule: u.record.entry.name, preset: u.preset, property })));
}

/** Properties in the order shards deal them out: one-step, one-step-nonfinite, trajectory, one-step-scheduled, agreement. */
const DEALING_ORDER: readonly string[] = [...Object.keys(PROPERTIES), AGREEMENT_PROPERTY];

/**
 * The positions in `planned` that shard `index` of `count` runs. The properties are dealt round-robin
 * (position k of the deal goes to shard k mod count) after sorting them by kind (every one-step
 * property first, then one-step-nonfinite, trajectory, one-step-scheduled, agreement), so that each shard gets about
 * 1/count of each kind: a trajectory costs far more than a one-step property, and a deal in run order
 * would give shard 2 of 3 every trajectory. Each property keeps its seed and runs, so the shards
 * together run exactly the cases of one unsharded run.
 */
export function shardOf(planned: readonly PlannedProperty[], shard: Shard): Set<number> {
  const byKind = planned
    .map((p, i) => ({ i, rank: DEALING_ORDER.indexOf(p.property) }))
    .sort((a, b) => a.rank - b.rank || a.i - b.i)
    .map((p) => p.i);
  return new Set(dealt(byKind, shard));
}

/** Throws an {@link OptionError} unless `shard` is integers 0 ≤ index < count and, when count > 1, selects a property and no --path is given. */
export function checkShard(shard: Shard, planned: number, path: string | undefined): void {
  const { index, count } = shard;
  if (!Number.isSafeInteger(index) || !Number.isSafeInteger(count) || index < 0 || index >= count)
    throw new OptionError(`shard takes i/n with integers 0 ≤ i < n, got ${index}/${count}`);
  if (count > 1 && path !== undefined) throw new OptionError('--path replays one property; it takes no --shard');
  if (index >= planned)
    throw new OptionError(
      `shard ${index}/${count} selects no property: the options select ${planned} properties, so at most ${planned} shards`,
    );
}

/** Why the options select nothing, with the properties of the one record selected, if one is. */
function nothingToCheck(
  options: Pick<CheckOptions, 'rule' | 'preset' | 'property'>,
  records: readonly CheckRecord[],
): OptionError {
  const under = options.preset === undefined ? '' : ` under preset '${options.preset}'`;
  const property = options.property === undefined ? 'a property' : `property '${options.property}'`;
  const what =
    options.rule === undefined
      ? `no rule or regularizer${under} has ${property}`
      : `${options.rule}${under} has no ${property}`;
  const [only, ...others] = records;
  const own =
    only !== undefined && others.length === 0
      ? `; its properties: ${propertiesOf(only, selectedProperties(undefined)).join(', ')}`
      : '';
  return new OptionError(`nothing to check: ${what}${own}`);
}

/** What the options select; throws an {@link OptionError} when they select no property, or a --path more than one. */
export function plan(options: Pick<CheckOptions, 'rule' | 'preset' | 'property' | 'path'>): Unit[] {
  const records = selectedRecords(options.rule);
  const properties = selectedProperties(options.property);
  if (
    options.preset !== undefined &&
    options.rule === undefined &&
    !(PRESET_NAMES as readonly string[]).includes(options.preset)
  ) {
    throw new OptionError(`unknown preset '${options.preset}'; known: ${PRESET_NAMES.join(', ')}`);
  }
  const units: Unit[] = [];
  for (const record of records) {
    const { entry } = record;
    // Without --rule, --preset selects the rules that have that preset.
    if (
      options.preset !== undefined &&
      options.rule === undefined &&
      entry.presets[options.preset as PresetName] === undefined
    )
      continue;
    const presets =
      options.preset === undefined
        ? PRESET_NAMES.filter((p) => entry.presets[p] !== undefined)
        : [
            record.kind === 'schedule'
              ? schedulePresetOf(record, options.preset)
              : presetOf(record.entry, options.preset),
          ];
    for (const preset of presets) {
      const names = propertiesOf(record, properties, preset);
      if (names.length > 0) units.push({ record, preset, names });
    }
  }
  if (units.length === 0) throw nothingToCheck(options, records);
  checkPathSelectsOne(units, options.path);
  return units;
}

/** Throws an {@link OptionError} when a --path is given and `units` hold more than one property. */
export function checkPathSelectsOne(units: readonly Unit[], path: string | undefined): void {
  const count = units.reduce((n, u) => n + u.names.length, 0);
  if (path !== undefined && count !== 1) {
    throw new OptionError(
      `--path replays one property's counterexample; the options select ${count} properties (give --rule, --preset and --property)`,
    );
  }
}
