/**
 * oracle/schedules/certify.ts, the certified float32 and float64 of a learning rate: the nearest
 * double of a decimal at its edges (NaN, ±∞ and past the range, signed zeros, a tie to even), and the
 * ladder on computations made for the purpose: an exact point, an irrational value decided at a
 * higher precision, a value undecided at every precision (each format listed as uncertified, with the
 * nearest evaluation's rounding), a computation that throws Undecided at every precision, or only at
 * the first, and one that throws something else.
 */
import { describe, expect, it } from 'vitest';
import { Decimal } from 'decimal.js';
import { CertificationError, NEARLY_DECIDED_PRECISIONS, PRECISIONS } from '../../../oracle/certify.js';
import { IntervalArithmetic, Undecided, type Interval } from '../../../oracle/interval.js';
import { certifiedFloat64, certifyRate, nearestDouble } from '../../../oracle/schedules/index.js';

const TOP = NEARLY_DECIDED_PRECISIONS.at(-1)!;

describe('the nearest double of a decimal', () => {
  it.each([
    ['NaN', NaN],
    ['Infinity', Infinity],
    ['-Infinity', -Infinity],
    ['1e400', Infinity],
    ['-1e400', -Infinity],
    ['0', 0],
    ['-0', -0],
    ['1e-400', 0],
    ['-1e-400', -0],
    ['0.1', 0.1],
    // 1 + 2^−53 is the midpoint of 1 and 1 + 2^−52: the tie goes to the even 1.
    ['1.00000000000000011102230246251565404236316680908203125', 1],
  ])('%s → %d', (text, expected) => expect(Object.is(nearestDouble(new Decimal(text)), expected)).toBe(true));

  it('certifies the double only when both ends round to it', () => {
    const a = IntervalArithmetic.at(40);
    expect(certifiedFloat64(a.point('0.1'))).toBe(0.1);
    expect(certifiedFloat64(a.div(a.point(1), a.point(3)))).toBe(1 / 3);
    const straddling: Interval = {
      lo: new Decimal('1.0000000000000001'),
      hi: new Decimal('1.0000000000000002'),
      near: new Decimal(1),
    };
    expect(certifiedFloat64(straddling)).toBeUndefined();
  });
});

describe('the ladder', () => {
  it('stops at the first precision that decides both formats', () => {
    const r = certifyRate((a) => a.point('0.5'));
    expect(r).toMatchObject({ float32: 0.5, float64: 0.5, precision: PRECISIONS[0], uncertified: [] });
    // √2 − (√2 − 10^−60): within 10^−60 of 0, above it; decided once the enclosure is narrower.
    const tiny = certifyRate((a) => a.sub(a.sqrt(a.point(2)), a.sub(a.sqrt(a.point(2)), a.point('1e-60'))));
    expect(tiny.precision).toBeGreaterThan(PRECISIONS[0]!);
    expect([tiny.float32, tiny.float64, tiny.uncertified]).toEqual([0, 1e-60, []]);
  });

  it('lists the formats no precision decides, with the nearest evaluation rounded', () => {
    // A float32 midpoint and a double midpoint plus (√2 − √2): every enclosure straddles both.
    const mid32 = '1.000000059604644775390625';
    const both = certifyRate((a) => {
      const r = a.sqrt(a.point(2));
      return a.add(a.point(mid32), a.sub(r, r));
    });
    expect(both.precision).toBe(TOP);
    expect(both.uncertified).toEqual(['float32']);
    expect([1, 1 + 2 ** -23]).toContain(both.float32);
    expect(both.float64).toBe(1 + 2 ** -24);
    const mid64 = '1.00000000000000011102230246251565404236316680908203125';
    const double = certifyRate((a) => {
      const r = a.sqrt(a.point(2));
      return a.add(a.point(mid64), a.sub(r, r));
    });
    expect(double.uncertified).toEqual(['float64']);
    expect(double.float32).toBe(1);
    expect([1, 1 + 2 ** -52]).toContain(double.float64);
  });

  it('goes up past a precision whose computation is undecided, and fails with the reason when all are', () => {
    let calls = 0;
    const r = certifyRate((a) => {
      if (calls++ === 0) throw new Undecided('not at the first precision');
      return a.point('0.25');
    });
    expect(r).toMatchObject({ float32: 0.25, precision: PRECISIONS[1] });
    expect(() =>
      certifyRate(() => {
        throw new Undecided('never');
      }),
    ).toThrow(new CertificationError(new Undecided('never').message).message);
    const other = new TypeError('a defect, not an undecided operation');
    expect(() =>
      certifyRate(() => {
        throw other;
      }),
    ).toThrow(other);
  });
});
