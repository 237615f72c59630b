/**
 * Production's objective gradients (src/production/rules/objectives.ts) against their closed forms
 * (core/catalogue/objectives.ts), on values whose every intermediate is exact in float32, and the
 * Rosenbrock gradient's refusal of a group that is not one (x, y) pair.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { float64Scalars } from '../../../core/arith.js';
import type { Objective } from '../../../core/catalogue/objectives.js';
import { objectiveCoefficients, objectiveGradient } from '../../../src/production/rules/objectives.js';
import { float32Numbers } from '../float32-numbers.js';

const rosenbrock: Objective = { kind: 'rosenbrock', a: '1', b: '100' };
const coefficients = objectiveCoefficients(float64Scalars, rosenbrock);

describe('objective gradients', () => {
  // Small integers: x², y − x², 4b x (y − x²) and the rest stay below 2^24 (|4b x (y − x²)| ≤ 400 · 10 · 110), so float32 is exact.
  test.prop([fc.integer({ min: -10, max: 10 }), fc.integer({ min: -10, max: 10 })])(
    'Rosenbrock (a = 1, b = 100): ∇J = (2 (x − a) − 4b x (y − x²), 2b (y − x²)) exactly, for small integers',
    (x, y) => {
      expect(objectiveGradient(float32Numbers, rosenbrock, [x, y], coefficients)).toEqual([
        2 * (x - 1) - 400 * x * (y - x * x),
        200 * (y - x * x),
      ]);
    },
  );

  // Found by mutation testing (issue 16): the driver always hands Rosenbrock's gradient one (x, y)
  // pair (groupSize 2), so no property reached the check that a group is a pair.
  it('Rosenbrock refuses a group of one or of three elements', () => {
    expect(() => objectiveGradient(float32Numbers, rosenbrock, [1], coefficients)).toThrow(RangeError);
    expect(() => objectiveGradient(float32Numbers, rosenbrock, [1, 2, 3], coefficients)).toThrow(RangeError);
  });
});
