/**
 * The oracle's rule interface (pure `init` and `step` on plain float32 data, as optax's
 * `init`/`update` pair) and the driver that turns an exact elementwise update into one.
 *
 * @module
 */
import {
  checkStepCount,
  checkStepInput,
  type Configuration,
  type FlagValue,
  type State,
  type StepInput,
  type StepOutput,
  type UncertifiedElement,
} from '../core/catalogue/index.js';
import { float32FromDecimalText, type Dec } from './binary32.js';
import type { Arithmetic, Enclosure } from './enclosure.js';
import { IntervalArithmetic, type Interval } from './interval.js';
import type { F64 } from './float64.js';
import { certifyStaged, countFirstStageDecisions, decidedFloat32, firstStageArithmetic } from './staged.js';
import { Float64Enclosures } from './float64.js';
import { checkEntry, configurationKey, marked, uncertifiedElements } from './marks.js';

export type { State, StepInput, StepOutput };

/** An exact reference implementation of one catalogue entry. */
export interface OracleRule {
  readonly name: string;
  /** The catalogue entries it computes; given another's configuration, every method throws. */
  readonly entries: readonly string[];
  /** The initial state for `params`. */
  init(config: Configuration, params: Float32Array): State;
  /** The initial state with `params`, and the state elements left uncertified (as {@link OracleRule.step}). */
  initialOutput(config: Configuration, params: Float32Array): StepOutput;
  /**
   * One exact step, correctly rounded to float32; `uncertified` lists the elements whose rounding no
   * precision tried decides (each holds one of the two neighbours of its boundary).
   */
  step(config: Configuration, input: StepInput): StepOutput;
  /**
   * One step's exact outputs, to `precision` significant digits (round-to-nearest evaluation, not
   * certified): for comparing implementations that work in float64.
   */
  exact(config: Configuration, input: StepInput, precision?: number): ExactOutput;
}

/** Exact outputs by name ('params' and each state slot), one decimal per element. */
export type ExactOutput = Record<string, Dec[]>;

/** A step's inputs as exact decimals, for claims about real numbers rather than float32 values. */
export interface DecimalStepInput {
  readonly params: readonly (Dec | string)[];
  readonly grads: readonly (Dec | string)[];
  readonly state: Readonly<Record<string, readonly (Dec | string)[]>>;
  readonly t: number;
}

/** An elementwise oracle rule, which also evaluates steps on exact decimal inputs. */
export interface ElementwiseOracleRule extends OracleRule {
  /** Enclosures of one step's outputs on decimal inputs, at `precision` digits. */
  enclose(config: Configuration, input: DecimalStepInput, precision: number): Record<string, Interval[]>;
}

/** What an elementwise update sees of the step besides one element: hyperparameters, tensor slots, t. */
export interface StepContext {
  readonly h: Readonly<Record<string, Enclosure>>;
  readonly tensor: Readonly<Record<string, Enclosure>>;
  readonly t: number;
  readonly flags: Readonly<Record<string, FlagValue>>;
}

/** One element's inputs as exact enclosures. */
export interface ElementInput {
  readonly param: Enclosure;
  readonly grad: Enclosure;
  readonly slots: Readonly<Record<string, Enclosure>>;
}

/**
 * An update rule that acts on each element independently, written once against {@link Arithmetic}
 * (so that the float64 and the decimal stages evaluate the same formula). `prepare` computes what
 * every element shares (β^t, step sizes) once per arithmetic.
 */
export interface ElementwiseUpdate<P> {
  readonly name: string;
  /** The catalogue entries it computes (flags choose among them). */
  readonly entries: readonly string[];
  /** Exact initial values of the tensor slots (each rounded to float32 by the driver). */
  initTensorSlots(a: Arithmetic, context: Omit<StepContext, 'tensor' | 't'>): Record<string, Enclosure>;
  prepare(a: Arithmetic, context: StepContext): P;
  element(a: Arithmetic, x: ElementInput, shared: P): { param: Enclosure; slots: Record<string, Enclosure> };
  /** Exact next values of the tensor slots. */
  nextTensorSlots(a: Arithmetic, shared: P): Record<string, Enclosure>;
}

function hyperIntervals(a: Arithmetic, config: Configuration): Record<string, Enclosure> {
  return Object.fromEntries(Object.entries(config.hyper).map(([k, text]) => [k, a.point(text)]));
}

