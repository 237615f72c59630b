/**
 * The error-bound table (in the spirit of glibc's libm-test-ulps): per rule, preset and output, the
 * derived bound and the largest error measured, both in units of u·S, and the largest ratio of an
 * error to its own case's bound. `optim-oracle bounds --write` re-measures and rewrites it.
 *
 * The bound is derived per case (docs/error-analysis.md), so the table records its largest value over
 * the measured cases next to the largest error; the tightness criterion is per case: the largest
 * error/bound ratio must reach 1/8, or the row says why it cannot.
 *
 * @module
 */
import fc from 'fast-check';
import { catalogue, PRESET_NAMES } from '../catalogue/index.js';
import { oracleRules } from '../../oracle/rules/index.js';
import { productionRules } from '../rules/index.js';
import type { Implementation } from './implementation.js';
import { newTally, oneStepProperty } from './properties.js';

/** The file the table lives in, relative to the package root. */
export const BOUND_TABLE_PATH = 'fixtures/error-bounds.json';

/** The smallest largest-error/bound ratio that counts as tight (a bound at most 8 times the error). */
export const TIGHTNESS = 1 / 8;

/** One row of the table. */
export interface BoundRow {
  readonly rule: string;
  readonly preset: string;
  readonly output: string;
  /** Elements judged against the bound. */
  readonly compared: number;
  /** Largest |production − oracle| / (u·S + η). */
  readonly maxError: number;
  /** Largest derived bound / (u·S + η). */
  readonly maxBound: number;
  /** Largest |production − oracle| / bound; at most 1. */
  readonly maxRatio: number;
  /** Why the bound cannot be tighter, where maxRatio < 1/8. */
  readonly looseBecause?: string;
}

/** The table with how it was made. */
export interface BoundTable {
  readonly command: string;
  readonly implementation: string;
  readonly seed: number;
  readonly casesPerPreset: number;
  readonly rows: BoundRow[];
}

/** Why some bounds are looser than 1/8 of the error measured, by rule/preset/output. */
export const LOOSE_BECAUSE: Readonly<Record<string, string>> = {};

/** Every rule and preset with both an oracle and a production implementation. */
export function measuredConfigurations(): Array<{ rule: string; preset: (typeof PRESET_NAMES)[number] }> {
  return catalogue
    .filter((e) => oracleRules[e.name] !== undefined && (productionRules[e.name] !== undefined || e.needsObjective === true))
    .flatMap((e) => PRESET_NAMES.filter((p) => e.presets[p] !== undefined).map((preset) => ({ rule: e.name, preset })));
}

/** Which part of the configurations to measure: shard `index` of `count` (every count-th, from index). */
export interface Shard {
  readonly index: number;
  readonly count: number;
}

/** Measures the table: `cases` one-step cases from finite states per rule and preset (or one shard of them). */
export function measureBoundTable(impl: Implementation, cases: number, seed: number, progress?: (line: string) => void, shard: Shard = { index: 0, count: 1 }): BoundTable {
  const rows: BoundRow[] = [];
  const configurations = measuredConfigurations().filter((_, i) => i % shard.count === shard.index);
  for (const { rule, preset } of configurations) {
    progress?.(`${rule}/${preset}`);
    const tally = newTally();
    const entry = catalogue.find((e) => e.name === rule)!;
    fc.assert(oneStepProperty(impl, entry, preset, tally), { numRuns: cases, seed });
    for (const [output, m] of Object.entries(tally.outputs)) {
      const key = `${rule}/${preset}/${output}`;
      const row: BoundRow = { rule, preset, output, compared: m.compared, maxError: m.maxError, maxBound: m.maxBound, maxRatio: m.maxRatio };
      rows.push(LOOSE_BECAUSE[key] === undefined ? row : { ...row, looseBecause: LOOSE_BECAUSE[key] });
    }
  }
  return { command: `npx optim-oracle bounds --write --runs ${cases} --seed ${seed}`, implementation: impl.name, seed, casesPerPreset: cases, rows };
}
