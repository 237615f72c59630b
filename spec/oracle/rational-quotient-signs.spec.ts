/**
 * oracle/rational-quotient.ts's quotientByPair on pairs built by hand, one branch of its sign at a
 * time: ρ = (r1 − q r2) / (q2 + r2) takes the numerator's sign times the divisor's, the numerator's
 * being either term's where the other is 0 and theirs where they agree; a divisor whose whole reaches
 * 0 or is unknown leaves the rationals. Each expected sign is worked out from the pair's exact value.
 */
import { describe, expect, it } from 'vitest';
import type { F64 } from '../../oracle/float64.js';
import { quotientByPair } from '../../oracle/rational-quotient.js';
import { NO_REST, ZERO, type RationalPair } from '../../oracle/rational-pair.js';
import { RationalWithFloat64 } from '../../oracle/rational-with-float64.js';
import { NOT_RATIONAL, type Rational } from '../../oracle/rational.js';

const ONE: Rational = { num: 1n, den: 1n };
const MINUS_ONE: Rational = { num: -1n, den: 1n };
const small = (k: number): F64 => ({ lo: 2 ** -k, hi: 2 ** (1 - k) });
const negated = (r: F64): F64 => ({ lo: -r.hi, hi: -r.lo });
/** exact + rest, its whole the double interval q + rest rounded outward by a wide margin. */
const pair = (exact: Rational, rest: F64, restSign?: 1 | -1): RationalPair => {
  const q = Number(exact.num) / Number(exact.den);
  const whole = { lo: q + rest.lo - 2 ** -50, hi: q + rest.hi + 2 ** -50 };
  return restSign === undefined ? { exact, rest, whole } : { exact, rest, whole, restSign };
};
/** q with no remainder. */
const exactly = (q: Rational): RationalPair => {
  const v = Number(q.num) / Number(q.den);
  return { exact: q, rest: NO_REST, whole: { lo: v, hi: v } };
};
/** The whole the caller passes along: a mark, since quotientByPair only hands it on. */
const W: F64 = { lo: 0.25, hi: 4 };

describe('the sign of (r1 − q r2) / (q2 + r2)', () => {
  it.each([
    // 1 + ρ1 over 1 − δ: q = 1, r1 > 0 and −q r2 > 0 agree; over a positive divisor, above.
    ['(1 + ρ1) / (1 − δ)', pair(ONE, small(70), 1), pair(ONE, negated(small(80)), -1), ONE, 1],
    // 0 + ρ1 over 1 − δ: q = 0, so −q r2 = 0 and r1 > 0 decides.
    ['(0 + ρ1) / (1 − δ)', pair(ZERO, small(80), 1), pair(ONE, negated(small(60)), -1), ZERO, 1],
    // 0 + ρ1 over −1 + δ: a positive numerator over a negative divisor, below.
    ['(0 + ρ1) / (−1 + δ)', pair(ZERO, small(80), 1), pair(MINUS_ONE, small(60), 1), ZERO, -1],
    // 1 − ρ1 over 1 + δ: r1 < 0 and −q r2 < 0 agree; below.
    ['(1 − ρ1) / (1 + δ)', pair(ONE, negated(small(70)), -1), pair(ONE, small(80), 1), ONE, -1],
    // 1 over 1 − δ: r1 = 0, and −q r2 > 0 decides; above.
    ['1 / (1 − δ)', exactly(ONE), pair(ONE, negated(small(60)), -1), ONE, 1],
    // −1 over 1 − δ: r1 = 0, and −q r2 < 0 decides; below.
    ['−1 / (1 − δ)', exactly(MINUS_ONE), pair(ONE, negated(small(60)), -1), MINUS_ONE, -1],
    // 1 + ρ1 over 1 + δ: r1 > 0 and −q r2 < 0 pull apart; no sign.
    ['(1 + ρ1) / (1 + δ)', pair(ONE, small(70), 1), pair(ONE, small(80), 1), ONE, undefined],
    // 1 over 1 + r2 of no known sign: no sign.
    ['1 / (1 ± δ)', exactly(ONE), pair(ONE, { lo: -(2 ** -60), hi: 2 ** -60 }), ONE, undefined],
  ] as const)('%s', (_, x, y, q, sign) => {
    const r = quotientByPair(x, y, q, W);
    expect(r.exact).toEqual(q);
    expect(r.whole).toBe(W);
    expect(r.restSign).toBe(sign);
    const rest = r.rest!;
    if (sign === 1) expect(rest.lo).toBeGreaterThanOrEqual(0);
    if (sign === -1) expect(rest.hi).toBeLessThanOrEqual(0);
    expect(Math.max(Math.abs(rest.lo), Math.abs(rest.hi))).toBeLessThan(2 ** -58);
    expect(rest.hi).toBeGreaterThan(rest.lo);
  });

  it('0 over 1 − δ is 0 with no remainder at all', () => {
    const r = quotientByPair(exactly(ZERO), pair(ONE, negated(small(60)), -1), ZERO, W);
    expect(r.exact).toEqual(ZERO);
    expect(r.rest).toBe(NO_REST);
    expect(r.restSign).toBeUndefined();
  });

  it('a sign with no enclosure of the numerator leaves the remainder unsigned: 0.9^473,274 / (1 − 0.9^473,274)', () => {
    const a = RationalWithFloat64.instance;
    const tiny = a.powInt(a.point('0.9'), 473_274) as RationalPair;
    const belowOne = a.sub(a.point(1), tiny) as RationalPair;
    const r = quotientByPair(tiny, belowOne, ZERO, W);
    // The quotient is positive: whatever the remainder's enclosure, it reaches above 0 and is not called negative.
    expect(r.rest!.hi).toBeGreaterThan(0);
    expect(r.restSign).not.toBe(-1);
  });
});

describe('a divisor that leaves the rationals', () => {
  const x = pair(ONE, { lo: 0.5, hi: 0.5 });
  it.each([
    // 1 + (−1): the whole is the point 0.
    ['whole at 0', { exact: ONE, rest: { lo: -1, hi: -1 }, whole: { lo: 0, hi: 0 } }, ONE],
    ['whole across 0', { exact: ONE, rest: { lo: -2, hi: 0 }, whole: { lo: -1, hi: 1 } }, ONE],
    ['no whole', { exact: ONE, rest: small(60), whole: undefined }, ONE],
    ['a zero exact part', pair(ZERO, small(60), 1), NOT_RATIONAL],
  ] as const)('%s: re-based on the quotient’s whole', (_, y, q) => {
    expect(quotientByPair(x, y, q, W)).toEqual({ exact: ZERO, rest: W, whole: W });
  });
});
