/**
 * A rule with a learning-rate schedule against the oracle: one step from any state, under a random
 * schedule of the rule's preset (every schedule entry and production path the framework has; every
 * framework's for a rule no framework ships, NAG's look-ahead form), at
 * the step the schedule draws. The step is update k = t + 1; the oracle takes the schedule's exact
 * value at t, production the framework's (its coefficient path), and the derived bound adds the
 * schedule's own error (./rate-bound.ts), so a schedule computed badly in production is production's
 * error. Recursive PyTorch forms cost t steps per new configuration: their t is drawn below
 * {@link RECURSIVE_STEPS}.
 *
 * @module
 */
import fc from 'fast-check';
import {
  isUpdateKind,
  PRESET_NAMES,
  withSchedule,
  type CatalogueEntry,
  type PresetName,
} from '../../../core/catalogue/index.js';
import { productionOf } from '../../production/schedules/index.js';
import { stepCase, type StepCase } from '../arbitraries/step-case.js';
import { schedulesOf, type Implementation } from '../implementation.js';
import { DisagreementError, judgeStep, type Tally } from '../properties.js';
import { scheduleUnits, type ScheduleCase, type ScheduleUnit } from './arbitraries.js';

/** The largest t drawn for a schedule whose production code computes each value from the one before. */
export const RECURSIVE_STEPS = 300;

/** The schedule units of a preset (none for a preset no schedule has). */
export function scheduleUnitsOf(preset: PresetName): readonly ScheduleUnit[] {
  return scheduleUnits.filter((u) => u.preset === preset);
}

/**
 * The schedule units `entry` is checked with under `preset`: the preset's own; for a rule none of whose
 * presets has schedules (NAG's look-ahead form, whose one preset is the paper's: no framework ships it),
 * every framework's, since a schedule's preset need not be the rule's (docs/schedules.md); else none.
 */
export function scheduleUnitsFor(entry: CatalogueEntry, preset: PresetName): readonly ScheduleUnit[] {
  const own = scheduleUnitsOf(preset);
  if (own.length > 0) return own;
  const frameworkless = PRESET_NAMES.every((p) => entry.presets[p] === undefined || scheduleUnitsOf(p).length === 0);
  return frameworkless ? scheduleUnits : [];
}

/**
 * Whether a rule under a preset can be checked with a schedule: it is an update rule with an `lr`, and
 * {@link scheduleUnitsFor} gives it schedules.
 */
export function takesSchedule(entry: CatalogueEntry, preset: PresetName): boolean {
  return (
    isUpdateKind(entry.kind) &&
    'lr' in (entry.presets[preset]?.defaults ?? {}) &&
    scheduleUnitsFor(entry, preset).length > 0
  );
}

/**
 * A schedule case for `entry` under `preset` ({@link scheduleUnitsFor}), among the production paths
 * `accepts` (default: every one), with a recursive form's t brought below {@link RECURSIVE_STEPS}.
 */
export function scheduleCase(
  entry: CatalogueEntry,
  preset: PresetName,
  accepts: (schedule: string, flags: ScheduleUnit['flags']) => boolean = () => true,
): fc.Arbitrary<ScheduleCase> {
  const units = scheduleUnitsFor(entry, preset).filter((u) => accepts(u.entry.name, u.flags));
  if (units.length === 0)
    throw new TypeError(`no schedule for ${entry.name} under preset '${preset}' among those accepted`);
  return fc.oneof(...units.map((u) => u.cases)).map((c) => {
    if (!productionOf(c.config).recursive(c.config) || c.t < RECURSIVE_STEPS) return c;
    const t = c.t % RECURSIVE_STEPS;
    return Object.assign({ config: c.config, t }, { [fc.toStringMethod]: () => `${String(c)} (t → ${t})` });
  });
}

/** Whether `impl` takes some schedule of `preset` with `entry` (and `entry` takes one under `preset`). */
export function takesScheduleIn(
  impl: Pick<Implementation, 'supports' | 'supportsSchedule'>,
  entry: CatalogueEntry,
  preset: PresetName,
): boolean {
  const accepts = schedulesOf(impl, entry.name, preset);
  return (
    takesSchedule(entry, preset) &&
    accepts !== undefined &&
    scheduleUnitsFor(entry, preset).some((u) => accepts(u.entry.name, u.flags))
  );
}

/** The cases of `one-step-scheduled`: a step of `entry` and a schedule `impl` takes. */
export function scheduledStepCase(
  impl: Pick<Implementation, 'name' | 'supports' | 'supportsSchedule'>,
  entry: CatalogueEntry,
  preset: PresetName,
) {
  const accepts = schedulesOf(impl, entry.name, preset);
  if (accepts === undefined) throw new TypeError(`${impl.name} takes no schedule with ${entry.name}/${preset}`);
  return fc.tuple(stepCase(entry, preset), scheduleCase(entry, preset, accepts));
}

/** A scheduled case as one step: the configuration with the schedule, update k = t + 1, and what to call it. */
export function scheduledStep([{ config, input }, { config: schedule, t }]: [StepCase, ScheduleCase]) {
  const scheduled = withSchedule(config, schedule);
  const k = t + 1;
  const what = `at t = ${k} under ${schedule.entry.name}/${schedule.preset} ${JSON.stringify(schedule.hyper)} ${JSON.stringify(schedule.lists)} ${JSON.stringify(schedule.flags)}`;
  return { config: scheduled, input: { ...input, t: k }, what };
}

/** One step of `entry` under `preset` with a schedule agrees with the oracle within the derived bound. */
export function scheduledStepProperty(impl: Implementation, entry: CatalogueEntry, preset: PresetName, tally?: Tally) {
  return fc.property(scheduledStepCase(impl, entry, preset), (c) => {
    const { config, input, what } = scheduledStep(c);
    const { comparison } = judgeStep(impl, config, input, tally, what);
    if (comparison.mismatches.length > 0) throw new DisagreementError(impl.name, config, what, comparison, input);
  });
}
