/**
 * The stages Keras 3's optimizer wrapper adds around a rule's step, exact (enclosures of the float32
 * inputs and the decimals as written), each output certified correctly rounded to float32 through the
 * oracle's stages ({@link certifyStaged}; a decay by a schedule's rate goes to the decimal ladder at
 * once, the only arithmetic that encloses a schedule's value) (keras/src/optimizers/base_optimizer.py,
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
import { certify, type Certified } from './certify.js';
import type { IntervalArithmetic, Interval } from './interval.js';
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

/** The outputs of `element` for k = 0 … length − 1, keyed by k. */
const byElement = (length: number, element: (k: number) => Enclosure): Record<string, Enclosure> =>
  Object.fromEntries(Array.from({ length }, (_, k) => [String(k), element(k)]));

/** The certified float32 values and the marks of a stage's `length` outputs. */
function stageOutputs(r: Certified<string>, length: number, output: string): StageOutputs {
  return {
    values: Float32Array.from({ length }, (_, k) => required(r.values[String(k)], `element ${k}`)),
    uncertified: uncertifiedOf(r, output),
  };
}

/**
 * The outputs `stage(a)` gives element by element, certified at once through the oracle's stages:
 * `stage` computes in `a` what every element shares, then returns the formula of element k.
 */
function certifiedStage(
  output: string,
  length: number,
  stage: (a: Arithmetic) => (k: number) => Enclosure,
): StageOutputs {
  return stageOutputs(
    certifyStaged<string>('keras-wrapper', (a) => byElement(length, stage(a))),
    length,
    output,
  );
}

/** As {@link certifiedStage}, on the decimal ladder alone: for a formula only decimal intervals evaluate. */
function certifiedOnLadder(
  output: string,
  length: number,
  stage: (a: IntervalArithmetic) => (k: number) => Enclosure,
): StageOutputs {
  // The formulas are written against any Arithmetic; on IntervalArithmetic they give Intervals.
  return stageOutputs(
    certify<string>((a) => byElement(length, stage(a)) as Record<string, Interval>),
    length,
    output,
  );
}

const exact = (a: Arithmetic, x: number | undefined): Enclosure => a.fromFloat32(required(x, 'element'));

/** The learning rate Keras's decay reads: a constant's exact decimal, or a schedule at a step. */
export type DecayRate = string | { readonly schedule: ScheduleRef; readonly iterations: number };

/** θ_k − θ_k · (wd · lr) of each element, wd · lr computed once. */
function decayBy(a: Arithmetic, theta: Float32Array, weightDecay: string, lr: Enclosure): (k: number) => Enclosure {
  const wdLr = a.mul(a.point(weightDecay), lr);
  return (k) => {
    const x = exact(a, theta[k]);
    return a.sub(x, a.mul(x, wdLr));
  };
}

/**
 * θ − θ · wd · lr of each float32 θ, with wd an exact decimal and lr the constant's exact decimal or
 * the schedule's exact value at `iterations` (Keras's `self.learning_rate` before the update,
 * keras/src/optimizers/base_optimizer.py `_get_current_learning_rate`), enclosed at each precision:
 * through the oracle's stages for a constant, on the decimal ladder for a schedule.
 */
export function decayOracle(theta: Float32Array, weightDecay: string, lr: DecayRate, output: string): StageOutputs {
  if (typeof lr === 'string')
    return certifiedStage(output, theta.length, (a) => decayBy(a, theta, weightDecay, a.point(lr)));
  const schedule = asSchedule(lr.schedule);
  return certifiedOnLadder(output, theta.length, (a) =>
    decayBy(a, theta, weightDecay, learningRateEnclosure(a, schedule, lr.iterations)),
  );
}

/** m · avg + (1 − m) · θ of each float32 pair, m = 0 at iterations 0, else the decimal ema_momentum. */
export function emaOracle(
  average: Float32Array,
  theta: Float32Array,
  momentum: string,
  iterations: number,
  output: string,
): StageOutputs {
  return certifiedStage(output, theta.length, (a) => {
    const m = a.point(iterations === 0 ? '0' : momentum);
    const rest = a.sub(a.point(1), m);
    return (k) => a.add(a.mul(m, exact(a, average[k])), a.mul(rest, exact(a, theta[k])));
  });
}
