/**
 * Named cases for the ladder of {@link certify}: which outputs it carries past 1280 digits, which it
 * gives up on, and what it says when it does. Each `compute` here is chosen so that the precision at
 * which an output becomes decidable is known in advance.
 */
import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { certifiedFloat32, certify, CertificationError, MAX_PRECISION, PRECISIONS } from '../../oracle/certify.js';
import { type IntervalArithmetic, Undecided, type Interval } from '../../oracle/interval.js';

const Exact = Decimal.clone({ precision: 100 });
const cap = PRECISIONS.at(-1)!;
const midpoint = new Exact(2).pow(-24).plus(1); // between 1 and 1 + 2^−23

/**
 * ((1 + 10^−k) − 1) · 10^k, exactly 1. Below k + 1 digits the sum rounds, and the cancellation leaves
 * [0, 10^(k+1−p)]: an interval from 0 to far past the float32 range, neither decided nor nearly decided.
 * From k + 1 digits on every operation is exact.
 */
const exactOnlyFrom =
  (k: number) =>
  (a: IntervalArithmetic): { x: Interval } => ({
    x: a.mul(a.sub(a.add(a.point(1), a.point(`1e-${k}`)), a.point(1)), a.point(`1e${k}`)),
  });

/** The same interval at every precision: from 1 to 2, across every float32 in between. */
const oneToTwo = (): Interval => ({ lo: new Decimal(1), hi: new Decimal(2), near: new Decimal(1.5) });

/** 10^−6000 above a midpoint: nearly decided at every precision tried, certified at none. */
const nearlyAtEvery = (a: IntervalArithmetic): Interval => a.add(a.point(midpoint), a.point('1e-6000'));

describe('certify: how far the ladder climbs', () => {
  it('climbs to every precision up to 1280 digits for an output that is far from decided below it', () => {
    expect(certify(exactOnlyFrom(120))).toEqual({ values: { x: 1 }, precision: 160, uncertified: [] });
    expect(certify(exactOnlyFrom(1000))).toEqual({ values: { x: 1 }, precision: cap, uncertified: [] });
  });

  it('goes past 1280 digits only for outputs that 1280 left nearly decided', () => {
    // exactly 1 from 2001 digits on, but at 1280 its interval runs from 0 to past 2^128
    expect(() => certify(exactOnlyFrom(2000))).toThrow(CertificationError);
  });

  it('gives up when one output is far from decided, even though another is nearly decided', () => {
    expect(() => certify((a) => ({ x: nearlyAtEvery(a), y: oneToTwo() }))).toThrow(CertificationError);
    expect(() => certify((a) => ({ y: oneToTwo(), x: nearlyAtEvery(a) }))).toThrow(CertificationError);
  });

  it('does not count a straddle of the overflow threshold as nearly decided (∞ is no neighbour)', () => {
    // (2 − 2^−24) · 2^127 rounds half-way between the largest float32 and ∞
    const threshold = new Exact(2).minus(new Exact(2).pow(-24)).times(new Exact(2).pow(127));
    const straddle = { lo: threshold.minus(1), hi: threshold.plus(1), near: threshold };
    expect(() => certify(() => ({ x: straddle }))).toThrow(CertificationError);
    const negative = { lo: threshold.neg().minus(1), hi: threshold.neg().plus(1), near: threshold.neg() };
    expect(() => certify(() => ({ x: negative }))).toThrow(CertificationError);
  });

  it('carries a zero of undecided sign to the last precision and reports both zeros as candidates', () => {
    // 1/3 − 1/3 is exactly 0, but interval arithmetic never sees the two thirds are one number
    const r = certify((a) => {
      const third = a.div(a.point(1), a.point(3));
      return { x: a.sub(third, third), y: a.point(2) };
    });
    expect(r.precision).toBe(MAX_PRECISION);
    expect(r.values.y).toBe(2);
    expect(r.values.x).toBe(0);
    expect(r.uncertified).toHaveLength(1);
    const [zero] = r.uncertified;
    expect(zero?.output).toBe('x');
    expect(Object.is(zero?.below, -0) && Object.is(zero?.above, 0)).toBe(true);
  });
});

describe('certify: the two candidates of an uncertified output near zero', () => {
  const candidates = (lo: Decimal, hi: Decimal) => {
    const [only] = certify(() => ({ x: { lo, hi, near: lo } })).uncertified;
    return [only?.below, only?.above];
  };
  const expectSame = (got: (number | undefined)[], expected: number[]) =>
    expect(
      got.every((v, i) => Object.is(v, expected[i])),
      `${got.join(', ')}`,
    ).toBe(true);

  it('gives −0 and +0 for an interval from 0 up, though its lower end rounds to +0', () => {
    expectSame(candidates(new Exact(0), new Exact('1e-60')), [-0, 0]);
  });

  it('gives −2^−149 and −0 for an interval across −2^−150, the boundary between them', () => {
    const boundary = new Exact(2).pow(-150).neg();
    expectSame(candidates(boundary.minus('1e-80'), boundary.plus('1e-80')), [-(2 ** -149), -0]);
  });
});

describe('certify: operations that no precision decides', () => {
  const undecidedAt =
    (precisions: readonly number[]) =>
    (a: IntervalArithmetic): { x: Interval } => {
      if (precisions.includes(a.precision)) throw new Undecided(`an operation at ${a.precision} digits`);
      return { x: nearlyAtEvery(a) };
    };

  it('keeps the 1280-digit result when an operation is undecided at 2560', () => {
    const r = certify(undecidedAt([MAX_PRECISION]));
    expect(r.precision).toBe(cap);
    expect(r.uncertified).toEqual([{ output: 'x', below: 1, above: 1 + 2 ** -23 }]);
  });

  it('forgets what lower precisions found when an operation is undecided at a higher one up to 1280', () => {
    expect(() => certify(undecidedAt([cap]))).toThrow(CertificationError);
    expect(() => certify(undecidedAt([PRECISIONS[1]!, cap, MAX_PRECISION]))).toThrow(CertificationError);
  });

  it('passes any other error through at once', () => {
    let calls = 0;
    const misuse = new RangeError('a misuse');
    expect(() =>
      certify(() => {
        calls++;
        throw misuse;
      }),
    ).toThrow(misuse);
    expect(calls).toBe(1);
  });

  it('says in its error what it tried and why it stopped', () => {
    const failure = (compute: () => { y: Interval }) => {
      try {
        certify(compute);
      } catch (e) {
        return e;
      }
      throw new Error('certify returned');
    };
    const wide = failure(() => ({ y: oneToTwo() }));
    expect(wide).toBeInstanceOf(CertificationError);
    expect((wide as Error).name).toBe('CertificationError');
    expect((wide as Error).message).toBe(
      `could not certify the binary32 rounding at up to ${MAX_PRECISION} digits: output y lies within [1, 2], across a rounding boundary`,
    );
    const undecided = failure(() => {
      throw new Undecided('whether 7 is 7');
    });
    expect((undecided as CertificationError).lastReason).toContain('whether 7 is 7');
  });
});

describe('certifiedFloat32 of a malformed interval', () => {
  it('decides nothing when only one end is NaN', () => {
    const nan = new Decimal(NaN);
    expect(certifiedFloat32({ lo: nan, hi: new Decimal(1), near: new Decimal(1) })).toBeUndefined();
    expect(certifiedFloat32({ lo: new Decimal(1), hi: nan, near: new Decimal(1) })).toBeUndefined();
    expect(certifiedFloat32({ lo: nan, hi: nan, near: nan })).toBeNaN();
  });
});
