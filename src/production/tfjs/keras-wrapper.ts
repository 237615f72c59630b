/**
 * One step of Keras 3's optimizer wrapper on TensorFlow.js (keras/src/optimizers/base_optimizer.py,
 * `apply` → `_backend_apply_gradients`): clip, decay, the rule's own step, EMA, overwrite, on a list
 * of variables, each stage's float32 output kept so that the gate can judge every stage on the inputs
 * production gave it. The rule's step is the existing driver (`stepArrays`), or any implementation's.
 *
 * @module
 */
import * as tf from '@tensorflow/tfjs-core';
import { float64Scalars, type Float32Arith } from '../../../core/arith.js';
import { float64Coefficients } from '../coefficients.js';
import type { Configuration, State, StepInput, StepOutput } from '../../../core/catalogue/index.js';
import { required } from '../../../core/required.js';
import {
  clippingOf,
  decay,
  decayCoefficients,
  emaCoefficients,
  movingAverage,
  overwrites,
} from '../keras-wrapper/stages.js';
import { tensorArith } from './arith.js';
import { tfjsClipArrays } from './clipping.js';

/** One wrapper step's inputs: the variables, their gradients, rule states and averages, and Keras's iteration count (0 first). */
export interface KerasStepInput {
  readonly params: readonly Float32Array[];
  readonly grads: readonly Float32Array[];
  readonly state: readonly State[];
  /** The EMA averages (zeros before the first step), when the wrapper keeps them. */
  readonly average?: readonly Float32Array[];
  readonly iterations: number;
}

/** Every stage's output, per variable. */
export interface KerasStepStages {
  readonly clipped: Float32Array[];
  readonly decayed: Float32Array[];
  readonly stepped: StepOutput[];
  readonly average?: Float32Array[];
  /** The variables after the step: the rule's, or the averages where Keras overwrites them. */
  readonly params: Float32Array[];
}

/** A rule step on plain arrays (the driver's `stepArrays`, or an implementation under test). */
export type RuleStep = (config: Configuration, input: StepInput) => StepOutput;

/** `f` on float32 tensors of `xs` (with scalar coefficients `c`), back to arrays. */
function elementwise<C extends object>(
  coefficients: C,
  xs: readonly Float32Array[],
  f: (A: Float32Arith<tf.Tensor>, x: readonly tf.Tensor[], c: { [K in keyof C]: tf.Tensor }) => tf.Tensor,
): Float32Array {
  return tf.tidy(() => {
    const c = Object.fromEntries(Object.entries(coefficients).map(([k, v]) => [k, tf.scalar(v as number, 'float32')]));
    const x = xs.map((a) => tf.tensor1d(a, 'float32'));
    return Float32Array.from(f(tensorArith, x, c as { [K in keyof C]: tf.Tensor }).dataSync());
  });
}

/** Splits a concatenation back into arrays of the given lengths. */
const split = (flat: Float32Array, like: readonly Float32Array[]): Float32Array[] => {
  let start = 0;
  return like.map((x) => flat.slice(start, (start += x.length)));
};

/** The decay stage of update `iterations` + 1 on one variable θ (a copy when the wrapper does not decay). */
export function decayArrays(config: Configuration, theta: Float32Array, iterations: number): Float32Array {
  const dc = decayCoefficients(float64Coefficients, config.keras ?? {}, config, iterations + 1);
  return dc ? elementwise(dc, [theta], (A, [x], c) => decay(A, required(x, 'θ'), c)) : theta.slice();
}

/**
 * The EMA stage at Keras's iteration `iterations` on one variable's average and the rule's θ', or
 * undefined when the wrapper keeps no average.
 */
export function averageArrays(
  config: Configuration,
  average: Float32Array,
  theta: Float32Array,
  iterations: number,
): Float32Array | undefined {
  const ec = emaCoefficients(float64Scalars, config.keras ?? {}, iterations);
  return ec
    ? elementwise(ec, [average, theta], (A, [avg, x], c) => movingAverage(A, required(avg, 'avg'), required(x, 'θ'), c))
    : undefined;
}

/** One Keras step under `config` (its `keras` wrapper, or none), the rule's stage by `ruleStep`. */
export function kerasStepArrays(config: Configuration, input: KerasStepInput, ruleStep: RuleStep): KerasStepStages {
  const wrapper = config.keras ?? {};
  const { iterations } = input;
  const clipping = wrapper.clip === undefined ? undefined : clippingOf(wrapper.clip);
  const clipped = clipping
    ? split(tfjsClipArrays(clipping.algorithm, clipping.config, input.grads), input.grads)
    : input.grads.map((g) => g.slice());
  const decayed = input.params.map((p) => decayArrays(config, p, iterations));
  const stepped = decayed.map((p, i) =>
    ruleStep(config, {
      params: p,
      grads: required(clipped[i], 'g'),
      state: required(input.state[i], 'state'),
      t: iterations + 1,
    }),
  );
  const average =
    wrapper.ema === undefined
      ? undefined
      : stepped.map((s, i) =>
          required(averageArrays(config, required(input.average?.[i], 'the average'), s.params, iterations), 'EMA'),
        );
  const params =
    average && overwrites(wrapper, iterations) ? average.map((a) => a.slice()) : stepped.map((s) => s.params);
  return { clipped, decayed, stepped, ...(average ? { average } : {}), params };
}
