/**
 * What the decay and EMA stages of Keras 3's optimizer wrapper must give on float32 inputs: the
 * oracle's certified outputs (oracle/keras-wrapper.ts) and the derived bound of each element (the
 * stage's production code, src/production/keras-wrapper/stages.ts, run on error-bounded numbers):
 *
 *   decay  θ* = θ − θ · wd · lr   (lr the constant, or the schedule's exact value at `iterations`)
 *   EMA    avg' = m · avg + (1 − m) · θ',   m = ema_momentum, or 0 at iterations 0
 *
 * The gate's judge (./judge.ts) and the fixtures (src/fixtures/wrapper-step.ts) both read them.
 *
 * @module
 */
import type { Configuration } from '../../../core/catalogue/index.js';
import { required } from '../../../core/required.js';
import { decayOracle, emaOracle, type StageOutputs } from '../../../oracle/keras-wrapper.js';
import {
  decay,
  decayCoefficients,
  emaCoefficients,
  learningRateOf,
  movingAverage,
} from '../../production/keras-wrapper/stages.js';
import { boundedArith, exactInput, type Bounded } from '../bound/bounded.js';
import { scalarBoundArith, scalarToBounded } from '../bound/scalar-bound.js';
import { elementBound, type StepBound } from '../bound/step-bound.js';
import { coefficientBoundArith } from '../schedules/rate-bound.js';

/** A stage's certified outputs and the bound of each of its elements, under one output name. */
export interface StageExpectation {
  readonly oracle: StageOutputs;
  readonly bound: StepBound;
}

/** Bounds of an elementwise stage `f` on exact float32 inputs, under `output`. */
function stageBound(output: string, inputs: readonly Float32Array[], f: (x: Bounded[]) => Bounded): StepBound {
  const n = required(inputs[0], 'an input').length;
  return {
    [output]: Array.from({ length: n }, (_, k) =>
      elementBound(f(inputs.map((x) => exactInput(required(x[k], 'element'))))),
    ),
  };
}

/**
 * The decay stage on `theta` at Keras's iteration `iterations` (the rule's t = iterations + 1), or
 * undefined when the wrapper has no weight decay of its own.
 */
export function decayExpectation(
  config: Configuration,
  theta: Float32Array,
  iterations: number,
  output = 'decayed',
): StageExpectation | undefined {
  const wrapper = config.keras ?? {};
  const dc = decayCoefficients(coefficientBoundArith, wrapper, config, iterations + 1);
  if (dc === undefined || wrapper.weightDecay === undefined) return undefined;
  const { schedule } = config;
  const rate = schedule === undefined ? learningRateOf(config) : { schedule, iterations };
  const c = { wd: scalarToBounded(dc.wd), lr: scalarToBounded(dc.lr) };
  return {
    oracle: decayOracle(theta, wrapper.weightDecay, rate, output),
    bound: stageBound(output, [theta], ([x]) => decay(boundedArith, required(x, 'θ'), c)),
  };
}

/**
 * The EMA stage on the average `average` and the rule's output `theta` at Keras's iteration
 * `iterations`, or undefined when the wrapper keeps no average.
 */
export function emaExpectation(
  config: Configuration,
  average: Float32Array,
  theta: Float32Array,
  iterations: number,
  output = 'average',
): StageExpectation | undefined {
  const wrapper = config.keras ?? {};
  const ec = emaCoefficients(scalarBoundArith, wrapper, iterations);
  if (ec === undefined || wrapper.ema === undefined) return undefined;
  const c = { m: scalarToBounded(ec.m), one: scalarToBounded(ec.one) };
  return {
    oracle: emaOracle(average, theta, wrapper.ema.momentum, iterations, output),
    bound: stageBound(output, [average, theta], ([a, x]) =>
      movingAverage(boundedArith, required(a, 'avg'), required(x, 'θ'), c),
    ),
  };
}
