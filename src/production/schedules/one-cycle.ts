/**
 * OneCycleLR as PyTorch 1.13 computes its learning rate (torch/optim/lr_scheduler.py, Python floats):
 * initial_lr = max_lr / div_factor and min_lr = initial_lr / final_div_factor; phase ends
 * `float(pct_start * total_steps) − 1`, (three phases) `float(2 * pct_start * total_steps) − 2`, and
 * `total_steps − 1` (an int); the first phase with `step_num <= end_step` (or the last) gives
 * `pct = (step_num − start_step) / (end_step − start_step)`; `_annealing_cos`:
 * `end + (start − end) / 2.0 * (cos(pi * pct) + 1)`; `_annealing_linear`: `(end − start) * pct + start`.
 * A step past total_steps raises ValueError. Momentum cycling is not modelled.
 *
 * @module
 */
import { InvariantError } from '../../../core/required.js';
import { ScheduleStepError, type OneCycleSchema } from '../../../core/schedules/index.js';
import { pythonDiv, type ProductionSchedule } from './schedule.js';

/** OneCycleLR (PyTorch), learning rate only. */
export const oneCycleProduction: ProductionSchedule<OneCycleSchema> = {
  recursive: () => false,
  initial: (ops, c) => ops.parse(c.hyper.maxLr, c.flags.arithmetic),
  step(ops, { entry, hyper, flags }, t) {
    const f = flags.arithmetic;
    const total = Number(hyper.totalSteps);
    if (t > total)
      throw new ScheduleStepError(entry.name, 'ValueError', `tried to step ${t + 1} times; total_steps = ${total}`);
    const max = ops.parse(hyper.maxLr, f);
    const initial = ops.div(max, ops.parse(hyper.divFactor, f), f);
    const minimum = ops.div(initial, ops.parse(hyper.finalDivFactor, f), f);
    const pct = ops.parse(hyper.pctStart, f);
    const n = ops.integer(total, f);
    const rise = ops.sub(ops.mul(pct, n, f), ops.integer(1, f), f);
    const last = ops.integer(total - 1, f);
    const phases = flags.threePhase
      ? [
          { end: rise, from: initial, to: max },
          {
            end: ops.sub(ops.mul(ops.mul(ops.integer(2, f), pct, f), n, f), ops.integer(2, f), f),
            from: max,
            to: initial,
          },
          { end: last, from: initial, to: minimum },
        ]
      : [
          { end: rise, from: initial, to: max },
          { end: last, from: max, to: minimum },
        ];
    const step = ops.integer(t, f);
    let start = ops.integer(0, f);
    for (const [i, { end, from, to }] of phases.entries()) {
      if (ops.le(step, end) || i === phases.length - 1) {
        const x = pythonDiv(ops, ops.sub(step, start, f), ops.sub(end, start, f), f, entry.name);
        if (flags.anneal === 'linear') return ops.add(ops.mul(ops.sub(to, from, f), x, f), from, f);
        const cosOut = ops.add(ops.cos(ops.mul(ops.pi(f), x, f), f), ops.integer(1, f), f);
        return ops.add(to, ops.mul(ops.div(ops.sub(from, to, f), ops.parse('2.0', f), f), cosOut, f), f);
      }
      start = end;
    }
    throw new InvariantError('internal: the last phase always applies');
  },
};
