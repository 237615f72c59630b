/**
 * The oracle's rule interfaces: a rule is a pure `init` and `step` on plain float32 data (as optax's
 * `init`/`update` pair); an elementwise update is one exact formula per element, written once
 * against {@link Arithmetic} and typed by its catalogue entry's {@link Schema}, which the driver in
 * ./elementwise.ts turns into a rule.
 *
 * @module
 */
import type {
  Configuration,
  Schema,
  SlotName,
  SlotValues,
  State,
  StepInput,
  StepOutput,
} from '../core/catalogue/index.js';
import type { Dec } from './binary32.js';
import type { Arithmetic, Enclosure } from './enclosure.js';
import type { Interval } from './interval.js';

export type { State, StepInput, StepOutput };

/** An exact reference implementation of one catalogue entry. */
export interface OracleRule {
  readonly name: string;
  /** The catalogue entries it computes; given another's configuration, every method throws. */
  readonly entries: readonly string[];
  /** The initial state for `params`. */
  init(config: Configuration, params: Float32Array, shape?: readonly number[]): State;
  /**
   * The initial state with `params`, and the state elements left uncertified (as {@link OracleRule.step});
   * `shape` sizes row and column slots (absent: a vector).
   */
  initialOutput(config: Configuration, params: Float32Array, shape?: readonly number[]): StepOutput;
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
  /** The parameters' shape, for rules with row and column slots (absent: a vector). */
  readonly shape?: readonly number[];
}

/** An elementwise oracle rule, which also evaluates steps on exact decimal inputs. */
export interface ElementwiseOracleRule extends OracleRule {
  /** Enclosures of one step's outputs on decimal inputs, at `precision` digits. */
  enclose(config: Configuration, input: DecimalStepInput, precision: number): Record<string, Interval[]>;
}

/**
 * The hyperparameters of schema `S` as exact enclosures: those every preset takes always, those some
 * presets omit (PyTorch's `dampening`) only when the configuration has them.
 */
export type HyperEnclosures<S extends Schema> = { readonly [K in S['hyper']]: Enclosure } & {
  readonly [K in S['optionalHyper']]?: Enclosure;
};

/** Enclosures of the tensor slots (β^t under a running product), by slot name; absent ones are not kept. */
export type TensorEnclosures<S extends Schema> = { readonly [K in SlotName<S>]?: Enclosure };

/** What an elementwise update sees of the step besides one element: hyperparameters, tensor slots, t, flags. */
export interface StepContext<S extends Schema> {
  readonly h: HyperEnclosures<S>;
  readonly tensor: TensorEnclosures<S>;
  readonly t: number;
  readonly flags: S['flags'];
}

/** One element's inputs as exact enclosures: θ, g and the element slots of the layout. */
export interface ElementInput<S extends Schema> {
  readonly param: Enclosure;
  readonly grad: Enclosure;
  readonly slots: SlotValues<S, Enclosure>;
}

/** One element's exact outputs: the new θ and every element slot of the layout. */
export interface ElementOutput<S extends Schema> {
  readonly param: Enclosure;
  readonly slots: SlotValues<S, Enclosure>;
}

/**
 * An update rule that acts on each element independently, written once against {@link Arithmetic}
 * (so that the float64, rational and decimal stages evaluate the same formula) and typed by the
 * entry's schema `S` (`h.beta2`, `flags.form === 'efficient'`, `slots.m`). `prepare` computes what
 * every element shares (β^t, step sizes) once per arithmetic, as `P`.
 */
export interface ElementwiseUpdate<S extends Schema, P> {
  readonly name: string;
  /** The catalogue entries it computes (flags choose among them); their schema is `S`. */
  readonly entries: readonly string[];
  /** Exact initial values of the tensor slots (each rounded to float32 by the driver). */
  initTensorSlots(a: Arithmetic, context: Omit<StepContext<S>, 'tensor' | 't'>): TensorEnclosures<S>;
  /** What every element of the step shares (β^t, bias corrections, step sizes), at arithmetic `a`. */
  prepare(a: Arithmetic, context: StepContext<S>): P;
  /** One element's exact step: the new θ and element slots from θ, g and the old slots. */
  element(a: Arithmetic, x: ElementInput<S>, shared: P): ElementOutput<S>;
  /** Exact next values of the tensor slots. */
  nextTensorSlots(a: Arithmetic, shared: P): TensorEnclosures<S>;
}
