import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bits, isqrt, squareRoot } from '../../oracle/integer-roots.js';
import { seedFromEnv } from '../../src/gate/seed.js';

/** |x|'s digits in base 2, counted by BigInt's own conversion (0 has none). */
const binaryLength = (x: bigint): number => (x === 0n ? 0 : (x < 0n ? -x : x).toString(2).length);

/** 2^k − 1, 2^k and 2^k + 1 for every k below `limit`: each branch of `bits` and each of its edges. */
function aroundPowersOfTwo(limit: number): bigint[] {
  const values: bigint[] = [];
  for (let k = 0n; k < BigInt(limit); k++) values.push((1n << k) - 1n, 1n << k, (1n << k) + 1n, 3n << k);
  return values;
}

/** The root by definition: the r ≥ 0 with r² ≤ n < (r + 1)². */
const isFloorRoot = (r: bigint, n: bigint): boolean => r >= 0n && r * r <= n && (r + 1n) * (r + 1n) > n;

describe('bit lengths', () => {
  it('count the binary digits of |x| around every power of two below 2^1100, and of 3 · 2^k', () => {
    // 2^32 (the end of clz32), 2^53 (of exact doubles: 2^k − 1 rounds up to 2^k past it), 2^1024 (of
    // finite doubles, then the hexadecimal digits, whose first is 1, 3, 7, f, 2, 4, 6, 8 or c here).
    for (const x of aroundPowersOfTwo(1100)) {
      expect(bits(x), `bits(${x})`).toBe(binaryLength(x));
      expect(bits(-x), `bits(-${x})`).toBe(binaryLength(x));
    }
  });

  it('are those of random integers of up to 3,000 bits', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(1n << 3000n), max: 1n << 3000n }), (x) => {
        expect(bits(x)).toBe(binaryLength(x));
      }),
      { seed: seedFromEnv(), numRuns: 500 },
    );
  });
});

describe('integer square roots', () => {
  it('are ⌊√n⌋ for every n below 20,000', () => {
    for (let n = 0n; n < 20_000n; n++) expect(isFloorRoot(isqrt(n), n), `isqrt(${n})`).toBe(true);
  });

  it('are ⌊√n⌋ at k² − 1, k² and k² + 1 for k around every power of two below 2^700 (n past 2^1024 included)', () => {
    for (const k of aroundPowersOfTwo(700))
      for (const n of [k * k - 1n, k * k, k * k + 1n].filter((m) => m >= 0n))
        expect(isFloorRoot(isqrt(n), n), `isqrt(${n})`).toBe(true);
  });

  it('are ⌊√n⌋ for random n of up to 3,000 bits, where the double estimate is off by many units or infinite', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 1n << 3000n }), (n) => {
        expect(isFloorRoot(isqrt(n), n)).toBe(true);
      }),
      { seed: seedFromEnv(), numRuns: 500 },
    );
  });
});

describe('exact square roots', () => {
  it('are the root of each square below 40,000 and undefined for every other number', () => {
    const squares = new Map<bigint, bigint>();
    for (let r = 0n; r * r < 40_000n; r++) squares.set(r * r, r);
    for (let n = 0n; n < 40_000n; n++) expect(squareRoot(n), `squareRoot(${n})`).toBe(squares.get(n));
  });

  it('find the root of 4^k y² and of no 2 · 4^k y², k up to 300 (the power of two taken out first)', () => {
    for (let k = 0n; k <= 300n; k += 7n)
      for (const y of [1n, 3n, 5n, 7n, 9n, 11n, 13n, 63n, 65n, 45045n, 2n ** 61n - 1n]) {
        expect(squareRoot((y * y) << (2n * k))).toBe(y << k);
        expect(squareRoot((y * y) << (2n * k + 1n))).toBeUndefined();
      }
  });

  it('finds the root of every square and of no non-square, small or past 2^1024', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: 1n << 1200n }), fc.integer({ min: 0, max: 300 }), (n, shift) => {
        const m = n << BigInt(shift);
        expect(squareRoot(m * m)).toBe(m);
        expect(squareRoot(m * m + 1n)).toBeUndefined();
        expect(squareRoot(m * m - 1n)).toBe(m === 1n ? 0n : undefined);
        expect(bits(m)).toBe(m.toString(2).length);
      }),
      { seed: seedFromEnv(), numRuns: 300 },
    );
  });
});
