/**
 * `optim-oracle claims`: checks every claim of the papers (src/claims/) and prints each with its
 * verdict: holds, refuted (with fast-check's minimal counterexample in decimal and float32 hex), or
 * holds with the bound found.
 *
 * @module
 */
import { OptionError } from '../../core/catalogue/errors.js';
import { selectClaims, type Claim, type ClaimResult } from '../claims/index.js';
import {
  checkMaxSeconds,
  startClock,
  stoppedAtField,
  type ProgressListener,
  type StoppedAt,
} from '../gate/progress.js';
import { checkRuns, checkSeed } from '../gate/seed-range.js';
import { useBackend } from '../production/tfjs/backend.js';

/** Options of a claims run. */
export interface ClaimsOptions {
  /** The claim with this id, or else the claims whose id starts with it. */
  readonly claim?: string | undefined;
  /** Cases per property, an integer ≥ 1 (default: each claim's own). */
  readonly runs?: number | undefined;
  /** fast-check seed, −2^31 ≤ seed ≤ 2^31 − 1 (src/gate/seed-range.ts). */
  readonly seed: number;
  /** Replays one counterexample (with `claim` selecting exactly one claim). */
  readonly path?: string | undefined;
  readonly backend?: string | undefined;
  /** Told before each claim starts (units: claims) and once when the run ends. */
  readonly progress?: ProgressListener | undefined;
  /**
   * A time limit in seconds (> 0): past it no claim starts (the first always does), and the running
   * one stops after its current case; a claim cut before its first case is `not checked`.
   */
  readonly maxSeconds?: number | undefined;
}

/** One claim's outcome. */
export interface ClaimOutcome extends ClaimResult {
  readonly id: string;
  readonly statement: string;
  readonly source: string;
  readonly on: Claim['on'];
  /** The verdict docs/claims.md reports; `verdict` differing from it is a surprise. */
  readonly expected: Claim['expected'];
  readonly seconds: number;
}

/** A claims run. */
export interface ClaimsReport {
  readonly seed: number;
  readonly backend: string;
  readonly outcomes: readonly ClaimOutcome[];
  /** Claims whose verdict differs from the one docs/claims.md reports (`not checked` always does). */
  readonly surprises: number;
  /** Present when the time limit stopped the run: the claims checked and the ids of those never started. */
  readonly stoppedAt?: StoppedAt;
}

/**
 * Checks the selected claims. Throws an {@link OptionError} on bad options: runs not an integer ≥ 1,
 * a seed outside −2^31…2^31 − 1, a claim prefix that matches nothing, a --path with other than one
 * claim selected, a time limit ≤ 0. A claim that checked no case gets the verdict `not checked`.
 */
export async function runClaims(options: ClaimsOptions): Promise<ClaimsReport> {
  if (options.runs !== undefined) checkRuns(options.runs);
  checkSeed(options.seed);
  checkMaxSeconds(options.maxSeconds);
  const chosen = selectClaims(options.claim);
  if (options.path !== undefined && chosen.length !== 1)
    throw new OptionError(`--path replays one claim's counterexample; --claim matches ${chosen.length} claims`);
  const backend = await useBackend(options.backend);
  const clock = startClock(options.maxSeconds);
  const outcomes: ClaimOutcome[] = [];
  const notChecked: string[] = [];
  for (const [i, claim] of chosen.entries()) {
    if (outcomes.length > 0 && clock.expired()) {
      notChecked.push(claim.id);
      continue;
    }
    options.progress?.({ done: i, total: chosen.length, current: claim.id, elapsedSeconds: clock.elapsedSeconds() });
    const start = performance.now();
    const limit = clock.interruption().interruptAfterTimeLimit;
    const result = await claim.check({
      seed: options.seed,
      backend,
      ...(options.runs === undefined ? {} : { runs: options.runs }),
      ...(options.path === undefined ? {} : { path: options.path }),
      ...(limit === undefined ? {} : { timeLimitMs: limit }),
    });
    if (result.interrupted === true) clock.cut();
    outcomes.push({
      id: claim.id,
      statement: claim.statement,
      source: claim.source,
      on: claim.on,
      expected: claim.expected,
      ...result,
      seconds: (performance.now() - start) / 1000,
    });
  }
  options.progress?.({
    done: outcomes.length,
    total: chosen.length,
    current: '',
    elapsedSeconds: clock.elapsedSeconds(),
  });
  return {
    seed: options.seed,
    backend,
    outcomes,
    surprises: outcomes.filter((o) => o.verdict !== o.expected).length,
    ...stoppedAtField(options.maxSeconds, outcomes.length, notChecked),
  };
}
