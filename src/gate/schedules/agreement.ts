/**
 * The schedules' agreement property, as `check` runs it for each schedule entry and preset: over
 * every production path of that preset (PyTorch's get_lr and closed form, in float64 and in a
 * float32 port; Keras's and optax's float32), random configurations and steps, the framework's value
 * lies within the bound that the same code run on error-bounded values derives (./bounded-ops.ts)
 * of the exact value (oracle/schedules/), and that bounded run reproduces the framework's value bit
 * for bit. Each case folds into the tally's output `lr`: compared (within a finite bound), excluded
 * (the code leaves its analysed domain: an infinite bound); errors and bounds in units of
 * u |value| + η of the value's format.
 *
 * @module
 */
import fc from 'fast-check';
import type { PresetName } from '../../../core/catalogue/index.js';
import type { ScheduleRecord } from '../../registry/schedules.js';
import { emptyMeasure } from '../compare.js';
import type { Tally } from '../properties.js';
import { scheduleUnits, type ScheduleCase } from './arbitraries.js';
import { judgeSchedule, type ScheduleJudgement } from './judge.js';

/** The tally's output name. */
export const SCHEDULE_OUTPUT = 'lr';

/** Thrown when the framework's value leaves its derived bound of the exact value. */
export class ScheduleDisagreementError extends Error {
  constructor(implementation: string, c: ScheduleCase, why: string) {
    const { entry, preset, hyper, lists, flags } = c.config;
    super(
      `${implementation} disagrees with the oracle on ${entry.name}/${preset} at t = ${c.t}: ${why}\n` +
        `  hyperparameters ${JSON.stringify(hyper)}, lists ${JSON.stringify(lists)}, flags ${JSON.stringify(flags)}`,
    );
    this.name = 'ScheduleDisagreementError';
  }
}

/** u |v| + η of the value's format: float64 on PyTorch's float64 paths, else float32. */
function unitOf(c: ScheduleCase, value: number): number {
  return c.config.flags['arithmetic'] === 'float64'
    ? 2 ** -53 * Math.abs(value) + 2 ** -1074
    : 2 ** -24 * Math.abs(value) + 2 ** -150;
}

/** Folds one judgement into the tally. */
export function foldSchedule(tally: Tally | undefined, c: ScheduleCase, j: ScheduleJudgement): void {
  if (tally === undefined) return;
  tally.steps += 1;
  const m = (tally.outputs[SCHEDULE_OUTPUT] ??= emptyMeasure());
  if (!Number.isFinite(j.bound)) {
    m.excluded += 1;
    return;
  }
  m.compared += 1;
  const unit = unitOf(c, j.value);
  m.maxError = Math.max(m.maxError, (j.ratio * j.bound) / unit);
  m.maxBound = Math.max(m.maxBound, j.bound / unit);
  m.maxRatio = Math.max(m.maxRatio, j.ratio);
}

/** Production's schedule of `record` under `preset` agrees with the exact one within its derived bound. */
export function scheduleProperty(
  record: ScheduleRecord,
  preset: PresetName,
  tally: Tally | undefined,
  implementation: string,
): fc.IProperty<[ScheduleCase]> {
  const units = scheduleUnits.filter((u) => u.entry === record.entry && u.preset === preset);
  if (units.length === 0) throw new TypeError(`${record.entry.name} has no preset '${preset}'`);
  return fc.property(fc.oneof(...units.map((u) => u.cases)), (c) => {
    const j = judgeSchedule(c);
    if (!Object.is(j.bounded, j.value))
      throw new ScheduleDisagreementError(
        implementation,
        c,
        `the bounded run gives ${j.bounded}, production ${j.value}: the bound is not that of production's code`,
      );
    foldSchedule(tally, c, j);
    if (j.ratio > 1)
      throw new ScheduleDisagreementError(
        implementation,
        c,
        `production ${j.value} is ${j.ratio} times its bound ${j.bound} from the exact value`,
      );
  });
}
