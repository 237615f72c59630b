/**
 * The driver's branch for rules on whole vectors and matrices ({@link MatrixRule}): the coefficients
 * once per step, as for an elementwise rule, then the rule's step on one group that is the whole
 * parameter of the step's shape. The carrier's arithmetic must be a {@link MatrixArith}: TensorFlow.js
 * tensors of that shape (./tfjs/whole-tensor-arith.ts), or the parameter's error-bounded elements
 * (src/gate/bound/matrix-step-bound.ts).
 *
 * @module
 */
import type { MatrixArith } from '../../core/arith.js';
import type { Configuration } from '../../core/catalogue/index.js';
import { InvariantError } from '../../core/required.js';
import type { Carrier, PreparedStep, StepContext } from './drive.js';
import { prepareWholeStep } from './drive-whole.js';
import type { MatrixRule } from './rules/matrix-rule.js';

/** Whether a carrier's arithmetic reduces over rows and columns. */
function isMatrixArith<T>(A: Carrier<T, unknown>['A']): A is MatrixArith<T> {
  return 'rowMean' in A && 'colMean' in A && 'mean' in A;
}

/** Prepares `rule`'s step on `carrier`: one group, the whole parameter, given as one value per output. */
export function prepareMatrixStep<T, X>(
  rule: MatrixRule,
  config: Configuration,
  carrier: Carrier<T, X>,
  context: StepContext,
): PreparedStep<T> {
  const A = carrier.A;
  if (!isMatrixArith(A)) throw new InvariantError('internal: a rule on matrices needs a matrix arithmetic');
  const layout = config.entry.state(config.flags);
  return prepareWholeStep(
    carrier,
    layout,
    [...layout.element, ...layout.row, ...layout.column],
    rule.coefficients(carrier.scalars, config, context.t),
    (x, c) => rule.step(A, x, c, config, context.shape),
  );
}
