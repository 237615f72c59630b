/**
 * The learning-rate schedules' records, for `check`: each schedule entry (core/schedules/) with its
 * kind, `schedule`. A schedule's oracle (oracle/schedules/) and production code
 * (src/production/schedules/) are found from its configuration, so the record is the entry alone;
 * `check` runs `scheduleProperty` (src/gate/schedules/agreement.ts) as its agreement property under
 * each preset. Schedules are not in `registry` (whose records are catalogue entries, with state and
 * steps), and `check` lists them after it.
 *
 * @module
 */
import { schedules, type ScheduleEntry } from '../../core/schedules/index.js';

/** A learning-rate schedule: its entry, whose configurations name their exact and production forms. */
export interface ScheduleRecord {
  readonly kind: 'schedule';
  readonly entry: ScheduleEntry;
}

/** Every schedule, in the order docs/schedules.md lists them. */
export const scheduleRecords: readonly ScheduleRecord[] = schedules.map((entry) => ({ kind: 'schedule', entry }));
