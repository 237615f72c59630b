/**
 * ASGD, exact, as PyTorch 1.13 computes it (torch/optim/asgd.py, _single_tensor_asgd), with η and μ
 * the float32 values of the tensor slots and t this step's count:
 *
 *   g' = g + λ_wd θ,   θ' = θ (1 − λ η) − η g'
 *   ax' = θ' when μ = 1, else ax + (θ' − ax) μ
 *   η' = lr / (1 + λ lr t)^α,   μ' = 1 / max(1, t − t0)   (each then rounded to float32 by the driver)
 *
 * @module
 */
import type { AsgdSchema } from '../../core/catalogue/rules/asgd.js';
import { required } from '../../core/required.js';
import type { Enclosure } from '../enclosure.js';
import { elementwiseRule } from '../elementwise.js';
import type { ElementwiseUpdate, StepContext, TensorEnclosures } from '../rule.js';
import { coupledGradient } from './common.js';

interface Shared {
  readonly context: StepContext<AsgdSchema>;
  readonly eta: Enclosure;
  /** μ, or undefined when μ = 1 (ax becomes a copy of θ'). */
  readonly mu?: Enclosure;
  /** 1 − λ η. */
  readonly decay: Enclosure;
}

/** ASGD's exact elementwise update. */
export const asgdUpdate: ElementwiseUpdate<AsgdSchema, Shared> = {
  name: 'asgd',
  entries: ['asgd'],
  initTensorSlots: (a, { h }): TensorEnclosures<AsgdSchema> => ({ eta: h.lr, mu: a.point(1) }),
  prepare(a, context) {
    const eta = required(context.tensor.eta, 'eta');
    const mu = required(context.tensor.mu, 'mu');
    const one = a.point(1);
    return {
      context,
      eta,
      ...(a.isZero(a.sub(mu, one)) ? {} : { mu }),
      decay: a.sub(one, a.mul(context.h.lambd, eta)),
    };
  },
  element(a, { param, grad, slots }, { context: { h, tensor }, eta, mu, decay }) {
    const g = coupledGradient(a, grad, param, h);
    const theta = a.sub(a.mul(param, decay), a.mul(eta, g));
    const ax = mu === undefined ? theta : a.add(slots.ax, a.mul(a.sub(theta, slots.ax), mu));
    // η and μ advance in nextTensorSlots; the driver reads only the element slots from here.
    return { param: theta, slots: { ax, eta, mu: required(tensor.mu, 'mu') } };
  },
  nextTensorSlots(a, { context: { h, t } }): TensorEnclosures<AsgdSchema> {
    const one = a.point(1);
    const base = a.add(one, a.mul(a.mul(h.lambd, h.lr), a.point(t)));
    return {
      eta: a.div(h.lr, a.powReal(base, h.alpha)),
      mu: a.div(one, a.max(one, a.sub(a.point(t), h.t0))),
    };
  },
};

/** ASGD as an oracle rule. */
export const asgdOracle = elementwiseRule(asgdUpdate);
