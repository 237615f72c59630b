/**
 * The stages Keras 3's optimizer wrapper adds around a rule's step (keras/src/optimizers/base_optimizer.py,
 * `_backend_apply_gradients`), in float32, written once against {@link Float32Arith} (and
 * {@link ScalarArith} for the coefficients) so that the gate derives their bounds from the same code:
 *
 *   decay (`_apply_weight_decay`, the TensorFlow and generic backends):  θ* = θ − (θ · wd) · lr,
 *                                      lr = `self.learning_rate`, the schedule's value at `iterations`
 *   EMA (`_update_model_variables_moving_average`):  m = ema_momentum · [iterations ≠ 0],
 *                                                     avg' = m · avg + (1 − m) · θ'
 *
 * wd, lr and ema_momentum are cast to float32 (`ops.cast`); 1 − m is a float32 subtraction. The torch
 * backend decays by θ · (1 − wd · lr) instead (keras/src/backend/torch/optimizers/torch_optimizer.py),
 * which rounds differently: this is the TensorFlow backend's order, which is also the generic one.
 * Clipping is src/production/gradient-transforms/clipping.ts.
 *
 * @module
 */
import type { Float32Arith, ScalarArith } from '../../../core/arith.js';
import { configure, type Configuration, type KerasClip, type KerasWrapper } from '../../../core/catalogue/index.js';
import { clipByGlobalNorm, clipByNorm, clipByValue } from '../../../core/catalogue/gradient-transforms/clipping.js';
import {
  clipByGlobalNormAlgorithm,
  clipByNormAlgorithm,
  clipByValueAlgorithm,
  type ClipAlgorithm,
} from '../gradient-transforms/clipping.js';
import { learningRate } from '../rules/common.js';
import type { CoefficientArith } from '../rules/rule.js';

/** The decay stage's float32 coefficients: wd and lr. */
export interface DecayCoefficients<X> {
  readonly wd: X;
  readonly lr: X;
}

/** The EMA stage's float32 coefficients: m (0 on the first step) and 1. */
export interface EmaCoefficients<X> {
  readonly m: X;
  readonly one: X;
}

/** The rule's learning rate (every Keras rule has `lr`), as exact decimal text. */
export function learningRateOf(config: Configuration): string {
  const lr = (config.hyper as Readonly<Record<string, string | undefined>>)['lr'];
  if (lr === undefined) throw new TypeError(`${config.entry.name} has no learning rate lr for Keras's weight decay`);
  return lr;
}

/**
 * wd and lr of update t (t = iterations + 1, from 1), each cast to float32 where the stage meets θ. lr
 * is Keras's `self.learning_rate` read before the update (`_get_current_learning_rate`): the constant
 * `lr`, or, with a schedule, the schedule's value at iterations = t − 1, as the rule's own step
 * reads it (`learningRate`, ../rules/common.ts).
 */
export const decayCoefficients = <X>(
  s: CoefficientArith<X>,
  wrapper: KerasWrapper,
  config: Configuration,
  t: number,
) =>
  wrapper.weightDecay === undefined
    ? undefined
    : { wd: s.hyper(wrapper.weightDecay), lr: learningRate(s, learningRateOf(config), config.schedule, t) };

/** θ − (θ · wd) · lr. */
export const decay = <T>(A: Float32Arith<T>, theta: T, c: DecayCoefficients<T>): T =>
  A.sub(theta, A.mul(A.mul(theta, c.wd), c.lr));

/** m = ema_momentum, or 0 while iterations = 0 (Keras's first step copies θ), and 1. */
export const emaCoefficients = <X>(s: ScalarArith<X>, wrapper: KerasWrapper, iterations: number) =>
  wrapper.ema === undefined
    ? undefined
    : { m: iterations === 0 ? s.integer(0) : s.hyper(wrapper.ema.momentum), one: s.integer(1) };

/** m · avg + (1 − m) · θ, 1 − m in float32. */
export const movingAverage = <T>(A: Float32Arith<T>, average: T, theta: T, c: EmaCoefficients<T>): T =>
  A.add(A.mul(c.m, average), A.mul(A.sub(c.one, c.m), theta));

/** Whether Keras overwrites the variables with their averages after step `iterations` (0-based). */
export const overwrites = (wrapper: KerasWrapper, iterations: number): boolean =>
  wrapper.ema?.overwriteFrequency !== undefined && (iterations + 1) % wrapper.ema.overwriteFrequency === 0;

/** The clipping entry and algorithm Keras's clip option names, configured with its threshold. */
export function clippingOf(clip: KerasClip): { readonly config: Configuration; readonly algorithm: ClipAlgorithm } {
  switch (clip.option) {
    case 'clipnorm':
      return { config: configure(clipByNorm, 'keras', { clipnorm: clip.threshold }), algorithm: clipByNormAlgorithm };
    case 'globalClipnorm':
      return {
        config: configure(clipByGlobalNorm, 'keras', { maxNorm: clip.threshold }),
        algorithm: clipByGlobalNormAlgorithm,
      };
    case 'clipvalue':
      return {
        config: configure(clipByValue, 'keras', { clipValue: clip.threshold }),
        algorithm: clipByValueAlgorithm,
      };
  }
}
