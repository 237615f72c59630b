/**
 * `gate`: judge an implementation of update rules written in JavaScript or TypeScript, in process,
 * against the exact oracle, with the properties `check` runs on this project's own production code.
 * Its steps may be asynchronous. Each step is judged within the derived error bound of the preset's
 * own operation order (tier `faithful-to-preset`): an implementation that computes in another order
 * may exceed it by a few units in the last place and still be correct.
 *
 * @module
 */
import type { Configuration, PresetName, State, StepInput, StepOutput } from '../../core/catalogue/index.js';
import { boundInit } from '../gate/bound/step-bound.js';
import { productionBound } from '../gate/implementation.js';
import { conformingBound } from '../gate/orders/index.js';
import { DEFAULT_SEED } from '../gate/seed.js';
import { productionRuleOf } from '../registry/index.js';
import type { PropertyName } from './check-plan.js';
import { runCheck } from './check.js';
import type { CheckReport } from './check-types.js';

/** An implementation to judge: what it implements, and its two operations on plain float32 data. */
export interface GateTarget {
  /** Its name in reports. */
  readonly name: string;
  /** The rules it implements, each with the presets whose conventions it follows: `{ adam: ['pytorch'] }`. */
  readonly rules: Readonly<Partial<Record<string, readonly PresetName[]>>>;
  /** Hyperparameters it cannot take, by rule, fixed at the value it uses: `{ adagrad: { eps: '1e-7' } }`. */
  readonly pinned?: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** The state the rule starts from for `params` (one array per slot `config.entry.state(config.flags)` lists). */
  init(config: Configuration, params: Float32Array): State | Promise<State>;
  /** One update at step `input.t` (from 1); it must not modify its inputs. */
  step(config: Configuration, input: StepInput): StepOutput | Promise<StepOutput>;
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
  readonly property?: PropertyName;
  /**
   * `typical` (default): finite inputs, one step and trajectories; `full`: also one step with NaN and
   * ±∞ among the inputs, judged by IEEE class.
   */
  readonly domain?: 'typical' | 'full';
}

/**
 * Runs the agreement properties of every rule and preset `target` implements (or those the options
 * select) and resolves to `check`'s report: `report.failed === 0` when every property passed and
 * judged something; `formatReport(report)` prints it with each failure's counterexample.
 */
export async function gate(target: GateTarget, options: GateOptions = {}): Promise<CheckReport> {
  const implemented = (rule: string, preset: string) => (target.rules[rule] ?? []).some((p: string) => p === preset);
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
      ...(target.pinned === undefined ? {} : { pinned: target.pinned }),
      replay: (f) =>
        `gate(${target.name}, { seed: ${f.seed}, path: '${f.path}', rule: '${f.rule}', preset: '${f.preset}', property: '${f.property}', runs: ${f.runs} })`,
    }),
  });
}
