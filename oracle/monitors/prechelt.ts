/**
 * Prechelt's stopping criteria, exact (Prechelt 1998, section 2.2; docs/early-stopping.md). With
 * E_va(t), E_tr(t) > 0 the validation and training errors after epoch t (t = epoch number + 1) and
 * E_opt(t) = min_{t' ≤ t} E_va(t'):
 *
 *   GL(t) = 100 · (E_va(t) / E_opt(t) − 1)
 *   P_k(t) = 1000 · (Σ_{t'=t−k+1..t} E_tr(t') / (k · min_{t'=t−k+1..t} E_tr(t')) − 1)
 *
 * GL_α stops after the first epoch with GL(t) > α; PQ_α after the first end of strip (t divisible by
 * k) with GL(t) / P_k(t) > α, where P_k(t) = 0 makes the quotient +∞ when GL(t) > 0 and undefined
 * (no stop) when GL(t) = 0; UP_s after the first end of strip t with E_va(t − i k) > E_va(t − (i+1) k)
 * for i = 0 … s − 1 (both epochs measured, so t − s k ≥ k). Every decision is exact: GL(t) > α is
 * decided as 100 (E_va − E_opt) > α E_opt, and GL/P_k > α as
 * 100 (E_va − E_opt) · k · min > α · 1000 (Σ − k · min) · E_opt, on exact products. The returned
 * weights are those of the epoch with the lowest E_va seen (the earliest, on ties).
 *
 * @module
 */
import type { Configuration } from '../../core/catalogue/index.js';
import type {
  GeneralizationLossSchema,
  ProgressQuotientSchema,
  SuccessiveIncreasesSchema,
} from '../../core/catalogue/monitors/prechelt.js';
import {
  checkPrecheltSeries,
  type Comparison,
  type EpochTrace,
  type MonitorOutcome,
  type PrecheltSeries,
  type StopReason,
} from '../../core/catalogue/monitors/monitor-types.js';
import { required } from '../../core/required.js';
import { checkEntry } from '../marks.js';
import { compareExact, Exact, exactText, exactValues, type ExactValue } from './exact.js';

/** Digits of the reported quotients GL(t) and GL/P_k (decisions never use them). */
const Shown = Exact.clone({ precision: 60 });

/** What one epoch's criterion decided, and the comparisons it made. */
type Decision = { readonly comparisons: Comparison<ExactValue>[]; readonly stop: boolean; readonly monitored: boolean };

/** Runs a criterion epoch by epoch; the best epoch is the earliest with the lowest E_va. */
function run(
  series: PrecheltSeries,
  reason: StopReason,
  decide: (t: number, va: readonly ExactValue[], tr: readonly ExactValue[], opt: ExactValue) => Decision,
): MonitorOutcome<ExactValue> {
  const va = exactValues(series.validation);
  const tr = exactValues(series.training);
  const epochs: EpochTrace<ExactValue>[] = [];
  let opt: ExactValue | undefined;
  let bestEpoch: number | undefined;
  for (const [epoch, v] of va.entries()) {
    const improved = opt === undefined || v.lt(opt);
    if (improved) [opt, bestEpoch] = [v, epoch];
    const d = decide(epoch + 1, va, tr, required(opt, 'E_opt'));
    epochs.push({ epoch, monitored: d.monitored, comparisons: d.comparisons, improved, wait: 0, stop: d.stop });
    if (d.stop) return { stopEpoch: epoch, reason, bestEpoch, restoredEpoch: bestEpoch, epochs };
  }
  return { stopEpoch: undefined, reason: undefined, bestEpoch, restoredEpoch: bestEpoch, epochs };
}

/** GL(t) to 60 digits, for the trace. */
const shownGl = (v: ExactValue, opt: ExactValue) => new Shown(v).div(opt).minus(1).times(100);

