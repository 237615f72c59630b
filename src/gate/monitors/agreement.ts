/**
 * The monitors' agreement property, as `check` runs it under each preset: production (the record's
 * algorithm, run on error-bounded values) against the exact oracle, judged by {@link judgeMonitor}.
 * Each case folds into the tally: `comparisons` (compared: comparisons judged, each float operand
 * within its rounding bound of the exact one; errors in units of u · S + η, S the larger operand) and
 * `stop/best/restored epochs` (compared:
 * cases whose outcomes were compared, bitwise; excluded: cases where a decision within rounding went
 * the other way, counted and not compared further).
 *
 * @module
 */
import fc from 'fast-check';
import type { PresetName } from '../../../core/catalogue/index.js';
import type { MetricFormat } from '../../../core/catalogue/monitors/monitor-types.js';
import { floatOps } from '../../production/monitors/float-ops.js';
import type { ProductionMonitorOptions } from '../../production/monitors/early-stopping.js';
import type { MonitorRecord } from '../../registry/monitors.js';
import { emptyMeasure, inTermUnits } from '../compare.js';
import type { Tally } from '../properties.js';
import { monitorCase, type MonitorCase } from './arbitraries.js';
import { boundedOps } from './bounded-ops.js';
import { judgeMonitor, type MonitorJudgement } from './judge.js';

/** The tally's output names. */
export const MONITOR_OUTPUTS = { comparisons: 'comparisons', outcome: 'stop/best/restored epochs' } as const;

/** Thrown when production and the oracle disagree beyond rounding. */
export class MonitorDisagreementError extends Error {
  constructor(implementation: string, c: MonitorCase, why: string) {
    super(
      `${implementation} disagrees with the oracle on ${c.config.entry.name}/${c.config.preset}: ${why}\n` +
        `  hyperparameters ${JSON.stringify(c.config.hyper)}, input ${JSON.stringify(c.input, (_k, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v))}`,
    );
    this.name = 'MonitorDisagreementError';
  }
}

/** Folds one judgement into the tally. */
export function foldMonitor(tally: Tally | undefined, j: MonitorJudgement): void {
  if (tally === undefined) return;
  tally.steps += 1;
  const cmp = (tally.outputs[MONITOR_OUTPUTS.comparisons] ??= emptyMeasure());
  cmp.compared += j.comparisons;
  cmp.maxError = Math.max(cmp.maxError, inTermUnits(j.worst.error, j.worst.scale));
  cmp.maxBound = Math.max(cmp.maxBound, inTermUnits(j.worst.bound, j.worst.scale));
  cmp.maxRatio = Math.max(cmp.maxRatio, j.maxRatio);
  const outcome = (tally.outputs[MONITOR_OUTPUTS.outcome] ??= emptyMeasure());
  if (j.diverged !== undefined) outcome.excluded += 1;
  else if (j.mismatch === undefined) outcome.compared += 1;
}

/**
 * Production against the oracle on one case: the judgement, after checking that production on
 * plain numbers decides as its bounded run (the same code on the same floats).
 */
export function judgeCase(
  record: MonitorRecord,
  c: MonitorCase,
  production: ProductionMonitorOptions = {},
): MonitorJudgement {
  const bounded = record.production.run(boundedOps, c.config, c.input, production);
  const plain = record.production.run(floatOps, c.config, c.input, production);
  const same = (a: typeof plain, b: typeof bounded) =>
    a.stopEpoch === b.stopEpoch && a.bestEpoch === b.bestEpoch && a.epochs.length === b.epochs.length;
  if (!same(plain, bounded)) throw new Error('internal: production on plain numbers and on bounded values differ');
  return judgeMonitor(record.oracle(c.config, c.input), bounded);
}

/** The agreement property of a monitor under `preset`, folding what it judged into `tally`. */
export function monitorAgreementProperty(
  record: MonitorRecord,
  preset: PresetName,
  tally: Tally | undefined,
  implementation: string,
  options: { readonly formats?: readonly MetricFormat[]; readonly production?: ProductionMonitorOptions } = {},
) {
  return fc.property(monitorCase(record.entry, preset, options.formats), (c) => {
    const j = judgeCase(record, c, options.production);
    foldMonitor(tally, j);
    if (j.mismatch !== undefined) throw new MonitorDisagreementError(implementation, c, j.mismatch);
  });
}
