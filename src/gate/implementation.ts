/**
 * An implementation under test, as the gate sees it: `init` and `step` on plain float32 data, and the
 * algorithm whose float32 operation sequence derives its error bound.
 *
 * @module
 */
import type { Configuration, State, StepInput, StepOutput } from '../../core/catalogue/index.js';
import { initArrays, stepArrays } from '../production/tfjs/optimizer.js';
import { optimizerFor, productionRuleOf } from '../registry/index.js';
import { boundInit, boundStep, type StepBound } from './bound/step-bound.js';

/** An implementation the gate can judge. */
export interface Implementation {
  /** Who it is, and where it ran (`optim-oracle on wasm`). */
  readonly name: string;
  init(config: Configuration, params: Float32Array, shape?: readonly number[]): State;
  step(config: Configuration, input: StepInput): StepOutput;
  /** The derived bound on this implementation's error in one step (docs/error-analysis.md). */
  bound(config: Configuration, input: StepInput): StepBound;
  /** The derived bound on its initial state. */
  boundInit(config: Configuration, length: number, shape?: readonly number[]): StepBound;
}

/**
 * The bound of this project's production algorithm for a step: the registry's production rule run by
 * the driver on error-bounded numbers ({@link boundStep}), for either kind of update.
 */
export function productionBound(config: Configuration, input: StepInput): StepBound {
  return boundStep(productionRuleOf(config.entry.name), config, input);
}

/** This project's production code on the active TensorFlow.js backend. */
export function production(backend: string): Implementation {
  return {
    name: `optim-oracle on ${backend}`,
    init: (config, params, shape) => initArrays(optimizerFor(config), params, shape),
    step: (config, input) => stepArrays(optimizerFor(config), input),
    bound: productionBound,
    boundInit: (config, length, shape) => boundInit(productionRuleOf(config.entry.name), config, length, shape),
  };
}
