/**
 * The monitors' production algorithms, each written once against {@link FloatOps} so that the gate
 * runs the same code on error-bounded values: the patience rule with each framework's floats, and
 * Prechelt's criteria in float64.
 *
 * @module
 */
import type { Configuration } from '../../../core/catalogue/index.js';
import {
  precheltSeriesOf,
  type MonitorInput,
  type MonitorOutcome,
} from '../../../core/catalogue/monitors/monitor-types.js';
import { earlyStoppingWith, type ProductionMonitorOptions } from './early-stopping.js';
import { floatOps, type FloatOps } from './float-ops.js';
import { generalizationLossWith, progressQuotientWith, successiveIncreasesWith } from './prechelt.js';

export * from './float-ops.js';
export * from './early-stopping.js';
export * from './prechelt.js';

/** A monitor's production algorithm on the operations `o`. */
export interface MonitorAlgorithm {
  readonly name: string;
  run<T>(
    o: FloatOps<T>,
    config: Configuration,
    input: MonitorInput,
    production?: ProductionMonitorOptions,
  ): MonitorOutcome<T>;
}

/** The patience rule with the framework's floats (Keras's comparisons in float32 unless told otherwise). */
export const earlyStoppingAlgorithm: MonitorAlgorithm = {
  name: 'early-stopping',
  run: (o, config, input, production) => earlyStoppingWith(o, config, input.values, input.options, production),
};

/** GL_α in float64. */
export const generalizationLossAlgorithm: MonitorAlgorithm = {
  name: 'early-stopping-gl',
  run: (o, config, input) => generalizationLossWith(o, config, precheltSeriesOf(config.entry.name, input)),
};

/** PQ_α in float64. */
export const progressQuotientAlgorithm: MonitorAlgorithm = {
  name: 'early-stopping-pq',
  run: (o, config, input) => progressQuotientWith(o, config, precheltSeriesOf(config.entry.name, input)),
};

/** UP_s. */
export const successiveIncreasesAlgorithm: MonitorAlgorithm = {
  name: 'early-stopping-up',
  run: (o, config, input) => successiveIncreasesWith(o, config, precheltSeriesOf(config.entry.name, input)),
};

/** `algorithm` on plain numbers: the framework's decisions. */
export function runMonitor(
  algorithm: MonitorAlgorithm,
  config: Configuration,
  input: MonitorInput,
  production?: ProductionMonitorOptions,
): MonitorOutcome<number> {
  return algorithm.run(floatOps, config, input, production);
}
