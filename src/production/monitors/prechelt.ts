/**
 * Prechelt's criteria GL_α, PQ_α and UP_s in float64, as a JavaScript implementation would write the
 * paper's formulas (Prechelt 1998, section 2.2), in their order of operations:
 *
 *   E_opt = min(E_opt, E_va(t));  GL = 100 · (E_va(t) / E_opt − 1)
 *   P = 1000 · ((((E_tr(t−k+1) + E_tr(t−k+2)) + …) + E_tr(t)) / (k · min E_tr) − 1);  GL / P
 *
 * each operation a float64 operation, α the float64 nearest to its decimal. The comparisons of UP_s
 * are between two measured values, exact in any format. No framework ships these criteria; this is
 * the production the gate judges against the exact oracle.
 *
 * @module
 */
import { checkConfiguration, type Configuration } from '../../../core/catalogue/index.js';
import {
  generalizationLoss,
  progressQuotient,
  successiveIncreases,
  type GeneralizationLossSchema,
  type ProgressQuotientSchema,
  type SuccessiveIncreasesSchema,
} from '../../../core/catalogue/monitors/prechelt.js';
import {
  checkPrecheltSeries,
  type Comparison,
  type EpochTrace,
  type MonitorOutcome,
  type PrecheltSeries,
  type StopReason,
} from '../../../core/catalogue/monitors/monitor-types.js';
import { required } from '../../../core/required.js';
import { floatOps, type FloatOps } from './float-ops.js';

const F64 = 'float64';

type Decide<T> = (
  t: number,
  va: readonly T[],
  tr: readonly T[],
  opt: T,
) => {
  comparisons: Comparison<T>[];
  stop: boolean;
  monitored: boolean;
};

/** `left > right` on the float values. */
function greater<T>(o: FloatOps<T>, what: string, left: T, right: T): Comparison<T> {
  return { what, op: '>', left, right, holds: o.valueOf(left) > o.valueOf(right) };
}

/** Runs a criterion epoch by epoch, keeping E_opt and the epoch of the lowest E_va (the earliest). */
function run<T>(o: FloatOps<T>, series: PrecheltSeries, reason: StopReason, decide: Decide<T>): MonitorOutcome<T> {
  const va = series.validation.values.map((x) => o.exact(x));
  const tr = series.training.values.map((x) => o.exact(x));
  const epochs: EpochTrace<T>[] = [];
  let opt: T | undefined;
  let bestEpoch: number | undefined;
  for (const [epoch, v] of va.entries()) {
    const improved = opt === undefined || o.valueOf(v) < o.valueOf(opt);
    if (improved) [opt, bestEpoch] = [v, epoch];
    const d = decide(epoch + 1, va, tr, required(opt, 'E_opt'));
    epochs.push({ epoch, monitored: d.monitored, comparisons: d.comparisons, improved, wait: 0, stop: d.stop });
    if (d.stop) return { stopEpoch: epoch, reason, bestEpoch, restoredEpoch: bestEpoch, epochs };
  }
  return { stopEpoch: undefined, reason: undefined, bestEpoch, restoredEpoch: bestEpoch, epochs };
}

/** GL(t) = 100 · (E_va / E_opt − 1) in float64. */
export function generalizationLossValue<T>(o: FloatOps<T>, va: T, opt: T): T {
  return o.mul(o.exact(100), o.sub(o.div(va, opt, F64), o.exact(1), F64), F64);
}

/** P_k(t) = 1000 · (Σ E_tr / (k · min E_tr) − 1) over the strip ending at t, in float64. */
export function trainingProgress<T>(o: FloatOps<T>, tr: readonly T[], t: number, k: number): T {
  const strip = tr.slice(t - k, t);
  const first = required(strip[0], 'the strip');
  const sum = strip.slice(1).reduce((s, x) => o.add(s, x, F64), first);
  const min = strip.reduce((m, x) => (o.valueOf(x) < o.valueOf(m) ? x : m), first);
  return o.mul(o.exact(1000), o.sub(o.div(sum, o.mul(o.exact(k), min, F64), F64), o.exact(1), F64), F64);
}

/** GL_α on the operations `o`. */
export function generalizationLossWith<T>(o: FloatOps<T>, config: Configuration, series: PrecheltSeries) {
  checkConfiguration(generalizationLoss.name, config, 'monitor');
  const { hyper } = config as Configuration<GeneralizationLossSchema>;
  checkPrecheltSeries(config.entry.name, series);
  const alpha = o.parse(hyper.alpha);
  return run(o, series, 'generalization-loss', (t, va, _tr, opt) => {
    const cmp = greater(o, 'GL > α', generalizationLossValue(o, required(va[t - 1], 'E_va'), opt), alpha);
    return { comparisons: [cmp], stop: cmp.holds, monitored: true };
  });
}

/** PQ_α on the operations `o`. */
export function progressQuotientWith<T>(o: FloatOps<T>, config: Configuration, series: PrecheltSeries) {
  checkConfiguration(progressQuotient.name, config, 'monitor');
  const { hyper } = config as Configuration<ProgressQuotientSchema>;
  checkPrecheltSeries(config.entry.name, series);
  const alpha = o.parse(hyper.alpha);
  const k = Number(hyper.k);
  return run(o, series, 'progress-quotient', (t, va, tr, opt) => {
    if (t % k !== 0) return { comparisons: [], stop: false, monitored: false };
    const gl = generalizationLossValue(o, required(va[t - 1], 'E_va'), opt);
    const cmp = greater(o, 'GL/P > α', o.div(gl, trainingProgress(o, tr, t, k), F64), alpha);
    return { comparisons: [cmp], stop: cmp.holds, monitored: true };
  });
}

/** UP_s on the operations `o`. */
export function successiveIncreasesWith<T>(o: FloatOps<T>, config: Configuration, series: PrecheltSeries) {
  checkConfiguration(successiveIncreases.name, config, 'monitor');
  const { hyper } = config as Configuration<SuccessiveIncreasesSchema>;
  checkPrecheltSeries(config.entry.name, series);
  const s = Number(hyper.s);
  const k = Number(hyper.k);
  return run(o, series, 'successive-increases', (t, va) => {
    if (t % k !== 0 || t - s * k < k) return { comparisons: [], stop: false, monitored: t % k === 0 };
    const comparisons: Comparison<T>[] = [];
    for (let i = 0; i < s; i += 1) {
      const cmp = greater(o, 'E_va up', required(va[t - i * k - 1], 'E_va'), required(va[t - (i + 1) * k - 1], 'E_va'));
      comparisons.push(cmp);
      if (!cmp.holds) return { comparisons, stop: false, monitored: true };
    }
    return { comparisons, stop: true, monitored: true };
  });
}

/** GL_α in float64. */
export const generalizationLossProduction = (config: Configuration, series: PrecheltSeries): MonitorOutcome<number> =>
  generalizationLossWith(floatOps, config, series);
/** PQ_α in float64. */
export const progressQuotientProduction = (config: Configuration, series: PrecheltSeries): MonitorOutcome<number> =>
  progressQuotientWith(floatOps, config, series);
/** UP_s (exact in any format). */
export const successiveIncreasesProduction = (config: Configuration, series: PrecheltSeries): MonitorOutcome<number> =>
  successiveIncreasesWith(floatOps, config, series);
