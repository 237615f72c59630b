/**
 * Relative agreement at 1e−12 for the derived bounds of src/gate/bound/*-bound.ts: a bound is a sum of
 * terms u, u², δ = 2^−53, η = 2^−150 … that float64 rounds (2^−24 + 2^−150 is 2^−24), so its value
 * differs from the real-number derivation by a few units of 2^−53 relative; 1e−12 (about 2^−40) is far
 * below any term a mutant adds or drops (the smallest kept, δ against u, is 2^−29 relative).
 */
import { expect } from 'vitest';

/** |actual − expected| ≤ 1e−12 |expected|. */
export function expectRelative(actual: number | undefined, expected: number): void {
  expect(actual).toBeDefined();
  expect(Math.abs((actual ?? NaN) - expected)).toBeLessThanOrEqual(1e-12 * Math.abs(expected));
}
