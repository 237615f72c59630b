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
} from '../src/catalogue/index.js';
import { exactFromFloat32, float32FromDecimalText, type Dec } from './binary32.js';
import { certify } from './certify.js';
import { IntervalArithmetic, type Interval } from './interval.js';
import { checkEntry, marked, uncertifiedElements } from './marks.js';

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
  readonly h: Readonly<Record<string, Interval>>;
  readonly tensor: Readonly<Record<string, Interval>>;
  readonly t: number;
  readonly flags: Readonly<Record<string, FlagValue>>;
}

/** One element's inputs as exact intervals. */
export interface ElementInput {
  readonly param: Interval;
  readonly grad: Interval;
  readonly slots: Readonly<Record<string, Interval>>;
}

/**
 * An update rule that acts on each element independently, written in exact interval arithmetic.
 * `prepare` computes what every element shares (β^t, step sizes) once per precision.
 */
export interface ElementwiseUpdate<P> {
  readonly name: string;
  /** The catalogue entries it computes (flags choose among them). */
  readonly entries: readonly string[];
  /** Exact initial values of the tensor slots (each rounded to float32 by the driver). */
  initTensorSlots(a: IntervalArithmetic, context: Omit<StepContext, 'tensor' | 't'>): Record<string, Interval>;
  prepare(a: IntervalArithmetic, context: StepContext): P;
  element(a: IntervalArithmetic, x: ElementInput, shared: P): { param: Interval; slots: Record<string, Interval> };
  /** Exact next values of the tensor slots. */
  nextTensorSlots(a: IntervalArithmetic, shared: P): Record<string, Interval>;
}

function hyperIntervals(a: IntervalArithmetic, config: Configuration): Record<string, Interval> {
  return Object.fromEntries(Object.entries(config.hyper).map(([k, text]) => [k, a.point(text)]));
}

function pointOf(a: IntervalArithmetic, x: number): Interval {
  return a.point(exactFromFloat32(x));
}

/** Checks a step's inputs and sets up its evaluation at any precision. */
function evaluation<P>(update: ElementwiseUpdate<P>, config: Configuration, input: StepInput) {
  checkEntry(update.name, update.entries, config);
  const layout = config.entry.state(config.flags);
  checkStepInput(config.entry.name, layout, input);
  const { params, grads, state, t } = input;
  const shared = new Map<number, P>();
  const prepared = (a: IntervalArithmetic): P => {
    let p = shared.get(a.precision);
    if (p === undefined) {
      const tensor = Object.fromEntries(layout.tensor.map((k) => [k, pointOf(a, state[k]![0]!)]));
      p = update.prepare(a, { h: hyperIntervals(a, config), tensor, t, flags: config.flags });
      shared.set(a.precision, p);
    }
    return p;
  };
  const element = (a: IntervalArithmetic, i: number): { param: Interval } & Record<string, Interval> => {
    const slots = Object.fromEntries(layout.element.map((k) => [k, pointOf(a, state[k]![i]!)]));
    const r = update.element(a, { param: pointOf(a, params[i]!), grad: pointOf(a, grads[i]!), slots }, prepared(a));
    return { param: r.param, ...r.slots };
  };
  return { layout, prepared, element };
}

/** The oracle rule that applies `update` element by element, certifying each output's rounding. */
export function elementwiseRule<P>(update: ElementwiseUpdate<P>): ElementwiseOracleRule {
  const initialOutput = (config: Configuration, params: Float32Array): StepOutput => {
    checkEntry(update.name, update.entries, config);
    const layout = config.entry.state(config.flags);
    const state: State = {};
    for (const slot of layout.element) {
      const from = layout.initialFrom?.[slot];
      state[slot] = new Float32Array(params.length).fill(from === undefined ? 0 : float32FromDecimalText(config.hyper[from]!));
    }
    const tensorInit = certify((a) => update.initTensorSlots(a, { h: hyperIntervals(a, config), flags: config.flags }));
    for (const slot of layout.tensor) state[slot] = Float32Array.of(tensorInit.values[slot] ?? NaN);
    return marked({ params, state }, uncertifiedElements(tensorInit, (slot) => ({ output: slot, index: 0 })));
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
        out['params']!.push(r.param);
        for (const slot of layout.element) out[slot]!.push(r.slots[slot]!);
      });
      const next = update.nextTensorSlots(a, shared);
      for (const slot of layout.tensor) out[slot] = [next[slot]!];
      return out;
    },
    name: update.name,
    entries: update.entries,
    init: (config, params) => initialOutput(config, params).state,
    initialOutput,
    step(config, input) {
      const { layout, prepared, element } = evaluation(update, config, input);
      const params = new Float32Array(input.params.length);
      const state: State = {};
      const uncertified: UncertifiedElement[] = [];
      for (const slot of layout.element) state[slot] = new Float32Array(input.params.length);
      for (let i = 0; i < input.params.length; i++) {
        const certified = certify<string>((a) => element(a, i));
        params[i] = certified.values['param']!;
        for (const slot of layout.element) state[slot]![i] = certified.values[slot]!;
        uncertified.push(...uncertifiedElements(certified, (key) => ({ output: key === 'param' ? 'params' : key, index: i })));
      }
      const next = certify((a) => update.nextTensorSlots(a, prepared(a)));
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
        const r = element(a, i);
        out['params']!.push(r.param.near);
        for (const slot of layout.element) out[slot]!.push(r[slot]!.near);
      }
      const next = update.nextTensorSlots(a, prepared(a));
      for (const slot of layout.tensor) out[slot] = [next[slot]!.near];
      return out;
    },
  };
}
