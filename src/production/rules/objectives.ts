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

/** The objective's float64 coefficients (rounded to float32 scalars by the caller). */
export function objectiveCoefficients<S>(s: ScalarArith<S>, objective: Objective): Record<string, S> {
  if (objective.kind === 'quadratic') return {};
  const b = s.hyper(objective.b);
  return { a: s.hyper(objective.a), two: s.integer(2), fourB: s.mul(s.integer(4), b), twoB: s.mul(s.integer(2), b) };
}

/** ∇J at the points `ys` of one group; `curvature` is the quadratic's a for the group's element. */
export function objectiveGradient<T>(
  A: Float32Arith<T>,
  objective: Objective,
  ys: readonly T[],
  c: Readonly<Record<string, T>>,
  curvature?: T,
): T[] {
  if (objective.kind === 'quadratic') return [A.mul(curvature!, ys[0]!)];
  const [x, y] = ys as [T, T];
  const r = A.sub(y, A.square(x));
  return [A.sub(A.mul(c['two']!, A.sub(x, c['a']!)), A.mul(A.mul(c['fourB']!, x), r)), A.mul(c['twoB']!, r)];
}

/** One NAG step on a group: y = θ − γ v, v' = γ v + α ∇J(y), θ' = θ − v'. */
export function nagGroup<T>(
  A: Float32Arith<T>,
  objective: Objective,
  params: readonly T[],
  velocity: readonly T[],
  c: Readonly<Record<string, T>>,
  curvature?: T,
): { params: T[]; velocity: T[] } {
  const lookahead = params.map((p, k) => A.sub(p, A.mul(c['momentum']!, velocity[k]!)));
  const gradient = objectiveGradient(A, objective, lookahead, c, curvature);
  const next = velocity.map((v, k) => A.add(A.mul(c['momentum']!, v), A.mul(c['lr']!, gradient[k]!)));
  return { params: params.map((p, k) => A.sub(p, next[k]!)), velocity: next };
}
