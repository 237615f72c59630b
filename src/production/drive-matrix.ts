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
import { InvariantError, required } from '../../core/required.js';
import type { Carrier, PreparedStep, StepContext } from './drive.js';
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
  const slotNames = [...layout.element, ...layout.row, ...layout.column];
  const c: Record<string, T> = {};
  for (const [k, v] of Object.entries(rule.coefficients(carrier.scalars, config, context.t)))
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
      const r = rule.step(A, x, c, config, context.shape);
      const out = r.slots as Readonly<Record<string, T>>;
      return {
        params: [r.param],
        slots: Object.fromEntries(slotNames.map((k) => [k, [required(out[k], `result slot '${k}'`)]])),
      };
    },
  };
}
