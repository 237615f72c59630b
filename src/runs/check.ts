/**
 * `optim-oracle check`: runs the agreement properties of every rule and regularizer of the registry
 * under every preset against the production implementation on the chosen backend, and reports, per
 * output, the largest error measured next to the derived bound. The selection is planned in
 * ./check-plan.ts; the report's types are in ./check-types.ts.
 *
 * @module
 */
import fc from 'fast-check';
import { OptionError } from '../../core/catalogue/index.js';
import { savedCaseOf, type SavedCase } from '../gate/saved-case.js';
import { production, type FailedProperty } from '../gate/implementation.js';
import { checkMaxSeconds, startClock, stoppedAtField } from '../gate/progress.js';
import { DisagreementError, newTally, type Tally } from '../gate/properties.js';
import { checkRuns, checkSeed } from '../gate/seed-range.js';
import { propertyFor, unitsFor } from './implementation-plan.js';
import { useBackend } from '../production/tfjs/backend.js';
import { checkPathSelectsOne, checkShard, plan, propertiesOfUnits, shardOf, type Unit } from './check-plan.js';
import {
  REPORT_SCHEMA_VERSION,
  type CheckOptions,
  type CheckReport,
  type PropertyOutcome,
  type RuleOutcome,
  tierOf,
} from './check-types.js';

/** The `case` field of a failure: its counterexample as a saved case, when it is one (./saved-case.ts). */
function savedCaseField(counterexample: unknown): { case?: SavedCase } {
  const saved = savedCaseOf(counterexample);
  return saved === undefined ? {} : { case: saved };
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
async function runProperty(
  property: fc.IProperty<unknown[]> | fc.IAsyncProperty<unknown[]>,
  tally: Tally,
  unit: Unit,
  name: string,
  replay: (failure: FailedProperty) => string,
  options: CheckOptions,
  interruption: object,
): Promise<PropertyOutcome> {
  const before = judgedIn(tally);
  const r = await fc.check(property, {
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
    ...savedCaseField(r.counterexample?.[0]),
    error: r.errorInstance instanceof Error ? r.errorInstance.message : String(r.errorInstance),
    ...(r.errorInstance instanceof DisagreementError ? { failure: r.errorInstance.failure } : {}),
    replay: replay({
      rule: unit.record.entry.name,
      preset: unit.preset,
      property: name,
      seed: r.seed,
      path: r.counterexamplePath ?? '',
      runs: options.runs,
    }),
    ...cut,
  };
}

/** The report's `broken` field: why the implementation broke, and what was never run. */
function brokenField(error: Error | undefined, notChecked: readonly string[]) {
  return error === undefined ? {} : { broken: { message: error.message, notChecked: [...notChecked] } };
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
  const backend = await useBackend(options.backend);
  const impl = (options.implementation ?? production)(backend);
  const excluded = new Set(options.excludeProperties ?? []);
  const units = unitsFor(plan({ ...options, path: undefined }), impl, excluded);
  if (units.length === 0) throw new OptionError(`${impl.name} implements none of the selected rules and presets`);
  checkPathSelectsOne(units, options.path);
  const replay = (f: FailedProperty) =>
    impl.replay?.(f) ??
    `npx optim-oracle check --rule ${f.rule} --preset ${f.preset} --property ${f.property} --backend ${backend} --seed ${f.seed} --path ${f.path} --runs ${f.runs}`;
  const shard = options.shard ?? { index: 0, count: 1 };
  const planned = units.reduce((n, u) => n + u.names.length, 0);
  checkShard(shard, planned, options.path);
  const mine = shardOf(propertiesOfUnits(units), shard);
  let position = 0;
  const sliced = units
    .map((u) => ({ ...u, names: u.names.filter(() => mine.has(position++)) }))
    .filter((u) => u.names.length > 0);
  const clock = startClock(options.maxSeconds);
  const total = mine.size;
  const results: RuleOutcome[] = [];
  const notChecked: string[] = [];
  const neverRun: string[] = [];
  let done = 0;
  for (const unit of sliced) {
    const { record, preset } = unit;
    const tally = newTally();
    const outcomes: PropertyOutcome[] = [];
    for (const name of unit.names) {
      const label = `${record.entry.name}/${preset} ${name}`;
      if (impl.broken?.() !== undefined) {
        neverRun.push(label);
        continue;
      }
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
      const property = propertyFor(impl, unit, name, tally, `optim-oracle on ${backend}`);
      const outcome = await runProperty(property, tally, unit, name, replay, options, clock.interruption());
      if (outcome.interrupted === true) clock.cut();
      outcomes.push(outcome);
      done += 1;
    }
    const tier = impl.supports === undefined ? {} : { tier: tierOf(tally) };
    if (outcomes.length > 0) results.push({ rule: record.entry.name, preset, properties: outcomes, tally, ...tier });
  }
  options.progress?.({ done, total, current: '', elapsedSeconds: clock.elapsedSeconds() });
  const all = results.flatMap((r) => r.properties);
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    implementation: impl.name,
    ...(impl.supports === undefined ? {} : { external: true }),
    backend,
    seed: options.seed,
    runs: options.runs,
    results,
    passed: all.filter((p) => p.passed).length,
    failed: all.filter((p) => !p.passed).length,
    ...brokenField(impl.broken?.(), neverRun),
    ...stoppedAtField(options.maxSeconds, done, notChecked),
    ...(shard.count === 1
      ? {}
      : { shard: { ...shard, selection: { rule: options.rule, preset: options.preset, property: options.property } } }),
  };
}
