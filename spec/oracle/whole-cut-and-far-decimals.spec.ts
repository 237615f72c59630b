/**
 * Edges of three pieces the properties reach rarely: a pair's whole cut to another enclosure
 * (oracle/rational-pair.ts's wholeCut), a whole narrowed to q + r's exact ends
 * (oracle/rational-float64.ts), and decimals past 10^±20000 whose exact value lies within 2^−130 of a
 * power of two, where each bound on 5^|k| must lean the way that keeps the result on its side
 * (oracle/dyadic.ts's ofDecimal); also 10^±10^8, which the bounded powers reach in microseconds where
 * an exact power of ten would have 3 · 10^8 bits.
 */
import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import * as d from '../../oracle/dyadic.js';
import { nextDown, nextUp, TINY } from '../../oracle/float64-rounding.js';
import { narrowedWhole } from '../../oracle/rational-float64.js';
import { NO_REST, wholeCut, type RationalPair } from '../../oracle/rational-pair.js';

const ONE = { num: 1n, den: 1n };
const ZERO = { num: 0n, den: 1n };

describe('wholeCut', () => {
  const x: RationalPair = { exact: ONE, rest: NO_REST, whole: { lo: 0.5, hi: 2 } };
  it('keeps x where the other enclosure is undefined, and takes the other where x has none', () => {
    expect(wholeCut(x, undefined)).toBe(x);
    const bare: RationalPair = { exact: ONE, rest: NO_REST, whole: undefined };
    expect(wholeCut(bare, { lo: 0.75, hi: 1.5 })).toEqual({ ...bare, whole: { lo: 0.75, hi: 1.5 } });
  });

  it('is the intersection of the two, each end from whichever is tighter', () => {
    expect(wholeCut(x, { lo: 0.75, hi: 3 }).whole).toEqual({ lo: 0.75, hi: 2 });
    expect(wholeCut(x, { lo: 0.25, hi: 1.5 }).whole).toEqual({ lo: 0.5, hi: 1.5 });
    expect(wholeCut(x, { lo: 0.25, hi: 1.5 }).exact).toBe(ONE);
  });
});

describe('narrowedWhole', () => {
  const pair = (lo: number, hi: number, whole: { lo: number; hi: number } | undefined): RationalPair => ({
    exact: ONE,
    rest: { lo: lo - 1, hi: hi - 1 },
    whole,
  });

  it('keeps a whole that lies on one side of 0, even where the exact ends are tighter', () => {
    expect(narrowedWhole(pair(1.25, 1.5, { lo: 1, hi: 2 }))).toEqual({ lo: 1, hi: 2 });
    const negative: RationalPair = {
      exact: { num: -1n, den: 1n },
      rest: { lo: -0.5, hi: 0 },
      whole: { lo: -2, hi: -1 },
    };
    expect(narrowedWhole(negative)).toEqual({ lo: -2, hi: -1 });
  });

  it('narrows a whole that reaches 0 to the doubles around the exact ends (two ulps at most), and keeps what is tighter of the two', () => {
    expect(narrowedWhole(pair(1.25, 1.5, { lo: 0, hi: 2 }))).toEqual({ lo: nextDown(1.25), hi: nextUp(1.5) });
    expect(narrowedWhole(pair(1.25, 1.5, { lo: -1, hi: 1.375 }))).toEqual({ lo: nextDown(1.25), hi: 1.375 });
    const below: RationalPair = { exact: { num: -1n, den: 1n }, rest: { lo: -0.5, hi: 0 }, whole: { lo: -2, hi: 0 } };
    expect(narrowedWhole(below)).toEqual({ lo: nextDown(-1.5), hi: nextUp(-1) });
  });

  it('without a whole, gives ends that straddle 0 widened to hold ±2^−1074', () => {
    const straddling = (lo: number, hi: number): RationalPair => ({ exact: ZERO, rest: { lo, hi }, whole: undefined });
    expect(narrowedWhole(straddling(0, 2))).toEqual({ lo: -TINY, hi: nextUp(2) });
    expect(narrowedWhole(straddling(-1, 0))).toEqual({ lo: nextDown(-1), hi: TINY });
    expect(narrowedWhole(straddling(-1, 2))).toEqual({ lo: nextDown(-1), hi: nextUp(2) });
  });
});

/** sign(x − c 10^k), in integers. */
function side(x: d.Dyadic, c: bigint, k: number): number {
  const left = k < 0 ? x.m * 10n ** BigInt(-k) : x.m;
  const right = k > 0 ? c * 10n ** BigInt(k) : c;
  const difference = x.e >= 0 ? (left << BigInt(x.e)) - right : left - (right << BigInt(-x.e));
  return difference > 0n ? 1 : difference < 0n ? -1 : 0;
}

/**
 * Digits c with c · 10^k within 2^−130 of a power of two, just above it (`above`) or just below:
 * for k > 0, c = ⌈2^J / 5^k⌉ or ⌊2^J / 5^k⌋ with c near 2^130; for k < 0, c = 2^10 5^|k| ± 1.
 */
function nearPowerOfTwo(k: number, above: boolean): bigint {
  const five = 5n ** BigInt(Math.abs(k));
  if (k < 0) return (1n << 10n) * five + (above ? 1n : -1n);
  const power = 1n << BigInt(five.toString(2).length + 130);
  const floor = power / five;
  return above ? floor + 1n : floor;
}

describe('decimals past 10^±20000 within 2^−130 of a power of two', () => {
  const cases = [20_001, -20_001].flatMap((k) =>
    [true, false].flatMap((above) =>
      [1n, -1n].flatMap((sign) => [true, false].map((up) => [k, above, sign, up] as const)),
    ),
  );
  it.each(cases)('10^%s, just above: %s, sign %s, up: %s: on the side asked', (k, above, sign, up) => {
    const c = sign * nearPowerOfTwo(k, above);
    for (const p of [24, 53]) expect(side(d.ofDecimal(new Decimal(`${c}e${k}`), p, up).q, c, k)).toBe(up ? 1 : -1);
  });

  it('10^±10^8, through powers of five at p + 64 bits: ends 2^±332,192,810 apart by under 2^−22 of themselves', () => {
    for (const k of [100_000_000, -100_000_000]) {
      const text = new Decimal(`1e${k}`);
      const lo = d.ofDecimal(text, 24, false).q;
      const hi = d.ofDecimal(text, 24, true).q;
      expect(Math.abs(d.top(lo) - (Math.floor(k * Math.log2(10)) + 1))).toBeLessThanOrEqual(1);
      expect(d.compare(lo, hi)).toBe(-1);
      expect(d.top(d.add(hi, d.negate(lo), 24, true))).toBeLessThanOrEqual(d.top(lo) - 22);
    }
  });
});
