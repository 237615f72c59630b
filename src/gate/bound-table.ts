/**
 * The error-bound table (in the spirit of glibc's libm-test-ulps): per rule, preset and output, the
 * derived bound and the largest error measured, both in units of u·S, and the largest ratio of an
 * error to its own case's bound; its pairs are the update rules', the clippings' and the two stages
 * of Keras's wrapper (./bound-pairs.ts). `optim-oracle bounds --write` re-measures and rewrites it.
 *
 * The bound is derived per case (docs/error-analysis.md), so the table records its largest value over
 * the measured cases next to the largest error; the tightness criterion is per case: the largest
 * error/bound ratio must reach 1/8, or the row says why it cannot. Each row records the configuration
 * it was measured under (./bound-selection.ts), and `--rule`, `--preset` measure a part of the table
 * (./bound-splice.ts puts it in place).
 *
 * @module
 */
import fc from 'fast-check';
import { OptionError } from '../../core/catalogue/index.js';
import { measuredConfigurations, type PropertyRun } from './bound-pairs.js';
import { isPartial, selectPairs, selectionFlags, type BoundSelection } from './bound-selection.js';
import type { Implementation } from './implementation.js';
import { newTally } from './properties.js';
import {
  checkMaxSeconds,
  startClock,
  stoppedAtField,
  type ProgressListener,
  type RunClock,
  type StoppedAt,
} from './progress.js';
import { checkRuns, checkSeed } from './seed-range.js';
import { dealtBoundPairs } from './bound-costs.js';
import type { Shard } from './shard.js';

export type { Shard } from './shard.js';

/** The file the table lives in, relative to the package root. */
export const BOUND_TABLE_PATH = 'fixtures/error-bounds.json';

/** The smallest largest-error/bound ratio that counts as tight (a bound at most 8 times the error). */
export const TIGHTNESS = 1 / 8;

/** One row of the table. */
export interface BoundRow {
  readonly rule: string;
  readonly preset: string;
  readonly output: string;
  /** The preset's defaults and flags it was measured under (./bound-selection.ts `configurationText`). */
  readonly configuration: string;
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
  /**
   * Of the elements compared, those whose oracle value is not certified (either float32 neighbour of
   * an undecided rounding boundary; the error is measured from their midpoint); absent when none.
   */
  readonly uncertified?: number;
}

/** The table with how it was made. */
export interface BoundTable {
  readonly command: string;
  readonly implementation: string;
  readonly seed: number;
  readonly casesPerPreset: number;
  /** The part measured, when `--rule` or `--preset` chose one (absent: every pair, or a shard of them). */
  readonly selection?: BoundSelection;
  readonly rows: BoundRow[];
  /** Outputs that compared no element (they have no row), each with why. */
  readonly notMeasured?: readonly string[];
  /** Present when the time limit stopped the measurement: the pairs measured and those left out. */
  readonly stoppedAt?: StoppedAt;
}

/**
 * A measured case that left its derived bound (or its oracle's IEEE class): a finding about the
 * implementation, the bound or the oracle, never a table to write. The command line reports it as a
 * failure (exit status 1), with fast-check's seed and path.
 */
export class BoundExceededError extends Error {
  constructor(
    readonly pair: string,
    report: string,
  ) {
    super(`${pair}: a case left its derived bound; the table is not written\n${report}`);
    this.name = 'BoundExceededError';
  }
}

/** Why the clamp's bound cannot be tighter (clip-by-value under each of its presets). */
const CLAMP_EXACT =
  'min(max(g, −v), v) chooses g, −v or v and rounds nothing; v is the threshold taken in float64 and rounded once to float32, the correctly rounded value unless the float64 error moves it across a rounding boundary, which the bound allows and no case met (error 0)';

/** Why some bounds are looser than 1/8 of the error measured, by rule/preset/output. */
export const LOOSE_BECAUSE: Readonly<Record<string, string>> = {
  'asgd/pytorch/eta':
    'η is computed in float64 and rounded once to float32: the correctly rounded value unless the float64 error moves it across a rounding boundary, which the bound allows and no case met (error 0)',
  'asgd/pytorch/mu':
    'μ = 1/max(1, t − t0) is computed in float64 and rounded once to float32: as η, the correctly rounded value in every case measured (error 0)',
  'rprop/pytorch/prev':
    "the stored gradient is g or an exact 0, chosen by a selection, which rounds nothing (error 0 in every case); the bound is the chosen branch's, with the allowance every output keeps for the comparison",
  'clip-by-value/pytorch/grads': CLAMP_EXACT,
  'clip-by-value/keras/grads': CLAMP_EXACT,
};

/** Options of {@link measureBoundTable}. */
export interface BoundTableOptions {
  /** Cases per pair (./bound-pairs.ts: a rule's one-step cases, a clipping's, the wrapper's), an integer ≥ 1. */
  readonly cases: number;
  /** fast-check seed, −2^31 ≤ seed ≤ 2^31 − 1 (src/gate/seed-range.ts). */
  readonly seed: number;
  /** Told before each rule/preset pair starts (units: pairs) and once when the run ends. */
  readonly progress?: ProgressListener | undefined;
  /** The part to measure (default: all): integers with 0 ≤ index < count. */
  readonly shard?: Shard | undefined;
  /** Only the pairs of this rule, or under this preset, or both (default: all); not with a shard. */
  readonly selection?: BoundSelection | undefined;
  /**
   * A time limit in seconds (> 0): past it no pair starts (the first always does), and the running one stops after its
   * current case and is left out of the table (its rows would rest on fewer cases than the others').
   */
  readonly maxSeconds?: number | undefined;
}

