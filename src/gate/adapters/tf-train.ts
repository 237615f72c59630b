/**
 * TensorFlow.js's own optimizers (`tf.train.sgd`, `momentum` with and without Nesterov, `adagrad`,
 * `adadelta`, `adam`, `adamax`, `rmsprop` plain, centered and with momentum), as an implementation the
 * gate judges in process under the `tfjs` preset, on whichever backend is active.
 *
 * Each step builds a fresh optimizer, loads the gate's state into the optimizer's own accumulators (the
 * fields its `applyGradients` creates on the first call: tfjs-core/src/optimizers/*_optimizer.ts,
 * 4.22), applies the gradient to a variable holding the parameters, and reads the variable and the
 * accumulators back. The running products β^t (Adam's `accBeta1`, `accBeta2`; Adamax's `accBeta1`) are
 * our slots `b1pow`, `b2pow`; Adamax's decayed step reads its `iteration` variable, set to t − 1.
 * `tf.train.adagrad` has no ε: it adds the backend's epsilon, 1e-7 on the float32 backends (cpu, wasm),
 * pinned at that value.
 *
 * @module
 */
import * as tf from '@tensorflow/tfjs-core';
import type { Configuration, State, StepInput, StepOutput } from '../../../core/catalogue/index.js';

/** The tfjs preset's hyperparameters as JavaScript numbers (tfjs takes numbers). */
const hyper = (config: Configuration, name: string): number => Number((config.hyper as Record<string, string>)[name]);

/** An optimizer's accumulator list, as the tfjs classes keep them (private in TypeScript, plain fields in JS). */
type Accumulators = { originalName: string; variable: tf.Variable }[];

interface Loaded {
  readonly optimizer: tf.Optimizer;
  /** Our slot name → the optimizer's field holding that accumulator list, or its scalar variable. */
  readonly lists: Readonly<Record<string, string>>;
  readonly scalars: Readonly<Record<string, string>>;
}

/** The tf.train optimizer for `config`, and where each of our slots lives in it. */
function build(config: Configuration): Loaded {
  const lr = hyper(config, 'lr');
  switch (config.entry.name) {
    case 'sgd':
      return { optimizer: tf.train.sgd(lr), lists: {}, scalars: {} };
    case 'momentum':
    case 'nesterov':
      return {
        optimizer: tf.train.momentum(lr, hyper(config, 'momentum'), config.entry.name === 'nesterov'),
        lists: { buffer: 'accumulations' },
        scalars: {},
      };
    case 'adagrad':
      return {
        optimizer: tf.train.adagrad(lr, hyper(config, 'initialAccumulator')),
        lists: { accumulator: 'accumulatedGrads' },
        scalars: {},
      };
    case 'adadelta':
      return {
        optimizer: tf.train.adadelta(lr, hyper(config, 'rho'), hyper(config, 'eps')),
        lists: { gradSquared: 'accumulatedGrads', updateSquared: 'accumulatedUpdates' },
        scalars: {},
      };
    case 'adam':
      return {
        optimizer: tf.train.adam(lr, hyper(config, 'beta1'), hyper(config, 'beta2'), hyper(config, 'eps')),
        lists: { m: 'accumulatedFirstMoment', v: 'accumulatedSecondMoment' },
        scalars: { b1pow: 'accBeta1', b2pow: 'accBeta2' },
      };
    case 'adamax':
      return {
        optimizer: tf.train.adamax(
          lr,
          hyper(config, 'beta1'),
          hyper(config, 'beta2'),
          hyper(config, 'eps'),
          hyper(config, 'decay'),
        ),
        lists: { m: 'accumulatedFirstMoment', u: 'accumulatedWeightedInfNorm' },
        scalars: { b1pow: 'accBeta1' },
      };
    case 'rmsprop':
    case 'rmsprop-centered':
      return {
        optimizer: tf.train.rmsprop(
          lr,
          hyper(config, 'rho'),
          hyper(config, 'momentum'),
          hyper(config, 'eps'),
          config.entry.name === 'rmsprop-centered',
        ),
        lists: { meanSquare: 'accumulatedMeanSquares', buffer: 'accumulatedMoments', meanGrad: 'accumulatedMeanGrads' },
        scalars: {},
      };
    default:
      throw new RangeError(`tf.train has no ${config.entry.name}`);
  }
}

