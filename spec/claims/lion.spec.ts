/**
 * Lion's sign step (src/claims/lion/), and the exact step the claims compare with, worked by hand on
 * cases whose c is known: 0 where 0.9 m + 0.1 g cancels, ±α with the decay added otherwise.
 */
import { describe, expect, it } from 'vitest';
import { Decimal } from 'decimal.js';
import { lionClaims } from '../../src/claims/lion/index.js';
import { exactLionStep, interpolation, type LionCase } from '../../src/claims/lion/common.js';
import { claimTests } from './verdicts.js';

claimTests(lionClaims);

describe('the exact Lion step, computed from the paper', () => {
  const base: LionCase = {
    preset: 'paper',
    lr: '0.001',
    beta1: '0.9',
    beta2: '0.99',
    weightDecay: '0',
    theta: 3,
    m: -1,
    g: 9,
  };

  it('is 0 where 0.9 m + 0.1 g cancels, and α (1 + λ θ) where c > 0', () => {
    expect(interpolation(base).isZero()).toBe(true);
    expect(exactLionStep(base).isZero()).toBe(true);
    // c = 0.9 · (−1) + 0.1 · 10 = 0.1 > 0; λ θ = 0.5 · 3: step 0.001 · 2.5
    expect(exactLionStep({ ...base, g: 10, weightDecay: '0.5' }).eq(new Decimal('0.0025'))).toBe(true);
    // c = 0.9 · (−1) + 0.1 · 8 = −0.1 < 0: step −α
    expect(exactLionStep({ ...base, g: 8 }).eq(new Decimal('-0.001'))).toBe(true);
  });
});