/**
 * The last float64 preparation of each configuration, by what it depends on (the configuration's
 * key, t and the tensor slots' values): a rule stepped one element at a time at one t prepares once.
 */
type PreparedCache<P> = WeakMap<Configuration, { key: string; prepared: P }>;

/** Checks a step's inputs and sets up its evaluation at any precision. */
function evaluation<P>(
  update: ElementwiseUpdate<P>,
  config: Configuration,
  input: StepInput,
  cache?: PreparedCache<P>,
) {
  checkEntry(update.name, update.entries, config);
  const layout = config.entry.state(config.flags);
  checkStepInput(config.entry.name, layout, input);
  const { params, grads, state, t } = input;
  const shared = new Map<Arithmetic, P>();
  const prepare = (a: Arithmetic): P => {
    const tensor = Object.fromEntries(layout.tensor.map((k) => [k, a.fromFloat32(state[k]![0]!)]));
    return update.prepare(a, { h: hyperIntervals(a, config), tensor, t, flags: config.flags });
  };
  const prepared = (a: Arithmetic): P => {
    let p = shared.get(a);
    if (p === undefined) {
      if (cache !== undefined && a === Float64Enclosures.instance) {
        const key = `${configurationKey(config)}|${t}|${layout.tensor.map((k) => (Object.is(state[k]![0], -0) ? '-0' : String(state[k]![0]))).join(',')}`;
        const hit = cache.get(config);
        if (hit !== undefined && hit.key === key) {
          p = hit.prepared;
        } else {
          p = prepare(a);
          cache.set(config, { key, prepared: p });
        }
      } else {
        p = prepare(a);
      }
      shared.set(a, p);
    }
    return p;
  };
  const slotNames = layout.element;
  const element = (a: Arithmetic, i: number): Record<string, Enclosure> => {
    const slots: Record<string, Enclosure> = {};
    for (const k of slotNames) slots[k] = a.fromFloat32(state[k]![i]!);
    const r = update.element(
      a,
      { param: a.fromFloat32(params[i]!), grad: a.fromFloat32(grads[i]!), slots },
      prepared(a),
    );
    const out: Record<string, Enclosure> = { param: r.param };
    for (const k of slotNames) out[k] = r.slots[k]!;
    return out;
  };
  return { layout, prepared, element };
}

/**
 * The first stage of {@link certifyStaged}, run by the driver itself over every element (one shared
 * preparation, no closure per element): writes each element whose outputs the binary64 enclosures
 * all decide into `params` and `state`, and marks it done; the rest go through {@link certifyStaged}.
 */
function firstStageElements<P>(
  update: ElementwiseUpdate<P>,
  slotNames: readonly string[],
  input: StepInput,
  prepared: (a: Arithmetic) => P,
  params: Float32Array,
  state: State,
): { done: Uint8Array; decided: number } {
  const n = input.params.length;
  const done = new Uint8Array(n);
  const a = firstStageArithmetic();
  if (a === undefined || n === 0) return { done, decided: 0 };
  let shared: P;
  try {
    shared = prepared(a);
  } catch {
    return { done, decided: 0 };
  }
  let decided = 0;
  const slots: Record<string, Enclosure> = {};
  const values = new Float64Array(slotNames.length);
  // An output that is one of the element's inputs, passed through (a slot a rule does not update),
  // is that input exactly, in both stages, whatever its sign.
  const decide = (o: Enclosure, i: number): number | string => {
    for (let j = 0; j < slotNames.length; j++) if (o === slots[slotNames[j]!]) return input.state[slotNames[j]!]![i]!;
    return decidedFloat32(o as F64);
  };
  elements: for (let i = 0; i < n; i++) {
    let r: { param: Enclosure; slots: Record<string, Enclosure> };
    try {
      for (const k of slotNames) slots[k] = a.fromFloat32(input.state[k]![i]!);
      r = update.element(
        a,
        { param: a.fromFloat32(input.params[i]!), grad: a.fromFloat32(input.grads[i]!), slots },
        shared,
      );
    } catch {
      continue;
    }
    const p = decidedFloat32(r.param as F64);
    if (typeof p === 'string') continue;
    for (let j = 0; j < slotNames.length; j++) {
      const v = decide(r.slots[slotNames[j]!]!, i);
      if (typeof v === 'string') continue elements;
      values[j] = v;
    }
    params[i] = p;
    for (let j = 0; j < slotNames.length; j++) state[slotNames[j]!]![i] = values[j]!;
    done[i] = 1;
    decided++;
  }
  return { done, decided };
}

