/**
 * The decays as the frameworks compute them, operation by operation in their source order:
 *
 * - PyTorch 1.13, torch/optim/lr_scheduler.py (Python floats): StepLR.get_lr (`lr * gamma` when
 *   `last_epoch > 0 and last_epoch % step_size == 0`) and `_get_closed_form_lr`
 *   (`base_lr * gamma ** (last_epoch // step_size)`); ExponentialLR is StepLR with step_size = 1;
 *   MultiStepLR.get_lr (`lr * gamma ** milestones[last_epoch]` at a milestone) and its closed form
 *   (`base_lr * gamma ** bisect_right(milestones, last_epoch)`); LinearLR.get_lr (`lr * start` at 0,
 *   then `lr * (1. + (end − start) / (total * start + (e − 1) * (end − start)))` up to total) and
 *   its closed form (`base_lr * (start + (end − start) * min(total, e) / total)`).
 * - Keras 3, keras/src/optimizers/schedules/learning_rate_schedule.py (float32 tensors; a Python
 *   float argument is converted to float32): ExponentialDecay (`p = step / decay_steps`, floored
 *   with staircase, `initial * decay_rate ** p`) and PiecewiseConstantDecay (the sum over pieces of
 *   `cast(condition) * value`, conditions `step <= b0`, `b_{i−1} < step <= b_i`, `step > b_last`).
 *
 * @module
 */
import type {
  ExponentialDecaySchema,
  LinearSchema,
  MultiStepSchema,
  PiecewiseConstantSchema,
} from '../../../core/schedules/index.js';
import { floorDiv, pythonDiv, pythonPow, type ProductionSchedule } from './schedule.js';

/** StepLR and ExponentialLR (PyTorch), ExponentialDecay (Keras), by the `implementation` flag. */
export const exponentialDecayProduction: ProductionSchedule<ExponentialDecaySchema> = {
  recursive: (c) => c.flags.implementation === 'torch-get-lr',
  initial: (ops, c) => ops.parse(c.hyper.lr, c.flags.arithmetic),
  step(ops, { entry, hyper, flags }, t, before) {
    const s = Number(hyper.decaySteps);
    if (flags.implementation === 'keras') {
      const f = 'float32';
      const initial = ops.parse(hyper.lr, f);
      const p = ops.div(ops.integer(t, f), ops.integer(s, f), f);
      return ops.mul(initial, ops.pow(ops.parse(hyper.decayRate, f), flags.staircase ? ops.floor(p) : p, f), f);
    }
    const f = flags.arithmetic;
    const gamma = ops.parse(hyper.decayRate, f);
    if (flags.implementation === 'torch-closed-form')
      return ops.mul(ops.parse(hyper.lr, f), pythonPow(ops, gamma, ops.integer(floorDiv(t, s), f), f, entry.name), f);
    return t === 0 || t % s !== 0 ? before : ops.mul(before, gamma, f);
  },
};

/** MultiStepLR (PyTorch): recursive get_lr or closed form. */
export const multiStepProduction: ProductionSchedule<MultiStepSchema> = {
  recursive: (c) => c.flags.implementation === 'torch-get-lr',
  initial: (ops, c) => ops.parse(c.hyper.lr, c.flags.arithmetic),
  step(ops, { entry, hyper, lists, flags }, t, before) {
    const f = flags.arithmetic;
    const gamma = ops.parse(hyper.decayRate, f);
    const power = (n: number) => pythonPow(ops, gamma, ops.integer(n, f), f, entry.name);
    if (flags.implementation === 'torch-closed-form')
      return ops.mul(ops.parse(hyper.lr, f), power(lists.milestones.filter((m) => Number(m) <= t).length), f);
    const here = lists.milestones.filter((m) => Number(m) === t).length;
    return here === 0 ? before : ops.mul(before, power(here), f);
  },
};

/** PiecewiseConstantDecay (Keras): the sum of each piece's indicator times its value, in float32. */
export const piecewiseConstantProduction: ProductionSchedule<PiecewiseConstantSchema> = {
  recursive: () => false,
  initial: (ops) => ops.integer(0, 'float32'),
  step(ops, { lists }, t) {
    const f = 'float32';
    const step = BigInt(t);
    const b = lists.boundaries.map(BigInt);
    const v = lists.values.map((x) => ops.parse(x, f));
    const term = (holds: boolean, value: (typeof v)[number] | undefined) =>
      value === undefined ? ops.integer(0, f) : ops.mul(ops.integer(holds ? 1 : 0, f), value, f);
    const first = b[0];
    const lastBoundary = b[b.length - 1];
    if (first === undefined || lastBoundary === undefined) return ops.add(ops.integer(0, f), term(true, v[0]), f);
    let result = ops.add(ops.integer(0, f), term(step <= first, v[0]), f);
    result = ops.add(result, term(step > lastBoundary, v[v.length - 1]), f);
    for (let i = 1; i < b.length; i++) {
      const low = b[i - 1] ?? first;
      const high = b[i] ?? lastBoundary;
      result = ops.add(result, term(step > low && step <= high, v[i]), f);
    }
    return result;
  },
};

/** LinearLR (PyTorch): recursive get_lr or closed form; get_lr raises ZeroDivisionError as Python does. */
export const linearProduction: ProductionSchedule<LinearSchema> = {
  recursive: (c) => c.flags.implementation === 'torch-get-lr',
  initial: (ops, c) => ops.parse(c.hyper.lr, c.flags.arithmetic),
  step(ops, { entry, hyper, flags }, t, before) {
    const f = flags.arithmetic;
    const total = Number(hyper.totalIters);
    const start = ops.parse(hyper.startFactor, f);
    const end = ops.parse(hyper.endFactor, f);
    if (flags.implementation === 'torch-closed-form') {
      const moved = ops.mul(ops.sub(end, start, f), ops.integer(Math.min(total, t), f), f);
      const factor = ops.add(start, pythonDiv(ops, moved, ops.integer(total, f), f, entry.name), f);
      return ops.mul(ops.parse(hyper.lr, f), factor, f);
    }
    if (t === 0) return ops.mul(before, start, f);
    if (t > total) return before;
    const denominator = ops.add(
      ops.mul(ops.integer(total, f), start, f),
      ops.mul(ops.integer(t - 1, f), ops.sub(end, start, f), f),
      f,
    );
    const ratio = ops.add(ops.integer(1, f), pythonDiv(ops, ops.sub(end, start, f), denominator, f, entry.name), f);
    return ops.mul(before, ratio, f);
  },
};
