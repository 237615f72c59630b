/** The statistical tools claims rely on: a reproducible generator and Hoeffding's half-width. */
import { describe, expect, it } from 'vitest';
import { FALSE_FAILURE, hoeffdingHalfWidth, meanConsistent, uniform } from '../../core/statistics.js';

describe('uniform (xorshift32)', () => {
  it('is reproducible from its seed and differs between seeds', () => {
    const a = uniform(7);
    const b = uniform(7);
    const c = uniform(8);
    const xs = Array.from({ length: 5 }, a);
    expect(Array.from({ length: 5 }, b)).toEqual(xs);
    expect(Array.from({ length: 5 }, c)).not.toEqual(xs);
  });
  it('has mean 1/2 and variance 1/12 within Hoeffding at 1e-9 over 10^5 draws', () => {
    const next = uniform(20171213);
    const xs = Float64Array.from({ length: 100_000 }, next);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(meanConsistent(xs, 0.5, 1).ok).toBe(true);
    expect(
      meanConsistent(
        xs.map((x) => (x - 0.5) ** 2),
        1 / 12,
        0.25,
      ).ok,
    ).toBe(true);
  });
});

describe('hoeffdingHalfWidth', () => {
  it('solves 2 exp(−2 N δ² / R²) = p for δ', () => {
    const [range, n] = [3, 5000];
    const delta = hoeffdingHalfWidth(range, n);
    expect(2 * Math.exp((-2 * n * delta ** 2) / range ** 2)).toBeCloseTo(FALSE_FAILURE, 20);
  });
  it('rejects a mean off by more than the half-width', () => {
    const xs = new Float64Array(1000).fill(0.5);
    expect(meanConsistent(xs, 0.5 + hoeffdingHalfWidth(1, 1000) * 1.01, 1).ok).toBe(false);
    expect(meanConsistent(xs, 0.5 + hoeffdingHalfWidth(1, 1000) * 0.99, 1).ok).toBe(true);
  });
});
