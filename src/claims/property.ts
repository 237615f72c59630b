/**
 * Turning a fast-check property into a claim's verdict: `holds` (or `holds with bound`) when no case
 * fails, `refuted` with fast-check's shrunk counterexample otherwise, `not checked` when no case ran
 * or none was judged.
 *
 * @module
 */
import fc from 'fast-check';
import { hexText } from '../../oracle/binary32.js';
import type { ClaimOptions, ClaimResult, NamedValue } from './types.js';

/** How a claim's property is run and reported. */
export interface PropertyClaim<Ts extends unknown[]> {
  readonly property: fc.IProperty<Ts>;
  /** Default cases, used unless the options give a number. */
  readonly runs: number;
  /** The counterexample's values by name. */
  readonly describe: (args: Ts) => NamedValue[];
  /** Why a counterexample refutes the claim (exact numbers), computed once on the shrunk case. */
  readonly reason?: (args: Ts) => string;
  /** When no case fails: the bound the claim holds with, if it is one. */
  readonly bound?: string;
  /** When no case fails: what was measured. */
  readonly measured?: () => string;
  /**
   * Cases the property judged, for a property that passes the cases outside its domain unjudged;
   * when no case fails and this is 0, the claim was not checked.
   */
  readonly judged?: () => number;
}

/** Why a run that found no counterexample checked nothing, if it did not. */
function nothingChecked(
  r: Pick<fc.RunDetails<unknown[]>, 'numRuns' | 'interrupted'>,
  judged: number | undefined,
  options: ClaimOptions,
): string | undefined {
  if (r.numRuns === 0) {
    if (options.path !== undefined)
      return `not checked: --path ${options.path} leads to no case of this claim with seed ${options.seed}`;
    if (r.interrupted) return 'not checked: stopped at the time limit before a case ran';
    return 'not checked: fast-check ran no case';
  }
  if (judged === 0)
    return `not checked: none of its ${r.numRuns} cases was judged (all outside the domain the claim is checked on)`;
  return undefined;
}

/**
 * Runs `claim.property` with the seed and reports the verdict: `refuted` with the shrunk
 * counterexample, `not checked` when no case ran or none was judged, else `holds` (or `holds with
 * bound`). With `options.timeLimitMs`, fast-check stops after the case running at the limit and
 * `cases` counts the cases made.
 */
export function checkProperty<Ts extends unknown[]>(claim: PropertyClaim<Ts>, options: ClaimOptions): ClaimResult {
  const numRuns = options.runs ?? claim.runs;
  const r = fc.check(claim.property, {
    seed: options.seed,
    numRuns,
    ...(options.path === undefined ? {} : { path: options.path }),
    ...(options.timeLimitMs === undefined
      ? {}
      : { interruptAfterTimeLimit: Math.max(1, Math.ceil(options.timeLimitMs)), markInterruptAsFailure: false }),
  });
  const cut = r.interrupted ? { interrupted: true } : {};
  if (r.counterexample === null) {
    const empty = nothingChecked(r, claim.judged?.(), options);
    if (empty !== undefined)
      return { verdict: 'not checked', cases: r.numRuns, seed: options.seed, reason: empty, ...cut };
  }
  if (!r.failed) {
    return {
      verdict: claim.bound === undefined ? 'holds' : 'holds with bound',
      cases: r.numRuns,
      seed: options.seed,
      ...(claim.bound === undefined ? {} : { bound: claim.bound }),
      ...(claim.measured ? { measured: claim.measured() } : {}),
      ...cut,
    };
  }
  if (r.counterexample === null)
    throw new Error(`the property could not run: ${String(r.errorInstance ?? 'no counterexample')}`);
  const args = r.counterexample;
  const thrown =
    r.errorInstance instanceof Error &&
    !(r.errorInstance.name === 'Error' && r.errorInstance.message.startsWith('Property failed by returning false'))
      ? r.errorInstance.message
      : undefined;
  return {
    verdict: 'refuted',
    cases: r.numRuns,
    seed: options.seed,
    path: r.counterexamplePath ?? undefined,
    counterexample: claim.describe(args),
    reason: claim.reason ? claim.reason(args) : thrown,
    ...cut,
  };
}

/** A named binary32 value. */
export const f32 = (name: string, value: number): NamedValue => ({ name, value, kind: 'float32' });
/** A named integer. */
export const int = (name: string, value: number): NamedValue => ({ name, value, kind: 'integer' });
/** A named text value (a rule and preset). */
export const text = (name: string, value: string): NamedValue => ({ name, value, kind: 'text' });

/** The shortest decimal that reads back as the binary32 `x` (at most 9 significant digits). */
export function shortestFloat32Decimal(x: number): string {
  if (Object.is(x, -0)) return '-0';
  if (!Number.isFinite(x)) return String(x);
  for (let p = 1; p < 9; p++) {
    const text = x.toPrecision(p);
    if (Math.fround(Number(text)) === x) return String(Number(text));
  }
  return String(Number(x.toPrecision(9)));
}

/** `name = decimal (hex)`: the shortest decimal that reads back as the binary32 value, and its exact hex. */
export function formatValue(v: NamedValue): string {
  if (v.kind !== 'float32') return `${v.name} = ${v.value}`;
  return `${v.name} = ${shortestFloat32Decimal(v.value)} (${hexText(v.value)})`;
}
