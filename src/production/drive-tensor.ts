/**
 * The driver's branch for rules on whole tensors ({@link TensorRule}): the coefficients once per step,
 * as for an elementwise rule, then the rule's step on one group that is the whole tensor. The carrier's
 * arithmetic must be a {@link RegionArith} whose region is the whole tensor: TensorFlow.js tensors
 * with tf.sum over every axis (./tfjs/whole-tensor-arith.ts), or the tensor's error-bounded elements
 * (src/gate/bound/tensor-step-bound.ts).
 *
 * @module
 */
import type { RegionArith } from '../../core/arith.js';
import type { Configuration } from '../../core/catalogue/index.js';
import { InvariantError, required } from '../../core/required.js';
import type { Carrier, PreparedStep, StepContext } from './drive.js';
import type { TensorRule } from './rules/tensor-rule.js';

/** Whether a carrier's arithmetic reduces over regions. */
function isRegionArith<T>(A: Carrier<T, unknown>['A']): A is RegionArith<T> {
  return 'regionSum' in A && 'wherePositive' in A;
}

/**
 * Prepares `rule`'s step on `carrier` (whose arithmetic must be a {@link RegionArith} over the whole
 * tensor): one group, the whole tensor, given as one value per output.
 */
export function prepareTensorStep<T, X>(
  rule: TensorRule,
  config: Configuration,
  carrier: Carrier<T, X>,
  context: StepContext,
): PreparedStep<T> {
  const A = carrier.A;
  if (!isRegionArith(A)) throw new InvariantError('internal: a rule on whole tensors needs a region arithmetic');
  const layout = config.entry.state(config.flags);
  const slotNames = [...layout.element, ...layout.tensor];
  const c: Record<string, T> = {};
  for (const [k, v] of Object.entries(rule.coefficients(carrier.scalars, config, context.t, context.tensorSlots)))
    if (v !== undefined) c[k] = carrier.lift(v);
  const whole = (values: readonly T[] | undefined, what: string): T => {
    if (values?.length !== 1) throw new InvariantError(`internal: ${what} must be one whole tensor`);
    return required(values[0], what);
  };
  return {
    layout,
    size: 1,
    step: (group) => {
      const slots = Object.fromEntries(slotNames.map((k) => [k, whole(group.slots[k], `slot '${k}'`)]));
      const x = { param: whole(group.params, 'params'), grad: whole(group.grads, 'grads'), slots };
      const r = rule.step(A, x, c, config, context.t);
      const out = r.slots as Readonly<Record<string, T>>;
      return {
        params: [r.param],
        slots: Object.fromEntries(slotNames.map((k) => [k, [required(out[k], `result slot '${k}'`)]])),
      };
    },
  };
}
