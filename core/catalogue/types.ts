/**
 * The shape of a catalogue entry: one per rule or regularizer, read by the oracle, the production
 * code, the gate, the properties and the CLI alike. Entries are data; a convention (preset) is a set
 * of defaults and flags on an entry, never a separate implementation.
 *
 * @module
 */

/** The conventions the project knows, each a framework's or the papers' reading of a rule. */
export const PRESET_NAMES = ['paper', 'pytorch', 'keras', 'tfjs'] as const;

/** A convention: `paper` (the survey and the original papers), `pytorch`, `keras` (Keras 3), `tfjs`. */
export type PresetName = (typeof PRESET_NAMES)[number];

/** What an entry describes; the catalogue carries optimizers and regularizers alike. */
export type EntryKind = 'update-rule' | 'penalty' | 'mask' | 'pooling' | 'monitor' | 'augmentation';

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
}

/** A value of a convention flag. */
export type FlagValue = string | boolean;

/** One convention flag: what it switches and the values it takes. */
export interface FlagSpec {
  readonly description: string;
  readonly values: readonly FlagValue[];
}

/**
 * A convention on an entry: the framework's defaults (exact decimal text) and its flags. The keys of
 * `defaults` are the hyperparameters the entry takes under this convention.
 */
export interface Preset {
  /** Where the convention is written down (paper section, or file in the framework's repository). */
  readonly source: string;
  readonly defaults: Readonly<Record<string, string>>;
  readonly flags: Readonly<Record<string, FlagValue>>;
}

/** Names of the state slots an entry keeps, given its flags. */
export interface StateLayout {
  /** Slots with one value per parameter element (m, v, accumulators), initialised to zero. */
  readonly element: readonly string[];
  /** Slots with one value per parameter tensor (running products of β). */
  readonly tensor: readonly string[];
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
export interface CatalogueEntry {
  readonly name: string;
  readonly kind: EntryKind;
  readonly title: string;
  /** The primary source (paper and section). */
  readonly source: string;
  readonly hyperparameters: Readonly<Record<string, HyperparameterSpec>>;
  readonly flags: Readonly<Record<string, FlagSpec>>;
  readonly presets: Readonly<Partial<Record<PresetName, Preset>>>;
  /** The state slots under the given flags. */
  state(flags: Readonly<Record<string, FlagValue>>): StateLayout;
  /**
   * True when the step evaluates the gradient itself from the input's objective (NAG's look-ahead
   * form), ignoring the given gradient.
   */
  readonly needsObjective?: boolean;
}

/** An entry with a preset chosen and every hyperparameter resolved to exact decimal text. */
export interface Configuration {
  readonly entry: CatalogueEntry;
  readonly preset: PresetName;
  readonly hyper: Readonly<Record<string, string>>;
  readonly flags: Readonly<Record<string, FlagValue>>;
}
