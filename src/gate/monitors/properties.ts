/**
 * The monitors' properties, each stated on any implementation (the exact oracle, or production on
 * plain numbers) so that the same statement is checked on both:
 *
 * - {@link patienceHolds}: it stops at the first epoch the rule says, and never before `patience`
 *   monitored epochs without an improvement that resets the count (Keras counts every monitored
 *   epoch since the last reset, tfjs and Lightning the epochs that did not improve); an epoch
 *   improves exactly when its improvement comparison held (Keras's first monitored epoch always
 *   does); a threshold stop is at the first epoch its comparison held;
 * - {@link restoresBest}: the restored epoch is the best epoch, which is the last that improved
 *   (Prechelt: the earliest with the lowest E_va); Keras restores also when it never stopped.
 *
 * The invariances (shift, scale, mode) are in ./invariances.ts.
 *
 * @module
 */
import fc from 'fast-check';
import type { Configuration, PresetName } from '../../../core/catalogue/index.js';
import type { MetricFormat, MonitorInput, MonitorOutcome } from '../../../core/catalogue/monitors/monitor-types.js';
import type { ProductionMonitorOptions } from '../../production/monitors/early-stopping.js';
import { runMonitor } from '../../production/monitors/index.js';
import type { MonitorRecord } from '../../registry/monitors.js';
import { monitorCase } from './arbitraries.js';

/** An implementation of a monitor, exact or float: its decisions on an input. */
export type MonitorImplementation = (config: Configuration, input: MonitorInput) => MonitorOutcome<unknown>;

/** A named implementation. */
export interface NamedMonitor {
  readonly name: string;
  readonly run: MonitorImplementation;
  /** The formats on which its comparisons with min_delta 0 are exact (for {@link bestIsExtremum}). */
  readonly exactFormats: readonly MetricFormat[];
}

/** The record's oracle and production (on plain numbers), as implementations of the monitor. */
export function implementationsOf(record: MonitorRecord, production: ProductionMonitorOptions = {}): NamedMonitor[] {
  return [
    { name: 'oracle', run: record.oracle, exactFormats: ['float32', 'float64'] },
    {
      name: 'production',
      run: (config, input) => runMonitor(record.production, config, input, production),
      exactFormats: ['float32'],
    },
  ];
}

/**
 * The rule's own statements on random cases: {@link patienceHolds} (patience rule), {@link restoresBest},
 * and {@link bestIsExtremum} on the formats where `impl` compares exactly.
 */
export function ruleProperty(impl: NamedMonitor, record: MonitorRecord, preset: PresetName) {
  return fc.property(monitorCase(record.entry, preset), ({ config, input }) => {
    const o = impl.run(config, input);
    const problem =
      (record.entry.name === 'early-stopping' ? patienceHolds(config, o) : undefined) ??
      restoresBest(config, input, o) ??
      (impl.exactFormats.includes(input.values.format) ? bestIsExtremum(config, input, o) : undefined);
    if (problem !== undefined) throw new Error(`${impl.name}: ${problem}`);
  });
}

