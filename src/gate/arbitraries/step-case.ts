/**
 * Whole step cases: a configuration (a preset's defaults, or hyperparameters drawn over their
 * domains), parameters, gradients, state and t; and trajectories of gradients.
 *
 * @module
 */
import fc from 'fast-check';
import {
  configure,
  hyperparametersOf,
  objectiveText,
  type Objective,
  type CatalogueEntry,
  type Configuration,
  type PresetName,
  type State,
  type StepInput,
} from '../../../core/catalogue/index.js';
import { slotLengths } from '../../../core/catalogue/index.js';
import { required } from '../../../core/required.js';
import { hexText } from '../../../oracle/binary32.js';
import { float32Value, nonnegative, trainingFloat32 } from './float32.js';
import { hyperparameterValue, stepCount } from './hyperparameters.js';

/** A configuration and one step's inputs. */
export interface StepCase {
  readonly config: Configuration;
  readonly input: StepInput;
}

/** Options for the size and content of cases. */
export interface CaseOptions {
  /** Largest number of parameter elements (default 8). */
  readonly maxLength?: number;
  /** Whether NaN and ±∞ may appear in tensors (default false). */
  readonly nonfinite?: boolean;
  /**
   * Hyperparameters fixed at these values instead of drawn (an implementation that lacks one, as
   * `tf.train.adagrad` lacks ε and uses the backend's 1e-7).
   */
  readonly pinned?: Readonly<Record<string, string>> | undefined;
}

const floats = (xs: ArrayLike<number>): string => `[${Array.from(xs, (x) => hexText(x)).join(', ')}]`;

/** A case in words, exact (hex floats) and short: preset, hyperparameters, t and the tensors. */
export function withText<T extends { config: Configuration }>(
  c: T,
  tensors: Record<string, ArrayLike<number> | readonly ArrayLike<number>[]>,
  t?: number,
  goal?: Objective,
  shape?: readonly number[],
): T {
  const text = () => {
    const parts = Object.entries(tensors).map(([k, v]) =>
      Array.isArray(v)
        ? `${k} [${(v as ArrayLike<number>[]).map(floats).join(', ')}]`
        : `${k} ${floats(v as ArrayLike<number>)}`,
    );
    const about = goal === undefined ? '' : ` objective ${objectiveText(goal)}`;
    const dims = shape === undefined ? '' : ` shape [${shape.join(', ')}]`;
    return `${c.config.entry.name}/${c.config.preset} ${JSON.stringify(c.config.hyper)}${t === undefined ? '' : ` t=${t}`}${dims} ${parts.join(' ')}${about}`;
  };
  return Object.assign(c, { [fc.toStringMethod]: text });
}

/** The preset's defaults a quarter of the time; otherwise each hyperparameter drawn or defaulted. */
export function configuration(
  entry: CatalogueEntry,
  preset: PresetName,
  pinned: Readonly<Record<string, string>> = {},
): fc.Arbitrary<Configuration> {
  const overrides = Object.fromEntries(
    hyperparametersOf(entry, preset)
      .filter((name) => pinned[name] === undefined)
      .map((name) => [
        name,
        fc.option(hyperparameterValue(required(entry.hyperparameters[name], `hyperparameter '${name}'`)), {
          nil: undefined,
          freq: 3,
        }),
      ]),
  );
  return fc.oneof({ arbitrary: fc.constant({}), weight: 1 }, { arbitrary: fc.record(overrides), weight: 3 }).map((o) =>
    configure(entry, preset, {
      ...Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)),
      ...pinned,
    } as Record<string, string>),
  );
}

/**
 * A state for `length` parameters (of `shape`, absent for a vector) under `config`: every slot drawn
 * from float32 values (≥ 0 for the slots that are), row and column slots one value per row or column,
 * tensor slots one value (in [0, 1] for running products).
 */
export function state(
  config: Configuration,
  length: number,
  options: CaseOptions,
  shape?: readonly number[],
): fc.Arbitrary<State> {
  const layout = config.entry.state(config.flags);
  const value = float32Value({ nonfinite: options.nonfinite ?? false });
  const slots: Record<string, fc.Arbitrary<Float32Array>> = {};
  const lengths = slotLengths(layout, length, shape);
  for (const k of [...layout.row, ...layout.column]) {
    const n = lengths[k] ?? 1;
    slots[k] = fc.array(nonnegative(value), { minLength: n, maxLength: n }).map((xs) => Float32Array.from(xs));
  }
  for (const k of layout.element) {
    const v = layout.nonnegative.includes(k) ? nonnegative(value) : value;
    slots[k] = fc.array(v, { minLength: length, maxLength: length }).map((xs) => Float32Array.from(xs));
  }
  for (const k of layout.tensor) {
    const v = layout.unitInterval.includes(k) ? fc.float({ min: 0, max: 1, noNaN: true }) : value;
    slots[k] = v.map((x) => Float32Array.of(x));
  }
  return fc.record(slots);
}

/**
 * An objective for `length` elements: a quadratic with positive curvatures, or (for an even length)
 * Rosenbrock pairs with the classic a = 1, b = 100 or other small decimals.
 */
