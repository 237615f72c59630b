/**
 * Rprop (iRprop−) in float32 (torch/optim/rprop.py 1.13, _single_tensor_rprop), PyTorch's masks
 * written as selections where(c > 0, x, y), which round nothing. PyTorch 1.13's torch.sign is 0 for
 * NaN, and so is σ(x) = where(|x| > 0, sign(x), 0) here:
 *
 *   s = σ(g) · σ(prev)              sign(g · prev) without float32's underflow of the product
 *                                   (0 for a NaN operand and for ∞ · 0, as torch.sign(NaN) = 0)
 *   c = −s − 1/2                    (> 0 exactly where s < 0)
 *   η = where(s − 1/2 > 0, η+, where(c > 0, η−, 1))
 *   Δ' = min(max(Δ · η, Δmin), Δmax),  min(x, y) = −max(−x, −y)
 *   prev' = where(c > 0, 0, g),   θ' = θ − where(c > 0, 0, σ(g)) · Δ'
 *
 * The conditions are shifted by 1/2 so that the gate's analysis decides them: s is −1, 0 or +1.
 * Each max takes its scalar coefficient first: tensorArith.max(x, scalar) of an empty x has one
 * element (a tf.where broadcast).
 *
 * @module
 */
import type { Float32Arith } from '../../../core/arith.js';
import type { RpropSchema } from '../../../core/catalogue/rules/rprop.js';
import type { ProductionRule } from './rule.js';

type Always = 'etaMinus' | 'etaPlus' | 'stepSizeMin' | 'negativeStepSizeMax' | 'zero' | 'half' | 'one' | 'minusOne';

/** σ(x) = where(|x| > 0, sign(x), 0): −1, 0 or +1, and 0 for NaN, as torch.sign in PyTorch 1.13. */
function torchSign<T>(A: Float32Arith<T>, x: T, zero: T): T {
  return A.wherePositive(A.abs(x), A.sign(x), zero);
}

/** Rprop's production step: the selections and clamp of the module comment, element by element. */
export const rprop: ProductionRule<RpropSchema, Always, never> = {
  kind: 'elementwise',
  initTensorSlots: () => ({}),
  coefficients: (s, { hyper }) => ({
    etaMinus: s.hyper(hyper.etaMinus),
    etaPlus: s.hyper(hyper.etaPlus),
    stepSizeMin: s.hyper(hyper.stepSizeMin),
    negativeStepSizeMax: s.sub(s.integer(0), s.hyper(hyper.stepSizeMax)),
    zero: s.integer(0),
    half: s.div(s.integer(1), s.integer(2)),
    one: s.integer(1),
    minusOne: s.integer(-1),
  }),
  step(A, { param, grad, slots }, c) {
    const direction = torchSign(A, grad, c.zero);
    const s = A.mul(direction, torchSign(A, slots.prev, c.zero));
    const changed = A.sub(A.mul(c.minusOne, s), c.half);
    const factor = A.wherePositive(A.sub(s, c.half), c.etaPlus, A.wherePositive(changed, c.etaMinus, c.one));
    const lower = A.max(c.stepSizeMin, A.mul(slots.stepSize, factor));
    const stepSize = A.mul(c.minusOne, A.max(c.negativeStepSizeMax, A.mul(c.minusOne, lower)));
    const prev = A.wherePositive(changed, c.zero, grad);
    const moved = A.wherePositive(changed, c.zero, direction);
    return { param: A.sub(param, A.mul(moved, stepSize)), slots: { prev, stepSize } };
  },
};
