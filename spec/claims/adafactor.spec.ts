/**
 * Adafactor's factored estimate (src/claims/adafactor/), with the deviation under ε1 worked by hand
 * on a 2 × 2 case.
 */
import { describe, expect, it } from 'vitest';
import { adafactorClaims } from '../../src/claims/adafactor/index.js';
import { RationalArithmetic } from '../../oracle/rational.js';
import { colMeans, factoredEstimate, rowMeans } from '../../oracle/rules/factored.js';
import { claimTests } from './verdicts.js';

claimTests(adafactorClaims);

describe('the factored estimate, by hand', () => {
  const Q = RationalArithmetic.instance;
  const estimate = (xs: string[]) => {
    const x = xs.map((v) => Q.point(v));
    return factoredEstimate(Q, rowMeans(Q, x, 2, 2), colMeans(Q, x, 2, 2), 'rows').map(
      (r) => Number((r as { num: bigint }).num) / Number((r as { den: bigint }).den),
    );
  };

  it('is G² for G = (1, 2)ᵀ (3, 4): G² = [9, 16; 36, 64]', () => {
    // r = (12.5, 50), c = (22.5, 40), mean(r) = 31.25: V̂_11 = 12.5 · 22.5 / 31.25 = 9
    expect(estimate(['9', '16', '36', '64'])).toEqual([9, 16, 36, 64]);
  });

  it('is 1/2 everywhere for the identity: r = c = (1/2, 1/2), mean(r) = 1/2', () => {
    expect(estimate(['1', '0', '0', '1'])).toEqual([0.5, 0.5, 0.5, 0.5]);
  });

  it('misses G² + ε1 by −ε1 (a_i² − A)(b_j² − B) / (A B + ε1): a = (1, 3), b = (1, 1), ε1 = 1', () => {
    // G² + 1 = [2, 2; 10, 10]; A = 5, B = 1: the miss is −(1 − 5)(1 − 1)/6 = 0 (b_j² = B everywhere)
    expect(estimate(['2', '2', '10', '10'])).toEqual([2, 2, 10, 10]);
    // a = (1, 3), b = (1, 3), ε1 = 1: G² + 1 = [2, 10; 10, 82]; A = B = 5: V̂_11 − 2 = −(−4)(−4)/26 = −8/13
    expect(estimate(['2', '10', '10', '82'])[0]).toBeCloseTo(2 - 8 / 13, 14);
  });
});
