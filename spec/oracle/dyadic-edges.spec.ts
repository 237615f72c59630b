import { fc, test } from '@fast-check/vitest';
import { Decimal } from 'decimal.js';
import { describe, expect } from 'vitest';
import * as d from '../../oracle/dyadic.js';

// What ./dyadic.spec.ts leaves open: that each directed operation is the tightest (the p-bit number
// next to the exact result on the side asked, not merely one on that side within a unit), against an
// exact rational reference written here; comparisons of equal tops; zeros that carry an exponent;
// the sticky bit's reach; and the decimal conversions' limits.

/** The exact rational of a dyadic, as num / den with den > 0. */
const fraction = (x: d.Dyadic) =>
  x.e >= 0 ? { num: x.m << BigInt(x.e), den: 1n } : { num: x.m, den: 1n << BigInt(-x.e) };

/** The number of bits of a positive integer. */
const bitLength = (n: bigint) => n.toString(2).length;

/**
 * num / den rounded to p significant bits toward +∞ (`up`) or −∞, as a fraction: with 2^E ≤ |v| <
 * 2^(E+1), the multiple of 2^(E − p + 1) next to v on the side asked.
 */
function directed(num: bigint, den: bigint, p: number, up: boolean): { num: bigint; den: bigint } {
  if (num === 0n) return { num: 0n, den: 1n };
  const magnitude = num < 0n ? -num : num;
  let E = bitLength(magnitude) - bitLength(den);
  const atLeast = (k: number) => (k >= 0 ? magnitude >= den << BigInt(k) : magnitude << BigInt(-k) >= den);
  if (!atLeast(E)) E--;
  const q = E - p + 1;
  // |v| / 2^q = n / m.
  const [n, m] = q >= 0 ? [magnitude, den << BigInt(q)] : [magnitude << BigInt(-q), den];
  const floor = n / m;
  const exact = floor * m === n;
  const awayFromZero = up === num > 0n;
  const k = exact || !awayFromZero ? floor : floor + 1n;
  const signed = num < 0n ? -k : k;
  return q >= 0 ? { num: signed << BigInt(q), den: 1n } : { num: signed, den: 1n << BigInt(-q) };
}

const equal = (x: d.Dyadic, r: { num: bigint; den: bigint }) => {
  const f = fraction(x);
  return f.num * r.den === r.num * f.den;
};

const dyadic = fc.record({
  m: fc.bigInt({ min: -(1n << 90n), max: 1n << 90n }),
  e: fc.integer({ min: -200, max: 200 }),
});
const bits = fc.constantFrom(2, 24, 53, 64);

describe('directed dyadic operations', () => {
  test.prop([dyadic, dyadic, bits, fc.boolean()], { numRuns: 400 })(
    'give the p-bit number next to the exact sum, product and quotient on the side asked',
    (a, b, p, up) => {
      const x = fraction(a);
      const y = fraction(b);
      expect(equal(d.add(a, b, p, up), directed(x.num * y.den + y.num * x.den, x.den * y.den, p, up))).toBe(true);
      expect(equal(d.mul(a, b, p, up), directed(x.num * y.num, x.den * y.den, p, up))).toBe(true);
      if (b.m !== 0n) {
        const num = x.num * y.den * (y.num < 0n ? -1n : 1n);
        const den = x.den * (y.num < 0n ? -y.num : y.num);
        expect(equal(d.div(a, b, p, up).q, directed(num, den, p, up))).toBe(true);
      }
    },
  );

  test.prop([dyadic.map((x) => ({ m: x.m < 0n ? -x.m : x.m, e: x.e })), bits, fc.boolean()], { numRuns: 400 })(
    'give the p-bit number next to the exact square root on the side asked',
    (a, p, up) => {
      const { r } = d.sqrt(a, p, up);
      const x = fraction(a);
      const s = fraction(d.mulExact(r, r));
      // r is on the side asked: r² ≥ a rounding up, r² ≤ a rounding down.
      const cmp = s.num * x.den - x.num * s.den;
      expect(up ? cmp >= 0n : cmp <= 0n).toBe(true);
      if (a.m === 0n) {
        expect(r.m).toBe(0n);
        return;
      }
      // And the p-bit number one step toward √a is past it: its square is on the other side of a.
      const f = fraction(r);
      const unitBelow = directed(f.num - 1n, f.den * (1n << 200n), p, false);
      const neighbour = up ? unitBelow : directed(f.num * (1n << 200n) + 1n, f.den * (1n << 200n), p, true);
      const n2 = neighbour.num * neighbour.num * x.den - x.num * neighbour.den * neighbour.den;
      expect(up ? n2 < 0n : n2 > 0n).toBe(true);
    },
  );

  test('the root of a wide odd mantissa at an odd exponent sees the bit a halving would drop', () => {
    // 2049 · 2 = 2 · 32² + 2 has 12 ≥ 2p + 2 bits: √4098 = 64.02 lies between the 4-bit 64 and 72, and
    // (2049 >> 1) · 2^2 = 64² is the square a one-bit truncation would report as exact.
    const a = { m: 2049n, e: 1 };
    expect(equal(d.sqrt(a, 4, true).r, { num: 72n, den: 1n })).toBe(true);
    expect(equal(d.sqrt(a, 4, false).r, { num: 64n, den: 1n })).toBe(true);
    expect(d.sqrt(a, 4, false).exact).toBe(false);
  });

  test('the root of 0 is 0, exactly; a quotient by a negative divisor is rounded to the side asked', () => {
    expect(d.sqrt(d.ZERO, 24, true)).toEqual({ r: d.ZERO, exact: true });
    expect(d.sqrt({ m: 0n, e: 7 }, 24, false).exact).toBe(true);
    const third = (up: boolean) => d.div(d.ONE, { m: -3n, e: 0 }, 2, up).q;
    expect(equal(third(true), { num: -1n, den: 4n })).toBe(true);
    expect(equal(third(false), { num: -3n, den: 8n })).toBe(true);
  });
});

