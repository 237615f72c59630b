/**
 * Production optimizers on TensorFlow.js: pure `init` and `step` on tensors (the caller owns and
 * disposes what it passes and what it gets back; a step leaves no other tensor behind), and the same
 * on plain float32 arrays for the gate.
 *
 * @module
 */
import * as tf from '@tensorflow/tfjs-core';
import {
  checkFloat32Array,
  checkIsConfiguration,
  checkStepCount,
  checkStepInput,
  checkShape,
  checkStepShapes,
  describeValue,
  StepInputError,
  type Configuration,
  type HyperValue,
  type PresetName,
  type StateLayout,
  type StepInput,
  type StepOutput,
} from '../../../core/catalogue/index.js';
import { float64Scalars } from '../../../core/arith.js';
import { float64Coefficients } from '../coefficients.js';
import type { Objective } from '../../../core/catalogue/objectives.js';
import { required } from '../../../core/required.js';
import { initialValues, prepareStep, type Carrier } from '../drive.js';
import type { AnyProductionRule } from '../rules/rule.js';
import { wholeTensorArith } from './whole-tensor-arith.js';

/** State as named slots of tensors. */
export type TensorState = Record<string, tf.Tensor>;

/** A configured production optimizer. */
export interface Optimizer {
  readonly config: Configuration;
  /** The initial state for `params`: zeros for element slots, scalars for tensor slots. */
  init(params: tf.Tensor): TensorState;
  /**
   * One step; t counts from 1. Returns new tensors; the inputs are left as they were. Rules that
   * evaluate the gradient themselves (NAG's look-ahead form) take an objective and ignore `grads`.
   */
  step(
    params: tf.Tensor,
    grads: tf.Tensor,
    state: TensorState,
    t: number,
    objective?: Objective,
  ): { params: tf.Tensor; state: TensorState };
}

/** Options of `createOptimizer`. */
export interface OptimizerOptions {
  /** The convention whose defaults and flags to use; `pytorch` when not given. */
  readonly preset?: PresetName | string;
  /** Hyperparameters that replace the preset's defaults, as numbers or exact decimal text. */
  readonly hyper?: Readonly<Record<string, HyperValue>>;
}

/** Checks that `t`, the input called `what`, is a float32 tfjs tensor. */
function checkFloat32(rule: string, what: string, t: unknown): asserts t is tf.Tensor {
  if (!(t instanceof tf.Tensor)) {
    const hint = t instanceof Float32Array ? ' (make one with tf.tensor, or step plain arrays with stepArrays)' : '';
    throw new StepInputError(rule, `${what} is ${describeValue(t)}; a float32 tf.Tensor required${hint}`);
  }
  if (t.dtype !== 'float32') throw new StepInputError(rule, `${what} has dtype ${t.dtype}; expected float32`);
}

/** Checks that `state` is an object of float32 tensors, one per slot. */
function checkTensorState(rule: string, state: unknown): asserts state is TensorState {
  if (typeof state !== 'object' || state === null || Array.isArray(state)) {
    throw new StepInputError(
      rule,
      `state is ${describeValue(state)}; an object of float32 tensors required (from init)`,
    );
  }
  for (const [slot, s] of Object.entries(state)) checkFloat32(rule, `state slot '${slot}'`, s);
}

/** Production's arithmetic: float32 tensor ops, float64 coefficients rounded to float32 scalars. */
const tensors: Carrier<tf.Tensor, number> = {
  A: wholeTensorArith,
  scalars: float64Coefficients,
  lift: (x) => tf.scalar(x, 'float32'),
};

/** Checks a step on a gradient function's objective against the parameters it will update. */
function checkObjective(name: string, objective: Objective | undefined, size: number): Objective {
  if (objective === undefined) {
    throw new StepInputError(
      name,
      'the step needs an objective: it evaluates the gradient at the look-ahead point θ − γ v',
    );
  }
  if (objective.kind === 'quadratic' && objective.curvature.length !== size) {
    throw new StepInputError(
      name,
      `the quadratic's curvature has ${objective.curvature.length} values but params has ${size}`,
    );
  }
  if (objective.kind === 'rosenbrock' && size % 2 !== 0) {
    throw new StepInputError(name, `Rosenbrock pairs need an even number of parameters, got ${size}`);
  }
  return objective;
}

/**
 * The production optimizer of `rule` under `config`, on TensorFlow.js: the driver (../drive.ts) on
 * tensors. A group is the whole tensors for an elementwise rule; for a rule on a gradient function
 * coupling k elements, it is the k columns of the parameters reshaped to [n/k, k].
 */
