/**
 * The product with the float32 zero (src/gate/bound/exact-zero-product.ts), on single bounded values:
 * exact only where a factor is the float32 zero itself and the other factor is inside the domain;
 * otherwise the general product of ./bounded.ts, with its η, its size and its domain reasons.
 */
import { describe, expect, it } from 'vitest';
import { exactInput, type Bounded } from '../../../src/gate/bound/bounded.js';
import { mulWithExactZeros } from '../../../src/gate/bound/exact-zero-product.js';

const u = 2 ** -24;
const eta = 2 ** -150;
const exactZero = { v: 0, e: 0, s: 0, nonneg: true };

describe('the product with the float32 zero', () => {
  it('0 · y and y · 0, y inside the domain: the exact zero, ≥ 0 even beside a negative y', () => {
    for (const y of [exactInput(-3), { v: 1.5, e: u, s: 1.5 }]) {
      expect(mulWithExactZeros(exactInput(0), y)).toEqual(exactZero);
      expect(mulWithExactZeros(y, exactInput(0))).toEqual(exactZero);
    }
  });

  it('0 · ∞ and ∞ · 0: NaN in float32, outside the domain (judged by class)', () => {
    for (const [a, b] of [
      [0, Infinity],
      [Infinity, 0],
    ] as const) {
      const p = mulWithExactZeros(exactInput(a), exactInput(b));
      expect([p.v, p.e, p.out]).toEqual([NaN, Infinity, 'nonfinite']);
    }
  });

  it('0 times a value already outside the domain keeps that value’s reason', () => {
    const overflowed: Bounded = { v: 3e38, e: Infinity, s: 3e38, out: 'overflow' };
    expect(mulWithExactZeros(exactInput(0), overflowed).out).toBe('overflow');
    expect(mulWithExactZeros(overflowed, exactInput(0)).out).toBe('overflow');
  });

  it('a zero that is not the float32 zero (v = 0 with an error, or a size) makes a rounded product', () => {
    // (0 ± η) · 5: e = 0 · 0 + 5 · η + η · 0, then + u (0 + 5η) + η; s = 0 · 5 + η/u.
    const computed: Bounded = { v: 0, e: eta, s: 0 };
    expect(mulWithExactZeros(computed, exactInput(5))).toEqual({ v: 0, e: 5 * eta + u * 5 * eta + eta, s: eta / u });
    // A cancelled 3 − 3 (v = 0, e = 0, size 6): (3 − 3) · 5 keeps η and the size 6 · 5 + η/u = 30 in float64.
    expect(mulWithExactZeros({ v: 0, e: 0, s: 6 }, exactInput(5))).toEqual({ v: 0, e: eta, s: 30 });
  });
});
