import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { roundToFloat32 } from '../../oracle/binary32.js';
import * as d from '../../oracle/dyadic.js';

/** Exact decimal arithmetic wide enough for every value drawn here (2000 digits, exponents to 10^9). */
const Exact = Decimal.clone({ precision: 2000 });
/** m · 2^e as an exact decimal, computed independently of ./dyadic.ts's own conversion. */
const exact = (x: d.Dyadic) => new Exact(x.m.toString()).times(powerOfTwo(x.e));
const powers = new Map<number, Decimal>();
function powerOfTwo(e: number): Decimal {
  let p = powers.get(e);
  if (p === undefined) powers.set(e, (p = new Exact(2).pow(e)));
  return p;
}

const double = fc.double({ noNaN: true, noDefaultInfinity: true });
const dyadic = fc.record({
  m: fc.bigInt({ min: -(1n << 90n), max: 1n << 90n }),
  e: fc.integer({ min: -1300, max: 300 }),
});
const up = fc.boolean();
const bits = fc.constantFrom(24, 53, 64, 160);

/** Whether `r` is `want` rounded to p bits in the direction asked: on the right side, and within one unit of its last bit. */
function directedRounding(r: d.Dyadic, want: Decimal, p: number, towardsInfinity: boolean): boolean {
  const got = exact(r);
  if (towardsInfinity ? got.lt(want) : got.gt(want)) return false;
  // Within one unit of the p-th significant bit, which is at most |want| · 2^(1 − p).
  return got
    .minus(want)
    .abs()
    .lte(want.abs().times(powerOfTwo(1 - p)));
}

describe('dyadic rationals with directed rounding', () => {
  it('round each operation toward the direction asked, within one unit of the last bit', () => {
    fc.assert(
      fc.property(dyadic, dyadic, bits, up, (a, b, p, u) => {
        expect(directedRounding(d.add(a, b, p, u), exact(a).plus(exact(b)), p, u)).toBe(true);
        expect(directedRounding(d.mul(a, b, p, u), exact(a).times(exact(b)), p, u)).toBe(true);
        if (b.m !== 0n) expect(directedRounding(d.div(a, b, p, u).q, exact(a).div(exact(b)), p, u)).toBe(true);
        if (a.m >= 0n) expect(directedRounding(d.sqrt(a, p, u).r, exact(a).sqrt(), p, u)).toBe(true);
      }),
    );
  });

  it('add a term far below the other one as a sticky bit, without a long integer', () => {
    const one = d.ofDouble(1);
    const tiny = { m: 3n, e: -10_000_000 };
    expect(exact(d.add(one, tiny, 53, true))).toEqual(new Exact(1).plus(new Exact(2).pow(-52)));
    expect(exact(d.add(one, tiny, 53, false))).toEqual(new Exact(1));
    expect(exact(d.add(one, d.negate(tiny), 53, false))).toEqual(new Exact(1).minus(new Exact(2).pow(-53)));
    expect(exact(d.add(one, d.negate(tiny), 53, true))).toEqual(new Exact(1));
  });

  it('say when a quotient or a root is exact, and only then', () => {
    expect(d.div(d.ofDouble(3), d.ofDouble(8), 24, false).exact).toBe(true);
    expect(d.div(d.ofDouble(1), d.ofDouble(3), 160, false).exact).toBe(false);
    expect(d.sqrt(d.ofDouble(2.25), 24, true).exact).toBe(true);
    expect(d.sqrt(d.ofDouble(2), 160, true).exact).toBe(false);
    expect(d.ofDecimal(new Decimal('0.375'), 24, true).exact).toBe(true);
    expect(d.ofDecimal(new Decimal('0.1'), 160, true).exact).toBe(false);
    expect(d.ofDecimal(new Decimal('1e-30000'), 160, true).exact).toBe(false); // by a power of five, bounded
  });

  it('compare exactly, across any exponents', () => {
    fc.assert(
      fc.property(dyadic, dyadic, (a, b) => {
        expect(Math.sign(d.compare(a, b))).toBe(exact(a).comparedTo(exact(b)));
      }),
    );
    expect(d.compare({ m: 1n, e: -5_000_000 }, d.ZERO)).toBe(1);
  });

  it('convert doubles and decimals exactly, and back to decimals', () => {
    fc.assert(
      fc.property(double, (x) => {
        const v = exact(d.ofDouble(x));
        expect(Object.is(v.toNumber(), x) || x === 0).toBe(true); // JavaScript reads an exact decimal back to its double
        expect(d.toDecimal(d.ofDouble(x))?.eq(v)).toBe(true);
      }),
    );
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true, min: 1e-300 }), up, (x, u) => {
        const text = new Exact(x.toExponential(12));
        expect(directedRounding(d.ofDecimal(text, 160, u).q, text, 160, u)).toBe(true);
      }),
    );
  });

  it('round to the nearest binary32, ties to even, through gradual underflow and overflow', () => {
    fc.assert(
      fc.property(dyadic, (x) => {
        expect(Object.is(d.toFloat32(x), roundToFloat32(exact(x))) || x.m === 0n).toBe(true);
      }),
      { numRuns: 2000 },
    );
    const tie = { m: (1n << 24n) + 1n, e: -24 }; // 1 + 2^-24, the midpoint above 1
    expect(d.toFloat32(tie)).toBe(1);
    expect(d.toFloat32({ m: 1n, e: -150 })).toBe(0); // half the least subnormal ties to the even 0
    expect(d.toFloat32({ m: 3n, e: -151 })).toBe(2 ** -149);
    expect(d.toFloat32({ m: -1n, e: -10_000_000 })).toBe(-0);
    expect(d.toFloat32({ m: (1n << 24n) - 1n, e: 104 })).toBe(3.4028234663852886e38);
    expect(d.toFloat32({ m: (1n << 25n) - 1n, e: 103 })).toBe(Infinity); // 2^128 − 2^103 ties to 2^128
  });
});
