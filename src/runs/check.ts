/**
 * `optim-oracle check`: runs the agreement properties of every implemented rule and regularizer under
 * every preset against the production implementation on the chosen backend, and reports, per output,
 * the largest error measured next to the derived bound.
 *
 * @module
 */
import fc from 'fast-check';
import {
  catalogue,
  OptionError,
  presetOf,
  PRESET_NAMES,
  type CatalogueEntry,
  type PresetName,
} from '../../core/catalogue/index.js';
import { oracleRules } from '../../oracle/rules/index.js';
import { production, type Implementation } from '../gate/implementation.js';
import { newTally, oneStepProperty, trajectoryProperty, type Tally } from '../gate/properties.js';
import { productionRules } from '../production/rules/index.js';
import { isRegularizer, REGULARIZER_PROPERTY, regularizerProperty, regularizers } from '../gate/regularizers/index.js';
import { useBackend } from '../production/tfjs/backend.js';
import { checkMaxSeconds, startClock, type ProgressListener, type StoppedAt } from '../gate/progress.js';
import { checkRuns, checkSeed } from '../gate/seed-range.js';
import type { Shard } from '../gate/bound-table.js';

type PropertyFactory = (
  impl: Implementation,
  e: CatalogueEntry,
  p: PresetName,
  tally: Tally,
) => fc.IProperty<[unknown]>;

/** The properties `check` runs, by name. */
export const PROPERTIES: Record<'one-step' | 'one-step-nonfinite' | 'trajectory', PropertyFactory> = {
  'one-step': (impl: Implementation, e: CatalogueEntry, p: PresetName, tally: Tally) =>
    oneStepProperty(impl, e, p, tally),
  'one-step-nonfinite': (impl: Implementation, e: CatalogueEntry, p: PresetName, tally: Tally) =>
    oneStepProperty(impl, e, p, tally, { nonfinite: true }),
  trajectory: (impl: Implementation, e: CatalogueEntry, p: PresetName, tally: Tally) =>
    trajectoryProperty(impl, e, p, tally),
};

/** A property's name. */
export type PropertyName = keyof typeof PROPERTIES;

/** Options of {@link runCheck}. */
export interface CheckOptions {
  /** Only this rule or regularizer. */
  readonly rule?: string | undefined;
  /** Only this preset; without `rule`, the rules and regularizers that have it. */
  readonly preset?: string | undefined;
  /** Only this property; it must apply to a selected rule or regularizer. */
  readonly property?: string | undefined;
  /** Cases per property: an integer ≥ 1. */
  readonly runs: number;
  /** fast-check seed, −2^31 ≤ seed ≤ 2^31 − 1 (src/gate/seed-range.ts). */
  readonly seed: number;
  /** fast-check path of one counterexample to replay; the options must select exactly one property. */
  readonly path?: string | undefined;
  readonly backend?: string | undefined;
  /** The implementation under test on the chosen backend (default: this project's production code). */
  readonly implementation?: (backend: string) => Implementation;
  /** Told before each property starts (units: properties) and once when the run ends. */
  readonly progress?: ProgressListener | undefined;
  /**
   * A time limit in seconds (> 0): past it no property starts (the first always does), and the
   * running one stops after its current case, counting the cases it made; a property cut before its
   * first case fails as not checked.
   */
  readonly maxSeconds?: number | undefined;
  /** Run only this slice of the selected properties ({@link shardOf}; default: all): integers 0 ≤ index < count. */
  readonly shard?: Shard | undefined;
}

/** What a sharded report was a shard of: the slice, and the options that chose the properties sliced. */
export interface CheckShard extends Shard {
  readonly selection: {
    readonly rule?: string | undefined;
    readonly preset?: string | undefined;
    readonly property?: string | undefined;
  };
}

