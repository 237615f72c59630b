/**
 * A failed comparison as data, for the reports: the failing case's inputs (each float32 as its bit
 * pattern and its shortest decimal, the hyperparameters as the oracle's decimal text) and each
 * mismatching element with the oracle's value (expected), the implementation's (actual), the error,
 * the bound and their ratio, and the tier of the bound judged against. The words of the same failure
 * are {@link describeMismatch}'s; this module keeps the numbers.
 *
 * @module
 */
import { bitsText } from '../../oracle/binary32.js';
import type { Configuration, StepInput } from '../../core/catalogue/index.js';
import type { Mismatch, StepComparison } from './compare.js';

/**
 * Which bound an element was judged against. `faithful-to-preset`: the derived bound of the preset's
 * own operation order (docs/error-analysis.md), the only tier so far; a stricter `exact` and a looser
 * `conforming` tier can be added as members.
 */
export type Tier = 'faithful-to-preset';

/** The tier every comparison uses today. */
export const TIER: Tier = 'faithful-to-preset';

/**
 * A float32 as its pattern (`0x3f800000`, any NaN as 0x7fc00000) and its value in decimal as JavaScript
 * writes the double (the shortest that reads back as the same double, so exact; `-0` keeps its sign).
 */
export interface Float32Value {
  readonly bits: string;
  readonly decimal: string;
}

/** `x` as a {@link Float32Value}. */
export function float32Value(x: number): Float32Value {
  return { bits: bitsText(x), decimal: Object.is(x, -0) ? '-0' : String(Math.fround(x)) };
}

/** A case's float32 inputs: named arrays (`params`, `grads`, each state slot as `state.m`). */
export type CaseInputs = Readonly<Record<string, readonly Float32Value[]>>;

/** One mismatching element. */
export interface ElementMismatch {
  readonly output: string;
  /** The element's index; −1 when the whole output was missing or of the wrong length. */
  readonly index: number;
  /** The case's inputs at this index (an input shorter than the index is left out). */
  readonly inputs: Readonly<Record<string, Float32Value>>;
  /** The oracle's correctly rounded value. */
  readonly expected: Float32Value;
  /** The implementation's value. */
  readonly actual: Float32Value;
  /** |actual − expected| in float64 (NaN when a side is not finite). */
  readonly error: number;
  /** The derived bound on |error| (0: bitwise). */
  readonly bound: number;
  /** error / bound (∞ written as null by JSON when the bound is 0 and the values differ). */
  readonly ratio: number;
  /** Why it failed, as the message says it. */
  readonly why: string;
  readonly tier: Tier;
}

/** A failed comparison: where, on which case, and each mismatching element. */
export interface StructuredFailure {
  readonly rule: string;
  readonly preset: string;
  /** Where in the case (`at t = 3`, `at step 2 of a trajectory`, `in the initial state`). */
  readonly what: string;
  /** The hyperparameters as the oracle's exact decimal text. */
  readonly hyper: Readonly<Record<string, string>>;
  /** The step count t of the failing step, when it was a step. */
  readonly t?: number;
  readonly inputs: CaseInputs;
  readonly mismatches: readonly ElementMismatch[];
}

/** The float32 inputs of a step, or of an initial state (params only), by name. */
export function caseInputs(input: Partial<Pick<StepInput, 'params' | 'grads' | 'state'>>): CaseInputs {
  const named: Record<string, readonly Float32Value[]> = {};
  if (input.params !== undefined) named['params'] = Array.from(input.params, float32Value);
  if (input.grads !== undefined) named['grads'] = Array.from(input.grads, float32Value);
  for (const [slot, values] of Object.entries(input.state ?? {}))
    named[`state.${slot}`] = Array.from(values, float32Value);
  return named;
}

/** The inputs at `index`. */
function inputsAt(inputs: CaseInputs, index: number): Record<string, Float32Value> {
  const at: Record<string, Float32Value> = {};
  for (const [name, values] of Object.entries(inputs)) {
    const v = values[index];
    if (v !== undefined) at[name] = v;
  }
  return at;
}

/** One {@link Mismatch} as an {@link ElementMismatch}: ratio = |actual − expected| / bound (∞ past a bound 0). */
function elementOf(m: Mismatch, inputs: CaseInputs): ElementMismatch {
  const error = Math.abs(m.production - m.oracle);
  const ratio = m.bound === 0 ? (Object.is(m.production, m.oracle) ? 0 : Infinity) : error / m.bound;
  return {
    output: m.output,
    index: m.index,
    inputs: inputsAt(inputs, m.index),
    expected: float32Value(m.oracle),
    actual: float32Value(m.production),
    error,
    bound: m.bound,
    ratio,
    why: m.why,
    tier: TIER,
  };
}

/** The structured form of a comparison that failed on `config` with these inputs. */
export function structuredFailure(
  config: Configuration,
  what: string,
  cmp: StepComparison,
  input: Partial<Pick<StepInput, 'params' | 'grads' | 'state' | 't'>> = {},
): StructuredFailure {
  const inputs = caseInputs(input);
  return {
    rule: config.entry.name,
    preset: config.preset,
    what,
    hyper: { ...(config.hyper as Readonly<Record<string, string>>) },
    ...(input.t === undefined ? {} : { t: input.t }),
    inputs,
    mismatches: cmp.mismatches.map((m) => elementOf(m, inputs)),
  };
}
