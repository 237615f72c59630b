/**
 * The monitors in `check`: one agreement property per monitor and preset (production against the
 * exact oracle, src/gate/monitors/agreement.ts). The invariances are in ./properties.ts, and the
 * claims built on them in src/claims/early-stopping/.
 *
 * @module
 */
import type fc from 'fast-check';
import type { PresetName } from '../../../core/catalogue/index.js';
import type { MonitorRecord } from '../../registry/monitors.js';
import type { Tally } from '../properties.js';
import { monitorAgreementProperty } from './agreement.js';

export { monitorRecords } from '../../registry/monitors.js';

/** The name of the monitors' property in `check`. */
export const MONITOR_PROPERTY = 'agreement';

/**
 * The agreement property of a monitor under a preset, folding its measures into `tally`: decisions
 * (stop, best and restored epochs, and every comparison) equal to the oracle's except where a float
 * comparison lies within rounding of its threshold; cases where such a comparison went the other way
 * are counted, not compared further (tally output `stop/best/restored epochs`, column outside). The
 * oracle itself is exact: it never leaves a decision uncertified.
 */
export function monitorProperty(
  record: MonitorRecord,
  preset: PresetName,
  tally: Tally,
  implementation: string,
): fc.IProperty<unknown[]> {
  return monitorAgreementProperty(record, preset, tally, implementation) as fc.IProperty<unknown[]>;
}
