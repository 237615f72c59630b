/**
 * An implementation under test, as the gate sees it: `init` and `step` on plain float32 data, and the
 * algorithm whose float32 operation sequence derives its error bound.
 *
 * @module
 */
import type { Configuration, State, StepInput, StepOutput } from '../catalogue/index.js';
import { productionRuleOf, type ProductionRule } from '../rules/index.js';
import { initArrays, optimizerFor, stepArrays } from '../tfjs/optimizer.js';

/** An implementation the gate can judge. */
export interface Implementation {
  /** Who it is, and where it ran (`optim-oracle on wasm`). */
  readonly name: string;
  init(config: Configuration, params: Float32Array): State;
  step(config: Configuration, input: StepInput): StepOutput;
  /** The algorithm whose operations bound this implementation's rounding error. */
  errorModel(rule: string): ProductionRule;
}

/** This project's production code on the active TensorFlow.js backend. */
export function production(backend: string): Implementation {
  return {
    name: `optim-oracle on ${backend}`,
    init: (config, params) => initArrays(optimizerFor(config), params),
    step: (config, input) => stepArrays(optimizerFor(config), input),
    errorModel: productionRuleOf,
  };
}