/** The stop the patience rule must make on a trace, or a description of what went wrong. */
export function patienceHolds(config: Configuration, outcome: MonitorOutcome<unknown>): string | undefined {
  const flags = config.flags as { wait?: string; epochZeroGuard?: boolean; initialBest?: string };
  const patience = Number(config.hyper['patience']);
  const keras = flags.wait === 'counted-before-test';
  let count = 0;
  let firstMonitored = true;
  for (const e of outcome.epochs) {
    if (!e.monitored) continue;
    const improvement = e.comparisons.find((c) => c.what === 'improvement');
    const threshold = e.comparisons.find((c) => c.what.endsWith('threshold') && c.holds);
    const alwaysImproves = flags.initialBest === 'none' && firstMonitored;
    if (threshold !== undefined || (outcome.reason === 'non-finite' && e.stop)) {
      if (!e.stop) return `epoch ${e.epoch}: ${threshold?.what ?? 'a non-finite value'} held, and it did not stop`;
      return e.epoch === outcome.stopEpoch
        ? undefined
        : `epoch ${e.epoch}: stopped, but the outcome says ${outcome.stopEpoch}`;
    }
    firstMonitored = false;
    const improved = alwaysImproves || improvement?.holds === true;
    if (e.improved !== improved) return `epoch ${e.epoch}: improved is ${e.improved}, its comparison says ${improved}`;
    const baseline = e.comparisons.find((c) => c.what === 'baseline');
    const resets = improved && (baseline === undefined || baseline.holds);
    if (keras) count = resets ? 0 : count + 1;
    else count = improved ? 0 : count + 1;
    const due = !improved && count >= patience && !(flags.epochZeroGuard === true && e.epoch === 0);
    if (e.wait !== count) return `epoch ${e.epoch}: wait is ${e.wait}, ${count} epochs since the count was reset`;
    if (due !== e.stop)
      return `epoch ${e.epoch}: ${due ? 'patience ran out and it did not stop' : `it stopped after ${count} epochs without improvement, patience ${patience}`}`;
    if (due) return e.epoch === outcome.stopEpoch && outcome.reason === 'patience' ? undefined : 'stop not reported';
  }
  return outcome.stopEpoch === undefined ? undefined : `it stopped at ${outcome.stopEpoch} with no epoch due`;
}

/** The value of epoch `i` as a number (NaN for a missing one). */
const valueAt = (input: MonitorInput, i: number | undefined) =>
  i === undefined ? NaN : (input.values.values[i] ?? NaN);

/**
 * The restored epoch is the best epoch, the last that improved; with restoring asked for (Keras) it
 * is there whenever an epoch was monitored, stopped or not; Prechelt's is the earliest lowest E_va.
 */
export function restoresBest(
  config: Configuration,
  input: MonitorInput,
  outcome: MonitorOutcome<unknown>,
): string | undefined {
  const improved = outcome.epochs.filter((e) => e.improved).map((e) => e.epoch);
  const last = improved.at(-1);
  if (config.entry.name !== 'early-stopping') {
    const consumed = input.values.values.slice(0, outcome.epochs.length);
    const lowest = consumed.indexOf(Math.min(...consumed));
    if (outcome.restoredEpoch !== lowest) return `restored ${outcome.restoredEpoch}, the lowest E_va is at ${lowest}`;
    return outcome.bestEpoch === lowest ? undefined : `best ${outcome.bestEpoch}, lowest at ${lowest}`;
  }
  if (outcome.bestEpoch !== last) return `best epoch ${outcome.bestEpoch}, last improvement ${last}`;
  if (input.options?.restoreBestWeights !== true)
    return outcome.restoredEpoch === undefined ? undefined : 'restored unasked';
  const monitored = outcome.epochs.some((e) => e.monitored);
  if (monitored && outcome.restoredEpoch === undefined) return `nothing restored (stopped: ${outcome.stopEpoch})`;
  if (outcome.restoredEpoch !== outcome.bestEpoch)
    return `restored ${outcome.restoredEpoch}, best ${outcome.bestEpoch}`;
  return undefined;
}

/**
 * With min_delta 0 and no baseline, the best epoch holds the best value among the monitored ones
 * (the earliest of equal values): what restoring promises. Only where the comparisons are exact.
 */
export function bestIsExtremum(
  config: Configuration,
  input: MonitorInput,
  outcome: MonitorOutcome<unknown>,
): string | undefined {
  if (config.entry.name !== 'early-stopping' || Number(config.hyper['minDelta']) !== 0) return undefined;
  if (input.options?.baseline !== undefined) return undefined;
  const max = input.options?.mode === 'max';
  const values = outcome.epochs
    .filter((e) => e.monitored && !e.stop)
    .map((e) => valueAt(input, e.epoch))
    .filter((v) => !Number.isNaN(v));
  if (values.length === 0 || outcome.bestEpoch === undefined) return undefined;
  const extremum = max ? Math.max(...values) : Math.min(...values);
  const best = valueAt(input, outcome.bestEpoch);
  return best === extremum
    ? undefined
    : `best epoch ${outcome.bestEpoch} holds ${best}, the ${max ? 'largest' : 'smallest'} value is ${extremum}`;
}
