import { describe, expect, it } from 'vitest';
import type { Arithmetic } from '../../oracle/enclosure.js';
import { force, LazyArithmetic } from '../../oracle/lazy-arithmetic.js';
import { RationalArithmetic, type Rational } from '../../oracle/rational.js';

/** The rational arithmetic, counting the operations it is asked for. */
function counting(): { arithmetic: Arithmetic; calls: Record<string, number> } {
  const calls: Record<string, number> = {};
  const q = RationalArithmetic.instance;
  const arithmetic = new Proxy(q, {
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

const valueOf = (x: unknown) => {
  const r = x as Rational;
  return Number(r.num) / Number(r.den);
};

describe('the lazy arithmetic', () => {
  it('computes an output only when forced, and only the operations it needs', () => {
    const { arithmetic, calls } = counting();
    const a = new LazyArithmetic(arithmetic);
    const m = a.add(a.mul(a.point('0.9'), a.fromFloat32(3)), a.mul(a.point('0.1'), a.fromFloat32(1)));
    const v = a.sqrt(a.add(a.square(a.fromFloat32(2)), a.point('0.5')));
    expect(calls).toEqual({});
    expect(valueOf(force(m))).toBeCloseTo(2.8, 15);
    expect(calls).toEqual({ point: 2, fromFloat32: 2, mul: 2, add: 1 });
    expect(calls['sqrt']).toBeUndefined();
    force(v);
    expect(calls['sqrt']).toBe(1);
  });

  it('computes a value shared by two outputs once', () => {
    const { arithmetic, calls } = counting();
    const a = new LazyArithmetic(arithmetic);
    const shared = a.mul(a.point(3), a.point(5));
    force(a.add(shared, a.point(1)));
    force(a.sub(shared, a.point(1)));
    expect(calls['mul']).toBe(1);
  });

  it("takes a formula's branch at once, as the wrapped arithmetic takes it", () => {
    const { arithmetic, calls } = counting();
    const a = new LazyArithmetic(arithmetic);
    expect(a.isZero(a.sub(a.point('0.1'), a.point('0.1')))).toBe(true);
    expect(a.isNegative(a.sub(a.point(1), a.point(2)))).toBe(true);
    expect(calls['sub']).toBe(2);
  });

  it('forces a chain as long as a large tensor without exhausting the stack', () => {
    const a = new LazyArithmetic(RationalArithmetic.instance);
    let sum = a.point(0);
    for (let i = 0; i < 200_000; i++) sum = a.add(sum, a.point(1));
    expect(valueOf(force(sum))).toBe(200_000);
  });
});