function checkShard(shard: Shard): Shard {
  if (
    !Number.isSafeInteger(shard.index) ||
    !Number.isSafeInteger(shard.count) ||
    shard.index < 0 ||
    shard.index >= shard.count
  ) {
    throw new OptionError(`shard takes i/n with integers 0 ≤ i < n, got ${shard.index}/${shard.count}`);
  }
  return shard;
}

/** What a pair's runs did: the cases run, whether the time limit cut them, and fast-check's report of a failure. */
interface PairRun {
  readonly numRuns: number;
  readonly interrupted: boolean;
  readonly failure?: string;
}

/** Runs a pair's properties in order, each from `seed`; stops at the first that fails or is cut. */
function runPair(runs: readonly PropertyRun[], seed: number, clock: RunClock): PairRun {
  let numRuns = 0;
  for (const run of runs) {
    const r = fc.check(run.property, { numRuns: run.numRuns, seed, ...clock.interruption() });
    numRuns += r.numRuns;
    if (r.failed && r.counterexample !== null)
      return { numRuns, interrupted: false, failure: fc.defaultReportMessage(r) ?? 'a case left its bound' };
    if (r.interrupted) return { numRuns, interrupted: true };
  }
  return { numRuns, interrupted: false };
}

/**
 * Measures the table: `cases` cases per pair of ./bound-pairs.ts, drawn by the property `check` runs
 * on it (or the pairs a selection names, or one shard of them). Each pair's cases come from `seed`
 * alone, so a pair's rows are the same whichever other pairs are measured with it. A pair the time
 * limit cut short or never started is left out and listed in `stoppedAt`; an output of the pair that
 * judged no element has no row and is listed in `notMeasured`. Throws an
 * {@link OptionError} on bad options, and fast-check's report when a case leaves its bound.
 */
export function measureBoundTable(impl: Implementation, options: BoundTableOptions): BoundTable {
  const { cases, seed } = options;
  checkRuns(cases);
  checkSeed(seed);
  checkMaxSeconds(options.maxSeconds);
  const shard = checkShard(options.shard ?? { index: 0, count: 1 });
  const selection = isPartial(options.selection) ? options.selection : undefined;
  if (selection !== undefined && shard.count > 1)
    throw new OptionError('a shard divides the whole table; --rule and --preset select a part to measure whole');
  const rows: BoundRow[] = [];
  const notMeasured: string[] = [];
  const notChecked: string[] = [];
  const configurations = dealtBoundPairs(selectPairs(measuredConfigurations(), selection ?? {}), shard);
  const clock = startClock(options.maxSeconds);
  let done = 0;
  for (const pair of configurations) {
    const { rule, preset } = pair;
    if (done > 0 && clock.expired()) {
      notChecked.push(`${rule}/${preset}`);
      continue;
    }
    options.progress?.({
      done,
      total: configurations.length,
      current: `${rule}/${preset} (${cases} cases)`,
      elapsedSeconds: clock.elapsedSeconds(),
    });
    const tally = newTally();
    const ran = runPair(pair.runs(impl, cases, tally), seed, clock);
    done += 1;
    if (ran.failure !== undefined) throw new BoundExceededError(`${rule}/${preset}`, ran.failure);
    if (ran.interrupted) {
      clock.cut();
      notChecked.push(`${rule}/${preset} (cut after ${ran.numRuns} of ${cases} cases)`);
      continue;
    }
    for (const { output, tallied } of pair.outputs) {
      const key = `${rule}/${preset}/${output}`;
      const m = tally.outputs[tallied];
      if (m === undefined || m.compared === 0) {
        notMeasured.push(`${key}: no element compared against the bound in ${ran.numRuns} cases`);
        continue;
      }
      const row: BoundRow = {
        rule,
        preset,
        output,
        configuration: pair.configuration,
        compared: m.compared,
        maxError: m.maxError,
        maxBound: m.maxBound,
        maxRatio: m.maxRatio,
        ...(m.uncertified > 0 ? { uncertified: m.uncertified } : {}),
      };
      const looseBecause = LOOSE_BECAUSE[key];
      rows.push(looseBecause === undefined ? row : { ...row, looseBecause });
    }
  }
  options.progress?.({ done, total: configurations.length, current: '', elapsedSeconds: clock.elapsedSeconds() });
  return {
    command: `npx optim-oracle bounds --write --runs ${cases} --seed ${seed}${selectionFlags(selection)}`,
    implementation: impl.name,
    seed,
    casesPerPreset: cases,
    ...(selection === undefined ? {} : { selection: pickSelection(selection) }),
    rows,
    ...(notMeasured.length === 0 ? {} : { notMeasured }),
    ...stoppedAtField(options.maxSeconds, done, notChecked),
  };
}

/** The selection's rule and preset, without absent keys. */
function pickSelection({ rule, preset }: BoundSelection): BoundSelection {
  return { ...(rule === undefined ? {} : { rule }), ...(preset === undefined ? {} : { preset }) };
}

/**
 * What keeps a measured table from being complete, in words: outputs that compared nothing, pairs the
 * time limit left out, or no row at all. Empty when every selected pair was measured; a command must
 * fail (and not write the table) otherwise.
 */
export function boundTableProblems(table: BoundTable): string[] {
  return [
    ...(table.rows.length === 0 ? ['nothing measured: the table has no row'] : []),
    ...(table.notMeasured ?? []).map((x) => `not measured: ${x}`),
    ...(table.stoppedAt === undefined
      ? []
      : [
          `stopped at the time limit (${table.stoppedAt.maxSeconds} s) after ${table.stoppedAt.checked} rule/preset pairs; not measured: ${table.stoppedAt.notChecked.join(', ')}`,
        ]),
  ];
}