export function tfjsOptimizer(rule: AnyProductionRule, config: Configuration): Optimizer {
  checkIsConfiguration('optimizerFor', config);
  const name = config.entry.name;
  const layout = config.entry.state(config.flags);
  return {
    config,
    init(params) {
      checkFloat32(name, 'params', params);
      return tf.tidy(() => {
        const initial = initialValues(rule, config, float64Scalars);
        const state: TensorState = {};
        for (const slot of layout.element) {
          const from = initial.element[slot];
          state[slot] = from === undefined ? tf.zerosLike(params) : tf.fill(params.shape, from, 'float32');
        }
        for (const slot of layout.tensor) state[slot] = tf.scalar(required(initial.tensor[slot], slot), 'float32');
        const matrix = params.rank === 2 ? params.shape : undefined;
        for (const slot of layout.row) state[slot] = tf.zeros(matrix ? [required(matrix[0], 'rows')] : []);
        for (const slot of layout.column) state[slot] = tf.zeros(matrix ? [required(matrix[1], 'cols')] : []);
        return state;
      });
    },
    step(params, grads, state, t, objective) {
      checkFloat32(name, 'params', params);
      if (rule.kind !== 'group') checkFloat32(name, 'grads', grads);
      checkTensorState(name, state);
      checkStepCount(name, t);
      const gradShape = rule.kind !== 'group' ? grads.shape : params.shape;
      const shapes = Object.fromEntries(Object.entries(state).map(([k, s]) => [k, s.shape]));
      checkStepShapes(name, layout, params.shape, gradShape, shapes);
      if (rule.kind === 'matrix' && params.rank > 2)
        throw new StepInputError(name, `params has shape [${params.shape.join(', ')}]; a vector or a matrix required`);
      const target = rule.kind === 'group' ? checkObjective(name, objective, params.size) : undefined;
      const tensorSlots = Object.fromEntries(
        layout.tensor.map((k) => [k, required(required(state[k], k).dataSync()[0], k)]),
      );
      return tf.tidy(() => {
        const prepared = prepareStep(rule, config, tensors, {
          t,
          tensorSlots,
          shape: params.shape,
          ...(target ? { objective: target } : {}),
        });
        const k = prepared.size;
        const members = (x: tf.Tensor): tf.Tensor[] => (k === 1 ? [x] : tf.split(tf.reshape(x, [x.size / k, k]), k, 1));
        const join = (xs: readonly tf.Tensor[]): tf.Tensor =>
          k === 1 ? required(xs[0], 'output') : tf.reshape(tf.concat([...xs], 1), params.shape);
        const slots = Object.fromEntries([
          ...layout.element.map((s) => [s, members(required(state[s], s))]),
          ...[...layout.tensor, ...layout.row, ...layout.column].map((s) => [s, [required(state[s], s)]]),
        ]);
        const curvature =
          target?.kind === 'quadratic'
            ? { curvature: members(tf.tensor(target.curvature, params.shape, 'float32')) }
            : {};
        const r = prepared.step({
          params: members(params),
          grads: rule.kind !== 'group' ? [grads] : [],
          slots,
          ...curvature,
        });
        const next: TensorState = {};
        for (const s of layout.element) next[s] = join(required(r.slots[s], s));
        for (const s of [...layout.tensor, ...layout.row, ...layout.column])
          next[s] = required(required(r.slots[s], s)[0], s);
        return { params: join(r.params), state: next };
      });
    },
  };
}

/**
 * One production step on plain float32 arrays (the gate's view). The input is checked by
 * {@link checkStepInput} first: a Float64Array or a plain array is an error, not converted (which
 * would round). NAG's look-ahead step ignores `grads` but still takes a Float32Array there.
 */
export function stepArrays(optimizer: Optimizer, input: StepInput): StepOutput {
  const { entry, flags } = optimizer.config;
  const layout = entry.state(flags);
  if (entry.kind === 'gradient-function-update' && typeof input === 'object' && input !== null) {
    checkStepInput(entry.name, layout, { ...input, grads: input.params });
    checkFloat32Array(entry.name, 'grads', input.grads);
  } else {
    checkStepInput(entry.name, layout, input);
  }
  const { params, grads, state, t } = input;
  const created: tf.Tensor[] = [];
  const tensor = (data: Float32Array, shape: number[]): tf.Tensor => {
    const x = tf.tensor(data, shape, 'float32');
    created.push(x);
    return x;
  };
  try {
    const shape = input.shape === undefined ? [params.length] : [...input.shape];
    const stateTensors: TensorState = {};
    for (const [k, s] of Object.entries(state)) stateTensors[k] = tensor(s, slotShape(layout, k, shape, s.length));
    // NAG's ignored grads may have any length: a flat tensor then.
    const gradShape = grads.length === params.length ? shape : [grads.length];
    const r = optimizer.step(tensor(params, shape), tensor(grads, gradShape), stateTensors, t, input.objective);
    const out: StepOutput = { params: Float32Array.from(r.params.dataSync()), state: {} };
    for (const [k, s] of Object.entries(r.state)) out.state[k] = Float32Array.from(s.dataSync());
    tf.dispose([r.params, ...Object.values(r.state)]);
    return out;
  } finally {
    tf.dispose(created);
  }
}

/**
 * A state slot's tensor shape for parameters of `shape`: the parameters' own for an element slot, a
 * scalar for a tensor slot, [rows] or [cols] for a row or column slot of a matrix (a scalar for a
 * vector, as Keras's placeholders).
 */
function slotShape(layout: StateLayout, slot: string, shape: readonly number[], length: number): number[] {
  if (layout.tensor.includes(slot)) return [];
  const matrix = shape.length === 2;
  if (layout.row.includes(slot)) return matrix ? [length] : [];
  if (layout.column.includes(slot)) return matrix ? [length] : [];
  return [...shape];
}

/**
 * The production initial state on plain float32 arrays; `params` must be a Float32Array, `shape`
 * (absent: a vector) sizes row and column slots.
 */
export function initArrays(
  optimizer: Optimizer,
  params: Float32Array,
  shape?: readonly number[],
): Record<string, Float32Array> {
  checkFloat32Array(optimizer.config.entry.name, 'params', params);
  checkShape(optimizer.config.entry.name, shape, params.length);
  const p = tf.tensor(params, shape === undefined ? [params.length] : [...shape], 'float32');
  const s = optimizer.init(p);
  const out = Object.fromEntries(Object.entries(s).map(([k, x]) => [k, Float32Array.from(x.dataSync())]));
  tf.dispose([p, ...Object.values(s)]);
  return out;
}
