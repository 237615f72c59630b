/**
 * `optim-oracle claims`: checks every claim of the papers (src/claims/) and prints each with its
 * verdict: holds, refuted (with fast-check's minimal counterexample in decimal and float32 hex), or
 * holds with the bound found.
 *
 * @module
 */
import { selectClaims, type Claim, type ClaimResult } from '../claims/index.js';
import { useBackend } from '../tfjs/backend.js';

/** Options of a claims run. */
export interface ClaimsOptions {
  /** Only the claims whose id starts with this. */
  readonly claim?: string | undefined;
  readonly runs?: number | undefined;
  readonly seed: number;
  /** Replays one counterexample (with `claim` naming one claim). */
  readonly path?: string | undefined;
  readonly backend?: string | undefined;
  readonly progress?: ((line: string) => void) | undefined;
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
  /** Claims whose verdict differs from the one docs/claims.md reports. */
  readonly surprises: number;
}

/** Checks the selected claims. */
export async function runClaims(options: ClaimsOptions): Promise<ClaimsReport> {
  const chosen = selectClaims(options.claim);
  if (options.path !== undefined && chosen.length !== 1) throw new RangeError(`--path replays one claim's counterexample; --claim matches ${chosen.length} claims`);
  const backend = await useBackend(options.backend);
  const outcomes: ClaimOutcome[] = [];
  for (const [i, claim] of chosen.entries()) {
    options.progress?.(`[${i + 1}/${chosen.length}] ${claim.id}`);
    const start = performance.now();
    const result = await claim.check({ seed: options.seed, backend, ...(options.runs === undefined ? {} : { runs: options.runs }), ...(options.path === undefined ? {} : { path: options.path }) });
    outcomes.push({ id: claim.id, statement: claim.statement, source: claim.source, on: claim.on, expected: claim.expected, ...result, seconds: (performance.now() - start) / 1000 });
  }
  return { seed: options.seed, backend, outcomes, surprises: outcomes.filter((o) => o.verdict !== o.expected).length };
}
