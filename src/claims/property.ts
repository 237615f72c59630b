/**
 * Turning a fast-check property into a claim's verdict: `holds` (or `holds with bound`) when no case
 * fails, `refuted` with fast-check's shrunk counterexample otherwise.
 *
 * @module
 */
import fc from 'fast-check';
import { hexFloat32 } from '../gate/describe.js';
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
}

/** Runs `claim.property` with the seed and reports the verdict. */
export function checkProperty<Ts extends unknown[]>(claim: PropertyClaim<Ts>, options: ClaimOptions): ClaimResult {
  const numRuns = options.runs ?? claim.runs;
  const r = fc.check(claim.property, { seed: options.seed, numRuns, ...(options.path === undefined ? {} : { path: options.path }) });
  if (!r.failed) {
    return { verdict: claim.bound === undefined ? 'holds' : 'holds with bound', cases: r.numRuns, seed: options.seed, ...(claim.bound === undefined ? {} : { bound: claim.bound }), ...(claim.measured ? { measured: claim.measured() } : {}) };
  }
  if (r.counterexample === null) throw new Error(`the property could not run: ${String(r.errorInstance ?? 'no counterexample')}`);
  const args = r.counterexample;
  const thrown = r.errorInstance instanceof Error && !(r.errorInstance.name === 'Error' && r.errorInstance.message.startsWith('Property failed by returning false')) ? r.errorInstance.message : undefined;
  return {
    verdict: 'refuted',
    cases: r.numRuns,
    seed: options.seed,
    path: r.counterexamplePath ?? undefined,
    counterexample: claim.describe(args),
    reason: claim.reason ? claim.reason(args) : thrown,
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
  return `${v.name} = ${shortestFloat32Decimal(v.value)} (${hexFloat32(v.value)})`;
}
