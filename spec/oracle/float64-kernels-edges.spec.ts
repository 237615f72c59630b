import { describe, expect, it } from 'vitest';
import * as k from '../../oracle/float64-kernels.js';
import { runKernel as run } from './run-kernel.js';

/**
 * The float64 kernels at the edges (an interval ending exactly at 0, an overflow, an infinite end): the cases the random intervals of
 * ./float64-kernels.spec.ts seldom draw, each named with the reason for its expected enclosure.
 */

describe('the float64 kernels at the edges: intervals ending at 0, overflow, infinite ends', () => {
  it('leave the sign of 0 · [a, 0] undecided: 0 · a and 0 · 0 are zeros of opposite signs', () => {
    expect(run(() => k.mul(0, 0, -1, 0))).toBe('undecided');
    expect(run(() => k.mul(-1, 0, 0, 0))).toBe('undecided');
    expect(run(() => k.mul(-0, -0, 0, 1))).toBe('undecided');
  });

  it('leave [0, a] / ±0 and [a, 0] / ±0 undecided: 0 / 0 is NaN, a / 0 is ±∞', () => {
    expect(run(() => k.div(0, 1, 0, 0))).toBe('undecided');
    expect(run(() => k.div(-1, 0, 0, 0))).toBe('undecided');
    expect(run(() => k.div(-1, -0, -0, -0))).toBe('undecided');
  });

  it('end a square of an interval holding 0 at exactly 0, not one ulp below (√ of it would be undecided)', () => {
    const [lo, hi] = run(() => k.square(-1, 2)) as [number, number];
    expect(Object.is(lo, 0) && hi >= 4 && hi < 4.000001).toBe(true);
    expect((run(() => k.square(-3, -0)) as [number, number])[0]).toBe(0);
    expect((run(() => k.mulNonnegative(0, 1, 0, 2)) as [number, number])[0]).toBe(0);
    expect((run(() => k.sqrt(0, 4)) as [number, number])[0]).toBe(0);
  });

  it('take the least |x| of a negative interval from its upper end: [−3, −2]² ≥ 4', () => {
    const [lo, hi] = run(() => k.square(-3, -2)) as [number, number];
    expect(lo <= 4 && lo > 3.99999 && hi >= 9 && hi < 9.00001).toBe(true);
  });

  it('leave √[a, b] undecided for a < 0 ≤ b, and give NaN for b < 0', () => {
    expect(run(() => k.sqrt(-1, 0))).toBe('undecided');
    expect(run(() => k.sqrt(-1, 4))).toBe('undecided');
    expect(run(() => k.sqrt(-4, -1))).toEqual([NaN, NaN]);
  });

  it('overflow past ±MAX_VALUE to an enclosure reaching ±∞, and take infinite ends of intervals', () => {
    const big = 2 ** 1000;
    expect(run(() => k.div(big, big, 2 ** -100, 2 ** -100))).toEqual([Number.MAX_VALUE, Infinity]);
    expect(run(() => k.div(-big, -big, 2 ** -100, 2 ** -100))).toEqual([-Infinity, -Number.MAX_VALUE]);
    expect(run(() => k.div(Infinity, Infinity, 2, 2))).toEqual([Infinity, Infinity]);
    const [lo, hi] = run(() => k.add(1, Infinity, 1, 2)) as [number, number];
    expect(lo <= 2 && lo > 1.99 && hi === Infinity).toBe(true);
    expect(run(() => k.mul(0, 0, 1, Infinity))).toBe('undecided');
    expect(run(() => k.sub(1, Infinity, 1, Infinity))).toEqual([-Infinity, Infinity]);
  });
});
