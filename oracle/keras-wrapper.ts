/**
 * The stages Keras 3's optimizer wrapper adds around a rule's step, exact (enclosures of the float32
 * inputs and the decimals as written), each output certified correctly rounded to float32 through the
 * oracle's stages ({@link certifyStaged}; a decay by a schedule's rate goes to the decimal ladder, the
 * only arithmetic that encloses a schedule's value) (keras/src/optimizers/base_optimizer.py,
 * `_apply_weight_decay` and
 * `_update_model_variables_moving_average`):
 *
 *   decay:  θ* = θ − θ · wd · lr,   lr the constant, or a schedule's exact value at `iterations`
 *   EMA:    avg' = m · avg + (1 − m) · θ',   m = ema_momentum, or 0 while iterations = 0
 *
 * The clipping stage's oracle is ./gradient-transforms/clipping.ts; the rule's is its own.
 *
 * @module
 */
import type { Arithmetic, Enclosure } from './enclosure.js';
import { IntervalArithmetic, Undecided } from './interval.js';
import { certifyStaged } from './staged.js';
import { uncertifiedOf } from './marks.js';
import type { ScheduleRef, UncertifiedElement } from '../core/catalogue/index.js';
import { required } from '../core/required.js';
import { asSchedule } from '../core/schedules/index.js';
import { learningRateEnclosure } from './schedules/index.js';

/** A stage's outputs: the certified float32 values, and the elements left uncertified under `output`. */
export interface StageOutputs {
  readonly values: Float32Array;
  readonly uncertified: UncertifiedElement[];
}

/** `f` of each element's exact inputs, certified element by element at once. */
function certifiedStage(output: string, length: number, f: (a: Arithmetic, k: number) => Enclosure): StageOutputs {
  const r = certifyStaged<string>('keras-wrapper', (a) =>
    Object.fromEntries(Array.from({ length }, (_, k) => [String(k), f(a, k)])),
  );
  return {
    values: Float32Array.from({ length }, (_, k) => required(r.values[String(k)], `element ${k}`)),
    uncertified: uncertifiedOf(r, output),
  };
}

const exact = (a: Arithmetic, x: number | undefined): Enclosure => a.fromFloat32(required(x, 'element'));

/** Thrown by the stages before the decimal ladder for a schedule's rate, which only decimal intervals enclose. */
const SCHEDULE_IN_DECIMAL = new Undecided("a schedule's learning rate is enclosed in decimal only");

/** The rate `lr` in the arithmetic `a`: a constant's exact decimal, or the schedule's value at its step. */
function rateIn(a: Arithmetic, lr: DecayRate): Enclosure {
  if (typeof lr === 'string') return a.point(lr);
  if (!(a instanceof IntervalArithmetic)) throw SCHEDULE_IN_DECIMAL;
  return learningRateEnclosure(a, asSchedule(lr.schedule), lr.iterations);
}

/** The learning rate Keras's decay reads: a constant's exact decimal, or a schedule at a step. */
export type DecayRate = string | { readonly schedule: ScheduleRef; readonly iterations: number };

/**
 * θ − θ · wd · lr of each float32 θ, with wd an exact decimal and lr the constant's exact decimal or
 * the schedule's exact value at `iterations` (Keras's `self.learning_rate` before the update,
 * keras/src/optimizers/base_optimizer.py `_get_current_learning_rate`), enclosed at each precision.
 */
export function decayOracle(theta: Float32Array, weightDecay: string, lr: DecayRate, output: string): StageOutputs {
  return certifiedStage(output, theta.length, (a, k) => {
    const x = exact(a, theta[k]);
    return a.sub(x, a.mul(a.mul(x, a.point(weightDecay)), rateIn(a, lr)));
  });
}

/** m · avg + (1 − m) · θ of each float32 pair, m = 0 at iterations 0, else the decimal ema_momentum. */
export function emaOracle(
  average: Float32Array,
  theta: Float32Array,
  momentum: string,
  iterations: number,
  output: string,
): StageOutputs {
  return certifiedStage(output, theta.length, (a, k) => {
    const m = a.point(iterations === 0 ? '0' : momentum);
    return a.add(a.mul(m, exact(a, average[k])), a.mul(a.sub(a.point(1), m), exact(a, theta[k])));
  });
}
