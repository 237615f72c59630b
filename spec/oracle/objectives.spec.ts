/**
 * oracle/objectives.ts, the exact gradients of the test objectives, against their derivatives written
 * again in decimal.js: the quadratic ½ Σ c_i θ_i² has ∂/∂θ_i = c_i θ_i; Rosenbrock's (a − x)² +
 * b (y − x²)² has ∂/∂x = 2 (x − a) − 4 b x (y − x²) and ∂/∂y = 2 b (y − x²). Each enclosure, in the
 * decimal arithmetic and in binary64, holds the derivative.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import type { Objective } from '../../core/catalogue/objectives.js';
import { exactOfDouble } from '../../oracle/float64-decimal.js';
import { Float64Enclosures } from '../../oracle/float64.js';
import { IntervalArithmetic } from '../../oracle/interval.js';
import { exactGradient } from '../../oracle/objectives.js';
import { D, exactD, type D as DValue } from './closed-forms.js';

const a = IntervalArithmetic.at(100);
const f = Float64Enclosures.instance;
const float32 = fc.oneof(
  fc.float({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }),
  fc.constantFrom(0, -0, 1),
);
const coefficient = fc.constantFrom('1', '100', '0.5', '0.1', '3');

/**
 * Each derivative lies in the decimal enclosure and in the binary64 one; the decimal enclosure is
 * narrower than 10^−90 of `scales` (the sum of its terms' magnitudes, which the cancellation between
 * them can make far larger than the derivative).
 */
function expectEnclosed(
  objective: Objective,
  start: number,
  xs: readonly number[],
  derivatives: readonly DValue[],
  scales: readonly DValue[] = derivatives.map((d) => d.abs()),
) {
  const decimal = exactGradient(
    a,
    objective,
    start,
    xs.map((x) => a.fromFloat32(x)),
  );
  const binary64 = exactGradient(
    f,
    objective,
    start,
    xs.map((x) => f.fromFloat32(x)),
  );
  derivatives.forEach((d, k) => {
    const [lo, hi] = [decimal[k]!.lo, decimal[k]!.hi];
    expect(lo.lte(d) && d.lte(hi), `${lo} ≤ ${d} ≤ ${hi}`).toBe(true);
    expect(hi.minus(lo).lte(scales[k]!.times('1e-90'))).toBe(true);
    const b = binary64[k] as { lo: number; hi: number };
    expect(exactOfDouble(b.lo).lte(d) && d.lte(exactOfDouble(b.hi)), `${b.lo} ≤ ${d} ≤ ${b.hi}`).toBe(true);
  });
}

describe('the exact gradients of the test objectives', () => {
  test.prop([fc.array(fc.tuple(float32, float32), { minLength: 1, maxLength: 6 }), fc.nat()])(
    'the quadratic: c_i θ_i at element i',
    (pairs, pick) => {
      const curvature = Float32Array.from(pairs, ([c]) => c);
      const i = pick % pairs.length;
      const theta = pairs[i]![1];
      expectEnclosed({ kind: 'quadratic', curvature }, i, [theta], [exactD(curvature[i]!).times(exactD(theta))]);
    },
  );

  test.prop([coefficient, coefficient, float32, float32])(
    "Rosenbrock's: 2 (x − a) − 4 b x (y − x²) and 2 b (y − x²)",
    (ta, tb, x, y) => {
      const [A, B, X, Y] = [new D(ta), new D(tb), exactD(x), exactD(y)];
      const r = Y.minus(X.pow(2));
      const gx = X.minus(A).times(2).minus(B.times(4).times(X).times(r));
      const r0 = Y.abs().plus(X.pow(2));
      const scales = [X.abs().plus(A).times(2).plus(B.times(4).times(X.abs()).times(r0)), B.times(2).times(r0)];
      expectEnclosed({ kind: 'rosenbrock', a: ta, b: tb }, 0, [x, y], [gx, B.times(2).times(r)], scales);
    },
  );
});
