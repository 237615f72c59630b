/**
 * The monitors' exact oracles, each on a {@link MonitorInput}: the patience rule (Keras, tfjs,
 * Lightning) and Prechelt's GL_α, PQ_α and UP_s.
 *
 * @module
 */
import type { Configuration } from '../../core/catalogue/index.js';
import {
  precheltSeriesOf,
  type MonitorInput,
  type MonitorOutcome,
} from '../../core/catalogue/monitors/monitor-types.js';
import { earlyStoppingOracle } from './early-stopping.js';
import type { ExactValue } from './exact.js';
import { generalizationLossOracle, progressQuotientOracle, successiveIncreasesOracle } from './prechelt.js';

export { earlyStoppingOracle, exactPatienceArith } from './early-stopping.js';
export { generalizationLossOracle, progressQuotientOracle, successiveIncreasesOracle } from './prechelt.js';
export { compareExact, Exact, exactText, exactValue, type ExactValue } from './exact.js';

/** A monitor's exact oracle: its decisions on an input, with every comparison's exact operands. */
export type MonitorOracle = (config: Configuration, input: MonitorInput) => MonitorOutcome<ExactValue>;

/** The patience rule's oracle on a monitor input. */
export const earlyStoppingMonitorOracle: MonitorOracle = (config, input) =>
  earlyStoppingOracle(config, input.values, input.options);

/** GL_α's oracle on a monitor input. */
export const generalizationLossMonitorOracle: MonitorOracle = (config, input) =>
  generalizationLossOracle(config, precheltSeriesOf(config.entry.name, input));

/** PQ_α's oracle on a monitor input. */
export const progressQuotientMonitorOracle: MonitorOracle = (config, input) =>
  progressQuotientOracle(config, precheltSeriesOf(config.entry.name, input));

/** UP_s's oracle on a monitor input. */
export const successiveIncreasesMonitorOracle: MonitorOracle = (config, input) =>
  successiveIncreasesOracle(config, precheltSeriesOf(config.entry.name, input));
