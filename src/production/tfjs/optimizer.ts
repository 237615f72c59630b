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
  checkStepShapes,
  configure,
  describeValue,
  entryOf,
  StepInputError,
  type Configuration,
  type HyperValue,
  type PresetName,
  type StepInput,
  type StepOutput,
} from '../../../core/catalogue/index.js';
import { float64Scalars } from '../../../core/arith.js';
import type { Objective } from '../../../core/catalogue/objectives.js';
import { nagGroup, objectiveCoefficients } from '../rules/objectives.js';
import { productionRuleOf } from '../rules/index.js';
import { tensorArith } from './arith.js';

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

/** Options of {@link createOptimizer}. */
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

/** A production optimizer for catalogue entry `rule`. */
export function createOptimizer(rule: string, options: OptimizerOptions = {}): Optimizer {
  const config = configure(entryOf(rule), options.preset ?? 'pytorch', options.hyper);
  return optimizerFor(config);
}

/** The production optimizer for a configuration. */
export function optimizerFor(config: Configuration): Optimizer {
  checkIsConfiguration('optimizerFor', config);
  // NAG's look-ahead step is not elementwise: it has its own tensor path (nagTensors) and no ProductionRule.
  const algorithm = config.entry.needsObjective ? undefined : productionRuleOf(config.entry.name);
  const layout = config.entry.state(config.flags);
  const name = config.entry.name;
  return {
    config,
    init(params) {
      checkFloat32(name, 'params', params);
      return tf.tidy(() => {
        const state: TensorState = {};
        for (const slot of layout.element) {
          const from = layout.initialFrom?.[slot];
          state[slot] =
            from === undefined ? tf.zerosLike(params) : tf.fill(params.shape, Number(config.hyper[from]), 'float32');
        }
        const init = algorithm?.initTensorSlots(float64Scalars, config) ?? {};
        for (const slot of layout.tensor) state[slot] = tf.scalar(init[slot]!, 'float32');
        return state;
      });
    },
    step(params, grads, state, t, objective) {
      if (config.entry.needsObjective) return nagTensors(config, params, state, t, objective);
      checkFloat32(name, 'params', params);
      checkFloat32(name, 'grads', grads);
      checkTensorState(name, state);
      checkStepCount(name, t);
      checkStepShapes(
        name,
        layout,
        params.shape,
        grads.shape,
        Object.fromEntries(Object.entries(state).map(([k, s]) => [k, s.shape])),
      );
      const tensorSlots = Object.fromEntries(layout.tensor.map((k) => [k, state[k]!.dataSync()[0]!]));
      const coefficients = algorithm!.coefficients(float64Scalars, config, t, tensorSlots);
      return tf.tidy(() => {
        const c = Object.fromEntries(Object.entries(coefficients).map(([k, v]) => [k, tf.scalar(v, 'float32')]));
        const r = algorithm!.step(tensorArith, { param: params, grad: grads, slots: state }, c, config, t);
        const next: TensorState = {};
        for (const slot of [...layout.element, ...layout.tensor]) next[slot] = r.slots[slot]!;
        return { params: r.param, state: next };
      });
    },
  };
}

/** NAG's look-ahead step on tensors: elementwise for the quadratic, on (x, y) columns for Rosenbrock pairs. */
function nagTensors(
  config: Configuration,
  params: tf.Tensor,
  state: TensorState,
  t: number,
  objective: Objective | undefined,
) {
  const name = config.entry.name;
  checkFloat32(name, 'params', params);
  checkTensorState(name, state);
  checkStepCount(name, t);
  if (objective === undefined)
    throw new StepInputError(
      name,
      'the step needs an objective: it evaluates the gradient at the look-ahead point θ − γ v',
    );
  checkStepShapes(
    name,
    config.entry.state(config.flags),
    params.shape,
    params.shape,
    Object.fromEntries(Object.entries(state).map(([k, s]) => [k, s.shape])),
  );
  return tf.tidy(() => {
    const c64 = {
      lr: Number(config.hyper['lr']),
      momentum: Number(config.hyper['momentum']),
      ...objectiveCoefficients(float64Scalars, objective),
    };
    const c = Object.fromEntries(Object.entries(c64).map(([k, v]) => [k, tf.scalar(v, 'float32')]));
    const velocity = state['velocity']!;
    if (objective.kind === 'quadratic') {
      if (objective.curvature.length !== params.size)
        throw new StepInputError(
          name,
          `the quadratic's curvature has ${objective.curvature.length} values but params has ${params.size}`,
        );
      const r = nagGroup(
        tensorArith,
        objective,
        [params],
        [velocity],
        c,
        tf.tensor(objective.curvature, params.shape, 'float32'),
      );
      return { params: r.params[0]!, state: { velocity: r.velocity[0]! } };
    }
    if (params.size % 2 !== 0)
      throw new StepInputError(name, `Rosenbrock pairs need an even number of parameters, got ${params.size}`);
    const columns = (x: tf.Tensor) => tf.split(tf.reshape(x, [params.size / 2, 2]), 2, 1);
    const r = nagGroup(tensorArith, objective, columns(params), columns(velocity), c);
    const join = (xs: tf.Tensor[]) => tf.reshape(tf.concat(xs, 1), params.shape);
    return { params: join(r.params), state: { velocity: join(r.velocity) } };
  });
}

/**
 * One production step on plain float32 arrays (the gate's view). The input is checked by
 * {@link checkStepInput} first: a Float64Array or a plain array is an error, not converted (which
 * would round). NAG's look-ahead step ignores `grads` but still takes a Float32Array there.
 */
export function stepArrays(optimizer: Optimizer, input: StepInput): StepOutput {
  const { entry, flags } = optimizer.config;
  const layout = entry.state(flags);
  if (entry.needsObjective && typeof input === 'object' && input !== null) {
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
    const stateTensors: TensorState = {};
    for (const [k, s] of Object.entries(state))
      stateTensors[k] = tensor(s, layout.tensor.includes(k) ? [] : [s.length]);
    const r = optimizer.step(
      tensor(params, [params.length]),
      tensor(grads, [grads.length]),
      stateTensors,
      t,
      input.objective,
    );
    const out: StepOutput = { params: Float32Array.from(r.params.dataSync()), state: {} };
    for (const [k, s] of Object.entries(r.state)) out.state[k] = Float32Array.from(s.dataSync());
    tf.dispose([r.params, ...Object.values(r.state)]);
    return out;
  } finally {
    tf.dispose(created);
  }
}

/** The production initial state on plain float32 arrays; `params` must be a Float32Array. */
export function initArrays(optimizer: Optimizer, params: Float32Array): Record<string, Float32Array> {
  checkFloat32Array(optimizer.config.entry.name, 'params', params);
  const p = tf.tensor(params, [params.length], 'float32');
  const s = optimizer.init(p);
  const out = Object.fromEntries(Object.entries(s).map(([k, x]) => [k, Float32Array.from(x.dataSync())]));
  tf.dispose([p, ...Object.values(s)]);
  return out;
}
