/**
 * Cosine annealing as the frameworks compute it, operation by operation in their source order:
 *
 * - PyTorch 1.13 CosineAnnealingLR (torch/optim/lr_scheduler.py, Python floats). get_lr: at 0 the
 *   optimizer's lr; where `(e − 1 − T_max) % (2 T_max) == 0`, `lr + (base − η)(1 − cos(π/T_max))/2`;
 *   otherwise `(1 + cos(π e/T_max)) / (1 + cos(π (e − 1)/T_max)) * (lr − η) + η`. Closed form:
 *   `η + (base − η)(1 + cos(π e/T_max))/2`. (The `_step_count == 1 and last_epoch > 0` branch
 *   serves a scheduler resumed with last_epoch ≥ 0, which is not modelled.)
 * - Keras 3 CosineDecay (learning_rate_schedule.py, float32): `s = min(step, decay_steps)` (with a
 *   warmup: `min(step, decay_steps + warmup_steps)`, then `(target − initial) * s/warmup + initial`
 *   while `s < warmup_steps`); the decay `0.5 * (1 + cos(pi * (s/decay_steps)))`, then
 *   `(1 − alpha) * that + alpha` (1 − alpha in Python float64), times the decay's start.
 * - optax warmup_cosine_decay_schedule (optax/schedules/_schedule.py and _join.py, float32 under
 *   JAX's default): `where(step < W, linear(step), cosine(step − W))`; linear_schedule is
 *   polynomial_schedule with power 1: `(init − peak) * (1 − clip(c, 0, W)/W) + peak`; the cosine
 *   `0.5 * (1 + cos(pi * min(c, T − W) / (T − W)))`, raised to the exponent, then
 *   `(1 − alpha) * that + alpha` with alpha = end/peak in Python float64 (0 when peak is 0), times peak.
 *
 * @module
 */
import type { CosineAnnealingSchema, ScheduleConfig } from '../../../core/schedules/index.js';
import type { FloatFormat, ScheduleOps } from './ops.js';
import { pythonDiv, type ProductionSchedule } from './schedule.js';

/** The step's index within its period: Python's (t − 1 − T) % (2T) == 0. */
const atOddMultiple = (t: number, T: number): boolean => (((t - 1 - T) % (2 * T)) + 2 * T) % (2 * T) === 0;

function torchCosine<T>(ops: ScheduleOps<T>, c: ScheduleConfig<CosineAnnealingSchema>, t: number, before: T): T {
  const f = c.flags.arithmetic;
  const T = Number(c.hyper.decaySteps);
  const base = ops.parse(c.hyper.lr, f);
  const eta = ops.parse(c.hyper.minimum ?? '0', f);
  const one = ops.integer(1, f);
  const cosine = (e: number) => ops.cos(ops.div(ops.mul(ops.pi(f), ops.integer(e, f), f), ops.integer(T, f), f), f);
  const half = (x: T) => ops.div(x, ops.integer(2, f), f);
  if (c.flags.implementation === 'torch-closed-form')
    return ops.add(eta, half(ops.mul(ops.sub(base, eta, f), ops.add(one, cosine(t), f), f)), f);
  if (t === 0) return before;
  if (atOddMultiple(t, T)) {
    const step = ops.sub(one, ops.cos(ops.div(ops.pi(f), ops.integer(T, f), f), f), f);
    return ops.add(before, half(ops.mul(ops.sub(base, eta, f), step, f)), f);
  }
  const ratio = pythonDiv(ops, ops.add(one, cosine(t), f), ops.add(one, cosine(t - 1), f), f, c.entry.name);
  return ops.add(ops.mul(ratio, ops.sub(before, eta, f), f), eta, f);
}

