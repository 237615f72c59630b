/**
 * What the two whole-tensor branches of the driver share (./drive-tensor.ts for LAMB and LARS,
 * ./drive-matrix.ts for Adafactor): the coefficients lifted once per step, and a step on one group
 * that is the whole tensor, each input and output one value.
 *
 * @module
 */
import type { StateLayout } from '../../core/catalogue/index.js';
import { InvariantError, required } from '../../core/required.js';
import type { Carrier, PreparedStep } from './drive.js';

/** The whole tensor's inputs to a rule's step: θ, g and each slot as one value. */
export interface WholeInputs<T> {
  readonly param: T;
  readonly grad: T;
  readonly slots: Readonly<Record<string, T>>;
}

/** The rule's step on the whole tensor, given the lifted coefficients. */
export type WholeStep<T> = (
  x: WholeInputs<T>,
  c: Readonly<Record<string, T>>,
) => { readonly param: T; readonly slots: object };

/**
 * A prepared step whose one group is the whole tensor: `coefficients` (float64, from the rule) lifted
 * to the carrier once, then `step` on the group's single values, for the slots `slotNames`.
 */
export function prepareWholeStep<T, X>(
  carrier: Carrier<T, X>,
  layout: StateLayout,
  slotNames: readonly string[],
  coefficients: Readonly<Record<string, X | undefined>>,
  step: WholeStep<T>,
): PreparedStep<T> {
  const c: Record<string, T> = {};
  for (const [k, v] of Object.entries(coefficients)) if (v !== undefined) c[k] = carrier.lift(v);
  const whole = (values: readonly T[] | undefined, what: string): T => {
    if (values?.length !== 1) throw new InvariantError(`internal: ${what} must be one whole tensor`);
    return required(values[0], what);
  };
  return {
    layout,
    size: 1,
    step: (group) => {
      const slots = Object.fromEntries(slotNames.map((k) => [k, whole(group.slots[k], `slot '${k}'`)]));
      const r = step({ param: whole(group.params, 'params'), grad: whole(group.grads, 'grads'), slots }, c);
      const out = r.slots as Readonly<Record<string, T>>;
      return {
        params: [r.param],
        slots: Object.fromEntries(slotNames.map((k) => [k, [required(out[k], `result slot '${k}'`)]])),
      };
    },
  };
}
