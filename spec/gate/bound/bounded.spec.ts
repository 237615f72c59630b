import { fc, test } from '@fast-check/vitest';
import { Decimal } from 'decimal.js';
import { describe, expect } from 'vitest';
import { boundedArith, comparisonBound, exactInput, sumBound } from '../../../src/gate/bound/bounded.js';
import { finiteFloat32, moderateFloat32 } from '../../../src/gate/arbitraries/float32.js';
import { exactDouble } from '../../exact-double.js';

const RootDown = Decimal.clone({ precision: 60, rounding: Decimal.ROUND_FLOOR });
const RootUp = Decimal.clone({ precision: 60, rounding: Decimal.ROUND_CEIL });

describe('running error analysis of one float32 operation', () => {
  const value = fc.oneof(moderateFloat32(), finiteFloat32());
  test.prop([value, value])(
    'each bound covers the float32 result (Math.fround of the float64 one, correctly rounded)',
    (a, b) => {
      const A = exactInput(a);
      const B = exactInput(b);
      // Each exact result, or for √ the ends of a 60-digit enclosure of it (2,000-digit roots cost 17 ms
      // each): |f − √x| ≤ max(|f − lo|, |f − hi|) for √x in [lo, hi], so both ends within e suffice.
      const root = exactDouble(Math.abs(a));
      const cases: Array<[ReturnType<typeof boundedArith.add>, number, Decimal[]]> = [
        [boundedArith.add(A, B), Math.fround(a + b), [exactDouble(a).plus(exactDouble(b))]],
        [boundedArith.sub(A, B), Math.fround(a - b), [exactDouble(a).minus(exactDouble(b))]],
        [boundedArith.mul(A, B), Math.fround(a * b), [exactDouble(a).times(exactDouble(b))]],
        [boundedArith.div(A, B), Math.fround(a / b), b === 0 ? [] : [exactDouble(a).div(exactDouble(b))]],
        [
          boundedArith.sqrt(exactInput(Math.abs(a))),
          Math.fround(Math.sqrt(Math.abs(a))),
          [new RootDown(root).sqrt(), new RootUp(root).sqrt()],
        ],
      ];
      for (const [bounded, float32, exacts] of cases) {
        if (bounded.out !== undefined) continue;
        for (const exact of exacts) {
          // |float32 result − exact| ≤ e, and the comparison bound also covers the oracle's own rounding.
          expect(exact.minus(exactDouble(float32)).abs().toNumber()).toBeLessThanOrEqual(bounded.e);
          expect(comparisonBound(bounded)).toBeGreaterThanOrEqual(bounded.e);
        }
      }
    },
  );
});

describe('the bound of a float32 sum', () => {
  const max = (2 - 2 ** -23) * 2 ** 127;
  test('a sum that may overflow in some order leaves the domain, though its exact value is finite', () => {
    // max + max − max: finite exactly, ∞ when the first two are added first.
    const s = sumBound([exactInput(max), exactInput(max), exactInput(-max)]);
    expect(s.out).toBe('overflow');
    expect(sumBound([exactInput(max)]).out).toBeUndefined();
    const small = sumBound([exactInput(1), exactInput(2 ** -24), exactInput(-3)]);
    expect(small.out).toBeUndefined();
    expect(small.e).toBeLessThanOrEqual(2 * 2 ** -24 * (4 + 2 ** -24) * 1.01);
  });
});

describe('products and quotients with an infinite operand (named cases)', () => {
  const inf = exactInput(Infinity);
  // √(1.01 + 2^−252) − √1.01: 0 in float64 and in float32, positive in exact arithmetic. FTRL multiplies
  // it by θ = +∞ (check's ftrl/paper trajectory at lr = 6e−40, seed 20171213, 200 cases): float32 gives
  // 0 · ∞ = NaN where the exact step is −∞.
  const tiny = exactInput(2 ** -126);
  const n = exactInput(Math.fround(1.01));
  const difference = boundedArith.sub(
    boundedArith.sqrt(boundedArith.add(n, boundedArith.square(tiny))),
    boundedArith.sqrt(n),
  );

  test('a computed zero that is not an exact zero, times ∞, leaves the domain', () => {
    expect(difference.v).toBe(0);
    expect(difference.e).toBeGreaterThan(0);
    expect(boundedArith.mul(difference, inf).out).toBe('underflow');
    expect(boundedArith.mul(inf, difference).out).toBe('underflow');
  });

  test('divided by an exact zero, it leaves the domain too (±∞ exactly, NaN in float32)', () => {
    expect(boundedArith.div(difference, exactInput(0)).out).toBe('underflow');
  });

  test('an exact zero times ∞ is NaN in both: judged by class', () => {
    expect(boundedArith.mul(exactInput(0), inf).out).toBe('nonfinite');
    expect(boundedArith.div(exactInput(0), exactInput(0)).out).toBe('zero-divisor');
  });
});

describe('a quotient by an exact zero times a coefficient that underflows (named case)', () => {
  // adadelta/tfjs fixture random/21: ρ = ε = 0, so √(E[g²] + ε) is an exact 0 and the quotient ±∞; the
  // learning rate 3.1e−258 is 0 in float32. Exactly, θ − α · ∞ = −∞; float32 gives 0 · ∞ = NaN.
  test('leaves the domain', () => {
    const infinite = boundedArith.div(exactInput(7), boundedArith.sqrt(exactInput(0)));
    expect(infinite.out).toBe('zero-divisor');
    const lr = { v: 3.1e-258, e: 2 ** -150, s: 2 ** -126 };
    expect(boundedArith.mul(infinite, lr).out).toBe('underflow');
  });
});