export function objective(length: number): fc.Arbitrary<Objective> {
  const quadratic = fc
    .array(
      trainingFloat32().map((x) => Math.abs(x)),
      { minLength: length, maxLength: length },
    )
    .map((xs): Objective => ({ kind: 'quadratic', curvature: Float32Array.from(xs) }));
  if (length % 2 !== 0) return quadratic;
  const rosenbrock = fc
    .record({ a: fc.constantFrom('1', '0.5', '2', '-1'), b: fc.constantFrom('100', '1', '10', '0.25') })
    .map(({ a, b }): Objective => ({ kind: 'rosenbrock', a, b }));
  return fc.oneof(quadratic, rosenbrock);
}

/** Whether an entry keeps row or column slots (Adafactor's factored statistics). */
export function hasMatrixSlots(entry: CatalogueEntry): boolean {
  const slots: readonly { per: string }[] = Object.values(entry.slots);
  return slots.some((s) => s.per === 'row' || s.per === 'column');
}

/**
 * The shapes drawn for an entry: none (flat tensors of 0 to `maxLength` elements, default 8) unless it
 * keeps row or column slots (Adafactor), which get vectors (no shape) half the time and matrices the
 * other half: of 1 to 4 elements and 1 to 3 rows and columns by default, or of 1 to `maxLength`
 * elements and 1 to ⌊√maxLength⌋ rows and columns when it is given. Every element shares the tensor's
 * RMS, so one extreme element (whose square overflows) takes the whole tensor out of the analysed
 * domain: small tensors keep most cases judged.
 */
export function shapeOf(
  entry: CatalogueEntry,
  maxLength: number | undefined,
  fallback = 8,
): fc.Arbitrary<{ length: number; shape?: number[] }> {
  if (!hasMatrixSlots(entry)) return fc.integer({ min: 0, max: maxLength ?? fallback }).map((length) => ({ length }));
  const dim = fc.integer({ min: 1, max: maxLength === undefined ? 3 : Math.max(1, Math.floor(Math.sqrt(maxLength))) });
  return fc.oneof(
    fc.integer({ min: 1, max: maxLength ?? 4 }).map((length) => ({ length })),
    fc.tuple(dim, dim).map(([rows, cols]) => ({ length: rows * cols, shape: [rows, cols] })),
  );
}

/** One step: a configuration, tensors of 0 to `maxLength` elements (or a matrix: {@link shapeOf}), a state and a step count. */
export function stepCase(entry: CatalogueEntry, preset: PresetName, options: CaseOptions = {}): fc.Arbitrary<StepCase> {
  const value = float32Value({ nonfinite: options.nonfinite ?? false });
  return fc
    .tuple(configuration(entry, preset, options.pinned), shapeOf(entry, options.maxLength))
    .chain(([config, { length, shape }]) => {
      // Rosenbrock couples pairs: odd lengths get the quadratic only (see objective()).
      const tensor = fc.array(value, { minLength: length, maxLength: length }).map((xs) => Float32Array.from(xs));
      const objectives: { objective?: fc.Arbitrary<Objective> } =
        entry.kind === 'gradient-function-update' ? { objective: objective(length) } : {};
      return fc
        .record<{ params: Float32Array; grads: Float32Array; state: State; t: number; objective?: Objective }>({
          params: tensor,
          grads: tensor,
          state: state(config, length, options, shape),
          t: stepCount(),
          ...objectives,
        })
        .map((drawn): StepInput => (shape === undefined ? drawn : { ...drawn, shape }))
        .map((input) =>
          withText(
            { config, input },
            { params: input.params, grads: input.grads, ...input.state },
            input.t,
            input.objective,
            input.shape,
          ),
        );
    });
}

/** A trajectory: a configuration, initial parameters and 1 to `maxSteps` gradients (or an objective). */
export interface TrajectoryCase {
  readonly config: Configuration;
  readonly params: Float32Array;
  readonly grads: readonly Float32Array[];
  readonly objective?: Objective;
  /** The parameters' shape, for an entry with row or column slots (absent: a vector). */
  readonly shape?: readonly number[];
}

/** Trajectories of up to `maxSteps` steps (default 50) on tensors of 1 to `maxLength` elements, with training-like values. */
export function trajectoryCase(
  entry: CatalogueEntry,
  preset: PresetName,
  options: CaseOptions & { maxSteps?: number } = {},
): fc.Arbitrary<TrajectoryCase> {
  const value = trainingFloat32();
  return fc
    .tuple(
      configuration(entry, preset, options.pinned),
      hasMatrixSlots(entry)
        ? shapeOf(entry, options.maxLength, 4)
        : fc
            .integer({ min: 1, max: options.maxLength ?? 4 })
            .map((length): { length: number; shape?: number[] } => ({ length })),
      fc.integer({ min: 1, max: options.maxSteps ?? 50 }),
    )
    .chain(([config, { length, shape }, steps]) => {
      const tensor = fc.array(value, { minLength: length, maxLength: length }).map((xs) => Float32Array.from(xs));
      const objectives: { objective?: fc.Arbitrary<Objective> } =
        entry.kind === 'gradient-function-update' ? { objective: objective(length) } : {};
      return fc
        .record<{ params: Float32Array; grads: Float32Array[]; objective?: Objective }>({
          params: tensor,
          grads: fc.array(tensor, { minLength: steps, maxLength: steps }),
          ...objectives,
        })
        .map((r): Omit<TrajectoryCase, 'config'> => (shape === undefined ? r : { ...r, shape }))
        .map((r) => withText({ config, ...r }, { params: r.params, grads: r.grads }, undefined, r.objective, r.shape));
    });
}
