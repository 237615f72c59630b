import { seedFromEnv } from '../../src/gate/seed.js';
import { fc, test } from '@fast-check/vitest';
import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import {
  certify,
  certifiedFloat32,
  CertificationError,
  MAX_PRECISION,
  NEARLY_DECIDED_PRECISIONS,
  PRECISIONS,
} from '../../oracle/certify.js';
import { IntervalArithmetic, Undecided, type Interval } from '../../oracle/interval.js';
import { sgdOracle } from '../../oracle/rules/sgd.js';
import { withCertifyStages } from '../../oracle/staged.js';
import { configure } from '../../core/catalogue/index.js';
import * as entries from '../../core/catalogue/entries.js';

const Reference = Decimal.clone({ precision: 400 });
const contains = (i: Interval, d: Decimal) => i.lo.lte(d) && d.lte(i.hi);
const decimalText = fc
  .tuple(fc.integer({ min: -(10 ** 9), max: 10 ** 9 }), fc.integer({ min: -40, max: 40 }))
  .map(([m, e]) => `${m}e${e}`);

describe('IntervalArithmetic', () => {
  const a = IntervalArithmetic.at(40);
  test.prop([decimalText, decimalText])('each operation encloses the 400-digit result', (x, y) => {
    const X = a.point(x);
    const Y = a.point(y);
    const rx = new Reference(x);
    const ry = new Reference(y);
    expect(contains(a.add(X, Y), rx.plus(ry))).toBe(true);
    expect(contains(a.sub(X, Y), rx.minus(ry))).toBe(true);
    expect(contains(a.mul(a.add(X, Y), a.sub(X, Y)), rx.plus(ry).times(rx.minus(ry)))).toBe(true);
    expect(contains(a.square(a.sub(X, Y)), rx.minus(ry).pow(2))).toBe(true);
    if (!ry.isZero()) expect(contains(a.div(a.add(X, Y), Y), rx.plus(ry).div(ry))).toBe(true);
    expect(contains(a.sqrt(a.abs(X)), rx.abs().sqrt())).toBe(true);
  });

  test.prop([fc.integer({ min: 1, max: 999 }), fc.integer({ min: 0, max: 1_000_000 })])(
    'powInt encloses the exact power',
    (k, n) => {
      const beta = `0.${String(k).padStart(3, '0')}`;
      const p = a.powInt(a.point(beta), n);
      const reference = Decimal.clone({ precision: 60 });
      const r = new reference(beta).pow(n); // within one unit in the 60th digit
      expect(p.lo.lte(r.times('1.000000000000000000000000000000000000000000000000001'))).toBe(true);
      expect(p.hi.gte(r.times('0.999999999999999999999999999999999999999999999999999'))).toBe(true);
    },
  );

  it('follows IEEE 754 for special values and signed zeros', () => {
    const z = a.point(0);
    expect(a.sub(a.point(1), a.point(1)).near.isNeg()).toBe(false); // x − x = +0
    expect(a.add(a.point('-0'), a.point('-0')).near.isNeg()).toBe(true); // −0 + −0 = −0
    expect(a.div(a.point(1), a.sub(a.point(1), a.point(1))).near.toString()).toBe('Infinity'); // 1 / (+0)
    expect(a.div(z, z).near.isNaN()).toBe(true);
    expect(a.mul(a.point(Infinity), z).near.isNaN()).toBe(true);
    expect(a.sqrt(a.point(-1)).near.isNaN()).toBe(true);
    expect(a.max(a.point(NaN), a.point(1)).near.isNaN()).toBe(true);
    expect(() => a.div(a.point(1), { lo: new Decimal(-1), hi: new Decimal(1), near: new Decimal(0) })).toThrow(
      Undecided,
    );
  });

  it('powReal encloses a^y for every a and y in its argument intervals (the corners bound it)', () => {
    const wide = Decimal.clone({ precision: 200 });
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 100, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: -3, max: 3, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (x, width, e, eWidth, s, u) => {
          const base = { lo: new Decimal(x), hi: new Decimal(x).times(1 + width), near: new Decimal(x) };
          const exponent = { lo: new Decimal(e), hi: new Decimal(e).plus(eWidth), near: new Decimal(e) };
          const r = a.powReal(base, exponent);
          const inside = new wide(base.lo).plus(new wide(base.hi).minus(base.lo).times(s));
          const power = inside.pow(new wide(exponent.lo).plus(new wide(eWidth).times(u)));
          expect(r.lo.lte(power) && power.lte(r.hi), `${inside}^… = ${power} ∉ [${r.lo}, ${r.hi}]`).toBe(true);
        },
      ),
      { seed: seedFromEnv(), numRuns: 200 },
    );
    expect(() => a.powReal({ lo: new Decimal(0), hi: new Decimal(1), near: new Decimal(0.5) }, a.point(2))).toThrow(
      Undecided,
    );
    expect(() => a.powReal(a.point(-1), a.point(2))).toThrow(RangeError);
  });

  it('decides zero-ness and sign only where the interval tells them, and leaves the rest undecided', () => {
    const straddling = { lo: new Decimal('-1e-50'), hi: new Decimal('1e-50'), near: new Decimal(0) };
    expect(() => a.isZero(straddling)).toThrow(Undecided);
    expect(() => a.isNegative(straddling)).toThrow(Undecided);
    expect(() => a.isNegative({ ...straddling, lo: new Decimal(0) })).toThrow(Undecided);
    expect(a.isZero(a.sub(a.point(3), a.point(3)))).toBe(true);
    expect(a.isNegative(a.point('-0'))).toBe(true);
    expect(a.isNegative(a.sub(a.point(3), a.point(3)))).toBe(false); // x − x = +0
    const third = a.div(a.point(1), a.point(3)); // not a point: [0.33…3, 0.33…4]
    expect(a.isZero(third)).toBe(false);
    expect(a.isNegative(third)).toBe(false);
    expect(a.isNegative(a.neg(third))).toBe(true);
    expect(a.isZero(a.point(NaN)) || a.isNegative(a.point(NaN))).toBe(false);
  });
});

