/**
 * A counterexample as a file: the case a failed property shrank to, in the protocol's terms (rule,
 * preset, hyperparameters as exact decimal text, float32 values as bit patterns), so that `optim-oracle
 * gate --case FILE` replays exactly that case on an implementation, in any language, without
 * fast-check. One step (`t`, `params`, `grads`, `state`) or a trajectory (`params` and the gradient
 * of each step, from the initial state).
 *
 * @module
 */
import {
  configure,
  OptionError,
  type Configuration,
  type PresetName,
  type StepInput,
} from '../../core/catalogue/index.js';
import { bitsText, fromBitsText } from '../../oracle/binary32.js';
import { entryOf } from '../registry/index.js';
import type { StepCase, TrajectoryCase } from './arbitraries/step-case.js';

/** Version of the saved-case format. */
export const SAVED_CASE_FORMAT = 'optim-oracle-case/1';

/** A saved case: the configuration, then one step or a trajectory. */
export interface SavedCase {
  readonly format: typeof SAVED_CASE_FORMAT;
  readonly rule: string;
  readonly preset: PresetName;
  readonly hyper: Readonly<Record<string, string>>;
  readonly step?: {
    readonly t: number;
    readonly params: readonly string[];
    readonly grads: readonly string[];
    readonly state: Readonly<Record<string, readonly string[]>>;
  };
  readonly trajectory?: { readonly params: readonly string[]; readonly grads: readonly (readonly string[])[] };
}

const bits = (xs: ArrayLike<number>) => Array.from(xs, bitsText);
const floats = (xs: readonly string[]) => Float32Array.from(xs, fromBitsText);

function head(config: Configuration) {
  return {
    format: SAVED_CASE_FORMAT,
    rule: config.entry.name,
    preset: config.preset,
    hyper: config.hyper as Readonly<Record<string, string>>,
  } as const;
}

/**
 * The saved form of a property's counterexample, when it is a case on a given gradient (one step or
 * a trajectory, with no schedule, wrapper or objective); undefined for any other.
 */
export function savedCaseOf(counterexample: unknown): SavedCase | undefined {
  const c = counterexample as Partial<StepCase & TrajectoryCase> | null;
  const config = c?.config;
  // A Keras wrapper case (its variables and Keras's iteration count) is not a saved case, even with no option drawn.
  const wrapped = c !== null && typeof c === 'object' && 'iterations' in c;
  if (config === undefined || config.schedule !== undefined || config.keras !== undefined || wrapped) return undefined;
  if (c?.input !== undefined && c.input.objective === undefined) {
    const { t, params, grads, state } = c.input;
    const saved = Object.fromEntries(Object.entries(state).map(([k, v]) => [k, bits(v)]));
    return { ...head(config), step: { t, params: bits(params), grads: bits(grads), state: saved } };
  }
  if (c?.params !== undefined && c.grads !== undefined && c.objective === undefined)
    return { ...head(config), trajectory: { params: bits(c.params), grads: c.grads.map(bits) } };
  return undefined;
}

const isBitsArray = (x: unknown): x is string[] =>
  Array.isArray(x) && x.every((b) => typeof b === 'string' && /^0x[0-9a-f]{8}$/.test(b));

/** Reads a saved case (`file` names it in messages); an {@link OptionError} saying what is wrong. */
export function parseSavedCase(text: string, file: string): { config: Configuration; case: SavedCase } {
  let data: Partial<SavedCase>;
  try {
    data = JSON.parse(text) as Partial<SavedCase>;
  } catch {
    throw new OptionError(`${file} is not JSON`);
  }
  if (data.format !== SAVED_CASE_FORMAT) throw new OptionError(`${file}: format must be '${SAVED_CASE_FORMAT}'`);
  if (typeof data.rule !== 'string' || typeof data.preset !== 'string' || typeof data.hyper !== 'object')
    throw new OptionError(`${file}: needs rule, preset and hyper`);
  const config = configure(entryOf(data.rule), data.preset, data.hyper as Record<string, string>);
  const step = data.step;
  const trajectory = data.trajectory;
  if (step !== undefined) {
    const okState = Object.values(step.state).every(isBitsArray);
    if (!Number.isInteger(step.t) || !isBitsArray(step.params) || !isBitsArray(step.grads) || !okState)
      throw new OptionError(`${file}: step needs an integer t and params, grads and state as float32 bit patterns`);
  } else if (trajectory !== undefined) {
    if (!isBitsArray(trajectory.params) || !trajectory.grads.every(isBitsArray))
      throw new OptionError(`${file}: trajectory needs params and grads as float32 bit patterns`);
  } else throw new OptionError(`${file}: needs a step or a trajectory`);
  return { config, case: data as SavedCase };
}

/** The step input of a saved one-step case. */
export function stepInputOf(saved: NonNullable<SavedCase['step']>): StepInput {
  const state = Object.fromEntries(Object.entries(saved.state).map(([k, v]) => [k, floats(v)]));
  return { t: saved.t, params: floats(saved.params), grads: floats(saved.grads), state };
}

/** The parameters and gradients of a saved trajectory. */
export function trajectoryOf(saved: NonNullable<SavedCase['trajectory']>): {
  params: Float32Array;
  grads: Float32Array[];
} {
  return { params: floats(saved.params), grads: saved.grads.map(floats) };
}
