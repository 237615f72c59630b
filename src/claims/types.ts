/**
 * A claim from the papers, as the suite checks it: a statement, where it comes from, what it is
 * checked on (the exact oracle, or float32 production within a derived bound), and a verdict.
 *
 * @module
 */

/**
 * The answers a claim can get: the three a check can reach, or `not checked` when it judged no case
 * (a replay path that leads to no case, a time limit reached before a case ran, every case outside
 * the analysed domain), which is never an expected verdict.
 */
export type Verdict = 'holds' | 'refuted' | 'holds with bound' | 'not checked';

/** The verdicts docs/claims.md can report. */
export type CheckedVerdict = Exclude<Verdict, 'not checked'>;

/** One value of a counterexample: a binary32 value (printed in decimal and hex), an integer, or a name (a rule). */
export type NamedValue =
  | { readonly name: string; readonly value: number; readonly kind: 'float32' | 'integer' }
  | { readonly name: string; readonly value: string; readonly kind: 'text' };

/** What checking a claim found. */
export interface ClaimResult {
  readonly verdict: Verdict;
  /** Cases fast-check ran (or samples drawn, for a statistical claim). */
  readonly cases: number;
  /** The bound the claim holds with, as a formula (verdict `holds with bound`). */
  readonly bound?: string;
  /** Numbers measured while checking: the largest error against the bound, the margin found. */
  readonly measured?: string;
  /** The minimal counterexample fast-check shrank to (verdict `refuted`). */
  readonly counterexample?: readonly NamedValue[];
  /** Why the counterexample refutes the claim, with the exact numbers. */
  readonly reason?: string;
  /** fast-check's seed and path, to replay the counterexample. */
  readonly seed: number;
  readonly path?: string;
  /** True when the time limit cut the check short; `cases` counts the cases it made. */
  readonly interrupted?: boolean;
}

/** Settings of one run of the claims. */
export interface ClaimOptions {
  /** fast-check seed (`OPTIM_ORACLE_SEED`). */
  readonly seed: number;
  /** Cases per property; each claim has its own default. */
  readonly runs?: number;
  /** fast-check's path of a counterexample to replay (with its seed). */
  readonly path?: string;
  /** The TensorFlow.js backend float32 claims run on (already active). */
  readonly backend: string;
  /**
   * Milliseconds after which fast-check stops after its current case, counting the cases made
   * (`interruptAfterTimeLimit` with `markInterruptAsFailure: false`); no limit when undefined.
   */
  readonly timeLimitMs?: number;
}

/** A claim and how to check it. */
export interface Claim {
  /** Stable name, `group/claim[/float32]`. */
  readonly id: string;
  /** The paper's statement, or the equivalence, in one line. */
  readonly statement: string;
  /** Where it is stated. */
  readonly source: string;
  /** `oracle` (exact, no tolerance) or `float32` (production, within a derived bound). */
  readonly on: 'oracle' | 'float32';
  /** The verdict this project reports for it (docs/claims.md); a different verdict is a finding to look into. */
  readonly expected: CheckedVerdict;
  check(options: ClaimOptions): ClaimResult | Promise<ClaimResult>;
}
