/**
 * Named cases for what the remainder of the rational stage with binary64 alongside decides, operation
 * by operation: an exact float32 midpoint m = 1 + 2^−24 with a tiny remainder of known sign on top
 * rounds to the side of that sign, where binary64's enclosure of the whole holds the midpoint and
 * decides nothing. Each operation must carry the remainder through (./rational-with-float64-operations.spec.ts
 * checks that what it carries encloses the value).
 */
import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { roundToFloat32 } from '../../oracle/binary32.js';
import { exactOfDouble } from '../../oracle/float64.js';
import { Undecided } from '../../oracle/interval.js';
import { NO_REST } from '../../oracle/rational-pair.js';
import { roundPairToFloat32, RationalWithFloat64, type RationalPair } from '../../oracle/rational-with-float64.js';

const P = RationalWithFloat64.instance;
const R = Decimal.clone({ precision: 60 });
const rounded = (x: unknown) => roundPairToFloat32(x as RationalPair);
/** A double's exact value (decimal.js would read a number by its shortest text). */
const exact = (x: number) => new R(exactOfDouble(x));
const up = 1 + 2 ** -23;
const m = P.point('1.000000059604644775390625'); // 1 + 2^−24, exactly
/** √2 · 10^−30: a surd, so it enters a sum as a remainder. */
const tiny = P.mul(P.sqrt(P.point(2)), P.point('1e-30'));
/** m + √2 · 10^−30: exact part m, remainder above 0. */
const aboveMidpoint = P.add(m, tiny);
/** 0 + √2 · 10^−30, with exact part 0 and the remainder alone; binary64 encloses it in [0, 2^−52]. */
const remainderAlone = P.sub(P.add(P.point(1), tiny), P.point(1));
/** √(1 + 2^−23 + 2^−48 + …) just above m: a surd that rounds up, which binary64 cannot tell. */
const surdAbove = P.sqrt(P.add(P.fromFloat32(up), P.point('3.552713678800500938014425e-15')));
/** −10^19, exact, with no binary64 enclosure: what an operation leaves where binary64 could not go on. */
const unenclosed: RationalPair = { exact: { num: -(10n ** 19n), den: 1n }, rest: NO_REST, whole: undefined };

describe('a whole that binary64 lost, from the exact ends', () => {
  it('√(3 · 10^−323 · 4.33 · 10^−6), whose argument binary64 encloses around 0 (LAMB with β2 = 3 · 10^−323)', () => {
    const argument = P.mul(P.point('3e-323'), P.fromFloat32(4.334178356657503e-6)) as RationalPair;
    expect(argument.whole!.lo < 0 && argument.whole!.hi > 0).toBe(true);
    const root = P.sqrt(argument) as RationalPair;
    expect(root.exact.root).toBe(true);
    expect(root.whole!.lo).toBeGreaterThanOrEqual(0);
    expect(root.whole!.hi).toBeLessThan(2.3e-162); // √(2^−1074)
    expect(root.whole!.hi).toBeGreaterThan(1.1e-164); // √(1.3 · 10^−328)
  });
});

describe('max of values with remainders', () => {
  /** √2 − 5 = −3.5857…: a surd plus a rational, so an exact part −5 and a remainder. */
  const below = () => P.add(P.sqrt(P.point(2)), P.point(-5));
  it('is the operand the exact ends put strictly above the other, exact part and all', () => {
    for (const m of [P.max(below(), P.point('-0.1')), P.max(P.point('-0.1'), below())]) {
      expect((m as RationalPair).exact).toEqual({ num: -1n, den: 10n });
      expect((m as RationalPair).rest).toBe(NO_REST);
    }
    const above = P.add(P.sqrt(P.point(2)), P.point(5));
    expect((P.max(above, P.point(-7)) as RationalPair).exact).toEqual({ num: 5n, den: 1n });
  });

  it('keeps the higher lower end of the two wholes: max((1 + 2^−23)^(2^−149), 0.1^0) starts at 1, as binary64’s max does', () => {
    const power = P.powReal(P.fromFloat32(up), P.fromFloat32(2 ** -149)) as RationalPair;
    expect(power.whole!.lo).toBeLessThan(1);
    const m = P.max(power, P.powReal(P.point('0.1'), P.point(0))) as RationalPair;
    expect(m.exact).toEqual(power.exact);
    expect(m.whole).toEqual({ lo: 1, hi: power.whole!.hi });
    expect((P.max(P.point(1), power) as RationalPair).whole).toEqual({ lo: 1, hi: power.whole!.hi });
  });

  it('is re-based on the whole where the ends overlap: √2 − 5 against −3.58578643762690495119831127579', () => {
    const m = P.max(below(), P.point('-3.58578643762690495119831127579')) as RationalPair;
    expect(m.exact).toEqual({ num: 0n, den: 1n });
    expect(m.rest).toBe(m.whole);
  });
});

