/**
 * The test objectives' gradients in float32 (core/catalogue/objectives.ts gives the formulas), in the
 * order of operations production uses:
 *   quadratic:   a ⊗ y
 *   rosenbrock:  r = y − x ⊗ x,  ∂x = 2 ⊗ (x − a) − ((4b) ⊗ x) ⊗ r,  ∂y = (2b) ⊗ r
 *
 * @module
 */
import type { Objective } from '../../../core/catalogue/objectives.js';
import type { Float32Arith, ScalarArith } from '../../../core/arith.js';
import { required } from '../../../core/required.js';

/** Rosenbrock's float32 coefficients; the quadratic has none (its curvature is per element). */
export interface RosenbrockCoefficients<X> {
  readonly a?: X;
  readonly two?: X;
  readonly fourB?: X;
  readonly twoB?: X;
}

/** The objective's float64 coefficients (rounded to float32 scalars by the caller). */
export function objectiveCoefficients<X>(s: ScalarArith<X>, objective: Objective): RosenbrockCoefficients<X> {
  if (objective.kind === 'quadratic') return {};
  const b = s.hyper(objective.b);
  return { a: s.hyper(objective.a), two: s.integer(2), fourB: s.mul(s.integer(4), b), twoB: s.mul(s.integer(2), b) };
}

/** ∇J at the points `ys` of one group; `curvature` holds the quadratic's a for each member. */
export function objectiveGradient<T>(
  A: Float32Arith<T>,
  objective: Objective,
  ys: readonly T[],
  c: RosenbrockCoefficients<T>,
  curvature?: readonly T[],
): T[] {
  if (objective.kind === 'quadratic') {
    const a = required(curvature, "the quadratic's curvature");
    return ys.map((y, k) => A.mul(required(a[k], 'curvature'), y));
  }
  const [x, y] = ys;
  if (x === undefined || y === undefined || ys.length !== 2)
    throw new RangeError('a Rosenbrock group is one (x, y) pair');
  const r = A.sub(y, A.square(x));
  const coefficient = (k: keyof RosenbrockCoefficients<T>) => required(c[k], `Rosenbrock coefficient ${k}`);
  return [
    A.sub(A.mul(coefficient('two'), A.sub(x, coefficient('a'))), A.mul(A.mul(coefficient('fourB'), x), r)),
    A.mul(coefficient('twoB'), r),
  ];
}
