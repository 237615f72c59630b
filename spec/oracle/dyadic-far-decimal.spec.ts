/**
 * Decimals past 10^±20000 as dyadics (./dyadic.ts's ofDecimal by a power of five bounded at p + 64
 * bits): each end on the side asked of the exact value, and within two units of its p-th bit, against
 * the exact integers c 10^k (BigInt's own powers of ten); and the power of five itself against 5n ** n.
 */
import { fc, test } from '@fast-check/vitest';
import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import * as d from '../../oracle/dyadic.js';

/** sign(x − c 10^k) for a dyadic x, in integers. */
function comparedWithDecimal(x: d.Dyadic, c: bigint, k: number): number {
  // Both sides times 10^max(−k, 0) and 2^max(−e, 0), as integers.
  const scaleLeft = k < 0 ? 10n ** BigInt(-k) : 1n;
  const right = k > 0 ? c * 10n ** BigInt(k) : c;
  const left = x.m * scaleLeft;
  const difference = x.e >= 0 ? (left << BigInt(x.e)) - right : left - (right << BigInt(-x.e));
  return difference > 0n ? 1 : difference < 0n ? -1 : 0;
}

const far = fc.oneof(
  fc.integer({ min: d.DECIMAL_EXPONENT_LIMIT + 1, max: 45_000 }),
  fc.integer({ min: -45_000, max: -d.DECIMAL_EXPONENT_LIMIT - 1 }),
);
const digits = fc.bigInt({ min: -(10n ** 40n), max: 10n ** 40n }).filter((c) => c !== 0n);
const precision = fc.constantFrom(24, 53, 160, 640);

describe('decimals past 10^±20000', () => {
  test.prop([digits, far, precision, fc.boolean()])(
    'c · 10^k rounds to the side asked, within two units of the p-th bit, never exact',
    (c, k, p, up) => {
      const { q, exact } = d.ofDecimal(new Decimal(`${c}e${k}`), p, up);
      expect(exact).toBe(false);
      expect(comparedWithDecimal(q, c, k)).toBe(up ? 1 : -1);
      // Two units of 2^(top − p) back toward the value crosses it.
      const unit: d.Dyadic = { m: up ? -2n : 2n, e: d.top(q) - p };
      expect(comparedWithDecimal(d.add(q, unit, 100_000, true), c, k)).toBe(up ? -1 : 1);
    },
  );

  it('10^−9,864,038 (PyTorch Nadam’s 0.96^(ψ t) at ψ = 1000, t = 556,386): ends near 2^−32,767,625, apart by under 2^−158 of themselves', () => {
    const text = new Decimal('1e-9864038');
    const lo = d.ofDecimal(text, 160, false).q;
    const hi = d.ofDecimal(text, 160, true).q;
    const expectedTop = Math.floor(-9_864_038 * Math.log2(10)) + 1; // 2^(top−1) ≤ x < 2^top
    expect(Math.abs(d.top(lo) - expectedTop)).toBeLessThanOrEqual(1);
    expect(d.compare(lo, hi)).toBe(-1);
    const width = d.add(hi, d.negate(lo), 160, true);
    expect(d.top(width)).toBeLessThanOrEqual(d.top(lo) - 158);
  });
});

describe('powers of five bounded at p bits', () => {
  test.prop([fc.integer({ min: 0, max: 3000 }), fc.constantFrom(8, 24, 53, 160), fc.boolean()])(
    '5^n on the side asked, exact where p holds it',
    (n, p, up) => {
      const power = d.powerOfFive(n, p, up);
      const exact = 5n ** BigInt(n);
      const value =
        power.e >= 0
          ? { left: power.m << BigInt(power.e), right: exact }
          : { left: power.m, right: exact << BigInt(-power.e) };
      const side = value.left > value.right ? 1 : value.left < value.right ? -1 : 0;
      if (exact.toString(2).length <= p) expect(side).toBe(0);
      else expect(side).toBe(up ? 1 : -1);
    },
  );
});
