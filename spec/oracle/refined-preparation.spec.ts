/**
 * oracle/refined-preparation.ts: a decimal interval becomes the tightest interval of doubles that
 * encloses it (checked against the exact values of the doubles, from their bits), a zero point keeps
 * its sign, and a preparation's records and arrays are converted all through, nothing else touched.
 */
import { fc, test } from '@fast-check/vitest';
import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import type { Interval } from '../../oracle/interval.js';
import { doublesEnclosing, inDoubles, REFINED_PRECISION } from '../../oracle/refined-preparation.js';
import { adjacentDouble, exactDouble } from '../exact-double.js';

const D = Decimal.clone({ precision: REFINED_PRECISION });
const interval = (lo: string, hi: string, near = lo): Interval => ({ lo: new D(lo), hi: new D(hi), near: new D(near) });

/** Decimal text of 1 to 40 significant digits, any sign, exponent −330 to 320 (past both ends of the doubles). */
const decimalText = fc
  .tuple(fc.boolean(), fc.bigInt({ min: 1n, max: 10n ** 40n - 1n }), fc.integer({ min: -370, max: 280 }))
  .map(([negative, digits, e]) => `${negative ? '-' : ''}${digits}e${e}`);

describe('doublesEnclosing', () => {
  test.prop([decimalText, decimalText])(
    'encloses [lo, hi], and no double between its ends and the interval is left out',
    (a, b) => {
      const [lo, hi] = new D(a).lte(b) ? [a, b] : [b, a];
      const e = doublesEnclosing(interval(lo, hi));
      if (e.lo !== -Infinity) {
        expect(exactDouble(e.lo).lte(lo)).toBe(true);
        expect(adjacentDouble(e.lo, true) === Infinity || exactDouble(adjacentDouble(e.lo, true)).gt(lo)).toBe(true);
      }
      if (e.hi !== Infinity) {
        expect(exactDouble(e.hi).gte(hi)).toBe(true);
        expect(adjacentDouble(e.hi, false) === -Infinity || exactDouble(adjacentDouble(e.hi, false)).lt(hi)).toBe(true);
      }
    },
  );

  it.each([0.5, -3, 1e-320, -Number.MAX_VALUE])('keeps the double %s a point', (x) => {
    const text = exactDouble(x).toString();
    expect(doublesEnclosing(interval(text, text))).toEqual({ lo: x, hi: x });
  });

  it('gives one ulp around a decimal that is not a double', () =>
    expect(doublesEnclosing(interval('0.1', '0.1'))).toEqual({ lo: adjacentDouble(0.1, false), hi: 0.1 }));

  it.each([
    ['+0', '0', { lo: 0, hi: 0 }],
    ['−0', '-0', { lo: -0, hi: -0 }],
  ])('gives an exact zero the sign of its near value, %s', (_, near, expected) => {
    const e = doublesEnclosing(interval('-0', '0', near));
    expect(Object.is(e.lo, expected.lo) && Object.is(e.hi, expected.hi)).toBe(true);
  });

  it.each([
    ['0', '1e-400', { lo: 0, hi: 2 ** -1074 }],
    ['-1e-400', '0', { lo: -(2 ** -1074), hi: 0 }],
  ])('gives [%s, %s], from 0 to beyond the least double, the ends %o', (lo, hi, expected) =>
    expect(doublesEnclosing(interval(lo, hi))).toEqual(expected),
  );

  it.each([
    ['its low end', 'NaN', '1'],
    ['its high end', '1', 'NaN'],
  ])('gives NaN for an interval with NaN as %s', (_, lo, hi) => {
    const e = doublesEnclosing(interval(lo, hi, '1'));
    expect([e.lo, e.hi]).toEqual([NaN, NaN]);
  });
});

describe('inDoubles', () => {
  it('converts every interval in records and arrays, at any depth, and leaves the rest as it is', () => {
    const decimal = new D('0.25');
    class Context {
      constructor(readonly step: Interval) {}
    }
    const context = new Context(interval('1', '1'));
    const prepared = {
      beta: interval('0.5', '0.5'),
      steps: [interval('2', '2'), [interval('-1', '-1')], 3],
      nested: { eps: interval('0.1', '0.1'), flag: true, name: 'adam', none: null },
      decimal,
      context,
      lookAlike: { near: decimal, lo: 4 },
      otherLookAlike: { near: 'near', lo: decimal },
    };
    const out = inDoubles(prepared);
    expect(out).toEqual({
      beta: { lo: 0.5, hi: 0.5 },
      steps: [{ lo: 2, hi: 2 }, [{ lo: -1, hi: -1 }], 3],
      nested: { eps: { lo: adjacentDouble(0.1, false), hi: 0.1 }, flag: true, name: 'adam', none: null },
      decimal,
      context,
      lookAlike: { near: decimal, lo: 4 },
      otherLookAlike: { near: 'near', lo: decimal },
    });
    expect(out.context).toBe(context);
    expect(out.decimal).toBe(decimal);
  });

  it.each([undefined, 7, 'text'])('returns %s, which holds no interval, as it is', (x) => expect(inDoubles(x)).toBe(x));
});
