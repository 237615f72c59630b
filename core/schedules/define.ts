/**
 * `defineSchedule`: a schedule entry from `as const` data, its schema inferred from the data (as
 * `defineEntry` does for the rules), so that a preset missing a hyperparameter, a list or a flag,
 * or a flag value the entry does not have, does not compile.
 *
 * @module
 */
import type { FlagSpec, HyperparameterSpec, PresetName } from '../catalogue/types.js';
import type { ListSpec, ScheduleConfig, ScheduleEntry, SchedulePreset, ScheduleSchemaOf } from './types.js';

/** What {@link defineSchedule} takes: the schedule as data. */
export interface ScheduleDefinition<
  H extends Readonly<Record<string, HyperparameterSpec>>,
  F extends Readonly<Record<string, FlagSpec>>,
  L extends Readonly<Record<string, ListSpec>>,
> {
  readonly name: string;
  readonly title: string;
  readonly source: string;
  readonly hyperparameters: H;
  readonly lists: L;
  readonly flags: F;
  readonly presets: Readonly<Partial<Record<PresetName, SchedulePreset<ScheduleSchemaOf<H, F, L>>>>>;
  readonly constraint?: (config: ScheduleConfig<ScheduleSchemaOf<H, F, L>>) => string | undefined;
}

/** A schedule entry (kind `schedule`) from its data; `as const` is implied. */
export function defineSchedule<
  const H extends Readonly<Record<string, HyperparameterSpec>>,
  const F extends Readonly<Record<string, FlagSpec>>,
  const L extends Readonly<Record<string, ListSpec>>,
>(definition: ScheduleDefinition<H, F, L>): ScheduleEntry<ScheduleSchemaOf<H, F, L>> {
  type Entry = ScheduleEntry<ScheduleSchemaOf<H, F, L>>;
  return {
    ...definition,
    kind: 'schedule',
    // As in defineEntry: the keys of FlagValuesOf<F> are F's, which the compiler cannot relate.
    flags: definition.flags as unknown as Entry['flags'],
    lists: definition.lists as unknown as Entry['lists'],
  };
}
