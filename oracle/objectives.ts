/**
 * Exact gradients of the test objectives (src/catalogue/objectives.ts), in interval arithmetic.
 *
 * @module
 */
import { exactFromFloat32 } from './binary32.js';
import type { Interval, IntervalArithmetic } from './interval.js';
import type { Objective } from '../src/catalogue/objectives.js';

/**
 * ∇J on one group of elements starting at `start` (one element for the quadratic, a pair for
 * Rosenbrock), at the exact points `ys`.
 */
export function exactGradient(a: IntervalArithmetic, objective: Objective, start: number, ys: readonly Interval[]): Interval[] {
  if (objective.kind === 'quadratic') return [a.mul(a.point(exactFromFloat32(objective.curvature[start]!)), ys[0]!)];
  const [x, y] = ys as [Interval, Interval];
  const A = a.point(objective.a);
  const B = a.point(objective.b);
  const r = a.sub(y, a.square(x));
  const gx = a.sub(a.mul(a.point(2), a.sub(x, A)), a.mul(a.mul(a.mul(a.point(4), B), x), r));
  return [gx, a.mul(a.mul(a.point(2), B), r)];
}
