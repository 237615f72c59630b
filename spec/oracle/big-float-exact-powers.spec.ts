import { describe, expect, it } from 'vitest';
import { BigFloatIntervals } from '../../oracle/big-float-intervals.js';
import * as d from '../../oracle/dyadic.js';
import { bits } from '../../oracle/integer-roots.js';

// Found by profiling LAMB's agreement spec: the decimal 0.5 is the exact point 2^63 · 2^−64 at 64 bits
// (ofDecimal's quotient, trailing zeros included), and each squaring of β^t kept the exact product as
// it came, doubling the mantissa: 0.5^(10^6) grew to millions of bits and took seconds.
describe('the big-float stage keeps an exact power at p bits', () => {
  const B = BigFloatIntervals.at(64);

  it('0.5^1000 from the decimal 0.5 is the point 2^−1000, its mantissa at most 64 bits', () => {
    const power = B.powInt(B.point('0.5'), 1000);
    for (const end of [power.lo, power.hi]) {
      expect(d.compare(end, { m: 1n, e: -1000 })).toBe(0);
      expect(bits(end.m)).toBeLessThanOrEqual(64);
    }
  });

  it('(3/4)^40 from the decimal 0.75 is the exact point 3^40 · 2^−80 (64 bits), its mantissa at most 64 bits', () => {
    const power = B.powInt(B.point('0.75'), 40);
    for (const end of [power.lo, power.hi]) {
      expect(d.compare(end, { m: 3n ** 40n, e: -80 })).toBe(0);
      expect(bits(end.m)).toBeLessThanOrEqual(64);
    }
  });
});
