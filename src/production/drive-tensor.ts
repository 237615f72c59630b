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
import { InvariantError } from '../../core/required.js';
import type { Carrier, PreparedStep, StepContext } from './drive.js';
import { prepareWholeStep } from './drive-whole.js';
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
  return prepareWholeStep(
    carrier,
    layout,
    [...layout.element, ...layout.tensor],
    rule.coefficients(carrier.scalars, config, context.t, context.tensorSlots),
    (x, c) => rule.step(A, x, c, config, context.t),
  );
}
