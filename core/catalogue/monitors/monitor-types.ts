/**
 * What a monitor takes and returns, shared by the oracle, production and the gate: the metric values
 * (one per epoch, each a float32 or a float64), the per-run options of the patience rule, and the
 * outcome (stop epoch, best epoch, restored epoch) with a trace of every comparison made, so that two
 * implementations can be compared decision by decision.
 *
 * Epochs are numbered from 0 (Keras's `epoch` argument); Prechelt's t is the epoch number plus 1.
 *
 * @module
 */
import { ConfigurationError, StepInputError } from '../errors.js';

/** The binary format the metric values are held in: float32 (a framework's metric tensors) or float64. */
export type MetricFormat = 'float32' | 'float64';

/** One value per epoch, each a float of `format` (a float32 given as the JavaScript number equal to it). */
export interface MetricSequence {
  readonly format: MetricFormat;
  readonly values: readonly number[];
}

/** The direction of improvement: `min` (lower is better) or `max`. */
export type Direction = 'min' | 'max';

/**
 * A run's options of the patience rule, as a user passes them to the callback. Numbers that the
 * oracle reads exactly are decimal text.
 */
export interface EarlyStoppingOptions {
  /** `min`, `max`, or `auto` (the direction from the metric's name); absent: the framework's default. */
  readonly mode?: Direction | 'auto';
  /** The monitored metric's name, for `auto` (default `val_loss`). */
  readonly monitor?: string;
  /** Keras 3's `auto`: the direction of the compiled metric called `monitor`, when there is one. */
  readonly metricDirection?: 'up' | 'down';
  /** Keras `baseline`, tfjs `baseline` (decimal text). */
  readonly baseline?: string;
  /** Keras `restore_best_weights`, tfjs `restoreBestWeights`. */
  readonly restoreBestWeights?: boolean;
  /** Lightning `stopping_threshold` (decimal text). */
  readonly stoppingThreshold?: string;
  /** Lightning `divergence_threshold` (decimal text). */
  readonly divergenceThreshold?: string;
  /** Lightning `check_finite` (default true). */
  readonly checkFinite?: boolean;
}

/** Prechelt's inputs: validation error E_va and training error E_tr per epoch, both > 0. */
export interface PrecheltSeries {
  readonly validation: MetricSequence;
  readonly training: MetricSequence;
}

/**
 * A monitor's input: the monitored values (Prechelt: the validation errors E_va), Prechelt's
 * training errors E_tr, and the patience rule's per-run options.
 */
export interface MonitorInput {
  readonly values: MetricSequence;
  readonly training?: MetricSequence;
  readonly options?: EarlyStoppingOptions;
}

/** Prechelt's series from a monitor input; a {@link StepInputError} when the training errors are missing. */
export function precheltSeriesOf(rule: string, input: MonitorInput): PrecheltSeries {
  if (input.training === undefined) throw new StepInputError(rule, "Prechelt's criteria need the training errors E_tr");
  return { validation: input.values, training: input.training };
}

/** Why a monitor stopped. */
export type StopReason =
  | 'patience'
  | 'non-finite'
  | 'stopping-threshold'
  | 'divergence-threshold'
  | 'generalization-loss'
  | 'progress-quotient'
  | 'successive-increases';

/**
 * One order comparison a monitor made: `left op right` with `op` strict, and whether it held. `what`
 * names it (`improvement`, `baseline`, `stopping-threshold`, `GL > α`, …). The oracle's operands are
 * exact decimals (V = Decimal); production's are the floats it compared (V = number).
 */
export interface Comparison<V> {
  readonly what: string;
  readonly op: '<' | '>';
  readonly left: V;
  readonly right: V;
  readonly holds: boolean;
}

/** What a monitor did at the end of one epoch. */
export interface EpochTrace<V> {
  readonly epoch: number;
  /** False before Keras's `start_from_epoch`, and at epochs that are not ends of strips (PQ, UP). */
  readonly monitored: boolean;
  readonly comparisons: readonly Comparison<V>[];
  /** The epoch became the best (its value is the new reference). */
  readonly improved: boolean;
  /** The patience counter after this epoch (0 for Prechelt's criteria). */
  readonly wait: number;
  readonly stop: boolean;
}

