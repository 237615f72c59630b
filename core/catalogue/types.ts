/**
 * The shape of a catalogue entry: one per rule or regularizer, read by the oracle, the production
 * code, the gate, the properties and the CLI alike. Entries are `as const` data; a convention
 * (preset) is a set of defaults and flags on an entry, never a separate implementation.
 *
 * Every entry is typed by its {@link Schema}: the names of its hyperparameters, the values of its
 * flags and the names of its state slots. A rule reads `config.hyper.beta2` and
 * `config.flags.form === 'efficient'`; a misspelt name or a flag value the entry does not have is a
 * compile error.
 *
 * @module
 */

/** The conventions the project knows, each a framework's or the papers' reading of a rule. */
export const PRESET_NAMES = ['paper', 'pytorch', 'keras', 'tfjs', 'lightning', 'optax'] as const;

/** A convention: `paper` (the survey and the original papers), `pytorch` (1.13), `keras` (Keras 3), `tfjs`, `lightning` (PyTorch Lightning), `optax`. */
export type PresetName = (typeof PRESET_NAMES)[number];

/**
 * What an entry is, which decides how the gate exercises it (code asks the kind, never the name):
 * - `elementwise-update`: an optimizer step on a given gradient, acting on each parameter element
 *   (independently, or through per-tensor norms as LAMB's and LARS's trust ratios);
 * - `gradient-function-update`: a step that evaluates the gradient itself, on an objective (NAG's
 *   look-ahead form);
 * - `penalty`: a weight penalty with its gradient and proximal step;
 * - `activation-mask`: a Bernoulli mask on activations (dropout);
 * - `weight-mask`: a Bernoulli mask on the weights of a linear layer (DropConnect);
 * - `pooling`: a sampled pooling of nonnegative activations (stochastic pooling);
 * - `monitor`: a rule over a sequence of metric values (early stopping);
 * - `image-transform`: a transform of images (data augmentation);
 * - `gradient-transform`: a transform of the list of gradients before an optimizer's step (clipping).
 */
export const ENTRY_KINDS = [
  'elementwise-update',
  'gradient-function-update',
  'penalty',
  'activation-mask',
  'weight-mask',
  'pooling',
  'monitor',
  'image-transform',
  'gradient-transform',
] as const;

/** One of {@link ENTRY_KINDS}. */
export type EntryKind = (typeof ENTRY_KINDS)[number];

/** The kinds that are optimizer steps. */
export type UpdateKind = 'elementwise-update' | 'gradient-function-update';

/** Whether `kind` is an optimizer step's ({@link UpdateKind}). */
export function isUpdateKind(kind: EntryKind): kind is UpdateKind {
  return kind === 'elementwise-update' || kind === 'gradient-function-update';
}

/**
 * The valid values of a hyperparameter: an interval of decimals, each end open or closed, optionally
 * integers only. Bounds are decimal text so that they are exact.
 */
export interface Domain {
  readonly min?: string;
  readonly max?: string;
  readonly minOpen?: boolean;
  readonly maxOpen?: boolean;
  readonly integer?: boolean;
}

/** One hyperparameter: what it means and where it may lie. */
export interface HyperparameterSpec {
  readonly symbol: string;
  readonly description: string;
  readonly domain: Domain;
  /** True when some presets do not take it (PyTorch's `dampening`): a rule must check it is there. */
  readonly optional?: boolean;
}

/** A value of a convention flag. */
export type FlagValue = string | boolean;

/** One convention flag: what it switches and the values it takes. */
export interface FlagSpec<V extends FlagValue = FlagValue> {
  readonly description: string;
  readonly values: readonly V[];
  /**
   * True when presets need not set it (Nadam's `productNext`, which only a test sets): absent, a rule
   * reads it as its first value.
   */
  readonly optional?: boolean;
  /**
   * Values that encode a framework's defect (a formula that contradicts the paper or the framework's
   * own documentation), each with the finding in words, and optionally only under other flags'
   * values. An implementation that matches one is reported as a finding, never as a pass.
   */
  readonly defects?: readonly FlagDefect<V>[];
}

/** A flag value that encodes a framework's defect: see {@link FlagSpec.defects}. */
export interface FlagDefect<V extends FlagValue = FlagValue> {
  readonly value: V;
  readonly finding: string;
  /** Only when these other flags have these values (centered RMSProp's ε). */
  readonly when?: Readonly<Record<string, FlagValue>>;
}

/**
 * One state slot and what is known of it by construction. A slot's properties live here, with the
 * slot, so that a new slot cannot silently default any of them.
 */
export interface SlotSpec<F = Readonly<Record<string, FlagValue>>> {
  /**
   * `element`: one value per parameter element (m, v); `tensor`: one per tensor (β^t); `row` and
   * `column`: one per row or per column of a matrix parameter (Adafactor's factored second moments;
   * ./matrix-shape.ts), a single value for a vector.
   */
  readonly per: 'element' | 'tensor' | 'row' | 'column';
  /**
   * Its degree under gradient scaling: scaling every gradient by c scales the slot by c^degree
   * (m: 1, v: 2, a running product of β: 0).
   */
  readonly degree: 0 | 1 | 2;
  /** What its values range over: any float32 (absent), ≥ 0 (second moments), or [0, 1] (powers of β). */
  readonly range?: 'nonnegative' | 'unit-interval';
  /**
   * The hyperparameter whose value an element slot starts at (Adagrad's accumulator starts at
   * `initialAccumulator`); absent: it starts at 0. Tensor slots start where the rule says.
   */
  readonly initialFrom?: string;
  /** Present only under these flags (AMSGrad's `vmax`); absent: always present. */
  when?(flags: F): boolean;
}

