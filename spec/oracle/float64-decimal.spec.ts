import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { enclosureOfText, exactOfDouble } from '../../oracle/float64-decimal.js';
import { adjacentDouble as neighbour, exactDouble } from '../exact-double.js';

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

/** The enclosure's ends as a pair, so that toEqual tells −0 from +0 through Object.is. */
const ends = (e: { lo: number; hi: number }): [number, number] => [e.lo, e.hi];

const finiteNonzero = fc.double({ noNaN: true, noDefaultInfinity: true }).filter((x) => x !== 0);

describe('the enclosure of decimal text by doubles', () => {
  test.prop([finiteNonzero], { numRuns: 500 })('is the point x for the exact decimal text of a double x', (x) => {
    expect(ends(enclosureOfText(exactDouble(x).toString()))).toEqual([x, x]);
  });

  test.prop([finiteNonzero, fc.boolean(), fc.integer({ min: 20, max: 700 })], { numRuns: 500 })(
    'is x and its neighbour on the side of the text, for text within 10^−20 of x relative',
    (x, above, digits) => {
      const exact = exactDouble(x);
      const text = exact
        .plus(
          exact
            .abs()
            .times(`1e-${digits}`)
            .times(above ? 1 : -1),
        )
        .toString();
      const other = neighbour(x, above);
      const expected = above ? [x, other] : [other, x];
      // Past ±MAX_VALUE the neighbour is ±∞, which is what a value above the largest double gets.
      expect(ends(enclosureOfText(text)), text).toEqual(expected);
    },
  );

  test.prop([finiteNonzero.filter((x) => Math.abs(x) < Number.MAX_VALUE)], { numRuns: 500 })(
    'is the two doubles around the exact midpoint between neighbours, whichever Number rounds it to',
    (x) => {
      const next = neighbour(x, true);
      const text = exactDouble(x).plus(exactDouble(next)).div(2).toString();
      expect(ends(enclosureOfText(text)), text).toEqual([x, next]);
    },
  );

  it('takes text past the double range to [MAX_VALUE, ∞] or [0, 2^−1074], signed, however large its exponent', () => {
    const max = Number.MAX_VALUE;
    const tiny = 2 ** -1074;
    const halfUlpAboveMax = exactDouble(max)
      .plus(exactDouble(2 ** 970))
      .toString();
    expect(ends(enclosureOfText(halfUlpAboveMax))).toEqual([max, Infinity]);
    expect(ends(enclosureOfText('1e309'))).toEqual([max, Infinity]);
    expect(ends(enclosureOfText('-1e309'))).toEqual([-Infinity, -max]);
    expect(ends(enclosureOfText('1e-324'))).toEqual([0, tiny]);
    expect(ends(enclosureOfText('-1e-324'))).toEqual([-tiny, -0]);
    expect(ends(enclosureOfText(exactDouble(tiny).div(2).toString()))).toEqual([0, tiny]);
    expect(ends(enclosureOfText('3e-324'))).toEqual([0, tiny]);
    expect(ends(enclosureOfText('1e+9000000000000000'))).toEqual([max, Infinity]);
    expect(ends(enclosureOfText('-123.5e-9000000000000000'))).toEqual([-tiny, -0]);
    expect(ends(enclosureOfText(`0.${'0'.repeat(5000)}1`))).toEqual([0, tiny]);
    expect(ends(enclosureOfText(`1${'0'.repeat(400)}`))).toEqual([max, Infinity]);
  });

  it('reads every form of decimal text: signs, no whole part, no fraction, leading zeros, E', () => {
    expect(ends(enclosureOfText('+.5'))).toEqual([0.5, 0.5]);
    expect(ends(enclosureOfText('-2.'))).toEqual([-2, -2]);
    expect(ends(enclosureOfText('00012.50E-1'))).toEqual([1.25, 1.25]);
    expect(ends(enclosureOfText('1e+2'))).toEqual([100, 100]);
    expect(ends(enclosureOfText('25e-2'))).toEqual([0.25, 0.25]);
    const third = enclosureOfText('0.3');
    expect(ends(third)).toEqual([0.3, neighbour(0.3, true)]);
  });

  it('keeps the sign of a zero and passes NaN and the infinities through', () => {
    for (const zero of ['0', '+0', '0.000', '.0e5', '00']) expect(ends(enclosureOfText(zero))).toEqual([0, 0]);
    for (const zero of ['-0', '-0.0e-7', '-.0']) expect(ends(enclosureOfText(zero))).toEqual([-0, -0]);
    expect(ends(enclosureOfText('NaN'))).toEqual([NaN, NaN]);
    expect(ends(enclosureOfText('Infinity'))).toEqual([Infinity, Infinity]);
    expect(ends(enclosureOfText('+Infinity'))).toEqual([Infinity, Infinity]);
    expect(ends(enclosureOfText('-Infinity'))).toEqual([-Infinity, -Infinity]);
  });

  it.each(['0x1.8', '0xff', '0b101', '', '.', '-', '+e5', ' 1', '1 ', '1e', 'Inf', '-NaN', '1_000'])(
    'encloses text that is not plain decimal (%j) by the whole line, deciding nothing',
    (text) => {
      expect(ends(enclosureOfText(text))).toEqual([-Infinity, Infinity]);
    },
  );
});
