/**
 * Exact gradients of the test objectives (core/catalogue/objectives.ts), in either arithmetic.
 *
 * @module
 */
import type { Arithmetic, Enclosure } from './enclosure.js';
import type { Interval, IntervalArithmetic } from './interval.js';
import type { Objective } from '../core/catalogue/objectives.js';
import { required } from '../core/required.js';

/**
 * ∇J on one group of elements starting at `start` (one element for the quadratic, a pair for
 * Rosenbrock), at the exact points `ys`.
 */
export function exactGradient(
  a: IntervalArithmetic,
  objective: Objective,
  start: number,
  ys: readonly Interval[],
): Interval[];
export function exactGradient(
  a: Arithmetic,
  objective: Objective,
  start: number,
  ys: readonly Enclosure[],
): Enclosure[];
export function exactGradient(
  a: Arithmetic,
  objective: Objective,
  start: number,
  ys: readonly Enclosure[],
): Enclosure[] {
  if (objective.kind === 'quadratic')
    return [a.mul(a.fromFloat32(required(objective.curvature[start], 'curvature')), required(ys[0], 'y'))];
  const [x, y] = ys as [Enclosure, Enclosure];
  const A = a.point(objective.a);
  const B = a.point(objective.b);
  const r = a.sub(y, a.square(x));
  const gx = a.sub(a.mul(a.point(2), a.sub(x, A)), a.mul(a.mul(a.mul(a.point(4), B), x), r));
  return [gx, a.mul(a.mul(a.point(2), B), r)];
}
