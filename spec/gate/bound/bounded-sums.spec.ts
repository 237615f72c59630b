/**
 * Float32 sums under the running error analysis (src/gate/bound/bounded.ts, `sumBound` and
 * `nonnegativeSum`) where they leave the domain or where Higham's γ_m stops existing: a term outside
 * the domain, partial sums that may reach the overflow threshold (with the float64 evaluation of the
 * test rounding onto it), and sums of more than 2^23 terms, against the exact (1 + u)^m − 1.
 */
import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { exactInput, nonnegativeSum, OVERFLOW, sumBound, type Bounded } from '../../../src/gate/bound/bounded.js';

const computed = (v: number, e: number, s: number): Bounded => ({ v, e, s });

describe('sums', () => {
  it('a term outside the domain takes the sum out with its reason', () => {
    expect(sumBound([exactInput(1), exactInput(Infinity)])).toMatchObject({ e: Infinity, out: 'nonfinite' });
  });

  it('a single term inside the domain stays inside: no partial sum to overflow (|v| + e is below the threshold already)', () => {
    expect(sumBound([exactInput(3e38)]).out).toBeUndefined();
  });

  it('two terms whose magnitudes, widened by γ_1, reach the threshold: outside the domain', () => {
    // 2 (2^127 − 2^103) = 2^128 − 2^104, the largest float32, is below the threshold 2^128 − 2^103, but
    // (1 + γ_1) times it, about 2^128, is not: the model does not follow the rounding that far.
    const x = exactInput(2 ** 127 - 2 ** 103);
    expect(sumBound([x, x]).out).toBe('overflow');
    expect(sumBound([x, exactInput(2 ** 104)]).out).toBeUndefined();
  });

  it('66 terms whose bound crosses the threshold, rounded onto it in float64: outside the domain (reaching is ≥)', () => {
    // Magnitude M = (2^24 − 66) 2^104 + 268436497 · 2^75 (a term with that error and value 0, and 64
    // zeros); exactly, M (1 + γ_65) = M 2^24 / (2^24 − 65) is above the threshold, while float64
    // rounds M (1 + γ_65) onto it.
    const [a, e] = [(2 ** 24 - 66) * 2 ** 104, 268436497 * 2 ** 75];
    const [scale, threshold] = [2n ** 75n, BigInt(OVERFLOW) / 2n ** 75n];
    const exactM = (BigInt(a) + BigInt(e)) / scale;
    expect(exactM * 2n ** 24n > threshold * (2n ** 24n - 65n)).toBe(true);
    const terms = [exactInput(a), computed(0, e, e), ...new Array<Bounded>(64).fill(exactInput(0))];
    expect(sumBound(terms)).toMatchObject({ e: Infinity, out: 'overflow' });
  });

  it('a sum outside the domain is not marked ≥ 0, even of nonnegative terms', () => {
    expect(nonnegativeSum([exactInput(Infinity), exactInput(1)])).toMatchObject({ out: 'nonfinite' });
    expect(nonnegativeSum([exactInput(Infinity), exactInput(1)]).nonneg).toBeUndefined();
  });

  it('more than 2^24 terms: a positive bound that covers float32 stalling at 2^24 (γ_m needs m u < 1)', () => {
    // 2^24 + 2 ones: left to right, float32 stays at 2^24 (each + 1 is a tie to even), an error of 2.
    // γ_m = m u/(1 − m u) would be negative here; (1 + u)^m − 1 ≈ e − 1 is not.
    const n = 2 ** 24 + 2;
    const r = sumBound(new Array<Bounded>(n).fill(exactInput(1)));
    expect(r.out).toBeUndefined();
    expect(r.e).toBeGreaterThanOrEqual(2);
    expect(r.e / n).toBeGreaterThan(Math.E - 1);
    expect(r.e / n).toBeLessThan((Math.E - 1) * (1 + 2 ** -20));
  });

  it('from 2^23 + 1 terms on: (1 + u)^m − 1, above its exact value by less than 2^−39 relative', () => {
    // m = 2^23: γ_m = m u / (1 − m u) would be 1; (1 + u)^m − 1 = √e − 1 + O(u). The float64 expm1
    // and log1p are within an ulp or two, so the 2^−40 widening puts the bound above the exact value.
    const n = 2 ** 23 + 1;
    const r = sumBound(new Array<Bounded>(n).fill(exactInput(1)));
    const E = Decimal.clone({ precision: 60 });
    const exact = new E(1)
      .plus(new E(2).pow(-24))
      .pow(n - 1)
      .minus(1)
      .times(n);
    expect(new E(r.e).gte(exact)).toBe(true);
    expect(new E(r.e).lte(exact.times(new E(1).plus(new E(2).pow(-39))))).toBe(true);
  });
});
