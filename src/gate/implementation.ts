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

/** What replays a failed property: which property of which rule and preset, and fast-check's seed and path. */
export interface FailedProperty {
  readonly rule: string;
  readonly preset: string;
  readonly property: string;
  readonly seed: number;
  readonly path: string;
  readonly runs: number;
}

/** An implementation the gate can judge. */
export interface Implementation {
  /** Who it is, and where it ran (`optim-oracle on wasm`). */
  readonly name: string;
  init(config: Configuration, params: Float32Array, shape?: readonly number[]): State;
  step(config: Configuration, input: StepInput): StepOutput;
  /**
   * Several steps at once, each from its own input (a trajectory's steps, each from the oracle's
   * state); the answers in the order of `inputs`. Optional: without it, the gate calls `step` for each.
   */
  stepMany?(config: Configuration, inputs: readonly StepInput[]): StepOutput[];
  /** The derived bound on this implementation's error in one step (docs/error-analysis.md). */
  bound(config: Configuration, input: StepInput): StepBound;
  /** The derived bound on its initial state. */
  boundInit(config: Configuration, length: number, shape?: readonly number[]): StepBound;
  /**
   * The conforming tier's bound (src/gate/orders/): the largest over the documented operation orders
   * of the formula. Given for implementations outside this project, whose order may be another; a
   * step that leaves `bound` but not this passes at tier `conforming`.
   */
  conformingBound?(config: Configuration, input: StepInput): StepBound;
  /**
   * How to rerun one failed property on this implementation (default: `npx optim-oracle check …
   * --backend B`, this project's production on backend B).
   */
  replay?(failure: FailedProperty): string;
  /** Hyperparameters it cannot take, by rule, fixed at the value it uses (`{ adagrad: { eps: '1e-7' } }`). */
  readonly pinned?: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** Whether it implements `rule` under `preset` (default: every rule and preset of the registry). */
  supports?(rule: string, preset: string): boolean;
  /** The error that broke it for good (a program that left the protocol), if one did: the run stops. */
  broken?(): Error | undefined;
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