/** One property's outcome. */
export interface PropertyOutcome {
  readonly name: string;
  /** False when a case failed, or when nothing was checked (`notChecked`). */
  readonly passed: boolean;
  /** Cases fast-check ran (those that passed, then the failing one). */
  readonly runs: number;
  /** Elements this property judged: the tally's compared + classified over its own cases. */
  readonly judged: number;
  readonly seed: number;
  readonly path?: string | undefined;
  readonly counterexample?: string;
  readonly error?: string;
  /** The command that replays a failure. */
  readonly replay?: string;
  /** Why the property checked nothing (a failure, with `passed` false and no counterexample). */
  readonly notChecked?: string;
  /** True when the time limit cut the property short; `runs` counts the cases it made. */
  readonly interrupted?: boolean;
}

/** The outcome of one rule under one preset. */
export interface RuleOutcome {
  readonly rule: string;
  readonly preset: PresetName;
  readonly properties: PropertyOutcome[];
  readonly tally: Tally;
}

/** The whole report. */
export interface CheckReport {
  readonly implementation: string;
  readonly backend: string;
  readonly seed: number;
  readonly runs: number;
  readonly results: RuleOutcome[];
  readonly passed: number;
  /** Properties that failed, those that checked nothing included. */
  readonly failed: number;
  /** Present when the time limit stopped the run: the properties checked and those never started. */
  readonly stoppedAt?: StoppedAt;
  /** Present when the run was one shard of several (count > 1): which, and of what selection. */
  readonly shard?: CheckShard;
}

/** Rules that have both an oracle and a production implementation, then the regularizers, filtered by `--rule`. */
function selectedEntries(rule: string | undefined): CatalogueEntry[] {
  const implemented = [
    ...catalogue.filter(
      (e) => oracleRules[e.name] !== undefined && (productionRules[e.name] !== undefined || e.needsObjective === true),
    ),
    ...regularizers,
  ];
  if (rule === undefined) return implemented;
  const found = implemented.filter((e) => e.name === rule);
  if (found.length === 0)
    throw new OptionError(`unknown rule '${rule}'; implemented: ${implemented.map((e) => e.name).join(', ')}`);
  return found;
}

function selectedProperties(name: string | undefined): string[] {
  const all = [...Object.keys(PROPERTIES), REGULARIZER_PROPERTY];
  if (name === undefined) return all;
  if (!all.includes(name)) throw new OptionError(`unknown property '${name}'; known: ${all.join(', ')}`);
  return [name];
}

/** The properties an entry has in `check`: the rules' three, or the regularizers' agreement. */
function propertiesOf(entry: CatalogueEntry, selected: readonly string[]): string[] {
  return selected.filter((p) => (isRegularizer(entry) ? p === REGULARIZER_PROPERTY : p !== REGULARIZER_PROPERTY));
}

/** One rule or regularizer under one preset, with the properties to run on it. */
interface Unit {
  readonly entry: CatalogueEntry;
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
  return plan(options).flatMap((u) => u.names.map((property) => ({ rule: u.entry.name, preset: u.preset, property })));
}

/** Properties in the order shards deal them out: one-step, one-step-nonfinite, trajectory, agreement. */
const DEALING_ORDER: readonly string[] = [...Object.keys(PROPERTIES), REGULARIZER_PROPERTY];

/**
 * The positions in `planned` that shard `index` of `count` runs. The properties are dealt round-robin
 * (position k of the deal goes to shard k mod count) after sorting them by kind (every one-step
 * property first, then one-step-nonfinite, trajectory, agreement), so that each shard gets about
 * 1/count of each kind: a trajectory costs far more than a one-step property, and a deal in run order
 * would give shard 2 of 3 every trajectory. Each property keeps its seed and runs, so the shards
 * together run exactly the cases of one unsharded run.
 */
export function shardOf(planned: readonly PlannedProperty[], shard: Shard): Set<number> {
  const dealt = planned
    .map((_, i) => i)
    .sort((a, b) => DEALING_ORDER.indexOf(planned[a]!.property) - DEALING_ORDER.indexOf(planned[b]!.property) || a - b);
  return new Set(dealt.filter((_, k) => k % shard.count === shard.index));
}

