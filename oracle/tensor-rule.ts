/**
 * The driver that turns an exact update on whole tensors ({@link TensorUpdate}) into an oracle rule:
 * for rules whose elements share reductions over the tensor (LAMB's and LARS's norms ‖θ‖ and ‖u‖), so
 * that no element's output can be computed from that element alone. Every output of the step is
 * certified correctly rounded to float32 together ({@link certifyStaged}: binary64 enclosures first,
 * then the decimal ladder, where a norm is the square root of an exact sum of squares), the whole
 * tensor falling through to the decimal stage when any one output needs it.
 *
 * The rule it makes also takes decimal inputs ({@link ElementwiseOracleRule.enclose}), so that the
 * registry records it as an update on a given gradient like the elementwise ones. Such rules keep no
 * tensor slots (β^t is computed from t).
 *
 * @module
 */
import {
  checkStepCount,
  checkShape,
  checkStepInput,
  slotLengths,
  StepInputError,
  type StateLayout,
  type Configuration,
  type Schema,
  type SlotName,
  type State,
  type StepInput,
  type StepOutput,
  type UncertifiedElement,
} from '../core/catalogue/index.js';
import { required } from '../core/required.js';
import type { Dec } from './binary32.js';
import { hyperEnclosures } from './elementwise-stages.js';
import type { Arithmetic, Enclosure } from './enclosure.js';
import { IntervalArithmetic, type Interval } from './interval.js';
import { checkDecimalLengths, checkEntry, decimalAt, marked, uncertifiedElements } from './marks.js';
import type { DecimalStepInput, ElementwiseOracleRule, ExactOutput, HyperEnclosures } from './rule.js';
import { SharedDecimalFloat64 } from './float64-shared-decimal.js';
import { certifyStaged } from './staged.js';

/** A tensor's values as enclosures: θ, g and each element slot, one enclosure per element. */
export interface TensorInput<S extends Schema> {
  readonly params: readonly Enclosure[];
  readonly grads: readonly Enclosure[];
  readonly slots: { readonly [K in SlotName<S>]: readonly Enclosure[] };
}

/** A step's exact outputs on a whole tensor: the new θ and every element slot. */
export interface TensorOutput<S extends Schema> {
  readonly params: readonly Enclosure[];
  readonly slots: { readonly [K in SlotName<S>]: readonly Enclosure[] };
}

/** What a step sees besides the tensors: the hyperparameters as exact enclosures, t and the flags. */
export interface TensorContext<S extends Schema> {
  readonly h: HyperEnclosures<S>;
  readonly t: number;
  readonly flags: S['flags'];
  /** The parameters' shape: absent or 1-D for a vector, [rows, cols] for a matrix (row-major). */
  readonly shape?: readonly number[];
}

/** An exact update on a whole tensor, written once against {@link Arithmetic} and typed by its entry's schema. */
export interface TensorUpdate<S extends Schema> {
  readonly name: string;
  readonly entries: readonly string[];
  step(a: Arithmetic, x: TensorInput<S>, context: TensorContext<S>): TensorOutput<S>;
}

/** `update` on tensors of `n` elements given as `value(what, i)`, at arithmetic `a`, outputs by name. */
function evaluate(
  update: TensorUpdate<Schema>,
  config: Configuration,
  a: Arithmetic,
  t: number,
  n: number,
  value: (what: string, i: number) => Enclosure,
  shape?: readonly number[],
): Record<string, readonly Enclosure[]> {
  const layout = config.entry.state(config.flags);
  if (layout.tensor.length > 0)
    throw new StepInputError(config.entry.name, 'a rule on whole tensors keeps no tensor slots');
  const lengths = slotLengths(layout, n, shape);
  const names = slotNames(layout);
  const column = (what: string, length = n) => Array.from({ length }, (_, i) => value(what, i));
  const slots = Object.fromEntries(names.map((k) => [k, column(k, lengths[k])]));
  const r = update.step(
    a,
    { params: column('params'), grads: column('grads'), slots },
    // Stryker disable next-line ConditionalExpression: equivalent; `shape: undefined` and no `shape` read the same.
    { h: hyperEnclosures(a, config, t), t, flags: config.flags, ...(shape === undefined ? {} : { shape }) },
  );
  const out: Record<string, readonly Enclosure[]> = { params: r.params };
  for (const k of names) out[k] = required((r.slots as Record<string, readonly Enclosure[]>)[k], k);
  return out;
}

/** The slots a whole-tensor rule keeps: element slots, then row and column slots. */
function slotNames(layout: StateLayout): readonly string[] {
  return [...layout.element, ...layout.row, ...layout.column];
}

/** The float32 inputs of a step as exact enclosures. */
function float32Values(a: Arithmetic, input: StepInput) {
  return (what: string, i: number): Enclosure => {
    const xs = what === 'params' ? input.params : what === 'grads' ? input.grads : input.state[what];
    // Stryker disable next-line OptionalChaining: equivalent; checkStepInput has refused a step without one of these arrays.
    return a.fromFloat32(required(xs?.[i], `${what}[${i}]`));
  };
}

