/**
 * The production kind for updates on a given gradient whose elements share reductions over the whole
 * tensor (LAMB's and LARS's norms): a {@link TensorRule}. It is the elementwise kind with one
 * difference: the step is written against {@link RegionArith}, whose values are the whole tensor (one
 * region), so that `regionSum` gives Σ over every element as a value that broadcasts against the
 * tensor, and `wherePositive` selects as `tf.where(c > 0, a, b)`. Production runs it on whole
 * TensorFlow.js tensors (../tfjs/whole-tensor-arith.ts); the gate runs the same code on the tensor's
 * error-bounded elements (src/gate/bound/tensor-step-bound.ts), where a sum's bound is Higham's γ
 * bound for any order of float32 additions, so the bound follows the algorithm operation by operation
 * as for the elementwise rules.
 *
 * Why a production kind and not an entry kind: the gate exercises LAMB and LARS exactly as it does an
 * elementwise update (the same step cases on a given gradient, the same three properties and decimal
 * inputs, all of which already hand the oracle the whole tensor at once), so their entries keep the
 * kind `elementwise-update` and only the driver must know that the tensor is one group. The
 * gradient-function kind (NAG's GroupRule, ./rule.ts) does not fit: it takes no gradient and needs an
 * objective. The driver's branch is ../drive-tensor.ts.
 *
 * @module
 */
import type { RegionArith, ScalarArith } from '../../../core/arith.js';
import type { CoefficientArith } from './rule.js';
import type { Configuration, Schema, AnySchema, SlotName } from '../../../core/catalogue/index.js';
import type { Coefficients, StepResult, StepValues, TensorSlotValues } from './rule.js';

/**
 * A production update on whole tensors: its coefficients once per step in float64 (as an elementwise
 * rule's), then float32 operations on the whole tensor, with reductions over it.
 */
export interface TensorRule<S extends Schema = AnySchema, R extends string = string, O extends string = string> {
  readonly kind: 'tensor';
  /** Initial values of the tensor slots (none for LAMB and LARS). */
  initTensorSlots<X>(s: ScalarArith<X>, config: Configuration<S>): { readonly [K in SlotName<S>]?: X };
  /** The step's float64 coefficients from the hyperparameters and t. */
  coefficients<X>(
    s: CoefficientArith<X>,
    config: Configuration<S>,
    t: number,
    tensorSlots: TensorSlotValues<S>,
  ): Coefficients<R, O, X>;
  /** One step on the whole tensor (each value is the tensor, a reduction one value that broadcasts). */
  step<T>(
    A: RegionArith<T>,
    x: StepValues<S, T>,
    c: Coefficients<R, O, T>,
    config: Configuration<S>,
    t: number,
  ): StepResult<S, T>;
}

/**
 * ‖x‖ over the whole tensor in float32, scaled by the sum of magnitudes s = Σ |x| so that no square
 * overflows or underflows to nothing (each |x / s| ≤ 1, and Σ (x / s)² ≥ 1/n):
 *
 *   ‖x‖ = where(s > 0, where(1 / s > 0, s · √(Σ (x / s)²), s), s)
 *
 * so a zero tensor gives 0, an infinite element (1 / s = 0) ∞ and a NaN element NaN, as the exact norm does. The
 * frameworks square x directly (jnp.linalg.norm, keras.ops.sum(ops.power(x, 2))), whose float32 result
 * is ∞ beyond |x| ≈ 2^64 and 0 below 2^−75 where the exact norm is neither.
 */
export function norm<T>(A: RegionArith<T>, x: T, one: T): T {
  const s = A.regionSum(A.abs(x));
  const scaled = A.mul(s, A.sqrt(A.regionSum(A.square(A.div(x, s)))));
  return A.wherePositive(s, A.wherePositive(A.div(one, s), scaled, s), s);
}

/** The zero-norm rules of the trust ratio (oracle/rules/trust-ratio.ts names the sources). */
export type TrustRatioForm = 'positive-norms' | 'zero-norm-one' | 'zero-norm-no-step';

/**
 * The trust ratio of norms p and q (each ≥ 0 or NaN), with `quotient` its value where both are
 * nonzero, as selections only (so that it is exact wherever the conditions' signs are decided):
 *
 *   positive-norms (keras/src/optimizers/lamb.py):  where(p > 0, where(q > 0, quotient, 1), 1)
 *   zero-norm-one (optax scale_by_trust_ratio):     where(p == 0 or q == 0, 1, quotient)
 *   zero-norm-no-step (LAMB's Algorithm 2):         where(p == 0 or q == 0, 0, quotient)
 *
 * with x == 0 written as "not x > 0 and x + 1 > 0" (NaN fails both), so that a NaN norm gives NaN
 * (p or q itself) unless the other norm is 0:
 *
 *   where(p > 0, where(q > 0, quotient, where(q + 1 > 0, k, q)),
 *                where(p + 1 > 0, k, where(q > 0, p, where(q + 1 > 0, k, p))))
 */
export function trustRatio<T>(A: RegionArith<T>, form: TrustRatioForm, p: T, q: T, quotient: T, one: T, zero: T): T {
  if (form === 'positive-norms') return A.wherePositive(p, A.wherePositive(q, quotient, one), one);
  const k = form === 'zero-norm-one' ? one : zero;
  const qZero = (otherwise: T) => A.wherePositive(A.add(q, one), k, otherwise);
  const pNotPositive = A.wherePositive(A.add(p, one), k, A.wherePositive(q, p, qZero(p)));
  return A.wherePositive(p, A.wherePositive(q, quotient, qZero(q)), pNotPositive);
}