/** A monitor's decisions over a sequence. */
export interface MonitorOutcome<V> {
  /** The epoch at whose end training stops; undefined when it runs through every value. */
  readonly stopEpoch: number | undefined;
  readonly reason: StopReason | undefined;
  /** The epoch of the reference value held at the end; undefined when no epoch was monitored. */
  readonly bestEpoch: number | undefined;
  /** The epoch whose weights are restored when training ends; undefined: the last weights stay. */
  readonly restoredEpoch: number | undefined;
  /** One entry per epoch consumed, up to and including the stop epoch. */
  readonly epochs: readonly EpochTrace<V>[];
}

/** The binary32 nearest to x is x itself. */
const isFloat32 = (x: number): boolean => Number.isNaN(x) || Math.fround(x) === x;

/**
 * Throws a {@link StepInputError} unless every value is a number of the sequence's format (NaN and
 * ±∞ are allowed: the frameworks receive them).
 */
export function checkSequence(rule: string, what: string, s: MetricSequence): void {
  if (s.format !== 'float32' && s.format !== 'float64')
    throw new StepInputError(rule, `${what}: format must be 'float32' or 'float64', got ${String(s.format)}`);
  s.values.forEach((x, i) => {
    if (typeof x !== 'number') throw new StepInputError(rule, `${what}[${i}] = ${String(x)} is not a number`);
    if (s.format === 'float32' && !isFloat32(x))
      throw new StepInputError(rule, `${what}[${i}] = ${x} is not a float32 (Math.fround gives ${Math.fround(x)})`);
  });
}

/** Throws unless Prechelt's two series have the same length and every value is finite and > 0. */
export function checkPrecheltSeries(rule: string, { validation, training }: PrecheltSeries): void {
  checkSequence(rule, 'validation', validation);
  checkSequence(rule, 'training', training);
  if (validation.values.length !== training.values.length)
    throw new StepInputError(
      rule,
      `validation and training errors must have one value per epoch each, got ${validation.values.length} and ${training.values.length}`,
    );
  for (const [what, s] of [
    ['validation', validation],
    ['training', training],
  ] as const) {
    const bad = s.values.findIndex((x) => !(x > 0 && x < Infinity));
    if (bad >= 0)
      throw new StepInputError(rule, `${what}[${bad}] = ${s.values[bad]}: Prechelt's errors must be finite and > 0`);
  }
}

/** The Keras/tfjs/Lightning conventions that decide the direction; a subset of the entry's flags. */
export interface DirectionFlags {
  readonly autoMode: 'loss-or-metric-direction' | 'acc-substring' | 'none';
}

/**
 * The direction of improvement under a preset's `autoMode` flag. `min`/`max` as given; `auto`:
 * Keras 3 (monitor_callback.py `_set_monitor_op`): min when the name without its `val_` prefix is
 * `loss`, then the compiled metric's `_direction` (`up` → max, else min) when it has one, else a
 * ValueError; tfjs (callbacks.ts): max when the name contains `acc`, else min; Lightning has no
 * `auto` (a MisconfigurationException). The default mode is `auto` for Keras and tfjs, `min` for
 * Lightning.
 */
export function directionOf(rule: string, flags: DirectionFlags, options: EarlyStoppingOptions): Direction {
  const mode = options.mode ?? (flags.autoMode === 'none' ? 'min' : 'auto');
  if (mode === 'min' || mode === 'max') return mode;
  const monitor = options.monitor ?? 'val_loss';
  switch (flags.autoMode) {
    case 'acc-substring':
      return monitor.includes('acc') ? 'max' : 'min';
    case 'none':
      throw new ConfigurationError(rule, "mode 'auto' is not accepted under this convention (Lightning: min or max)");
    case 'loss-or-metric-direction': {
      const name = monitor.startsWith('val_') ? monitor.slice(4) : monitor;
      if (options.metricDirection !== undefined) return options.metricDirection === 'up' ? 'max' : 'min';
      if (name === 'loss') return 'min';
      throw new ConfigurationError(
        rule,
        `mode 'auto' cannot tell whether ${monitor} should be minimised or maximised (Keras raises ValueError); pass mode 'min' or 'max'`,
      );
    }
  }
}
