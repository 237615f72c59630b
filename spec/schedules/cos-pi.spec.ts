/**
 * The proven enclosures of π and cos(π x) (oracle/schedules/cos-pi.ts) against decimal.js's acos and
 * cos at a higher precision, as an independent computation; Niven's rational values as exact points;
 * and the platform's Math.cos and Math.pow within the two ulps the derived bounds assume
 * (src/gate/schedules/bounded-ops.ts), against decimal.js at 60 digits.
 */
import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exactOfDouble } from '../../oracle/float64-decimal.js';
import { IntervalArithmetic } from '../../oracle/interval.js';
import { cosPi, piEnclosure } from '../../oracle/schedules/index.js';
import { ratio } from '../../oracle/schedules/rational.js';
import { runsFromEnv, seedFromEnv } from '../../src/gate/seed.js';

const seed = seedFromEnv();

describe('π and cos(π x), enclosed', () => {
  it.each([40, 160, 640])('π at %i digits holds decimal.js acos(−1) at 40 more, within 10^−(p+15)', (p) => {
    const pi = piEnclosure(IntervalArithmetic.at(p));
    const reference = Decimal.clone({ precision: p + 40 }).acos(-1);
    expect(pi.lo.lte(reference) && pi.hi.gte(reference)).toBe(true);
    expect(pi.hi.minus(pi.lo).lt(new Decimal(10).pow(-(p + 15)))).toBe(true);
  });

  it.each([40, 160])('cos(π n/d) at %i digits holds decimal.js cos at 60 more digits', (p) => {
    const a = IntervalArithmetic.at(p);
    // |π n/d| < 10^13: decimal.js's argument loses 13 of its p + 60 digits, its cos about as many.
    const D = Decimal.clone({ precision: p + 60 });
    const slack = new Decimal(10).pow(-(p + 30));
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }),
        fc.bigInt({ min: 1n, max: 10n ** 9n }),
        (n, d) => {
          const c = cosPi(a, ratio(n, d));
          const reference = D.cos(D.acos(-1).times(n.toString()).div(d.toString()));
          expect(c.lo.lte(reference.plus(slack)) && c.hi.gte(reference.minus(slack))).toBe(true);
          expect(c.hi.minus(c.lo).lt(new Decimal(10).pow(-(p + 10)))).toBe(true);
        },
      ),
      { seed, numRuns: 300 },
    );
  });

  it('is an exact point where cos(π x) is rational (Niven: x ≡ 0, ±⅓, ±½, ±⅔, 1 mod 2), and only there', () => {
    const a = IntervalArithmetic.at(40);
    const points: Array<[bigint, bigint, string]> = [
      [0n, 1n, '1'],
      [1n, 3n, '0.5'],
      [1n, 2n, '0'],
      [2n, 3n, '-0.5'],
      [1n, 1n, '-1'],
      [4n, 3n, '-0.5'],
      [5n, 3n, '0.5'],
      [-7n, 3n, '0.5'],
      [2001n, 2n, '0'],
      [10n, 1n, '1'],
    ];
    for (const [n, d, v] of points) {
      const c = cosPi(a, ratio(n, d));
      expect([c.lo.toString(), c.hi.toString()]).toEqual([v, v]);
    }
    for (const [n, d] of [
      [1n, 4n],
      [1n, 6n],
      [1n, 5n],
      [7n, 12n],
    ] as const) {
      const c = cosPi(a, ratio(n, d));
      expect(c.lo.lt(c.hi)).toBe(true);
    }
  });

  it("is enclosed at the ladder top (2560 digits, past decimal.js's π): cos 2x = 2 cos² x − 1, both narrower than 10^−2540", () => {
    const a = IntervalArithmetic.at(2560);
    const c = cosPi(a, ratio(12345n, 67891n));
    const c2 = cosPi(a, ratio(2n * 12345n, 67891n));
    const identity = a.sub(a.mul(a.point(2), a.square(c)), a.point(1));
    expect(identity.lo.lte(c2.hi) && c2.lo.lte(identity.hi)).toBe(true);
    for (const x of [c, c2]) expect(x.hi.minus(x.lo).lt(new Decimal(10).pow(-2540))).toBe(true);
  });
});

describe('the platform libm within the two ulps the bounds assume', () => {
  const D = Decimal.clone({ precision: 60 });
  const ulps = (x: number, exact: Decimal): number => {
    const spacing = Math.max(2 ** (Math.floor(Math.log2(Math.abs(x))) - 52), 2 ** -1074);
    return new D(exactOfDouble(x)).minus(exact).abs().div(spacing).toNumber();
  };

  it('Math.cos', () => {
    fc.assert(
      fc.property(fc.double({ min: -100, max: 100, noNaN: true }), (x) => {
        const c = Math.cos(x);
        fc.pre(c !== 0);
        expect(ulps(c, D.cos(new D(exactOfDouble(x))))).toBeLessThanOrEqual(2);
      }),
      { seed, numRuns: runsFromEnv(250) },
    );
  });

  it('Math.pow', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-3, max: 2, noNaN: true }),
        fc.oneof(fc.integer({ min: 0, max: 2000 }), fc.double({ min: 0, max: 50, noNaN: true })),
        (x, y) => {
          const p = Math.pow(x, y);
          fc.pre(p > 1e-300 && p < 1e300);
          expect(ulps(p, new D(exactOfDouble(x)).pow(new D(exactOfDouble(y))))).toBeLessThanOrEqual(2);
        },
      ),
      { seed, numRuns: runsFromEnv(500) },
    );
  });
});