/** Throws an {@link OptionError} unless `shard` is integers 0 ≤ index < count and, when count > 1, selects a property and no --path is given. */
function checkShard(shard: Shard, planned: number, path: string | undefined): void {
  const { index, count } = shard;
  if (!Number.isSafeInteger(index) || !Number.isSafeInteger(count) || index < 0 || index >= count)
    throw new OptionError(`shard takes i/n with integers 0 ≤ i < n, got ${index}/${count}`);
  if (count > 1 && path !== undefined) throw new OptionError('--path replays one property; it takes no --shard');
  if (index >= planned)
    throw new OptionError(
      `shard ${index}/${count} selects no property: the options select ${planned} properties, so at most ${planned} shards`,
    );
}

/** What the options select; throws an {@link OptionError} when they select no property, or a --path more than one. */
function plan(options: Pick<CheckOptions, 'rule' | 'preset' | 'property' | 'path'>): Unit[] {
  const entries = selectedEntries(options.rule);
  const properties = selectedProperties(options.property);
  if (
    options.preset !== undefined &&
    options.rule === undefined &&
    !(PRESET_NAMES as readonly string[]).includes(options.preset)
  ) {
    throw new OptionError(`unknown preset '${options.preset}'; known: ${PRESET_NAMES.join(', ')}`);
  }
  const units: Unit[] = [];
  for (const entry of entries) {
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
        : [presetOf(entry, options.preset)];
    const names = propertiesOf(entry, properties);
    if (names.length > 0) units.push(...presets.map((preset) => ({ entry, preset, names })));
  }
  if (units.length === 0) {
    const under = options.preset === undefined ? '' : ` under preset '${options.preset}'`;
    const property = options.property === undefined ? 'a property' : `property '${options.property}'`;
    const what =
      options.rule === undefined
        ? `no rule or regularizer${under} has ${property}`
        : `${options.rule}${under} has no ${property}`;
    const own =
      entries.length === 1
        ? `; its properties: ${propertiesOf(entries[0]!, selectedProperties(undefined)).join(', ')}`
        : '';
    throw new OptionError(`nothing to check: ${what}${own}`);
  }
  const count = units.reduce((n, u) => n + u.names.length, 0);
  if (options.path !== undefined && count !== 1) {
    throw new OptionError(
      `--path replays one property's counterexample; the options select ${count} properties (give --rule, --preset and --property)`,
    );
  }
  return units;
}

/** Elements a tally has judged: compared against the bound, or by IEEE class. */
function judgedIn(tally: Tally): number {
  return Object.values(tally.outputs).reduce((n, m) => n + m.compared + m.classified, 0);
}

/** Why a run of no case or no judged element checked nothing. */
function nothingChecked(r: fc.RunDetails<unknown[]>, judged: number, options: CheckOptions): string | undefined {
  if (r.counterexample !== null) return undefined;
  if (r.numRuns === 0) {
    if (options.path !== undefined)
      return `not checked: --path ${options.path} leads to no case of this property with seed ${options.seed}`;
    if (r.interrupted) return `not checked: stopped at the time limit (${options.maxSeconds} s) before a case ran`;
    return 'not checked: fast-check ran no case';
  }
  if (judged === 0)
    return `not checked: its ${r.numRuns} cases judged no element (every output outside the analysed domain)`;
  return undefined;
}

/** Runs one property on a fresh count of judged elements and reports its outcome. */
function runProperty(
  property: fc.IProperty<unknown[]>,
  tally: Tally,
  unit: Unit,
  name: string,
  backend: string,
  options: CheckOptions,
  interruption: object,
): PropertyOutcome {
  const before = judgedIn(tally);
  const r = fc.check(property, {
    seed: options.seed,
    numRuns: options.runs,
    ...interruption,
    ...(options.path === undefined ? {} : { path: options.path, endOnFailure: true }),
  });
  const judged = judgedIn(tally) - before;
  const cut = r.interrupted ? { interrupted: true } : {};
  const empty = nothingChecked(r, judged, options);
  if (empty !== undefined)
    return { name, passed: false, runs: r.numRuns, judged, seed: r.seed, error: empty, notChecked: empty, ...cut };
  if (!r.failed) return { name, passed: true, runs: r.numRuns, judged, seed: r.seed, ...cut };
  return {
    name,
    passed: false,
    runs: r.numRuns,
    judged,
    seed: r.seed,
    path: r.counterexamplePath ?? undefined,
    counterexample: r.counterexample === null ? undefined : fc.stringify(r.counterexample[0]),
    error: r.errorInstance instanceof Error ? r.errorInstance.message : String(r.errorInstance),
    replay: `npx optim-oracle check --rule ${unit.entry.name} --preset ${unit.preset} --property ${name} --backend ${backend} --seed ${r.seed} --path ${r.counterexamplePath} --runs ${options.runs}`,
    ...cut,
  };
}

