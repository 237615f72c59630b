/**
 * An implementation under test, as the gate sees it: `init` and `step` on plain float32 data, and the
 * algorithm whose float32 operation sequence derives its error bound.
 *
 * @module
 */
import type { Configuration, State, StepInput, StepOutput } from '../../core/catalogue/index.js';
import { productionRuleOf, type ProductionRule } from '../production/rules/index.js';
import { boundInit, boundNag, boundStep, type StepBound } from './bound/step-bound.js';

/** NAG's state starts at zero, as an elementwise rule with no tensor slots would. */
const nagInitModel: ProductionRule = {
  name: 'nag',
  initTensorSlots: () => ({}),
  coefficients: () => ({}),
  step: (_A, x) => ({ param: x.param, slots: {} }),
};
import { initArrays, optimizerFor, stepArrays } from '../production/tfjs/optimizer.js';

/** An implementation the gate can judge. */
export interface Implementation {
  /** Who it is, and where it ran (`optim-oracle on wasm`). */
  readonly name: string;
  init(config: Configuration, params: Float32Array): State;
  step(config: Configuration, input: StepInput): StepOutput;
  /** The derived bound on this implementation's error in one step (docs/error-analysis.md). */
  bound(config: Configuration, input: StepInput): StepBound;
  /** The derived bound on its initial state. */
  boundInit(config: Configuration, length: number): StepBound;
}

/** The bound of this project's production algorithm for a step. */
export function productionBound(config: Configuration, input: StepInput): StepBound {
  return config.entry.needsObjective
    ? boundNag(config, input)
    : boundStep(productionRuleOf(config.entry.name), config, input);
}

/** This project's production code on the active TensorFlow.js backend. */
export function production(backend: string): Implementation {
  return {
    name: `optim-oracle on ${backend}`,
    init: (config, params) => initArrays(optimizerFor(config), params),
    step: (config, input) => stepArrays(optimizerFor(config), input),
    bound: productionBound,
    boundInit: (config, length) =>
      config.entry.needsObjective
        ? { velocity: boundInit(nagInitModel, config, length)['velocity']! }
        : boundInit(productionRuleOf(config.entry.name), config, length),
  };
}
