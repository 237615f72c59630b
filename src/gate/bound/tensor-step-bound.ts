/**
 * The derived error bound of one production step of a rule on whole tensors (LAMB, LARS;
 * src/production/rules/tensor-rule.ts): the driver (src/production/drive-tensor.ts) on the tensor's
 * error-bounded elements as one region ({@link boundedRegionArith}), where each sum over the tensor is
 * bounded by Higham's γ_{n−1} bound for any order of float32 additions ({@link nonnegativeSum}) and a
 * selection is exact where the sign of its condition is decided. Every element's bound thus includes
 * the error of the norms it shares with the rest of the tensor.
 *
 * @module
 */
import type { Configuration, StepInput } from '../../../core/catalogue/index.js';
import { required } from '../../../core/required.js';
import { prepareTensorStep } from '../../production/drive-tensor.js';
import type { Carrier } from '../../production/drive.js';
import type { TensorRule } from '../../production/rules/tensor-rule.js';
import { comparisonBound, exactInput, nonnegativeSum, type Bounded } from './bounded.js';
import { boundedRegionArith, type BoundedRegion } from './bounded-region.js';
import { scalarToBounded, type ScalarBound } from './scalar-bound.js';
import { coefficientBoundArith } from '../schedules/rate-bound.js';
import type { ElementBound, StepBound } from './step-bound.js';

/** The bound on one output element (as step-bound.ts's elementBound; infinite outside the domain). */
function elementBound(b: Bounded): ElementBound {
  return b.out === undefined ? { bound: comparisonBound(b), scale: b.s } : { bound: Infinity, scale: b.s, out: b.out };
}

/** The gate's arithmetic for whole tensors: a region of bounded elements, float64 coefficients lifted to a region of one. */
const regions: Carrier<BoundedRegion, ScalarBound> = {
  A: boundedRegionArith(nonnegativeSum),
  scalars: coefficientBoundArith,
  lift: (x) => [scalarToBounded(x)],
};

/** The derived bound of `rule`'s production step on `input` under `config`, element by element. */
export function boundTensorStep(rule: TensorRule, config: Configuration, input: StepInput): StepBound {
  const { params, grads, state, t } = input;
  const layout = config.entry.state(config.flags);
  const region = (xs: ArrayLike<number>): BoundedRegion => Array.from(xs, (x) => exactInput(x));
  const slotValues = (k: string) => required(state[k], `state slot '${k}'`);
  const tensorSlots = Object.fromEntries(layout.tensor.map((k) => [k, required(slotValues(k)[0], k)]));
  const prepared = prepareTensorStep(rule, config, regions, { t, tensorSlots });
  const slots = Object.fromEntries([...layout.element, ...layout.tensor].map((k) => [k, [region(slotValues(k))]]));
  const r = prepared.step({ params: [region(params)], grads: [region(grads)], slots });
  const bounds = (values: readonly BoundedRegion[] | undefined, what: string) =>
    required(required(values, what)[0], what).map(elementBound);
  const result: StepBound = { params: bounds(r.params, 'params') };
  for (const k of [...layout.element, ...layout.tensor]) result[k] = bounds(r.slots[k], k);
  return result;
}