/** The oracle rule that applies `update` element by element, certifying each output's rounding. */
export function elementwiseRule<P>(update: ElementwiseUpdate<P>): ElementwiseOracleRule {
  const cache: PreparedCache<P> = new WeakMap();
  const initialOutput = (config: Configuration, params: Float32Array): StepOutput => {
    checkEntry(update.name, update.entries, config);
    const layout = config.entry.state(config.flags);
    const state: State = {};
    for (const slot of layout.element) {
      const from = layout.initialFrom?.[slot];
      state[slot] = new Float32Array(params.length).fill(
        from === undefined ? 0 : float32FromDecimalText(config.hyper[from]!),
      );
    }
    const tensorInit = certifyStaged(config.entry.name, (a) =>
      update.initTensorSlots(a, { h: hyperIntervals(a, config), flags: config.flags }),
    );
    for (const slot of layout.tensor) state[slot] = Float32Array.of(tensorInit.values[slot] ?? NaN);
    return marked(
      { params, state },
      uncertifiedElements(tensorInit, (slot) => ({ output: slot, index: 0 })),
    );
  };
  return {
    enclose(config, input, precision) {
      checkEntry(update.name, update.entries, config);
      const a = IntervalArithmetic.at(precision);
      const layout = config.entry.state(config.flags);
      checkStepCount(config.entry.name, input.t);
      const h = hyperIntervals(a, config);
      const tensor = Object.fromEntries(layout.tensor.map((k) => [k, a.point(input.state[k]![0]!)]));
      const shared = update.prepare(a, { h, tensor, t: input.t, flags: config.flags });
      const out: Record<string, Interval[]> = { params: [] };
      for (const slot of layout.element) out[slot] = [];
      input.params.forEach((p, i) => {
        const slots = Object.fromEntries(layout.element.map((k) => [k, a.point(input.state[k]![i]!)]));
        const r = update.element(a, { param: a.point(p), grad: a.point(input.grads[i]!), slots }, shared);
        out['params']!.push(r.param as Interval);
        for (const slot of layout.element) out[slot]!.push(r.slots[slot] as Interval);
      });
      const next = update.nextTensorSlots(a, shared);
      for (const slot of layout.tensor) out[slot] = [next[slot] as Interval];
      return out;
    },
    name: update.name,
    entries: update.entries,
    init: (config, params) => initialOutput(config, params).state,
    initialOutput,
    step(config, input) {
      const { layout, prepared, element } = evaluation(update, config, input, cache);
      const params = new Float32Array(input.params.length);
      const state: State = {};
      const uncertified: UncertifiedElement[] = [];
      for (const slot of layout.element) state[slot] = new Float32Array(input.params.length);
      const fast = firstStageElements(update, layout.element, input, prepared, params, state);
      countFirstStageDecisions(config.entry.name, fast.decided);
      for (let i = 0; i < input.params.length; i++) {
        if (fast.done[i] === 1) continue;
        const certified = certifyStaged<string>(config.entry.name, (a) => element(a, i));
        params[i] = certified.values['param']!;
        for (const slot of layout.element) state[slot]![i] = certified.values[slot]!;
        if (certified.uncertified.length > 0)
          uncertified.push(
            ...uncertifiedElements(certified, (key) => ({ output: key === 'param' ? 'params' : key, index: i })),
          );
      }
      const next = certifyStaged(config.entry.name, (a) => update.nextTensorSlots(a, prepared(a)));
      for (const slot of layout.tensor) state[slot] = Float32Array.of(next.values[slot] ?? NaN);
      uncertified.push(...uncertifiedElements(next, (slot) => ({ output: slot, index: 0 })));
      return marked({ params, state }, uncertified);
    },
    exact(config, input, precision = 60) {
      const { layout, prepared, element } = evaluation(update, config, input);
      const a = IntervalArithmetic.at(precision);
      const out: ExactOutput = { params: [] };
      for (const slot of layout.element) out[slot] = [];
      for (let i = 0; i < input.params.length; i++) {
        const r = element(a, i) as Record<string, Interval>;
        out['params']!.push(r['param']!.near);
        for (const slot of layout.element) out[slot]!.push(r[slot]!.near);
      }
      const next = update.nextTensorSlots(a, prepared(a)) as Record<string, Interval>;
      for (const slot of layout.tensor) out[slot] = [next[slot]!.near];
      return out;
    },
  };
}
