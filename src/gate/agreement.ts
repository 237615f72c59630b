/**
 * The one property `check` runs on every record that is not an update rule (a learning-rate schedule
 * included): agreement of the
 * production implementation with the exact oracle, chosen by the record's kind (and, for image
 * transforms, by its form: exact, random, rotation, resize or colour). Update rules have their own
 * three properties (./properties.ts).
 *
 * @module
 */
import type fc from 'fast-check';
import type { PresetName } from '../../core/catalogue/index.js';
import type { RegistryRecord, ScheduleRecord } from '../registry/index.js';
import { geometricProperty } from './augmentations/geometric.js';
import { interpolatingProperty } from './augmentations/interpolating.js';
import { gradientTransformProperty } from './gradient-transforms/agreement.js';
import { monitorProperty } from './monitors/index.js';
import type { Tally } from './properties.js';
import { regularizerProperty } from './regularizers/index.js';
import { scheduleProperty } from './schedules/agreement.js';

/** The name of that property in `check`. */
export const AGREEMENT_PROPERTY = 'agreement';

/**
 * The agreement property of a regularizer, monitor, image transform or schedule under a preset, folding what it
 * measured into `tally`; an update rule has none (a TypeError).
 */
export function agreementProperty(
  record: RegistryRecord | ScheduleRecord,
  preset: PresetName,
  tally: Tally,
  implementation: string,
): fc.IProperty<unknown[]> {
  switch (record.kind) {
    case 'elementwise-update':
    case 'gradient-function-update':
      throw new TypeError(`${record.entry.name} is an update rule: check runs its one-step and trajectory properties`);
    case 'schedule':
      return scheduleProperty(record, preset, tally, implementation) as fc.IProperty<unknown[]>;
    case 'monitor':
      return monitorProperty(record, preset, tally, implementation);
    case 'gradient-transform':
      return gradientTransformProperty(record, preset, tally, implementation) as fc.IProperty<unknown[]>;
    case 'image-transform':
      return record.form === 'exact' || record.form === 'random'
        ? geometricProperty(record, preset, tally, implementation)
        : interpolatingProperty(record, preset, tally, implementation);
    default:
      return regularizerProperty(record, preset, tally, implementation);
  }
}
