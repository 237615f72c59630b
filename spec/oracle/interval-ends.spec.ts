import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import {
  isExactZero,
  isNaNInterval,
  strictSign,
  Undecided,
  unsignedAround0,
  type Interval,
} from '../../oracle/interval-ends.js';

/** The interval [lo, hi] with `near` (lo when not given). */
const interval = (lo: Decimal.Value, hi: Decimal.Value, near: Decimal.Value = lo): Interval => ({
  lo: new Decimal(lo),
  hi: new Decimal(hi),
  near: new Decimal(near),
});

describe('the ends of a decimal interval', () => {
  it('is NaN when any of its three parts is (∞ − ∞ at one end leaves the others numbers)', () => {
    expect(isNaNInterval(interval(1, 2))).toBe(false);
    expect(isNaNInterval(interval(NaN, 2, 1))).toBe(true);
    expect(isNaNInterval(interval(1, NaN, 1))).toBe(true);
    expect(isNaNInterval(interval(1, 2, NaN))).toBe(true);
    expect(isNaNInterval(interval(-Infinity, Infinity, 0))).toBe(false);
  });

  it('has a strict sign only inside (0, ∞) or (−∞, 0): an infinite or zero end leaves it open', () => {
    expect(strictSign(interval('1e-9000', 2))).toBe(1);
    expect(strictSign(interval(-2, '-1e-9000'))).toBe(-1);
    for (const [lo, hi] of [
      [0, 1],
      [-1, 0],
      [-1, 1],
      [1, Infinity],
      [-Infinity, -1],
      ['-0', '-0'],
      [Infinity, Infinity],
    ] as const)
      expect(strictSign(interval(lo, hi)), `[${lo}, ${hi}]`).toBe(0);
  });

  it('is the exact zero only as the point ±0, and unsigned around 0 only when it is not a point', () => {
    expect(isExactZero(interval(0, 0))).toBe(true);
    expect(isExactZero(interval('-0', '-0'))).toBe(true);
    expect(isExactZero(interval(0, '1e-9000'))).toBe(false);
    expect(isExactZero(interval('-1e-9000', 0))).toBe(false);
    expect(unsignedAround0(interval(-1, 1))).toBe(true);
    expect(unsignedAround0(interval(0, 1))).toBe(true);
    expect(unsignedAround0(interval(-1, 0))).toBe(true);
    expect(unsignedAround0(interval(0, 0))).toBe(false);
    expect(unsignedAround0(interval('1e-9000', 1))).toBe(false);
    expect(unsignedAround0(interval(-1, '-1e-9000'))).toBe(false);
  });

  it('refuses an operation the precision cannot decide with an error of its own type, saying what', () => {
    const e = new Undecided('the sign of a − b');
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe('Undecided');
    expect(e.message).toBe('undecided at this precision: the sign of a − b');
  });
});