/** `GL(t) > α`, decided exactly as 100 (E_va − E_opt) > α E_opt (E_opt > 0). */
function glComparison(v: ExactValue, opt: ExactValue, alpha: ExactValue): Comparison<ExactValue> {
  const holds = v.minus(opt).times(100).gt(alpha.times(opt));
  return { what: 'GL > α', op: '>', left: shownGl(v, opt), right: alpha, holds };
}

/** GL_α, exact. */
export function generalizationLossOracle(config: Configuration, series: PrecheltSeries): MonitorOutcome<ExactValue> {
  checkEntry('early-stopping-gl', ['early-stopping-gl'], config);
  const { hyper } = config as Configuration<GeneralizationLossSchema>;
  checkPrecheltSeries(config.entry.name, series);
  const alpha = exactText(hyper.alpha);
  return run(series, 'generalization-loss', (t, va, _tr, opt) => {
    const cmp = glComparison(required(va[t - 1], 'E_va(t)'), opt, alpha);
    return { comparisons: [cmp], stop: cmp.holds, monitored: true };
  });
}

/** The sum and the minimum of E_tr over the strip ending at t (1-based). */
export function stripOf(tr: readonly ExactValue[], t: number, k: number): { sum: ExactValue; min: ExactValue } {
  const strip = tr.slice(t - k, t);
  return { sum: strip.reduce((a, b) => a.plus(b), new Exact(0)), min: Exact.min(...strip) };
}

/** PQ_α, exact. */
export function progressQuotientOracle(config: Configuration, series: PrecheltSeries): MonitorOutcome<ExactValue> {
  checkEntry('early-stopping-pq', ['early-stopping-pq'], config);
  const { hyper } = config as Configuration<ProgressQuotientSchema>;
  checkPrecheltSeries(config.entry.name, series);
  const alpha = exactText(hyper.alpha);
  const k = Number(hyper.k);
  return run(series, 'progress-quotient', (t, va, tr, opt) => {
    if (t % k !== 0) return { comparisons: [], stop: false, monitored: false };
    const v = required(va[t - 1], 'E_va(t)');
    const { sum, min } = stripOf(tr, t, k);
    const kMin = min.times(k);
    const glNumerator = v.minus(opt).times(100).times(kMin);
    const progress = sum.minus(kMin).times(1000).times(opt);
    const holds = progress.isZero() ? glNumerator.gt(0) : glNumerator.gt(alpha.times(progress));
    const quotient = progress.isZero()
      ? new Exact(glNumerator.isZero() ? NaN : Infinity)
      : new Shown(glNumerator).div(progress);
    return {
      comparisons: [{ what: 'GL/P > α', op: '>', left: quotient, right: alpha, holds }],
      stop: holds,
      monitored: true,
    };
  });
}

/** UP_s, exact (comparisons of two measured values, E_va(t − i k) > E_va(t − (i + 1) k)). */
export function successiveIncreasesOracle(config: Configuration, series: PrecheltSeries): MonitorOutcome<ExactValue> {
  checkEntry('early-stopping-up', ['early-stopping-up'], config);
  const { hyper } = config as Configuration<SuccessiveIncreasesSchema>;
  checkPrecheltSeries(config.entry.name, series);
  const s = Number(hyper.s);
  const k = Number(hyper.k);
  return run(series, 'successive-increases', (t, va) => {
    if (t % k !== 0 || t - s * k < k) return { comparisons: [], stop: false, monitored: t % k === 0 };
    const comparisons: Comparison<ExactValue>[] = [];
    for (let i = 0; i < s; i += 1) {
      const later = required(va[t - i * k - 1], 'E_va');
      const earlier = required(va[t - (i + 1) * k - 1], 'E_va');
      const cmp = compareExact('E_va up', '>', later, earlier);
      comparisons.push(cmp);
      if (!cmp.holds) return { comparisons, stop: false, monitored: true };
    }
    return { comparisons, stop: true, monitored: true };
  });
}
