/**
 * `optim-oracle check`: runs the agreement properties of every implemented rule and regularizer under
 * every preset against the production implementation on the chosen backend, and reports, per output,
 * the largest error measured next to the derived bound.
 *
 * @module
 */
import fc from 'fast-check';
import { catalogue, presetOf, PRESET_NAMES, type CatalogueEntry, type PresetName } from '../catalogue/index.js';
import { oracleRules } from '../../oracle/rules/index.js';
import { production, type Implementation } from '../gate/implementation.js';
import { newTally, oneStepProperty, trajectoryProperty, type Tally } from '../gate/properties.js';
import { productionRules } from '../rules/index.js';
import { isRegularizer, REGULARIZER_PROPERTY, regularizerProperty, regularizers } from '../gate/regularizers/index.js';
import { useBackend } from '../tfjs/backend.js';

type PropertyFactory = (impl: Implementation, e: CatalogueEntry, p: PresetName, tally: Tally) => fc.IProperty<[unknown]>;

/** The properties `check` runs, by name. */
export const PROPERTIES: Record<'one-step' | 'one-step-nonfinite' | 'trajectory', PropertyFactory> = {
  'one-step': (impl: Implementation, e: CatalogueEntry, p: PresetName, tally: Tally) => oneStepProperty(impl, e, p, tally),
  'one-step-nonfinite': (impl: Implementation, e: CatalogueEntry, p: PresetName, tally: Tally) => oneStepProperty(impl, e, p, tally, { nonfinite: true }),
  trajectory: (impl: Implementation, e: CatalogueEntry, p: PresetName, tally: Tally) => trajectoryProperty(impl, e, p, tally),
};

/** A property's name. */
export type PropertyName = keyof typeof PROPERTIES;

/** Options of {@link runCheck}. */
export interface CheckOptions {
  readonly rule?: string;
  readonly preset?: string;
  readonly property?: string;
  readonly runs: number;
  readonly seed: number;
  readonly path?: string;
  readonly backend?: string;
  /** The implementation under test on the chosen backend (default: this project's production code). */
  readonly implementation?: (backend: string) => Implementation;
  /** Called with a short progress line while properties run. */
  readonly progress?: (line: string) => void;
}

/** One property's outcome. */
export interface PropertyOutcome {
  readonly name: string;
  readonly passed: boolean;
  readonly runs: number;
  readonly seed: number;
  readonly path?: string;
  readonly counterexample?: string;
  readonly error?: string;
  /** The command that replays a failure. */
  readonly replay?: string;
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
  readonly failed: number;
}

/** Rules that have both an oracle and a production implementation, then the regularizers, filtered by `--rule`. */
function selectedEntries(rule: string | undefined): CatalogueEntry[] {
  const implemented = [...catalogue.filter((e) => oracleRules[e.name] !== undefined && (productionRules[e.name] !== undefined || e.needsObjective === true)), ...regularizers];
  if (rule === undefined) return implemented;
  const found = implemented.filter((e) => e.name === rule);
  if (found.length === 0) throw new RangeError(`unknown rule '${rule}'; implemented: ${implemented.map((e) => e.name).join(', ')}`);
  return found;
}

function selectedProperties(name: string | undefined): string[] {
  const all = [...Object.keys(PROPERTIES), REGULARIZER_PROPERTY];
  if (name === undefined) return all;
  if (!all.includes(name)) throw new RangeError(`unknown property '${name}'; known: ${all.join(', ')}`);
  return [name];
}

/** The properties an entry has in `check`: the rules' three, or the regularizers' agreement. */
function propertiesOf(entry: CatalogueEntry, selected: readonly string[]): string[] {
  return selected.filter((p) => (isRegularizer(entry) ? p === REGULARIZER_PROPERTY : p !== REGULARIZER_PROPERTY));
}

/** Runs the selected properties and returns the report; throws on bad options. */
export async function runCheck(options: CheckOptions): Promise<CheckReport> {
  const entries = selectedEntries(options.rule);
  const properties = selectedProperties(options.property);
  const backend = await useBackend(options.backend);
  const impl = (options.implementation ?? production)(backend);
  const results: RuleOutcome[] = [];
  if (options.preset !== undefined && options.rule === undefined && !(PRESET_NAMES as readonly string[]).includes(options.preset)) {
    throw new RangeError(`unknown preset '${options.preset}'; known: ${PRESET_NAMES.join(', ')}`);
  }
  for (const entry of entries) {
    // Without --rule, --preset selects the rules that have that preset.
    if (options.preset !== undefined && options.rule === undefined && entry.presets[options.preset as PresetName] === undefined) continue;
    const presets = options.preset === undefined ? PRESET_NAMES.filter((p) => entry.presets[p] !== undefined) : [presetOf(entry, options.preset)];
    for (const preset of presets) {
      const tally = newTally();
      const outcomes: PropertyOutcome[] = [];
      const names = propertiesOf(entry, properties);
      if (names.length === 0) continue;
      for (const name of names) {
        options.progress?.(`${entry.name}/${preset} ${name} (${options.runs} cases)`);
        const property = isRegularizer(entry) ? regularizerProperty(entry, preset, tally, `optim-oracle on ${backend}`) : PROPERTIES[name as PropertyName](impl, entry, preset, tally);
        const r = fc.check(property as fc.IProperty<unknown[]>, {
          seed: options.seed,
          numRuns: options.runs,
          ...(options.path === undefined ? {} : { path: options.path, endOnFailure: true }),
        });
        outcomes.push(
          r.failed
            ? {
                name,
                passed: false,
                runs: r.numRuns,
                seed: r.seed,
                path: r.counterexamplePath ?? undefined,
                counterexample: r.counterexample === null ? undefined : fc.stringify(r.counterexample[0]),
                error: r.errorInstance instanceof Error ? r.errorInstance.message : String(r.errorInstance),
                replay: `npx optim-oracle check --rule ${entry.name} --preset ${preset} --property ${name} --backend ${backend} --seed ${r.seed} --path ${r.counterexamplePath} --runs ${options.runs}`,
              }
            : { name, passed: true, runs: r.numRuns, seed: r.seed },
        );
      }
      results.push({ rule: entry.name, preset, properties: outcomes, tally });
    }
  }
  const all = results.flatMap((r) => r.properties);
  return { implementation: impl.name, backend, seed: options.seed, runs: options.runs, results, passed: all.filter((p) => p.passed).length, failed: all.filter((p) => !p.passed).length };
}