describe('certify', () => {
  it('escalates precision when the first interval straddles a rounding boundary', () => {
    // 1 + 2^-24 is the midpoint between 1 and 1 + 2^-23; adding 1/(3·10^69) puts the exact value just
    // above it, which 40 digits cannot see but 80 can.
    const midpoint = new Reference(2).pow(-24).plus(1);
    const r = certify((a) => ({ x: a.add(a.point(midpoint), a.div(a.point(1), a.point('3e69'))) }));
    expect(r.values.x).toBe(1 + 2 ** -23);
    expect(r.precision).toBe(80);
  });

  it('certifies an exact midpoint at the first precision and rounds it to even', () => {
    const r = certify((a) => ({ x: a.add(a.point(1), a.point(new Reference(2).pow(-24))) }));
    expect(r).toEqual({ values: { x: 1 }, precision: PRECISIONS[0], uncertified: [] });
  });

  it('gives the sign of an exact zero from round-to-nearest', () => {
    expect(
      Object.is(
        certifiedFloat32(
          IntervalArithmetic.at(40).sub(IntervalArithmetic.at(40).point(2), IntervalArithmetic.at(40).point(2)),
        ),
        0,
      ),
    ).toBe(true);
  });

  it('goes on past 1280 digits while the only doubt is one boundary, and certifies 10^-2000 above a midpoint at 2560', () => {
    // 1 + 2^-24 is the midpoint between 1 and 1 + 2^-23; 10^-2000 above it the exact value rounds up.
    const midpoint = new Reference(2).pow(-24).plus(1);
    const r = certify((a) => ({ x: a.add(a.point(midpoint), a.point('1e-2000')), y: a.point(2) }));
    expect(r).toEqual({ values: { x: 1 + 2 ** -23, y: 2 }, precision: NEARLY_DECIDED_PRECISIONS[0], uncertified: [] });
  });

  it('returns a neighbour, marked uncertified with both neighbours, when the exact value is within 10^-6000 of a boundary', () => {
    // 1 + 2^-24 (a midpoint) plus 10^-6000 rounds to 1 + 2^-23, but no precision tried (up to 2560
    // digits) separates it from the midpoint.
    const midpoint = new Reference(2).pow(-24).plus(1);
    const r = certify((a) => ({ x: a.add(a.point(midpoint), a.point('1e-6000')), y: a.point(2) }));
    expect(r.uncertified).toEqual([{ output: 'x', below: 1, above: 1 + 2 ** -23 }]);
    expect(r.precision).toBe(MAX_PRECISION);
    expect([1, 1 + 2 ** -23]).toContain(r.values.x);
    expect(r.values.y).toBe(2);
  });

  it('reports failure when no precision decides an operation', () => {
    expect(() =>
      certify((a) => ({ x: a.div(a.point(1), { lo: a.point(-1).lo, hi: a.point(1).hi, near: a.point(0).near }) })),
    ).toThrow(CertificationError);
  });
});

describe('the sign of a result that rounds to zero', () => {
  const sgd = configure(entries.sgd, 'paper', { lr: '1' });
  const step = (theta: number, g: number) =>
    sgdOracle.step(sgd, { params: Float32Array.of(theta), grads: Float32Array.of(g), state: {}, t: 1 }).params[0]!;
  const tiny = 3 * 2 ** -149;

  // lr · g at 40 digits is g rounded (its exact decimal has 105 digits), so θ − lr · g encloses 0 with
  // a rounding-error sign; the ladder must climb until lr · g is exact and the zero is a point.
  it.each([
    ['θ = g = 3·2^-149: x − x is +0', tiny, tiny, 0],
    ['θ = g = −3·2^-149: x − x is +0', -tiny, -tiny, 0],
    ['θ = −0, g = +0: −0 − (+0) is −0', -0, 0, -0],
    ['θ = +0, g = +0: +0 − (+0) is +0', 0, 0, 0],
  ])('%s, on both stages', (_, theta, g, expected) => {
    expect(Object.is(step(theta, g), expected)).toBe(true);
    expect(
      Object.is(
        withCertifyStages('decimal', () => step(theta, g)),
        expected,
      ),
    ).toBe(true);
  });

  it('decides no sign from an interval that holds 0 without being a point', () => {
    const a = IntervalArithmetic.at(40);
    const straddling = a.sub(
      a.point(new Decimal(2).pow(-149)),
      a.mul(a.point('1.000000000000000000000000000000000000000000001'), a.point(new Decimal(2).pow(-149))),
    );
    expect(straddling.lo.lt(0) && straddling.hi.gte(0)).toBe(true);
    expect(certifiedFloat32(straddling)).toBeUndefined();
    expect(
      Object.is(
        certifiedFloat32({ lo: new Decimal('1e-300'), hi: new Decimal('2e-300'), near: new Decimal('-1e-300') }),
        0,
      ),
    ).toBe(true);
    expect(
      Object.is(
        certifiedFloat32({ lo: new Decimal('-2e-300'), hi: new Decimal('-1e-300'), near: new Decimal('1e-300') }),
        -0,
      ),
    ).toBe(true);
  });
});