describe('dyadic comparisons and zeros with exponents', () => {
  const sameTop = fc
    .tuple(dyadic, fc.integer({ min: 0, max: 12 }), fc.integer({ min: -2, max: 2 }))
    .filter(([a]) => a.m !== 0n)
    .map(([a, k, delta]) => [a, { m: (a.m << BigInt(k)) + BigInt(delta), e: a.e - k }] as const);

  test.prop([sameTop], { numRuns: 300 })(
    'compare values written with different exponents, equal or a unit apart',
    ([a, b]) => {
      const x = fraction(a);
      const y = fraction(b);
      const diff = x.num * y.den - y.num * x.den;
      expect(d.compare(a, b)).toBe(diff === 0n ? 0 : diff > 0n ? 1 : -1);
      if (diff !== 0n) {
        expect(d.smaller(a, b)).toBe(diff < 0n ? a : b);
        expect(d.larger(a, b)).toBe(diff > 0n ? a : b);
      }
    },
  );

  test('top is the exponent just above |x|; a zero of any exponent adds, rounds and converts as 0', () => {
    expect(d.top({ m: 5n, e: 3 })).toBe(6);
    expect(d.top({ m: -8n, e: -10 })).toBe(-6);
    const zero = { m: 0n, e: 1000 };
    expect(equal(d.add(zero, d.ONE, 24, false), { num: 1n, den: 1n })).toBe(true);
    expect(equal(d.add(d.ONE, zero, 24, true), { num: 1n, den: 1n })).toBe(true);
    expect(d.toFloat32(zero)).toBe(0);
  });

  test('compare two zeros as equal, whatever their exponents', () => {
    expect(d.compare({ m: 0n, e: 5 }, { m: 0n, e: -3 })).toBe(0);
    expect(d.compare(d.ZERO, { m: 0n, e: 40 })).toBe(0);
  });

  test('replace a term by a sticky bit only far below the other one (2^23 + 1 stays exact at 24 bits)', () => {
    const a = { m: 1n << 23n, e: 0 };
    for (const up of [false, true]) {
      expect(equal(d.add(a, d.ONE, 24, up), { num: (1n << 23n) + 1n, den: 1n })).toBe(true);
      expect(equal(d.add(d.ONE, a, 24, up), { num: (1n << 23n) + 1n, den: 1n })).toBe(true);
    }
  });
});

describe('decimal conversions at their limits', () => {
  test('convert 10^±20000 (exactly where p holds 5^20000) and 2^±20000, and refuse 2^±20001 as decimals', () => {
    const limit = d.DECIMAL_EXPONENT_LIMIT;
    expect(d.ofDecimal(new Decimal(`1e${limit}`), 24, true).exact).toBe(false); // 5^20000 has more than 24 bits
    expect(d.ofDecimal(new Decimal(`1e${limit}`), 46440, true).exact).toBe(true);
    expect(d.ofDecimal(new Decimal(`1e-${limit}`), 24, true).exact).toBe(false);
    expect(d.toDecimal({ m: 1n, e: limit })?.eq(Decimal.clone({ precision: 7000 }).pow(2, limit))).toBe(true);
    expect(d.toDecimal({ m: 1n, e: -limit })).toBeDefined();
    expect(d.toDecimal({ m: 1n, e: -limit - 1 })).toBeUndefined();
    expect(d.toDecimal({ m: 1n, e: limit + 1 })).toBeUndefined();
  });
});