/**
 * The keys `${output}:${index}` of an output's first n elements: made once per output name, so that
 * every stage of every step keys its record with the same strings (a string is hashed once).
 */
const keys = new Map<string, string[]>();
function keysOf(output: string, n: number): readonly string[] {
  let made = keys.get(output);
  // Stryker disable next-line ConditionalExpression: equivalent for true; the keys are made anew, the same strings.
  if (made === undefined) {
    made = [];
    keys.set(output, made);
  }
  // Stryker disable next-line EqualityOperator: equivalent for `i <= n`; one key more than asked is made, and never read.
  for (let i = made.length; i < n; i++) made.push(`${output}:${i}`);
  return made;
}

/** The outputs as one record for {@link certifyStaged}: `${output}:${index}`. */
function flat(outputs: Record<string, readonly Enclosure[]>): Record<string, Enclosure> {
  const out: Record<string, Enclosure> = {};
  for (const [k, xs] of Object.entries(outputs)) {
    const named = keysOf(k, xs.length);
    xs.forEach((x, i) => (out[named[i] as string] = x));
  }
  return out;
}

function place(key: string): { output: string; index: number } {
  const at = key.lastIndexOf(':');
  return { output: key.slice(0, at), index: Number(key.slice(at + 1)) };
}

/**
 * The oracle rule that applies `update` to the whole tensor, certifying every output's rounding. Every
 * method first checks ({@link checkEntry}) that the configuration is one of the update's entries.
 */
export function tensorRule<S extends Schema>(typed: TensorUpdate<S>): ElementwiseOracleRule {
  // Erasing S is sound because every method checks the configuration with checkEntry first.
  const update = typed as unknown as TensorUpdate<Schema>;
  const initialOutput = (config: Configuration, params: Float32Array, shape?: readonly number[]): StepOutput => {
    checkEntry(update.name, update.entries, config);
    const layout = config.entry.state(config.flags);
    checkShape(config.entry.name, shape, params.length);
    const lengths = slotLengths(layout, params.length, shape);
    const state: State = Object.fromEntries(slotNames(layout).map((k) => [k, new Float32Array(lengths[k] ?? 0)]));
    return { params, state };
  };
  const checked = (config: Configuration, input: StepInput): Configuration => {
    checkEntry(update.name, update.entries, config);
    checkStepInput(config.entry.name, config.entry.state(config.flags), input);
    return config;
  };
  return {
    name: update.name,
    entries: update.entries,
    init: (config, params, shape) => initialOutput(config, params, shape).state,
    initialOutput,
    step(config, input): StepOutput {
      checked(config, input);
      const n = input.params.length;
      const certified = certifyStaged<string>(
        config.entry.name,
        (a) => flat(evaluate(update, config, a, input.t, n, float32Values(a, input), input.shape)),
        { refine: true, refined: SharedDecimalFloat64.instance },
      );
      const lengths = slotLengths(config.entry.state(config.flags), n, input.shape);
      const outputs: Record<string, Float32Array> = { params: new Float32Array(n) };
      for (const k of slotNames(config.entry.state(config.flags))) outputs[k] = new Float32Array(lengths[k] ?? 0);
      for (const [key, v] of Object.entries(certified.values)) {
        const { output, index } = place(key);
        required(outputs[output], output)[index] = v;
      }
      const { params, ...state } = outputs;
      const uncertified: UncertifiedElement[] = uncertifiedElements(certified, place);
      return marked({ params: required(params, 'params'), state }, uncertified);
    },
    exact(config, input, precision = 60): ExactOutput {
      checked(config, input);
      const a = IntervalArithmetic.at(precision);
      const r = evaluate(update, config, a, input.t, input.params.length, float32Values(a, input), input.shape);
      return Object.fromEntries(Object.entries(r).map(([k, xs]) => [k, xs.map((x): Dec => (x as Interval).near)]));
    },
    enclose(config, input: DecimalStepInput, precision): Record<string, Interval[]> {
      checkEntry(update.name, update.entries, config);
      const a = IntervalArithmetic.at(precision);
      const rule = config.entry.name;
      checkStepCount(rule, input.t);
      const value = (what: string, i: number) =>
        a.point(
          what === 'params'
            ? decimalAt(rule, 'params', input.params, i)
            : what === 'grads'
              ? decimalAt(rule, 'grads', input.grads, i)
              : decimalAt(rule, `state slot '${what}'`, input.state[what], i),
        );
      checkShape(rule, input.shape, input.params.length);
      checkDecimalLengths(rule, config.entry.state(config.flags), input);
      const r = evaluate(update, config, a, input.t, input.params.length, value, input.shape);
      return Object.fromEntries(Object.entries(r).map(([k, xs]) => [k, xs.map((x) => x as Interval)]));
    },
  };
}
