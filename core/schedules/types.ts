/**
 * The shape of a learning-rate schedule as catalogue data: hyperparameters with their domains (the
 * catalogue's {@link HyperparameterSpec}), lists (milestones, boundaries, values), flags for the
 * conventions in which frameworks differ, and one preset per framework that has the schedule, with
 * its defaults, its class in the framework's source and the flags its constructor lets a user set.
 *
 * A schedule maps the step t (an integer ≥ 0) to a learning rate. t counts the updates already made:
 * the first update runs at t = 0 in all three frameworks (PyTorch: the value after the constructor's
 * own `step()`, with `scheduler.step()` called after each `optimizer.step()`; Keras 3:
 * `optimizer.iterations` before its increment; optax: the `count` of `scale_by_schedule` before its
 * increment). A rule's update number k (from 1) therefore uses t = k − 1.
 *
 * @module
 */
import type { SchemaOf } from '../catalogue/define.js';
import type {
  Domain,
  FlagSpec,
  FlagValue,
  HyperName,
  HyperparameterSpec,
  HyperValues,
  PresetName,
  Schema,
} from '../catalogue/types.js';

/** A list-valued parameter (MultiStepLR's milestones, Keras's boundaries and values). */
export interface ListSpec {
  readonly symbol: string;
  readonly description: string;
  /** The domain of each element. */
  readonly domain: Domain;
  /** `strict`: each element above the one before (Keras's boundaries); absent: any order, repeats allowed. */
  readonly increasing?: 'strict';
}

/** A schedule's schema: the catalogue's (hyperparameters and flags, no slots) and the names of its lists. */
export interface ScheduleSchema extends Schema {
  readonly lists: string;
}

/** The schema of a schedule defined by hyperparameters `H`, flags `F` and lists `L`. */
export type ScheduleSchemaOf<H, F extends Readonly<Record<string, FlagSpec>>, L> = SchemaOf<
  H,
  F,
  Record<never, never>
> & { readonly lists: keyof L & string };

/** List values by name, each element exact decimal text. */
export type ListValues<S extends ScheduleSchema> = { readonly [K in S['lists']]: readonly string[] };

/** The flags a preset lets a user set (the framework's constructor arguments), with the values it accepts. */
export type ScheduleOptions<S extends ScheduleSchema> = {
  readonly [K in keyof S['flags']]?: readonly Exclude<S['flags'][K], undefined>[];
};

/**
 * A framework's version of a schedule: where it is written, its defaults (exact decimal text;
 * where the framework requires a value and has no default, the value its documentation's example
 * uses, as the source says), the conventions it follows as flags, and the flags its API exposes.
 */
export interface SchedulePreset<S extends ScheduleSchema> {
  /** The file in the framework's repository and its version, and where a default comes from. */
  readonly source: string;
  /** The framework's name for it (`torch.optim.lr_scheduler.StepLR`). */
  readonly className: string;
  readonly defaults: HyperValues<S>;
  /** Hyperparameters the preset takes without a default: absent means the framework's `None`. */
  readonly accepts?: readonly S['optionalHyper'][];
  readonly lists: ListValues<S>;
  readonly flags: S['flags'];
  readonly options: ScheduleOptions<S>;
}

/** One learning-rate schedule. */
export interface ScheduleEntry<S extends ScheduleSchema = ScheduleSchema> {
  readonly name: string;
  readonly kind: 'schedule';
  readonly title: string;
  /** The primary source (paper, or the framework that introduced it). */
  readonly source: string;
  readonly hyperparameters: { readonly [K in HyperName<S>]: HyperparameterSpec };
  readonly lists: { readonly [K in S['lists']]: ListSpec };
  readonly flags: { readonly [K in keyof S['flags']]-?: FlagSpec<Exclude<S['flags'][K], undefined>> };
  readonly presets: Readonly<Partial<Record<PresetName, SchedulePreset<S>>>>;
  /** A condition across parameters the framework checks (optax: T > W), as the message when it fails. */
  constraint?(config: ScheduleConfig<S>): string | undefined;
}

/** A schedule with a preset chosen, every hyperparameter and list resolved to exact decimal text. */
export interface ScheduleConfig<S extends ScheduleSchema = ScheduleSchema> {
  readonly entry: ScheduleEntry<S>;
  readonly preset: PresetName;
  readonly hyper: HyperValues<S>;
  readonly lists: ListValues<S>;
  readonly flags: S['flags'];
}

/** What a user gives {@link ScheduleConfig}'s constructor: overrides of hyperparameters, lists and options. */
export interface ScheduleOverrides {
  readonly hyper?: Readonly<Record<string, number | string | undefined>>;
  readonly lists?: Readonly<Record<string, readonly (number | string)[] | undefined>>;
  readonly flags?: Readonly<Record<string, FlagValue | undefined>>;
}
