/**
 * An implementation under test, as the gate sees it: `init` and `step` on plain float32 data, and the
 * algorithm whose float32 operation sequence derives its error bound.
 *
 * @module
 */
import type { Configuration, FlagValue, State, StepInput, StepOutput } from '../../core/catalogue/index.js';
import type { KerasStepInput, KerasStepStages } from '../production/tfjs/keras-wrapper.js';
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
  /**
   * Whether it takes learning-rate schedule `schedule`, computed by the production path `flags`, in
   * place of `rule`'s constant `lr` under `preset`: then `step` is given configurations with
   * `config.schedule` (update t takes the schedule's value at t − 1). Absent: every schedule when
   * `supports` is absent too (this project's production), none otherwise.
   */
  supportsSchedule?(
    rule: string,
    preset: string,
    schedule: string,
    flags: Readonly<Record<string, FlagValue | undefined>>,
  ): boolean;
  /**
   * Whether it implements Keras 3's optimizer wrapper around `rule` under `keras` (`kerasStep`). Absent:
   * yes when `supports` is absent too (this project's production), no otherwise.
   */
  supportsKerasWrapper?(rule: string): boolean;
  /**
   * One step of Keras 3's optimizer wrapper (`config.keras`: clip, decay, the rule's step, EMA,
   * overwrite; docs/keras-wrapper.md) on a list of variables, with every stage's output, which the gate
   * judges stage by stage. Absent: this project's wrapper around `step`.
   */
  kerasStep?(config: Configuration, input: KerasStepInput): KerasStepStages;
  /**
   * Whether it implements gradient transform `transform` (a clipping) under `preset` (`transform`).
   * Absent: every one when `supports` is absent too (this project's production), none otherwise.
   */
  supportsTransform?(transform: string, preset: string): boolean;
  /** The list of gradients, one array per variable, transformed under `config` (a clipping's configuration). */
  transform?(config: Configuration, grads: readonly Float32Array[]): Float32Array[];
}

/** Whether an implementation is this project's production, which implements everything the registry has. */
const ours = (impl: Pick<Implementation, 'supports'>) => impl.supports === undefined;

/**
 * The schedules `impl` takes with `rule` under `preset`, as a test on a schedule's name and flags;
 * undefined when it takes none.
 */
export function schedulesOf(
  impl: Pick<Implementation, 'supports' | 'supportsSchedule'>,
  rule: string,
  preset: string,
): ((schedule: string, flags: Readonly<Record<string, FlagValue | undefined>>) => boolean) | undefined {
  if (ours(impl)) return () => true;
  const supports = impl.supportsSchedule;
  return supports === undefined ? undefined : (schedule, flags) => supports(rule, preset, schedule, flags);
}

/** Whether `impl` implements Keras's wrapper around `rule`. */
export const implementsKerasWrapper = (impl: Pick<Implementation, 'supports' | 'supportsKerasWrapper'>, rule: string) =>
  ours(impl) || (impl.supportsKerasWrapper?.(rule) ?? false);

/** Whether `impl` implements gradient transform `transform` under `preset`. */
export const implementsTransform = (
  impl: Pick<Implementation, 'supports' | 'supportsTransform'>,
  transform: string,
  preset: string,
) => ours(impl) || (impl.supportsTransform?.(transform, preset) ?? false);

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
