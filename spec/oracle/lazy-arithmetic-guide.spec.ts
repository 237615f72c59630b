import { describe, expect, it } from 'vitest';
import type { Arithmetic } from '../../oracle/enclosure.js';
import { Float64Enclosures } from '../../oracle/float64.js';
import { force, LazyArithmetic } from '../../oracle/lazy-arithmetic.js';
import { RationalArithmetic } from '../../oracle/rational.js';
import { RationalWithFloat64 } from '../../oracle/rational-with-float64.js';

// The lazy arithmetic with a binary64 guide (./lazy-arithmetic.spec.ts has it without): a test the
// guide's enclosure decides computes nothing exactly; one it cannot decide is taken by the exact value.

/** The rational arithmetic, counting the operations it is asked for. */
function counting(): { arithmetic: Arithmetic; calls: Record<string, number> } {
  const calls: Record<string, number> = {};
  const arithmetic = new Proxy(RationalArithmetic.instance, {
    get(target, key, receiver) {
      const f = Reflect.get(target, key, receiver) as unknown;
      if (typeof f !== 'function') return f;
      return (...args: unknown[]) => {
        calls[String(key)] = (calls[String(key)] ?? 0) + 1;
        return (f as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return { arithmetic, calls };
}

const F = Float64Enclosures.instance;

/** Σ x_i² over float32 values x_i = (i − 500) / 8, the shape of LAMB's norms. */
function sumOfSquares(a: Arithmetic, n: number) {
  let sum = a.point(0);
  for (let i = 0; i < n; i++) sum = a.add(sum, a.square(a.fromFloat32((i - 500) / 8)));
  return sum;
}

describe('the lazy arithmetic with a binary64 guide', () => {
  it('answers a test the guide decides without computing anything exactly', () => {
    const { arithmetic, calls } = counting();
    const a = new LazyArithmetic(arithmetic, F);
    const norm = a.sqrt(sumOfSquares(a, 1000));
    expect(a.isZero(norm)).toBe(false);
    expect(a.isNegative(norm)).toBe(false);
    expect(a.isNegative(a.neg(norm))).toBe(true);
    expect(a.isZero(a.sub(a.fromFloat32(3), a.fromFloat32(3)))).toBe(true);
    expect(a.isNegative(a.mul(a.point(0), a.fromFloat32(-3)))).toBe(true);
    expect(calls).toEqual({});
  });

  it('gives the answers the exact value gives, where the guide decides', () => {
    // The exact stage's arithmetic, which signs an exact zero as binary64 does.
    const guided = new LazyArithmetic(RationalWithFloat64.instance, F);
    const exact = new LazyArithmetic(RationalWithFloat64.instance);
    const tests = (a: LazyArithmetic, total: string) => {
      const x = a.sub(sumOfSquares(a, 20), a.point(total));
      return [a.isZero(x), a.isNegative(x), a.isZero(a.square(x)), a.isNegative(a.neg(a.square(x)))];
    };
    for (const total of ['75194.84375', '75194.8', '75195', '-1'])
      expect(tests(guided, total), total).toEqual(tests(exact, total));
    expect(tests(guided, '75194.84375')).toEqual([true, false, true, true]);
    expect(tests(guided, '75195')).toEqual([false, true, false, true]);
  });

  it('forces the operand where the guide cannot tell, and takes the exact answer', () => {
    const { arithmetic, calls } = counting();
    const a = new LazyArithmetic(arithmetic, F);
    // 0.1 is no double: binary64 encloses 0.1 − 0.1 in an interval around 0, which decides no test.
    const zero = a.sub(a.point('0.1'), a.point('0.1'));
    expect(a.isZero(zero)).toBe(true);
    expect(calls['sub']).toBe(1);
    // 0.1 − 0.2 it decides: nothing more is computed exactly.
    expect(a.isNegative(a.sub(a.point('0.1'), a.point('0.2')))).toBe(true);
    expect(calls['sub']).toBe(1);
  });

  it('forces a value below an operation the guide could not enclose, or the guide has no formula for', () => {
    const { arithmetic, calls } = counting();
    const a = new LazyArithmetic(arithmetic, F);
    // √ of binary64's interval around 0 holds √ of negatives: binary64 leaves it undecided.
    const root = a.sqrt(a.sub(a.point('0.1'), a.point('0.1')));
    expect(a.isZero(a.add(root, a.fromFloat32(1)))).toBe(false);
    expect(calls['sqrt']).toBe(1);
    let later = 0;
    const own = a.later(() => {
      later++;
      return arithmetic.point(-2);
    });
    expect(a.isNegative(a.mul(own, a.fromFloat32(2)))).toBe(true);
    expect(later).toBe(1);
  });

  it('without a guide, forces every tested operand (as before)', () => {
    const { arithmetic, calls } = counting();
    const a = new LazyArithmetic(arithmetic);
    expect(a.isZero(a.sub(a.fromFloat32(3), a.fromFloat32(2)))).toBe(false);
    expect(calls['sub']).toBe(1);
    expect(force(a.point(1))).toEqual({ num: 1n, den: 1n });
  });
});
