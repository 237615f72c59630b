/**
 * The patience rule's control flow, once, for the oracle and production alike: the frameworks'
 * conventions (the entry's flags) decide the order of the tests and the counting, and a
 * {@link PatienceArith} decides the numbers: exactly in the oracle, with the framework's roundings in
 * production. With δ' = −δ (min) or δ (max), δ = |min_delta| (Keras, tfjs) or min_delta (Lightning):
 *
 * - improvement of v over a reference r: (v − δ') < r in min mode, (v − δ') > r in max mode;
 * - Keras 3 (keras/src/callbacks/early_stopping.py `on_epoch_end`): epochs before start_from_epoch
 *   are skipped; the first monitored epoch always improves (best is None after `on_train_begin`);
 *   wait += 1, then an improvement sets best and best_epoch and resets wait only when it also improves
 *   on the baseline; otherwise stop when wait ≥ patience and epoch > 0; restore_best_weights snapshots
 *   the first monitored epoch and every improvement, and restores the last snapshot when training
 *   ends, stopped early or not (`on_train_end`);
 * - tfjs (tfjs-layers/src/callbacks.ts `EarlyStopping.onEpochEnd`): best starts at the baseline or ±∞;
 *   an improvement sets best and resets wait, else wait += 1 and stop when wait ≥ patience;
 *   restoreBestWeights = true throws NotImplementedError in the constructor;
 * - Lightning (early_stopping.py `_evaluate_stopping_criteria`): the first that applies of: a
 *   non-finite value (check_finite), v beyond stopping_threshold (min mode: v < t), −v beyond
 *   −divergence_threshold (min mode: −v < −t), improvement over best (from ±∞); else wait += 1 and stop
 *   when wait ≥ patience. No weights are restored.
 *
 * @module
 */
import { ConfigurationError } from '../errors.js';
import type { Configuration } from '../types.js';
import type { EarlyStoppingSchema } from './early-stopping.js';
import {
  directionOf,
  type Comparison,
  type Direction,
  type EarlyStoppingOptions,
  type EpochTrace,
  type MonitorOutcome,
  type StopReason,
} from './monitor-types.js';

/** The numbers of the patience rule: exact (oracle) or as a framework computes them (production). */
export interface PatienceArith<V> {
  /** The metric value of `epoch`. */
  value(epoch: number): V;
  /** δ' = −δ (min) or δ (max), δ = |min_delta| or min_delta as the flag says, as the framework holds it. */
  signedDelta(direction: Direction): V;
  /** v − δ', as the framework computes it. */
  shifted(v: V, signedDelta: V): V;
  /** A user's number (baseline, threshold) as the framework holds it; `negate` for −text. */
  constant(text: string, negate?: boolean): V;
  /** +∞ or −∞. */
  infinity(sign: 1 | -1): V;
  neg(v: V): V;
  isFinite(v: V): boolean;
  /** `left op right` as the framework compares (after any conversion it makes), recorded. */
  compare(what: string, op: '<' | '>', left: V, right: V): Comparison<V>;
}

/** Throws when the run asks for restoring weights and the convention has none. */
function checkRestore(c: Configuration<EarlyStoppingSchema>, options: EarlyStoppingOptions): void {
  if (options.restoreBestWeights !== true || c.flags.restore === 'at-train-end') return;
  throw new ConfigurationError(
    c.entry.name,
    c.flags.restore === 'unsupported'
      ? `restoreBestWeights = true is not implemented under preset ${c.preset} (tfjs throws NotImplementedError)`
      : `preset ${c.preset} has no restoring of weights`,
  );
}

/** The patience rule on `length` epochs under `c` and `options`, with the numbers of `a`. */
export function patienceRule<V>(
  c: Configuration<EarlyStoppingSchema>,
  length: number,
  options: EarlyStoppingOptions,
  a: PatienceArith<V>,
): MonitorOutcome<V> {
  const { flags } = c;
  checkRestore(c, options);
  const direction = directionOf(c.entry.name, flags, options);
  const op = direction === 'min' ? '<' : '>';
  const delta = a.signedDelta(direction);
  const baseline = options.baseline === undefined ? undefined : a.constant(options.baseline);
  const infinity = a.infinity(direction === 'min' ? 1 : -1);
  const patience = Number(c.hyper.patience);
  const start = Number(c.hyper.startFromEpoch ?? '0');
  const restore = options.restoreBestWeights === true;
  const thresholds = flags.thresholds
    ? [
        ['stopping-threshold', options.stoppingThreshold, false],
        ['divergence-threshold', options.divergenceThreshold, true],
      ].flatMap(([what, text, negate]) =>
        typeof text === 'string'
          ? [{ what: what as StopReason, limit: a.constant(text, negate === true), negate }]
          : [],
      )
    : [];

  let best: V | undefined =
    flags.initialBest === 'none' ? undefined : flags.initialBest === 'infinity' ? infinity : (baseline ?? infinity);
  let bestEpoch: number | undefined;
  let snapshot: number | undefined;
  let wait = 0;
  const epochs: EpochTrace<V>[] = [];
  let stopEpoch: number | undefined;
  let reason: StopReason | undefined;
  const record = (epoch: number, comparisons: Comparison<V>[], monitored: boolean, improved: boolean) =>
    epochs.push({ epoch, monitored, comparisons, improved, wait, stop: false });
  const stop = (epoch: number, comparisons: Comparison<V>[], why: StopReason) => {
    epochs.push({ epoch, monitored: true, comparisons, improved: false, wait, stop: true });
    [stopEpoch, reason] = [epoch, why];
  };

  for (let epoch = 0; epoch < length && stopEpoch === undefined; epoch += 1) {
    const comparisons: Comparison<V>[] = [];
    if (epoch < start) {
      record(epoch, comparisons, false, false);
      continue;
    }
    const v = a.value(epoch);
    if (flags.thresholds && options.checkFinite !== false && !a.isFinite(v)) {
      stop(epoch, comparisons, 'non-finite');
      continue;
    }
    const crossed = thresholds.find(({ what, limit, negate }) => {
      const cmp = a.compare(what, op, negate === true ? a.neg(v) : v, limit);
      comparisons.push(cmp);
      return cmp.holds;
    });
    if (crossed !== undefined) {
      stop(epoch, comparisons, crossed.what);
      continue;
    }
    if (restore && snapshot === undefined) [snapshot, bestEpoch] = [epoch, epoch];
    if (flags.wait === 'counted-before-test') wait += 1;
    const improves = (what: string, reference: V) => {
      const cmp = a.compare(what, op, a.shifted(v, delta), reference);
      comparisons.push(cmp);
      return cmp.holds;
    };
    if (best === undefined || improves('improvement', best)) {
      [best, bestEpoch] = [v, epoch];
      if (restore) snapshot = epoch;
      if (flags.initialBest !== 'none' || baseline === undefined || improves('baseline', baseline)) wait = 0;
      record(epoch, comparisons, true, true);
      continue;
    }
    if (flags.wait === 'counted-on-no-improvement') wait += 1;
    if (wait >= patience && !(flags.epochZeroGuard && epoch === 0)) stop(epoch, comparisons, 'patience');
    else record(epoch, comparisons, true, false);
  }
  return { stopEpoch, reason, bestEpoch, restoredEpoch: restore ? snapshot : undefined, epochs };
}
