/**
 * Rprop (iRprop−), exact, as PyTorch 1.13 computes it (torch/optim/rprop.py, _single_tensor_rprop),
 * with s = sign(g · prev) of the exact product and PyTorch 1.13's sign, which is 0 for NaN
 * (torch.sign(NaN) = 0: a NaN input or ∞ · 0 counts as s = 0):
 *
 *   η = η+ (s > 0), η− (s < 0), 1 (s = 0)
 *   Δ' = min(max(Δ η, Δmin), Δmax)
 *   g' = 0 where s < 0, else g
 *   θ' = θ − sign(g') Δ',   prev' = g'
 *
 * with min(x, y) = −max(−x, −y), exactly.
 *
 * @module
 */
import type { RpropSchema } from '../../core/catalogue/rules/rprop.js';
import type { Arithmetic, Enclosure } from '../enclosure.js';
import { elementwiseRule } from '../elementwise.js';
import type { ElementwiseUpdate, StepContext } from '../rule.js';
import { contextOnly, decidedSign } from './common.js';

/** torch.sign in PyTorch 1.13: −1, 0 or +1, and 0 for NaN ((0 < x) − (x < 0)). */
function torchSign(a: Arithmetic, x: Enclosure): number {
  const s = decidedSign(a, x);
  return Number.isNaN(s) ? 0 : s;
}

/** Rprop's exact elementwise update. */
export const rpropUpdate: ElementwiseUpdate<RpropSchema, StepContext<RpropSchema>> = {
  name: 'rprop',
  entries: ['rprop'],
  initTensorSlots: () => ({}),
  prepare: contextOnly,
  element(a, { param, grad, slots }, { h }) {
    const s = torchSign(a, a.mul(grad, slots.prev));
    const factor = s > 0 ? h.etaPlus : s < 0 ? h.etaMinus : a.point(1);
    const lower = a.max(a.mul(slots.stepSize, factor), h.stepSizeMin);
    const stepSize = a.neg(a.max(a.neg(lower), a.neg(h.stepSizeMax)));
    const g = s < 0 ? a.point(0) : grad;
    return { param: a.sub(param, a.mul(a.point(torchSign(a, g)), stepSize)), slots: { prev: g, stepSize } };
  },
  nextTensorSlots: () => ({}),
};

/** Rprop as an oracle rule. */
export const rpropOracle = elementwiseRule(rpropUpdate);
