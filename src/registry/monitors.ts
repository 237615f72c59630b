/**
 * The monitors' records (early stopping): for each monitor entry, its exact oracle and its production
 * algorithm. The lead adds `monitorRecords` to the registry; `check` runs `monitorProperty`
 * (src/gate/monitors/index.ts) as each record's agreement property.
 *
 * @module
 */
import { UnknownNameError, type CatalogueEntry } from '../../core/catalogue/index.js';
import {
  earlyStopping,
  generalizationLoss,
  progressQuotient,
  successiveIncreases,
} from '../../core/catalogue/monitors/index.js';
import {
  earlyStoppingMonitorOracle,
  generalizationLossMonitorOracle,
  progressQuotientMonitorOracle,
  successiveIncreasesMonitorOracle,
  type MonitorOracle,
} from '../../oracle/monitors/index.js';
import {
  earlyStoppingAlgorithm,
  generalizationLossAlgorithm,
  progressQuotientAlgorithm,
  successiveIncreasesAlgorithm,
  type MonitorAlgorithm,
} from '../production/monitors/index.js';

/** A rule over a sequence of metric values: its exact oracle and its production algorithm. */
export interface MonitorRecord {
  readonly kind: 'monitor';
  readonly entry: CatalogueEntry;
  readonly oracle: MonitorOracle;
  readonly production: MonitorAlgorithm;
}

/** The record of a monitor; the entry must be of kind `monitor` and the algorithm its own. */
export function monitor(entry: CatalogueEntry, oracle: MonitorOracle, production: MonitorAlgorithm): MonitorRecord {
  if (entry.kind !== 'monitor') throw new TypeError(`${entry.name} is a ${entry.kind}, not a monitor`);
  if (production.name !== entry.name)
    throw new TypeError(`${entry.name} was paired with the production algorithm of ${production.name}`);
  return { kind: 'monitor', entry, oracle, production };
}

/** The monitors, in the order reports list them. */
export const monitorRecords: readonly MonitorRecord[] = [
  monitor(earlyStopping, earlyStoppingMonitorOracle, earlyStoppingAlgorithm),
  monitor(generalizationLoss, generalizationLossMonitorOracle, generalizationLossAlgorithm),
  monitor(progressQuotient, progressQuotientMonitorOracle, progressQuotientAlgorithm),
  monitor(successiveIncreases, successiveIncreasesMonitorOracle, successiveIncreasesAlgorithm),
];

/** The monitor record called `name`. */
export function monitorRecordOf(name: string): MonitorRecord {
  const record = monitorRecords.find((r) => r.entry.name === name);
  if (record === undefined)
    throw new UnknownNameError(
      'monitor',
      name,
      monitorRecords.map((r) => r.entry.name),
    );
  return record;
}
