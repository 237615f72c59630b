/**
 * The rational stage's enclosure of a rational by doubles, and its narrowing of the whole value
 * (oracle/rational-float64.ts): each end checked exactly (the doubles as rationals, compared in
 * BigInt), the width at most two ulps, and the ends past the double range.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { MAX, nextDown, nextUp, TINY } from '../../oracle/float64-rounding.js';
import { float64EnclosureOfRational, narrowedWhole } from '../../oracle/rational-float64.js';
import { RationalWithFloat64, type RationalPair } from '../../oracle/rational-with-float64.js';
import { compareRationals, rationalOfDouble, type Rational } from '../../oracle/rational.js';

/** Whether lo ≤ r ≤ hi, exactly (an infinite end holds everything on its side). */
function holds(lo: number, hi: number, r: Rational): boolean {
  const above = lo === -Infinity || compareRationals(rationalOfDouble(lo), r) <= 0;
  const below = hi === Infinity || compareRationals(r, rationalOfDouble(hi)) <= 0;
  return above && below;
}

const rational = fc
  .record({
    num: fc.bigInt({ min: -(1n << 3000n), max: 1n << 3000n }),
    den: fc.bigInt({ min: 1n, max: 1n << 3000n }),
  })
  .map(({ num, den }): Rational => ({ num, den }));

describe('float64EnclosureOfRational', () => {
  test.prop([rational], { numRuns: 2000 })('holds the rational within two ulps, or past the double range', (r) => {
    const { lo, hi } = float64EnclosureOfRational(r);
    expect(holds(lo, hi, r)).toBe(true);
    if (lo === MAX || hi === -MAX || (lo === 0 && hi === TINY) || (lo === -TINY && hi === 0)) return;
    expect(hi <= nextUp(nextUp(lo))).toBe(true);
  });

  test.prop([fc.double({ noNaN: true, noDefaultInfinity: true })])(
    'holds a double, within an ulp of it on each side',
    (x) => {
      const r = rationalOfDouble(x);
      const { lo, hi } = float64EnclosureOfRational(r);
      expect(holds(lo, hi, r)).toBe(true);
      expect(lo >= nextDown(x) && hi <= nextUp(x)).toBe(true);
    },
  );

  it.each([
    ['2^−1074 / 3, below the smallest subnormal', { num: 1n, den: 3n << 1074n }, 0, TINY],
    ['−2^−1074 / 3', { num: -1n, den: 3n << 1074n }, -TINY, -0],
    ['10^−400, far below it', { num: 1n, den: 10n ** 400n }, 0, TINY],
    ['10^400, far above MAX_VALUE', { num: 10n ** 400n, den: 1n }, MAX, Infinity],
    ['−10^400', { num: -(10n ** 400n), den: 1n }, -Infinity, -MAX],
  ])('%s', (_, r, lo, hi) => {
    expect(float64EnclosureOfRational(r)).toEqual({ lo, hi });
  });

  it('MAX_VALUE plus half its ulp is [MAX_VALUE, ∞]; 0 is the point 0', () => {
    const r = { num: (2n ** 1024n - 2n ** 971n) * 2n + 2n ** 970n * 2n, den: 2n };
    expect(float64EnclosureOfRational(r).lo).toBe(MAX);
    expect(float64EnclosureOfRational(r).hi).toBe(Infinity);
    expect(float64EnclosureOfRational({ num: 0n, den: 1n })).toEqual({ lo: 0, hi: 0 });
  });
});

const a = RationalWithFloat64.instance;
const pair = (e: unknown) => e as RationalPair;
/** 1 − 171575^(−8.32 · 10^−299): c ln t, about 10^−297, with a whole enclosure of [−2^−50, 2^−50]. */
const beta = () => pair(a.sub(a.point(1), a.powReal(a.point(171575), a.point('-8.320178941415992e-299'))));

describe('narrowedWhole', () => {
  it('narrows a whole that cancelled to the doubles around the exact ends', () => {
    const x = beta();
    expect(x.whole!.lo).toBeLessThan(0);
    const w = narrowedWhole(x)!;
    expect(w.lo).toBeGreaterThan(1.0028e-297);
    expect(w.hi).toBeLessThan(1.0029e-297);
  });

  it('leaves a value without a remainder, and a whole on one side of 0, as they are', () => {
    const exact = pair(a.point('0.1'));
    expect(narrowedWhole(exact)).toBe(exact.whole);
    const sided = pair(a.add(a.point(1), beta()));
    expect(narrowedWhole(sided)).toBe(sided.whole);
  });

  it('keeps a whole around 0 whose exact ends hold 0 too: only the whole knows a zero point’s sign', () => {
    const x = pair(a.sub(beta(), beta()));
    expect(narrowedWhole(x)).toBe(x.whole);
  });

  it('recovers a whole that binary64 lost from the exact ends, widened past ±2^−1074 where they hold 0', () => {
    const x = beta();
    expect(narrowedWhole({ ...x, whole: undefined })).toEqual(narrowedWhole(x));
    const around = pair(a.sub(beta(), beta()));
    const w = narrowedWhole({ ...around, whole: undefined })!;
    expect(w.lo).toBeLessThanOrEqual(-TINY);
    expect(w.hi).toBeGreaterThanOrEqual(TINY);
  });

  it('makes a product by an exact 0 the signed zero IEEE gives, where the factor’s whole held 0', () => {
    const product = pair(a.mul(beta(), a.point(0)));
    expect(product.whole).toEqual({ lo: 0, hi: 0 });
    expect(Object.is(pair(a.mul(beta(), a.neg(a.point(0)))).whole!.lo, -0)).toBe(true);
  });
});
