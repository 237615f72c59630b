/**
 * Adam, exact (Kingma & Ba 2015, Algorithm 1 and the efficient form of section 2):
 *
 *   m' = β1 m + (1 − β1) g,   v' = β2 v + (1 − β2) g²,   b1 = 1 − β1^t,   b2 = 1 − β2^t,
 *   algorithm1:  θ' = θ − α (m'/b1) / (√(v'/b2) + ε)
 *   efficient:   θ' = θ − (α √b2 / b1) m' / (√v' + ε̂) = θ − α (m'/b1) / (√(v'/b2) + ε̂/√b2)
 *
 * The efficient form is evaluated in its second, equal, shape: with ε̂ = 0 its irrational factors √b2
 * cancel symbolically, so an exact result that is a float32 rounding boundary (θ − 3 when m̂ = g,
 * v̂ = g²) stays a point that certification can decide; in the first shape it never would.
 *
 * β^t is the exact power of the decimal β (`exact-pow`), or the float32 slot value carried in the
 * state (`running-product`, TensorFlow.js), whose next value is float32(slot · β).
 *
 * @module
 */
import type { Interval, IntervalArithmetic } from '../interval.js';
import { elementwiseRule, type ElementwiseUpdate, type StepContext } from '../rule.js';

interface Shared {
  readonly running: boolean;
  readonly h: StepContext['h'];
  readonly oneMinusBeta1: Interval;
  readonly oneMinusBeta2: Interval;
  readonly beta1Power: Interval;
  readonly beta2Power: Interval;
  readonly biasCorrection1: Interval;
  readonly biasCorrection2: Interval;
  /** The ε added to √v̂: ε in Algorithm 1, ε̂ / √b2 in the efficient form. */
  readonly epsilon: Interval;
}

/** Adam's exact elementwise update. */
export const adamUpdate: ElementwiseUpdate<Shared> = {
  name: 'adam',
  initTensorSlots(_a, { h, flags }): Record<string, Interval> {
    return flags['biasCorrection'] === 'running-product' ? { b1pow: h['beta1']!, b2pow: h['beta2']! } : {};
  },
  prepare(a, { h, tensor, t, flags }) {
    const one = a.point(1);
    const running = flags['biasCorrection'] === 'running-product';
    const beta1Power = running ? tensor['b1pow']! : a.powInt(h['beta1']!, t);
    const beta2Power = running ? tensor['b2pow']! : a.powInt(h['beta2']!, t);
    const biasCorrection1 = a.sub(one, beta1Power);
    const biasCorrection2 = a.sub(one, beta2Power);
    const shared: Shared = {
      running,
      h,
      oneMinusBeta1: a.sub(one, h['beta1']!),
      oneMinusBeta2: a.sub(one, h['beta2']!),
      beta1Power,
      beta2Power,
      biasCorrection1,
      biasCorrection2,
      epsilon: flags['form'] === 'efficient' ? a.div(h['eps']!, a.sqrt(biasCorrection2)) : h['eps']!,
    };
    return shared;
  },
  element(a, { param, grad, slots }, s) {
    const m = a.add(a.mul(s.h['beta1']!, slots['m']!), a.mul(s.oneMinusBeta1, grad));
    const v = a.add(a.mul(s.h['beta2']!, slots['v']!), a.mul(s.oneMinusBeta2, a.square(grad)));
    const delta = a.div(a.mul(s.h['lr']!, a.div(m, s.biasCorrection1)), a.add(a.sqrt(a.div(v, s.biasCorrection2)), s.epsilon));
    return { param: a.sub(param, delta), slots: { m, v } };
  },
  nextTensorSlots(a, s): Record<string, Interval> {
    if (!s.running) return {};
    return {
      b1pow: a.mul(s.beta1Power, s.h['beta1']!),
      b2pow: a.mul(s.beta2Power, s.h['beta2']!),
    };
  },
};

/** Adam as an oracle rule. */
export const adamOracle = elementwiseRule(adamUpdate);