describe('the remainder decides a midpoint, through every operation', () => {
  it('binary64 alone leaves these undecided', () => {
    const whole = (aboveMidpoint as RationalPair).whole!;
    expect([roundToFloat32(exact(whole.lo)), roundToFloat32(exact(whole.hi))]).toEqual([1, up]);
    expect(rounded(aboveMidpoint)).toBe(up);
    expect(rounded(surdAbove)).toBe(up);
  });

  it('a sum: of two remainders, and of a surd and an exact zero', () => {
    expect(rounded(P.add(aboveMidpoint, remainderAlone))).toBe(up);
    expect(rounded(P.add(remainderAlone, aboveMidpoint))).toBe(up);
    expect(rounded(P.add(surdAbove, P.point(0)))).toBe(up);
    expect(rounded(P.add(P.point('-0'), surdAbove))).toBe(up);
  });

  it('−x and |x|, and the signed zeros they give', () => {
    expect(rounded(P.neg(aboveMidpoint))).toBe(-up);
    expect(rounded(P.neg(surdAbove))).toBe(-up);
    expect(rounded(P.abs(P.neg(aboveMidpoint)))).toBe(up);
    expect(rounded(P.abs(aboveMidpoint))).toBe(up);
    expect(Object.is(rounded(P.neg(P.point(0))), -0)).toBe(true);
    expect(Object.is(rounded(P.abs(P.point('-0'))), 0)).toBe(true);
    expect(Object.is(rounded(P.abs(P.fromFloat32(-0))), 0)).toBe(true);
  });

  it('|x| of a value whose exact part and remainder leave its sign open is the whole’s |w|', () => {
    // x = √2 − 1.4142135623730952888 ≈ −2.4e−16, and binary64 encloses √2 from 1.25e−16 below to
    // 3.19e−16 above: q + r runs from about −3.6e−16 to +0.8e−16, so |x| lies above it, and only |w|
    // encloses it.
    const x = P.sub(P.sqrt(P.point(2)), P.point('1.4142135623730952888'));
    const reference = new R(2).sqrt().minus('1.4142135623730952888').abs();
    const a = P.abs(x) as RationalPair;
    const { lo, hi } = a.rest!;
    const q = new R(a.exact.num.toString()).div(a.exact.den.toString());
    expect(q.plus(exact(lo)).lte(reference) && reference.lte(q.plus(exact(hi)))).toBe(true);
  });

  it('a product: by an exact factor on either side, of two remainders, and with a surd', () => {
    expect(rounded(P.mul(aboveMidpoint, P.point(2)))).toBe(2 * up);
    expect(rounded(P.mul(P.point(2), aboveMidpoint))).toBe(2 * up);
    const onePlus = P.add(P.point(1), tiny); // 1 + √2 · 10^−30
    expect(rounded(P.mul(aboveMidpoint, onePlus))).toBe(up);
    expect(rounded(P.mul(onePlus, aboveMidpoint))).toBe(up);
    // √2 (1 + √2 · 10^−30): a surd times a value with a remainder is decided by the whole alone
    expect(rounded(P.mul(P.sqrt(P.point(2)), onePlus))).toBe(Math.fround(Math.SQRT2));
    expect(rounded(P.mul(onePlus, P.sqrt(P.point(2))))).toBe(Math.fround(Math.SQRT2));
  });

  it('a square: of a value with a remainder, and of a surd whose product with itself passes the bit limit', () => {
    const onePlusRoot = P.add(P.sqrt(P.point(2)), P.point(1)); // exact part 1, remainder √2
    expect(rounded(P.square(onePlusRoot))).toBe(roundToFloat32(new R(2).sqrt().plus(1).pow(2)));
    // √(2 · 10^−620) is a surd with a 2060-bit denominator; its square 2 · 10^−620 rounds to +0
    expect(Object.is(rounded(P.square(P.sqrt(P.point('2e-620')))), 0)).toBe(true);
  });

  it('a quotient by an exact divisor', () => {
    expect(rounded(P.div(aboveMidpoint, P.point('0.5')))).toBe(2 * up);
  });
});

