/**
 * What an implementation under test says it implements beyond a rule's plain step, in the terms the
 * oracle uses: per rule, the learning-rate schedules it takes in place of a constant `lr`
 * (docs/schedules.md) and whether it implements Keras 3's optimizer wrapper (docs/keras-wrapper.md);
 * and the gradient transforms (clippings) it implements, per preset. The in-process gate's target and
 * the protocol's hello (docs/protocol.md) both declare them; the gate runs `one-step-scheduled`,
 * `keras-wrapper` and the clippings' `agreement` only where they are declared.
 *
 * The names are literal types, so that a misspelt schedule, option, flag value or transform in a
 * declaration does not compile; {@link SCHEDULE_NAMES} and {@link GRADIENT_TRANSFORM_NAMES} list the
 * catalogue's (spec/gate/capabilities.spec.ts checks them against it).
 *
 * @module
 */
import type { FlagValue, HyperValues, PresetName, ScheduleRef } from '../../core/catalogue/index.js';
import type {
  ClipByGlobalNormSchema,
  ClipByNormSchema,
  ClipByValueSchema,
} from '../../core/catalogue/gradient-transforms/clipping.js';
import type {
  CosineAnnealingSchema,
  ExponentialDecaySchema,
  LinearSchema,
  ListValues,
  MultiStepSchema,
  OneCycleSchema,
  PiecewiseConstantSchema,
  ScheduleOptions,
} from '../../core/schedules/index.js';

/** Each schedule entry's schema, by name (core/schedules/). */
export interface ScheduleSchemas {
  readonly 'exponential-decay': ExponentialDecaySchema;
  readonly 'multi-step': MultiStepSchema;
  readonly 'piecewise-constant': PiecewiseConstantSchema;
  readonly 'cosine-annealing': CosineAnnealingSchema;
  readonly linear: LinearSchema;
  readonly 'one-cycle': OneCycleSchema;
}

/** A learning-rate schedule's name, as `optim-oracle list schedules` prints it. */
export type ScheduleName = keyof ScheduleSchemas;

/** Every schedule's name, in the catalogue's order. */
export const SCHEDULE_NAMES: readonly ScheduleName[] = [
  'exponential-decay',
  'multi-step',
  'piecewise-constant',
  'cosine-annealing',
  'linear',
  'one-cycle',
];

/**
 * A schedule an implementation takes: its name (every production path the preset has), or its name
 * with, for some of its flags, the values it implements (`{ schedule: 'exponential-decay', options:
 * { arithmetic: ['float64'] } }`: PyTorch's scheduler computes in Python floats, never in the float32
 * port). A case whose flags are outside these values is not drawn.
 */
export type ScheduleSupport = {
  readonly [N in ScheduleName]: N | { readonly schedule: N; readonly options?: ScheduleOptions<ScheduleSchemas[N]> };
}[ScheduleName];

/**
 * A schedule as a step carries it: name, preset, every hyperparameter and list element as exact
 * decimal text, and the flags of the production path (which framework code computes it, in which
 * arithmetic). Narrow on `schedule` to read its hyperparameters by name.
 */
export type ScheduleCall = {
  readonly [N in ScheduleName]: {
    readonly schedule: N;
    readonly preset: PresetName;
    readonly hyper: HyperValues<ScheduleSchemas[N]>;
    readonly lists: ListValues<ScheduleSchemas[N]>;
    readonly flags: ScheduleSchemas[N]['flags'];
  };
}[ScheduleName];

const isScheduleName = (name: string): name is ScheduleName => (SCHEDULE_NAMES as readonly string[]).includes(name);

/** The schedule of a configuration (`config.schedule`) as a step carries it; a TypeError for an unknown name. */
export function scheduleCallOf(ref: ScheduleRef): ScheduleCall {
  const name = ref.entry.name;
  if (!isScheduleName(name)) throw new TypeError(`unknown schedule '${name}'`);
  const hyper = Object.fromEntries(Object.entries(ref.hyper).filter(([, v]) => v !== undefined));
  const flags = Object.fromEntries(Object.entries(ref.flags).filter(([, v]) => v !== undefined));
  return { schedule: name, preset: ref.preset, hyper, lists: ref.lists, flags } as unknown as ScheduleCall;
}

/** Whether `supports` lists schedule `name` with flags `flags` (a production path of one of its presets). */
export function takesScheduleOf(
  supports: readonly ScheduleSupport[],
  name: string,
  flags: Readonly<Record<string, FlagValue | undefined>>,
): boolean {
  return supports.some((s) => {
    if (typeof s === 'string') return s === name;
    if (s.schedule !== name) return false;
    const options = (s.options ?? {}) as Readonly<Record<string, readonly FlagValue[] | undefined>>;
    return Object.entries(options).every(([flag, values]) => {
      const value = flags[flag];
      return values === undefined || value === undefined || values.includes(value);
    });
  });
}

/** What an implementation declares of one rule: the presets it follows, and what it takes beyond a plain step. */
export interface RuleSupport {
  /** The presets whose conventions it follows. */
  readonly presets: readonly PresetName[];
  /** The schedules it takes in place of a constant `lr`, under the presets among these that have them. */
  readonly schedules?: readonly ScheduleSupport[];
  /** Whether it implements Keras 3's optimizer wrapper around this rule (under `keras`). */
  readonly kerasWrapper?: boolean;
}

/** Each gradient transform's schema, by name (core/catalogue/gradient-transforms/clipping.ts). */
export interface GradientTransformSchemas {
  readonly 'clip-by-norm': ClipByNormSchema;
  readonly 'clip-by-global-norm': ClipByGlobalNormSchema;
  readonly 'clip-by-value': ClipByValueSchema;
}

/** A gradient transform's name, as `optim-oracle list rules` prints it. */
export type GradientTransformName = keyof GradientTransformSchemas;

/** Every gradient transform's name, in the registry's order. */
export const GRADIENT_TRANSFORM_NAMES: readonly GradientTransformName[] = [
  'clip-by-norm',
  'clip-by-global-norm',
  'clip-by-value',
];

/** The gradient transforms an implementation implements, each with the presets whose form it follows. */
export type TransformSupport = Readonly<Partial<Record<GradientTransformName, readonly PresetName[]>>>;

/**
 * A gradient transform as a request carries it: name, preset, its threshold as exact decimal text,
 * and the preset's flags. Narrow on `transform` to read the threshold by name.
 */
export type GradientTransformCall = {
  readonly [N in GradientTransformName]: {
    readonly transform: N;
    readonly preset: PresetName;
    readonly hyper: HyperValues<GradientTransformSchemas[N]>;
    readonly flags: GradientTransformSchemas[N]['flags'];
  };
}[GradientTransformName];

/** A configuration of a gradient transform as a request carries it; a TypeError for another entry. */
export function gradientTransformCallOf(config: {
  readonly entry: { readonly name: string };
  readonly preset: PresetName;
  readonly hyper: object;
  readonly flags: object;
}): GradientTransformCall {
  const name = config.entry.name;
  if (!(GRADIENT_TRANSFORM_NAMES as readonly string[]).includes(name))
    throw new TypeError(`'${name}' is not a gradient transform`);
  return { transform: name, preset: config.preset, hyper: config.hyper, flags: config.flags } as GradientTransformCall;
}