/** `(1 − alpha) * x + alpha` with 1 − alpha a Python float64, both converted to float32. */
function floorBlend<T>(ops: ScheduleOps<T>, x: T, alpha: T): T {
  const f: FloatFormat = 'float32';
  const oneMinus = ops.round(ops.sub(ops.integer(1, 'float64'), alpha, 'float64'), f);
  return ops.add(ops.mul(oneMinus, x, f), ops.round(alpha, f), f);
}

/** 0.5 * (1 + cos(angle)), in float32. */
const halfCosine = <T>(ops: ScheduleOps<T>, angle: T): T =>
  ops.mul(
    ops.parse('0.5', 'float32'),
    ops.add(ops.integer(1, 'float32'), ops.cos(angle, 'float32'), 'float32'),
    'float32',
  );

function kerasCosine<T>(ops: ScheduleOps<T>, { hyper }: ScheduleConfig<CosineAnnealingSchema>, t: number): T {
  const f: FloatFormat = 'float32';
  const initial = ops.parse(hyper.lr, f);
  const decaySteps = ops.integer(Number(hyper.decaySteps), f);
  const step = ops.integer(t, f);
  const alpha = ops.parse(hyper.alpha ?? '0', 'float64');
  const decay = (s: T, from: T) =>
    ops.mul(from, floorBlend(ops, halfCosine(ops, ops.mul(ops.pi(f), ops.div(s, decaySteps, f), f)), alpha), f);
  if (hyper.peak === undefined) return decay(ops.min(step, decaySteps), initial);
  const target = ops.parse(hyper.peak, f);
  const warmup = ops.integer(Number(hyper.warmupSteps ?? '0'), f);
  const s = ops.min(step, ops.add(decaySteps, warmup, f));
  if (ops.lt(s, warmup)) return ops.add(ops.mul(ops.sub(target, initial, f), ops.div(s, warmup, f), f), initial, f);
  return decay(ops.sub(s, warmup, f), target);
}

function optaxCosine<T>(ops: ScheduleOps<T>, { hyper }: ScheduleConfig<CosineAnnealingSchema>, t: number): T {
  const f: FloatFormat = 'float32';
  const W = Number(hyper.warmupSteps ?? '0');
  const peakText = hyper.peak ?? '0';
  const peak = ops.parse(peakText, 'float64');
  if (t < W) {
    const count = Math.min(Math.max(t, 0), W);
    const frac = ops.sub(ops.integer(1, f), ops.div(ops.integer(count, f), ops.integer(W, f), f), f);
    const delta = ops.round(ops.sub(ops.parse(hyper.lr, 'float64'), peak, 'float64'), f);
    return ops.add(ops.mul(delta, frac, f), ops.round(peak, f), f);
  }
  const alpha =
    ops.valueOf(peak) === 0
      ? ops.integer(0, 'float64')
      : ops.div(ops.parse(hyper.end ?? '0', 'float64'), peak, 'float64');
  const decaySteps = ops.round(ops.integer(Number(hyper.decaySteps) - W, 'float64'), f);
  const count = ops.min(ops.integer(t - W, f), decaySteps);
  const cosine = halfCosine(ops, ops.div(ops.mul(ops.pi(f), count, f), decaySteps, f));
  const powered = ops.pow(cosine, ops.parse(hyper.exponent ?? '1', f), f);
  return ops.mul(ops.round(peak, f), floorBlend(ops, powered, alpha), f);
}

/** CosineAnnealingLR (PyTorch), CosineDecay (Keras), warmup_cosine_decay_schedule (optax). */
export const cosineAnnealingProduction: ProductionSchedule<CosineAnnealingSchema> = {
  recursive: (c) => c.flags.implementation === 'torch-get-lr',
  initial: (ops, c) => ops.parse(c.hyper.lr, c.flags.arithmetic),
  step(ops, config, t, before) {
    switch (config.flags.implementation) {
      case 'keras':
        return kerasCosine(ops, config, t);
      case 'optax':
        return optaxCosine(ops, config, t);
      default:
        return torchCosine(ops, config, t, before);
    }
  },
};
