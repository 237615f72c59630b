/**
 * A schedule's values along a trajectory, each computed once: a rule stepped k = 1, 2, … asks for
 * t = 0, 1, …, and a recursive PyTorch form (get_lr reads the value it wrote last) costs t steps per
 * value asked for alone. The sequence of each configuration and arithmetic is kept and extended from
 * its last value, as the framework's scheduler holds it, so a trajectory of n steps costs n.
 *
 * @module
 */
import { checkScheduleStep, type ScheduleConfig, type ScheduleSchema } from '../../../core/schedules/index.js';
import { required } from '../../../core/required.js';
import { learningRateWith, productionOf } from './index.js';
import type { ScheduleOps } from './ops.js';

/** The sequences computed so far, per configuration and per arithmetic. */
const sequences = new WeakMap<ScheduleConfig, WeakMap<object, unknown[]>>();

/**
 * The value at step t ≥ 0 on the values of `ops`, equal to {@link learningRateWith}'s: a recursive
 * form's from the kept sequence (extended to t as needed), a closed form's directly.
 */
export function cachedRate<S extends ScheduleSchema, T>(ops: ScheduleOps<T>, config: ScheduleConfig<S>, t: number): T {
  checkScheduleStep(config.entry.name, t);
  const p = productionOf(config);
  if (!p.recursive(config)) return learningRateWith(ops, config, t);
  const key = config as unknown as ScheduleConfig;
  let byOps = sequences.get(key);
  if (byOps === undefined) sequences.set(key, (byOps = new WeakMap()));
  // The sequence under `ops` holds values of `ops`, which only this function stores.
  let values = byOps.get(ops) as T[] | undefined;
  if (values === undefined) byOps.set(ops, (values = []));
  let before = values.length === 0 ? p.initial(ops, config) : required(values.at(-1), 'the last value');
  for (let s = values.length; s <= t; s++) {
    before = p.step(ops, config, s, before);
    values.push(before);
  }
  return required(values[t], `the value at t = ${t}`);
}
