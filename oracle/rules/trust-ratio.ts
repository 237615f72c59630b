/**
 * The per-tensor pieces of LAMB and LARS, exact: the Euclidean norm of a whole tensor and the trust
 * ratio with each source's rule for a zero (or NaN) norm.
 *
 * @module
 */
import type { Arithmetic, Enclosure } from '../enclosure.js';

/** ‖x‖ = √(Σ x_i²) over the whole tensor (0 for an empty one), exactly. */
export function norm(a: Arithmetic, xs: readonly Enclosure[]): Enclosure {
  return a.sqrt(xs.reduce((sum, x) => a.add(sum, a.square(x)), a.point(0)));
}

/** x > 0: false for 0, negative values and NaN (as `x > 0` in every framework). */
function isPositive(a: Arithmetic, x: Enclosure): boolean {
  return !a.isZero(x) && !a.isNegative(x) && a.isNegative(a.neg(x));
}

/**
 * How a source treats a zero norm: `positive-norms` (keras/src/optimizers/lamb.py: the quotient when
 * both norms are > 0, else 1, so NaN gives 1), `zero-norm-one` (optax/_src/transform.py
 * scale_by_trust_ratio: 1 when either norm is 0, else the quotient, so NaN propagates),
 * `zero-norm-no-step` (LAMB's Algorithm 2 read literally: φ(0)/‖r‖ = 0 for θ = 0, and a zero step
 * for r = 0, so the ratio 0 when either norm is 0).
 */
export type TrustRatioForm = 'positive-norms' | 'zero-norm-one' | 'zero-norm-no-step';

/** The trust ratio from the norms ‖θ‖ and ‖u‖, with `quotient()` its value where both are nonzero. */
export function trustRatio(
  a: Arithmetic,
  form: TrustRatioForm,
  paramNorm: Enclosure,
  updateNorm: Enclosure,
  quotient: () => Enclosure,
): Enclosure {
  if (form === 'positive-norms') return isPositive(a, paramNorm) && isPositive(a, updateNorm) ? quotient() : a.point(1);
  const zero = a.isZero(paramNorm) || a.isZero(updateNorm);
  if (!zero) return quotient();
  return a.point(form === 'zero-norm-one' ? 1 : 0);
}
