/**
 * Lion, exact (Chen et al. 2023, arXiv:2302.06675, Algorithm 2):
 *
 *   c = β1 m + (1 − β1) g,   θ' = θ − α (sign(c) + λ θ),   m' = β2 m + (1 − β2) g
 *
 * with sign(0) = 0 and the decay skipped when λ = 0. Keras's order (θ − θλα, then − α sign(c)) is the
 * same exact value, so the flag `weightDecay` does not enter here.
 *
 * @module
 */
import type { LionSchema } from '../../core/catalogue/rules/lion.js';
import type { Enclosure } from '../enclosure.js';
import { elementwiseRule } from '../elementwise.js';
import type { ElementwiseUpdate, StepContext } from '../rule.js';
import { movingAverage, signOf } from './common.js';

interface Shared {
  readonly context: StepContext<LionSchema>;
  readonly oneMinusBeta1: Enclosure;
  readonly oneMinusBeta2: Enclosure;
}

/** Lion's exact elementwise update. */
export const lionUpdate: ElementwiseUpdate<LionSchema, Shared> = {
  name: 'lion',
  entries: ['lion'],
  initTensorSlots: () => ({}),
  prepare: (a, context) => ({
    context,
    oneMinusBeta1: a.sub(a.point(1), context.h.beta1),
    oneMinusBeta2: a.sub(a.point(1), context.h.beta2),
  }),
  element(a, { param, grad, slots }, { context: { h }, oneMinusBeta1, oneMinusBeta2 }) {
    const direction = signOf(a, movingAverage(a, h.beta1, slots.m, grad, oneMinusBeta1));
    const step = a.isZero(h.weightDecay) ? direction : a.add(direction, a.mul(h.weightDecay, param));
    return {
      param: a.sub(param, a.mul(h.lr, step)),
      slots: { m: movingAverage(a, h.beta2, slots.m, grad, oneMinusBeta2) },
    };
  },
  nextTensorSlots: () => ({}),
};

/** Lion as an oracle rule. */
export const lionOracle = elementwiseRule(lionUpdate);
