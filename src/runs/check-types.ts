/**
 * The options and the report of `optim-oracle check` (src/runs/check.ts): what to run, and per rule
 * and preset, each property's outcome with the measures folded over its cases.
 *
 * @module
 */
import type { PresetName } from '../../core/catalogue/index.js';
import type { Shard } from '../gate/bound-table.js';
import type { AsyncImplementation } from '../gate/async-properties.js';
import type { SavedCase } from '../gate/saved-case.js';
import type { Implementation } from '../gate/implementation.js';
import type { ProgressListener, StoppedAt } from '../gate/progress.js';
import type { StructuredFailure } from '../gate/failure.js';
import type { Tally } from '../gate/properties.js';

/**
 * The version of the `--json` report's shape (check, gate, merge), written as `schemaVersion` and in
 * the JSON Schema fixtures/schema/report.schema.json (src/runs/report-schema.ts). It goes up when a
 * field changes meaning or is removed; adding an optional field keeps it.
 */
export const REPORT_SCHEMA_VERSION = 1;

/** Options of `runCheck`. */
export interface CheckOptions {
  /** Only this rule or regularizer. */
  readonly rule?: string | undefined;
  /** Only this preset; without `rule`, the rules and regularizers that have it. */
  readonly preset?: string | undefined;
  /** Only this property; it must apply to a selected rule or regularizer. */
  readonly property?: string | undefined;
  /** Properties not to run (the in-process gate's `typical` domain leaves out one-step-nonfinite). */
  readonly excludeProperties?: readonly string[] | undefined;
  /** Cases per property: an integer ≥ 1. */
  readonly runs: number;
  /** fast-check seed, −2^31 ≤ seed ≤ 2^31 − 1 (src/gate/seed-range.ts). */
  readonly seed: number;
  /** fast-check path of one counterexample to replay; the options must select exactly one property. */
  readonly path?: string | undefined;
  readonly backend?: string | undefined;
  /** The implementation under test on the chosen backend (default: this project's production code). */
  readonly implementation?: (backend: string) => Implementation | AsyncImplementation;
  /** Told before each property starts (units: properties) and once when the run ends. */
  readonly progress?: ProgressListener | undefined;
  /**
   * A time limit in seconds (> 0): past it no property starts (the first always does), and the
   * running one stops after its current case, counting the cases it made; a property cut before its
   * first case fails as not checked.
   */
  readonly maxSeconds?: number | undefined;
  /** Run only this slice of the selected properties (`shardOf`; default: all): integers 0 ≤ index < count. */
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
  /** The counterexample as a saved case (`optim-oracle gate --case FILE` replays it), when it is one. */
  readonly case?: SavedCase;
  readonly error?: string;
  /** The shrunk failure as data (a disagreement with the oracle; absent for an exception of another kind). */
  readonly failure?: StructuredFailure;
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
  /** The gate's verdict tier for this rule and preset ({@link tierOf}); absent for this project's production. */
  readonly tier?: Tier;
}

/**
 * The tier a rule and preset passed at: `exact` (every compared element bitwise the oracle's
 * correctly rounded value), `faithful-to-preset` (within the derived bound of the preset's own
 * operation order), `conforming` (some step only within the bound of another documented order,
 * src/gate/orders/).
 */
export type Tier = 'exact' | 'faithful-to-preset' | 'conforming';

/** The tier of a rule and preset's tally (its properties' pass or fail aside). */
export function tierOf(tally: Tally): Tier {
  if ((tally.conforming ?? 0) > 0) return 'conforming';
  const outputs = Object.values(tally.outputs);
  const exact = outputs.some((m) => m.compared > 0) && outputs.every((m) => m.maxError === 0);
  return exact ? 'exact' : 'faithful-to-preset';
}

/** The whole report. */
export interface CheckReport {
  /** {@link REPORT_SCHEMA_VERSION}. */
  readonly schemaVersion: number;
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
  /** True when the implementation is not this project's production (the gate's): the report names tiers. */
  readonly external?: boolean;
  /**
   * Present when the implementation broke for good (a program that left the protocol): why, and the
   * properties never started (the results before it are kept).
   */
  readonly broken?: { readonly message: string; readonly notChecked: readonly string[] };
}
