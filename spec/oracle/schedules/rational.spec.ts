/**
 * oracle/schedules/rational.ts, the schedules' exact rationals, against BigInt arithmetic done by hand
 * and decimal.js: lowest terms with a positive denominator whatever the signs given, decimal text and
 * safe integers read exactly, the order, the floor of negatives, and the enclosure (a point when the
 * quotient fits the precision).
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { IntervalArithmetic } from '../../../oracle/interval.js';
import {
  add,
  cmp,
  div,
  enclose,
  floor,
  isZero,
  min,
  mul,
  ratio,
  rational,
  sub,
} from '../../../oracle/schedules/rational.js';
import { D } from '../closed-forms.js';

const big = fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n });
const nonzero = big.filter((d) => d !== 0n);
/** The rational's value in D, exactly when it terminates, else at 1,000 digits. */
const value = (q: { num: bigint; den: bigint }) => new D(q.num.toString()).div(q.den.toString());
const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? (a < 0n ? -a : a) : gcd(b, a % b));

describe('the rationals', () => {
  test.prop([big, nonzero])('ratio: lowest terms, denominator > 0, the same value', (n, d) => {
    const q = ratio(n, d);
    expect(q.den > 0n).toBe(true);
    expect(gcd(q.num, q.den)).toBe(n === 0n ? q.den : 1n);
    expect(q.num * d).toBe(n * q.den);
  });

  it('ratio: 0 over anything is 0/1; signs move to the numerator', () => {
    expect(ratio(0n, -5n)).toEqual({ num: 0n, den: 1n });
    expect(ratio(3n, -6n)).toEqual({ num: -1n, den: 2n });
    expect(ratio(-3n, -6n)).toEqual({ num: 1n, den: 2n });
    expect(() => ratio(1n, 0n)).toThrow(new RangeError('a rational with denominator 0'));
  });

  it.each([
    ['0.001', 1n, 1000n],
    ['1e-3', 1n, 1000n],
    ['-2.50', -5n, 2n],
    ['-0.75', -3n, 4n],
    ['12', 12n, 1n],
    ['-7', -7n, 1n],
  ] as const)('rational(%s) = %d/%d', (text, num, den) => expect(rational(text)).toEqual({ num, den }));

  it('rational of a number: safe integers only', () => {
    expect(rational(-42)).toEqual({ num: -42n, den: 1n });
    expect(() => rational(0.5)).toThrow(new RangeError('0.5 is not a safe integer'));
    expect(() => rational(2 ** 53)).toThrow(RangeError);
  });

  test.prop([big, nonzero, big, nonzero])('+, −, ·, / and the order, as BigInt cross-multiplication', (a, b, c, d) => {
    const [x, y] = [ratio(a, b), ratio(c, d)];
    const same = (q: { num: bigint; den: bigint }, num: bigint, den: bigint) => expect(q.num * den).toBe(num * q.den);
    same(add(x, y), a * d + c * b, b * d);
    same(sub(x, y), a * d - c * b, b * d);
    same(mul(x, y), a * c, b * d);
    if (c !== 0n) same(div(x, y), a * d, b * c);
    const order = Math.sign(value(x).cmp(value(y)));
    expect(cmp(x, y)).toBe(order);
    expect(min(x, y)).toEqual(order <= 0 ? x : y);
    expect(isZero(x)).toBe(a === 0n);
    expect(floor(x)).toBe(BigInt(value(x).floor().toFixed()));
  });

  it('min keeps the first of two equal rationals; floor of negatives goes down', () => {
    const [p, q] = [ratio(1n, 2n), ratio(2n, 4n)];
    expect(min(p, q)).toBe(p);
    expect([floor(ratio(-1n, 2n)), floor(ratio(-4n, 2n)), floor(ratio(7n, 2n))]).toEqual([-1n, -2n, 3n]);
  });

  it('encloses num/den: a point when it terminates within the precision, else a narrow interval', () => {
    const a = IntervalArithmetic.at(30);
    const half = enclose(a, ratio(1n, 2n));
    expect([half.lo.toString(), half.hi.toString()]).toEqual(['0.5', '0.5']);
    const third = enclose(a, ratio(1n, 3n));
    expect(third.lo.lt(third.hi) && third.lo.lte(new D(1).div(3)) && third.hi.gte(new D(1).div(3))).toBe(true);
  });
});
