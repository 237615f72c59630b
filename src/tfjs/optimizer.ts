/**
 * Production optimizers on TensorFlow.js: pure `init` and `step` on tensors (the caller owns and
 * disposes what it passes and what it gets back; a step leaves no other tensor behind), and the same
 * on plain float32 arrays for the gate.
 *
 * @module
 */
import * as tf from '@tensorflow/tfjs-core';
import {
  checkStepCount,
  checkStepShapes,
  configure,
  entryOf,
  StepInputError,
  type Configuration,
  type HyperValue,
  type PresetName,
  type StepInput,
  type StepOutput,
} from '../catalogue/index.js';
import { float64Scalars } from '../arith/types.js';
import { productionRuleOf } from '../rules/index.js';
import { tensorArith } from './arith.js';

/** State as named slots of tensors. */
export type TensorState = Record<string, tf.Tensor>;

/** A configured production optimizer. */
export interface Optimizer {
  readonly config: Configuration;
  /** The initial state for `params`: zeros for element slots, scalars for tensor slots. */
  init(params: tf.Tensor): TensorState;
  /** One step; t counts from 1. Returns new tensors; the inputs are left as they were. */
  step(params: tf.Tensor, grads: tf.Tensor, state: TensorState, t: number): { params: tf.Tensor; state: TensorState };
}

/** Options of {@link createOptimizer}. */
export interface OptimizerOptions {
  /** The convention whose defaults and flags to use; `pytorch` when not given. */
  readonly preset?: PresetName | string;
  /** Hyperparameters that replace the preset's defaults, as numbers or exact decimal text. */
  readonly hyper?: Readonly<Record<string, HyperValue>>;
}

function checkFloat32(rule: string, what: string, t: tf.Tensor): void {
  if (t.dtype !== 'float32') throw new StepInputError(rule, `${what} has dtype ${t.dtype}; expected float32`);
}

/** A production optimizer for catalogue entry `rule`. */
export function createOptimizer(rule: string, options: OptimizerOptions = {}): Optimizer {
  const config = configure(entryOf(rule), options.preset ?? 'pytorch', options.hyper);
  return optimizerFor(config);
}

/** The production optimizer for a configuration. */
export function optimizerFor(config: Configuration): Optimizer {
  const algorithm = productionRuleOf(config.entry.name);
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
          state[slot] = from === undefined ? tf.zerosLike(params) : tf.fill(params.shape, Number(config.hyper[from]), 'float32');
        }
        const init = algorithm.initTensorSlots(float64Scalars, config);
        for (const slot of layout.tensor) state[slot] = tf.scalar(init[slot]!, 'float32');
        return state;
      });
    },
    step(params, grads, state, t) {
      checkStepCount(name, t);
      checkFloat32(name, 'params', params);
      checkFloat32(name, 'grads', grads);
      checkStepShapes(name, layout, params.shape, grads.shape, Object.fromEntries(Object.entries(state).map(([k, s]) => [k, s.shape])));
      const tensorSlots = Object.fromEntries(layout.tensor.map((k) => [k, state[k]!.dataSync()[0]!]));
      const coefficients = algorithm.coefficients(float64Scalars, config, t, tensorSlots);
      return tf.tidy(() => {
        const c = Object.fromEntries(Object.entries(coefficients).map(([k, v]) => [k, tf.scalar(v, 'float32')]));
        const r = algorithm.step(tensorArith, { param: params, grad: grads, slots: state }, c, config, t);
        const next: TensorState = {};
        for (const slot of [...layout.element, ...layout.tensor]) next[slot] = r.slots[slot]!;
        return { params: r.param, state: next };
      });
    },
  };
}

/** One production step on plain float32 arrays (the gate's view). */
export function stepArrays(optimizer: Optimizer, { params, grads, state, t }: StepInput): StepOutput {
  const layout = optimizer.config.entry.state(optimizer.config.flags);
  const created: tf.Tensor[] = [];
  const tensor = (data: Float32Array, shape: number[]): tf.Tensor => {
    const x = tf.tensor(data, shape, 'float32');
    created.push(x);
    return x;
  };
  try {
    const stateTensors: TensorState = {};
    for (const [k, s] of Object.entries(state)) stateTensors[k] = tensor(s, layout.tensor.includes(k) ? [] : [s.length]);
    const r = optimizer.step(tensor(params, [params.length]), tensor(grads, [grads.length]), stateTensors, t);
    const out: StepOutput = { params: Float32Array.from(r.params.dataSync()), state: {} };
    for (const [k, s] of Object.entries(r.state)) out.state[k] = Float32Array.from(s.dataSync());
    tf.dispose([r.params, ...Object.values(r.state)]);
    return out;
  } finally {
    tf.dispose(created);
  }
}

/** The production initial state on plain float32 arrays. */
export function initArrays(optimizer: Optimizer, params: Float32Array): Record<string, Float32Array> {
  const p = tf.tensor(params, [params.length], 'float32');
  const s = optimizer.init(p);
  const out = Object.fromEntries(Object.entries(s).map(([k, x]) => [k, Float32Array.from(x.dataSync())]));
  tf.dispose([p, ...Object.values(s)]);
  return out;
}
