/**
 * A real power a^y near 1 whose logarithm y ln a lies in (½, ln 2] (oracle/rational-with-float64.ts's
 * nearOne): the power is still within [½, 2], so it is re-based as 1 plus a remainder of known sign,
 * but e^z − 1 has no enclosure there (float64-exp.ts's expm1Enclosure stops at |z| ≤ ½), and the
 * remainder is binary64's w − 1 alone. The references are 50-digit decimal.js powers, a computation
 * the oracle's float64 stage does not share.
 */
import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { RationalWithFloat64, type RationalPair } from '../../oracle/rational-with-float64.js';

const a = RationalWithFloat64.instance;
const D = Decimal.clone({ precision: 50 });

describe('a real power near 1 where e^z − 1 has no enclosure', () => {
  it.each([
    // 0.75 ln 2 = 0.5199; 2^0.75 = 1.6817928305…
    ['2^0.75', '2', '0.75', 1],
    // −0.75 ln 2 = −0.5199; 2^−0.75 = 0.5946035575…
    ['2^−0.75', '2', '-0.75', -1],
    // −0.75 ln 0.5 = 0.5199: a base below 1 and a negative exponent, a power above 1.
    ['0.5^−0.75', '0.5', '-0.75', 1],
  ])('%s is 1 plus the remainder w − 1, of the power’s side, holding the exact value', (_, base, exponent, side) => {
    const x = a.powReal(a.point(base), a.point(exponent)) as RationalPair;
    const exact = new D(base).pow(exponent).minus(1);
    expect(x.exact).toEqual({ num: 1n, den: 1n });
    expect(x.restSign).toBe(side);
    expect(x.rest).toEqual({ lo: x.whole!.lo - 1, hi: x.whole!.hi - 1 });
    expect(exact.gte(x.rest!.lo)).toBe(true);
    expect(exact.lte(x.rest!.hi)).toBe(true);
  });
});