/**
 * What the compiler knows of an entry: hyperparameter names (those every preset takes and those
 * some omit), each flag's values, and slot names (those always present and those some flags add).
 */
export interface Schema {
  readonly hyper: string;
  readonly optionalHyper: string;
  readonly flags: Readonly<Record<string, FlagValue>>;
  readonly slots: string;
  readonly optionalSlots: string;
}

/** The schema every entry satisfies; code that handles any entry uses it. */
export interface AnySchema extends Schema {
  readonly hyper: string;
  readonly optionalHyper: string;
  readonly flags: Readonly<Record<string, FlagValue>>;
  readonly slots: string;
  readonly optionalSlots: string;
}

/** Hyperparameter values by name, as exact decimal text: every preset's, then those some omit. */
export type HyperValues<S extends Schema> = { readonly [K in S['hyper']]: string } & {
  readonly [K in S['optionalHyper']]?: string;
};

/** Values by slot name: the slots always present, then those only some flags add. */
export type SlotValues<S extends Schema, T> = { readonly [K in S['slots']]: T } & {
  readonly [K in S['optionalSlots']]?: T;
};

/** Every slot name of a schema. */
export type SlotName<S extends Schema> = S['slots'] | S['optionalSlots'];

/** Every hyperparameter name of a schema. */
export type HyperName<S extends Schema> = S['hyper'] | S['optionalHyper'];

/**
 * A convention on an entry: the framework's defaults (exact decimal text) and its flags. The keys of
 * `defaults` are the hyperparameters the entry takes under this convention.
 */
export interface Preset<S extends Schema = AnySchema> {
  /** Where the convention is written down (paper section, or file in the framework's repository). */
  readonly source: string;
  readonly defaults: HyperValues<S>;
  readonly flags: S['flags'];
}

/** Names of the state slots an entry keeps, given its flags. */
export interface StateLayout {
  /** Slots with one value per parameter element (m, v, accumulators), initialised to zero. */
  readonly element: readonly string[];
  /** Slots with one value per parameter tensor (running products of β). */
  readonly tensor: readonly string[];
  /** Slots with one value per row of a matrix parameter (one for a vector): Adafactor's row statistics. */
  readonly row: readonly string[];
  /** Slots with one value per column of a matrix parameter (one for a vector): Adafactor's column statistics. */
  readonly column: readonly string[];
  /** Slots that are ≥ 0 by construction (second moments, accumulators). */
  readonly nonnegative: readonly string[];
  /** Slots that lie in [0, 1] by construction (powers of a decay rate). */
  readonly unitInterval: readonly string[];
  /**
   * Element slots that start at a hyperparameter's value instead of zero (Adagrad's accumulator
   * starts at `initialAccumulator`), as slot → hyperparameter name.
   */
  readonly initialFrom?: Readonly<Record<string, string>>;
}

/** One rule or regularizer. */
export interface CatalogueEntry<S extends Schema = AnySchema> {
  readonly name: string;
  readonly kind: EntryKind;
  readonly title: string;
  /** The primary source (paper and section). */
  readonly source: string;
  readonly hyperparameters: { readonly [K in HyperName<S>]: HyperparameterSpec };
  readonly flags: { readonly [K in keyof S['flags']]-?: FlagSpec<Exclude<S['flags'][K], undefined>> };
  readonly slots: { readonly [K in SlotName<S>]: SlotSpec<S['flags']> };
  readonly presets: Readonly<Partial<Record<PresetName, Preset<S>>>>;
  /** The state slots under the given flags, in the order of `slots`. */
  state(flags: S['flags']): StateLayout;
}

/**
 * What a configuration holds of a learning-rate schedule: a `ScheduleConfig` of core/schedules/ (made
 * by `configureSchedule`), seen through the fields the catalogue needs, so that the catalogue does not
 * depend on the schedules (which depend on it); `asSchedule` (core/schedules/) gives it back whole.
 */
export interface ScheduleRef {
  readonly entry: { readonly name: string; readonly kind: 'schedule' };
  readonly preset: PresetName;
  readonly hyper: Readonly<Record<string, string | undefined>>;
  readonly lists: Readonly<Record<string, readonly string[]>>;
  readonly flags: Readonly<Record<string, FlagValue | undefined>>;
}

/**
 * An entry with a preset chosen and every hyperparameter resolved to exact decimal text; for an
 * update rule, optionally a learning-rate schedule in place of its constant `lr` (`withSchedule`).
 */
export interface Configuration<S extends Schema = AnySchema> {
  readonly entry: CatalogueEntry<S>;
  readonly preset: PresetName;
  readonly hyper: HyperValues<S>;
  readonly flags: S['flags'];
  /** The schedule whose value at t = k − 1 is update k's learning rate (k from 1); absent: `hyper.lr`. */
  readonly schedule?: ScheduleRef;
  /** Keras's optimizer wrapper (weight decay, clipping, EMA), when `configure` was given its options under `keras`. */
  readonly keras?: KerasWrapper;
}

/** Which clipping, and its threshold as exact decimal text. */
export interface KerasClip {
  readonly option: 'clipnorm' | 'clipvalue' | 'globalClipnorm';
  readonly threshold: string;
}

/** The wrapper's settings, checked, as exact decimal text. */
export interface KerasWrapper {
  /** The wrapper's own decay (absent when the rule's preset takes `weightDecay` itself, or none is given). */
  readonly weightDecay?: string;
  readonly clip?: KerasClip;
  readonly ema?: { readonly momentum: string; readonly overwriteFrequency?: number };
}
