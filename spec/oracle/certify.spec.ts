import { fc, test } from '@fast-check/vitest';
import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { certify, certifiedFloat32, CertificationError, MAX_PRECISION, NEARLY_DECIDED_PRECISIONS, PRECISIONS } from '../../oracle/certify.js';
import { IntervalArithmetic, Undecided, type Interval } from '../../oracle/interval.js';

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

  test.prop([fc.integer({ min: 1, max: 999 }), fc.integer({ min: 0, max: 1_000_000 })])('powInt encloses the exact power', (k, n) => {
    const beta = `0.${String(k).padStart(3, '0')}`;
    const p = a.powInt(a.point(beta), n);
    const reference = Decimal.clone({ precision: 60 });
    const r = new reference(beta).pow(n); // within one unit in the 60th digit
    expect(p.lo.lte(r.times('1.000000000000000000000000000000000000000000000000001'))).toBe(true);
    expect(p.hi.gte(r.times('0.999999999999999999999999999999999999999999999999999'))).toBe(true);
  });

  it('follows IEEE 754 for special values and signed zeros', () => {
    const z = a.point(0);
    expect(a.sub(a.point(1), a.point(1)).near.isNeg()).toBe(false); // x − x = +0
    expect(a.add(a.point('-0'), a.point('-0')).near.isNeg()).toBe(true); // −0 + −0 = −0
    expect(a.div(a.point(1), a.sub(a.point(1), a.point(1))).near.toString()).toBe('Infinity'); // 1 / (+0)
    expect(a.div(z, z).near.isNaN()).toBe(true);
    expect(a.mul(a.point(Infinity), z).near.isNaN()).toBe(true);
    expect(a.sqrt(a.point(-1)).near.isNaN()).toBe(true);
    expect(a.max(a.point(NaN), a.point(1)).near.isNaN()).toBe(true);
    expect(() => a.div(a.point(1), { lo: new Decimal(-1), hi: new Decimal(1), near: new Decimal(0) })).toThrow(Undecided);
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
    expect(Object.is(certifiedFloat32(IntervalArithmetic.at(40).sub(IntervalArithmetic.at(40).point(2), IntervalArithmetic.at(40).point(2))), 0)).toBe(true);
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
    expect(() => certify((a) => ({ x: a.div(a.point(1), { lo: a.point(-1).lo, hi: a.point(1).hi, near: a.point(0).near }) }))).toThrow(CertificationError);
  });
});
