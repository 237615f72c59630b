/**
 * `gate`: judge an implementation of update rules written in JavaScript or TypeScript, in process,
 * against the exact oracle, with the properties `check` runs on this project's own production code.
 * Its steps may be asynchronous. Each step is judged within the derived error bound of the preset's
 * own operation order (tier `faithful-to-preset`): an implementation that computes in another order
 * may exceed it by a few units in the last place and still be correct.
 *
 * @module
 */
import {
  OptionError,
  type Configuration,
  type PresetName,
  type State,
  type StepInput,
  type StepOutput,
} from '../../core/catalogue/index.js';
import { boundInit } from '../gate/bound/step-bound.js';
import {
  gradientTransformCallOf,
  takesScheduleOf,
  type GradientTransformCall,
  type RuleSupport,
  type TransformSupport,
} from '../gate/capabilities.js';
import type { KerasStepInput, KerasStepStages } from '../production/tfjs/keras-wrapper.js';
import { productionBound } from '../gate/implementation.js';
import { conformingBound } from '../gate/orders/index.js';
import { DEFAULT_SEED } from '../gate/seed.js';
import { productionRuleOf } from '../registry/index.js';
import type { PropertyName } from './check-plan.js';
import { runCheck } from './check.js';
import type { CheckReport } from './check-types.js';

/**
 * An implementation to judge: what it implements, and its operations on plain float32 data: `init` and
 * `step` always, `kerasStep` where it declares Keras's wrapper, `transform` where it declares clippings.
 */
export interface GateTarget {
  /** Its name in reports. */
  readonly name: string;
  /**
   * The rules it implements, each with the presets whose conventions it follows (`{ adam: ['pytorch'] }`),
   * or with what it takes beyond a plain step: `{ sgd: { presets: ['pytorch', 'keras'], schedules:
   * ['exponential-decay'], kerasWrapper: true } }`. A declared schedule reaches `step` as
   * `config.schedule` (`scheduleCallOf` reads it by name); update t takes its value at t − 1.
   */
  readonly rules: Readonly<Partial<Record<string, readonly PresetName[] | RuleSupport>>>;
  /** The gradient transforms (clippings) it implements, each with its presets: `{ 'clip-by-value': ['pytorch'] }`. */
  readonly transforms?: TransformSupport;
  /** Hyperparameters it cannot take, by rule, fixed at the value it uses: `{ adagrad: { eps: '1e-7' } }`. */
  readonly pinned?: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** The state the rule starts from for `params` (one array per slot `config.entry.state(config.flags)` lists). */
  init(config: Configuration, params: Float32Array): State | Promise<State>;
  /** One update at step `input.t` (from 1); it must not modify its inputs. */
  step(config: Configuration, input: StepInput): StepOutput | Promise<StepOutput>;
  /**
   * One step of Keras 3's optimizer wrapper (`config.keras`) on a list of variables at Keras's
   * `input.iterations` (0 first; the rule's t is iterations + 1), with every stage's output:
   * docs/keras-wrapper.md. Required when a rule declares `kerasWrapper`.
   */
  kerasStep?(config: Configuration, input: KerasStepInput): KerasStepStages | Promise<KerasStepStages>;
  /** The gradients (one array per variable) clipped by `clip`. Required when `transforms` names one. */
  transform?(clip: GradientTransformCall, grads: readonly Float32Array[]): Float32Array[] | Promise<Float32Array[]>;
}

/** A rule's declaration as a {@link RuleSupport}. */
const supportOf = (declared: readonly PresetName[] | RuleSupport | undefined): RuleSupport =>
  declared === undefined ? { presets: [] } : 'presets' in declared ? declared : { presets: declared };

