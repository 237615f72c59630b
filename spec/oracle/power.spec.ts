import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { powerBySquaring, requireExponent, SquareChains } from '../../oracle/power.js';

const exponent = fc.integer({ min: 0, max: 2 ** 40 });

describe('integer powers by binary powering', () => {
  test.prop([fc.bigInt({ min: -5n, max: 5n }), fc.integer({ min: 0, max: 200 })])(
    'equal the exact power (BigInt)',
    (a, n) => {
      expect(powerBySquaring(1n, a, n, (x, y) => x * y)).toBe(a ** BigInt(n));
    },
  );

  test.prop([fc.array(exponent, { minLength: 1, maxLength: 8 })])(
    'with kept squarings: the same products in the same order, and only the set bits’ products once kept',
    (ns) => {
      // Expressions hash-consed to ids: equal ids are equal product trees.
      const ids = new Map<string, number>([['a', 1]]);
      const product = (x: number, y: number) => {
        const key = `${x}·${y}`;
        if (!ids.has(key)) ids.set(key, ids.size + 1);
        return ids.get(key) ?? 0;
      };
      const chains = new SquareChains<number>();
      for (const n of ns) {
        const squares = chains.of('a', 1);
        const kept = squares.length;
        let products = 0;
        const counted = (x: number, y: number) => (products++, product(x, y));
        expect(powerBySquaring(0, 1, n, counted, squares)).toBe(powerBySquaring(0, 1, n, product));
        const length = n === 0 ? 0 : Math.floor(Math.log2(n)) + 1;
        const setBits = n.toString(2).replaceAll('0', '').length;
        expect(products).toBe(setBits + Math.max(0, length - kept));
      }
    },
  );

  test('a chain per base, started afresh past the capacity', () => {
    const chains = new SquareChains<number>(2);
    const two = chains.of('2', 2);
    powerBySquaring(1, 2, 8, (x, y) => x * y, two);
    expect(two).toEqual([2, 4, 16, 256]);
    expect(chains.of('2', 2)).toBe(two);
    chains.of('3', 3);
    expect(chains.of('2', 2), 'kept while under the capacity').toBe(two);
    expect(chains.of('5', 5)).toEqual([5]);
    expect(chains.of('2', 2)).not.toBe(two);
  });

  test('refuses exponents that are not integers in [0, 2^53), naming the exponent', () => {
    for (const n of [-1, 0.5, NaN, Infinity, 2 ** 53]) {
      expect(() => requireExponent(n)).toThrow(RangeError);
      expect(() => requireExponent(n)).toThrow(String(n));
    }
    expect(() => requireExponent(2 ** 53 - 1)).not.toThrow();
  });
});