describe('tests and operands without a binary64 enclosure', () => {
  it('answers a test by the exact part and remainder where the whole holds 0', () => {
    const whole = (remainderAlone as RationalPair).whole!;
    expect(whole.lo <= 0 && whole.hi > 0).toBe(true);
    expect(P.isZero(remainderAlone)).toBe(false);
    expect(P.isNegative(remainderAlone)).toBe(false);
    expect(P.isNegative(P.neg(remainderAlone))).toBe(true);
  });

  it('answers a test by the whole where q + r is exactly [0, 0]: (0.1 + √2) · (±0)', () => {
    const x = P.add(P.point('0.1'), P.sqrt(P.point(2)));
    expect(P.isZero(P.mul(x, P.point(0)))).toBe(true);
    expect(P.isNegative(P.mul(x, P.point(0)))).toBe(false);
    expect(P.isNegative(P.mul(x, P.point('-0')))).toBe(true);
  });

  it('keeps going where an operand has no binary64 enclosure, and leaves a test it cannot answer undecided', () => {
    expect(rounded(P.powInt(P.neg(unenclosed), 2))).toBe(roundToFloat32(new R('1e38')));
    expect(rounded(P.square(unenclosed))).toBe(roundToFloat32(new R('1e38')));
    const withRest = P.add(unenclosed, P.sqrt(P.point(2))); // exact part −10^19, remainder √2, no whole
    expect((withRest as RationalPair).whole).toBeUndefined();
    // (√2 − 10^19)² = 10^38 − 2√2 · 10^19 + 2, from the exact ends, since binary64 has nothing to go on.
    const square = (P.square(withRest) as RationalPair).whole!;
    const value = new R('1e38').minus(new R(2).sqrt().times('2e19')).plus(2);
    expect(exact(square.lo).lte(value) && value.lte(exact(square.hi))).toBe(true);
    expect(square.hi - square.lo).toBeLessThanOrEqual(2 ** 77); // 8 ulps of 10^38
    const nothing = P.powReal(unenclosed, P.point('0.5'));
    expect(() => P.isZero(nothing)).toThrow(Undecided);
    expect(() => P.isNegative(nothing)).toThrow(Undecided);
  });
});

describe('|x| of a negative value whose whole underflowed across 0', () => {
  it('|0.1 · −2^−1071.299560546875| is −w cut at 0, within binary64’s |w|', () => {
    const x = P.mul(P.point('0.1'), P.neg(P.powReal(P.point(2), P.fromFloat32(-1071.299560546875)))) as RationalPair;
    expect(x.restSign).toBe(-1);
    expect(x.whole!.lo < 0 && x.whole!.hi > 0).toBe(true);
    const a = P.abs(x) as RationalPair;
    expect(a.restSign).toBe(1);
    expect(a.whole).toEqual({ lo: 0, hi: -x.whole!.lo });
  });
});

describe('an exact midpoint through a surd', () => {
  it('(0 + (√5832460412344861645078528)²) / 0.1 is the midpoint 58324604123448616450785280, and ties to the even 12647132 · 2^62', () => {
    const x = P.fromFloat32(5832460412344861645078528);
    const q = P.div(P.add(P.fromFloat32(0), P.square(P.sqrt(x))), P.point('0.1')) as RationalPair;
    expect(q.exact).toEqual({ num: 58324604123448616450785280n, den: 1n });
    expect(rounded(q)).toBe(12647132 * 2 ** 62);
  });
});

describe('a product whose narrowed wholes meet as ∞ · 0', () => {
  it('3^646.07 (whole [MAX_VALUE, ∞]) times −2^−1074 / (6.99 · 10^34)^8 (narrowed to [−2^−1074, −0]) keeps binary64’s whole', () => {
    const power = P.powReal(P.point(3), P.fromFloat32(646.07208251953125)) as RationalPair;
    expect(power.whole).toEqual({ lo: Number.MAX_VALUE, hi: Infinity });
    const big = P.fromFloat32(6.985894207269702e34);
    const tiny = P.div(P.fromFloat32(-(2 ** -149)), P.square(P.powInt(P.powInt(big, 2), 2)));
    expect((P.mul(power, tiny) as RationalPair).whole).toEqual({ lo: -Infinity, hi: Infinity });
  });
});