let serial = 0;

/** One step of the tf.train optimizer for `config` from `input`, on the active backend. */
export function tfTrainStep(config: Configuration, input: StepInput): StepOutput {
  const { optimizer, lists, scalars } = build(config);
  const fields = optimizer as unknown as Record<string, unknown>;
  const name = `optim-oracle-gate-${serial++}`;
  const param = tf.variable(tf.tensor1d(input.params, 'float32'), true, name);
  const grad = tf.tensor1d(input.grads, 'float32');
  try {
    for (const [slot, field] of Object.entries(lists)) {
      const values = input.state[slot];
      if (values !== undefined)
        fields[field] = [{ originalName: `${name}/${slot}`, variable: tf.variable(tf.tensor1d(values), false) }];
    }
    for (const [slot, field] of Object.entries(scalars)) {
      const values = input.state[slot];
      if (values !== undefined) (fields[field] as tf.Variable).assign(tf.scalar(values[0] ?? NaN));
    }
    if (config.entry.name === 'adamax') (fields['iteration'] as tf.Variable).assign(tf.scalar(input.t - 1));
    optimizer.applyGradients([{ name, tensor: grad }]);
    const state: State = {};
    for (const [slot, field] of Object.entries(lists)) {
      const list = fields[field] as Accumulators;
      if (input.state[slot] !== undefined) state[slot] = list[0]?.variable.dataSync() as Float32Array;
    }
    for (const [slot, field] of Object.entries(scalars))
      if (input.state[slot] !== undefined) state[slot] = (fields[field] as tf.Variable).dataSync() as Float32Array;
    return { params: param.dataSync() as Float32Array, state };
  } finally {
    param.dispose();
    grad.dispose();
    optimizer.dispose();
    for (const field of Object.values(lists))
      for (const a of (fields[field] as Accumulators | undefined) ?? []) a.variable.dispose();
  }
}

/** The state tf.train starts from: zeros, Adagrad's accumulator at its initial value, β^1 = β. */
export function tfTrainInit(config: Configuration, params: Float32Array): State {
  const layout = config.entry.state(config.flags);
  const initialFrom = (layout.initialFrom ?? {}) as Readonly<Record<string, string>>;
  const state: State = {};
  for (const slot of layout.element) {
    const from = initialFrom[slot];
    state[slot] = new Float32Array(params.length).fill(from === undefined ? 0 : hyper(config, from));
  }
  for (const slot of layout.tensor) state[slot] = Float32Array.of(hyper(config, slot === 'b2pow' ? 'beta2' : 'beta1'));
  return state;
}

/** The rules tf.train has, under the tfjs preset. */
export const TF_TRAIN_RULES = [
  'sgd',
  'momentum',
  'nesterov',
  'adagrad',
  'adadelta',
  'adam',
  'adamax',
  'rmsprop',
  'rmsprop-centered',
] as const;

/**
 * `tf.train` as a target for the in-process gate (`gate(tfTrain('wasm'), { backend: 'wasm' })`): every
 * rule of {@link TF_TRAIN_RULES} under the tfjs preset, Adagrad's ε pinned at the backend's epsilon.
 */
export function tfTrain(backend: string) {
  return {
    name: `tf.train on ${backend}`,
    rules: Object.fromEntries(TF_TRAIN_RULES.map((rule) => [rule, ['tfjs'] as const])),
    pinned: { adagrad: { eps: '1e-7' } },
    init: tfTrainInit,
    step: tfTrainStep,
  };
}