/**
 * Runs the selected properties and returns the report. Throws an {@link OptionError} on bad options:
 * runs not an integer ≥ 1, a seed outside −2^31…2^31 − 1, an unknown rule, preset or property, a
 * selection no property applies to, a --path with more than one property selected, a time limit ≤ 0,
 * a shard that is not 0 ≤ index < count, selects no property, or comes with a --path. With a shard it
 * runs only that shard's properties ({@link shardOf}), each exactly as the unsharded run would.
 * A property that ran no case or judged no element fails, with `notChecked` saying why.
 */
export async function runCheck(options: CheckOptions): Promise<CheckReport> {
  checkRuns(options.runs);
  checkSeed(options.seed);
  checkMaxSeconds(options.maxSeconds);
  const units = plan(options);
  const shard = options.shard ?? { index: 0, count: 1 };
  const planned = units.reduce((n, u) => n + u.names.length, 0);
  checkShard(shard, planned, options.path);
  const mine = shardOf(plannedProperties(options), shard);
  let position = 0;
  const sliced = units
    .map((u) => ({ ...u, names: u.names.filter(() => mine.has(position++)) }))
    .filter((u) => u.names.length > 0);
  const backend = await useBackend(options.backend);
  const impl = (options.implementation ?? production)(backend);
  const clock = startClock(options.maxSeconds);
  const total = mine.size;
  const results: RuleOutcome[] = [];
  const notChecked: string[] = [];
  let done = 0;
  for (const unit of sliced) {
    const tally = newTally();
    const outcomes: PropertyOutcome[] = [];
    for (const name of unit.names) {
      const label = `${unit.entry.name}/${unit.preset} ${name}`;
      if (done > 0 && clock.expired()) {
        notChecked.push(label);
        continue;
      }
      options.progress?.({
        done,
        total,
        current: `${label} (${options.runs} cases)`,
        elapsedSeconds: clock.elapsedSeconds(),
      });
      const property = isRegularizer(unit.entry)
        ? regularizerProperty(unit.entry, unit.preset, tally, `optim-oracle on ${backend}`)
        : PROPERTIES[name as PropertyName](impl, unit.entry, unit.preset, tally);
      const outcome = runProperty(
        property as fc.IProperty<unknown[]>,
        tally,
        unit,
        name,
        backend,
        options,
        clock.interruption(),
      );
      if (outcome.interrupted === true) clock.cut();
      outcomes.push(outcome);
      done += 1;
    }
    if (outcomes.length > 0) results.push({ rule: unit.entry.name, preset: unit.preset, properties: outcomes, tally });
  }
  options.progress?.({ done, total, current: '', elapsedSeconds: clock.elapsedSeconds() });
  const all = results.flatMap((r) => r.properties);
  return {
    implementation: impl.name,
    backend,
    seed: options.seed,
    runs: options.runs,
    results,
    passed: all.filter((p) => p.passed).length,
    failed: all.filter((p) => !p.passed).length,
    ...(notChecked.length === 0 ? {} : { stoppedAt: { maxSeconds: options.maxSeconds!, checked: done, notChecked } }),
    ...(shard.count === 1
      ? {}
      : { shard: { ...shard, selection: { rule: options.rule, preset: options.preset, property: options.property } } }),
  };
}