/** An {@link OptionError} when the target declares what it has no operation for. */
function checkTarget(target: GateTarget): void {
  const wrapped = Object.entries(target.rules).filter(([, d]) => supportOf(d).kerasWrapper === true);
  if (wrapped.length > 0 && target.kerasStep === undefined)
    throw new OptionError(
      `${target.name} declares Keras's wrapper for ${wrapped.map(([r]) => r).join(', ')} but has no kerasStep`,
    );
  if (Object.keys(target.transforms ?? {}).length > 0 && target.transform === undefined)
    throw new OptionError(`${target.name} declares gradient transforms but has no transform`);
}

/** Options of {@link gate}. */
export interface GateOptions {
  /** Cases per property (default 100). */
  readonly runs?: number;
  /** fast-check seed (default 20171213); a failure prints the seed and path that replay it. */
  readonly seed?: number;
  /** Replay one counterexample: its fast-check path (with its seed, rule, preset and property). */
  readonly path?: string;
  /**
   * The TensorFlow.js backend to select before running (`wasm`, `cpu`, …; default: the fastest
   * present), for an implementation that computes on TensorFlow.js.
   */
  readonly backend?: string;
  /** Only this rule, preset or property. */
  readonly rule?: string;
  readonly preset?: PresetName;
  /** Only this property: an update rule's (`one-step`, …, `keras-wrapper`) or a clipping's `agreement`. */
  readonly property?: PropertyName | 'agreement';
  /**
   * `typical` (default): finite inputs, one step and trajectories; `full`: also one step with NaN and
   * ±∞ among the inputs, judged by IEEE class.
   */
  readonly domain?: 'typical' | 'full';
}

/**
 * Runs the agreement properties of every rule and preset `target` implements (or those the options
 * select), `one-step-scheduled` with the schedules it declares, `keras-wrapper` where it declares
 * Keras's wrapper, and the agreement of the clippings it declares, and resolves to `check`'s report:
 * `report.failed === 0` when every property passed and judged something; `formatReport(report)`
 * prints it with each failure's counterexample. An {@link OptionError} when the target declares
 * Keras's wrapper without `kerasStep`, or a clipping without `transform`.
 */
export async function gate(target: GateTarget, options: GateOptions = {}): Promise<CheckReport> {
  checkTarget(target);
  const support = (rule: string) => supportOf(target.rules[rule]);
  const implemented = (rule: string, preset: string) => support(rule).presets.some((p: string) => p === preset);
  const { kerasStep, transform } = target;
  const transforms: Readonly<Record<string, readonly string[] | undefined>> = target.transforms ?? {};
  return runCheck({
    runs: options.runs ?? 100,
    seed: options.seed ?? DEFAULT_SEED,
    path: options.path,
    rule: options.rule,
    preset: options.preset,
    property: options.property,
    backend: options.backend,
    ...((options.domain ?? 'typical') === 'typical' ? { excludeProperties: ['one-step-nonfinite'] } : {}),
    implementation: () => ({
      asynchronous: true,
      name: target.name,
      init: (config, params) => target.init(config, params),
      step: (config, input) => target.step(config, input),
      bound: productionBound,
      conformingBound,
      boundInit: (config, length) => boundInit(productionRuleOf(config.entry.name), config, length),
      supports: implemented,
      supportsSchedule: (rule, preset, schedule, flags) =>
        implemented(rule, preset) && takesScheduleOf(support(rule).schedules ?? [], schedule, flags),
      supportsKerasWrapper: (rule) => implemented(rule, 'keras') && support(rule).kerasWrapper === true,
      supportsTransform: (name, preset) => (transforms[name] ?? []).includes(preset),
      ...(kerasStep === undefined ? {} : { kerasStep: (config, input) => kerasStep.call(target, config, input) }),
      ...(transform === undefined
        ? {}
        : { transform: (config, grads) => transform.call(target, gradientTransformCallOf(config), grads) }),
      ...(target.pinned === undefined ? {} : { pinned: target.pinned }),
      replay: (f) =>
        `gate(${target.name}, { seed: ${f.seed}, path: '${f.path}', rule: '${f.rule}', preset: '${f.preset}', property: '${f.property}', runs: ${f.runs} })`,
    }),
  });
}
