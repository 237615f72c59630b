import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { exactOfDouble } from '../../oracle/float64-decimal.js';
import { exactDouble } from '../exact-double.js';

describe('the exact decimal value of a double', () => {
  test.prop([fc.double({ noNaN: true, noDefaultInfinity: true })], { numRuns: 2000 })(
    'equals the value built from its bits, signed zero included',
    (x) => {
      const value = exactOfDouble(x);
      expect(value.eq(exactDouble(x))).toBe(true);
      expect(Object.is(value.toNumber(), x)).toBe(true);
    },
  );

  it('is exact at the ends of the range, and passes the specials through', () => {
    expect(exactOfDouble(5e-324).eq(exactDouble(5e-324))).toBe(true);
    // 2^−1074 = 5^1074 · 10^−1074: 751 significant digits.
    expect(exactOfDouble(-5e-324).toFixed()).toBe(`-0.${'0'.repeat(323)}${(5n ** 1074n).toString()}`);
    expect(exactOfDouble(Number.MAX_VALUE).eq(exactDouble(Number.MAX_VALUE))).toBe(true);
    expect(exactOfDouble(Infinity).toString()).toBe('Infinity');
    expect(exactOfDouble(NaN).isNaN()).toBe(true);
    expect(Object.is(exactOfDouble(-0).toNumber(), -0)).toBe(true);
  });
});
