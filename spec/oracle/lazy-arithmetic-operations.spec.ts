import { describe, expect, it } from 'vitest';
import { force, LazyArithmetic } from '../../oracle/lazy-arithmetic.js';
import { IntervalArithmetic, type Interval } from '../../oracle/interval.js';

// Every operation of the lazy arithmetic, forced, against the wrapped arithmetic's own result (the
// decimal stage at 30 digits), and a node computed once however often it is forced or shared
// (./lazy-arithmetic.spec.ts checks which operations a forced output needs).

const D = IntervalArithmetic.at(30);
const ends = (x: unknown) => {
  const i = x as Interval;
  return [i.lo.toString(), i.hi.toString(), i.near.toString()];
};

describe('the lazy arithmetic, operation by operation', () => {
  const L = new LazyArithmetic(D);
  const [a, b] = ['0.3', '-2.5'];

  it('gives, forced, what the wrapped arithmetic gives', () => {
    for (const op of ['add', 'sub', 'mul', 'div', 'max'] as const)
      expect(ends(force(L[op](L.point(a), L.point(b)))), op).toEqual(ends(D[op](D.point(a), D.point(b))));
    expect(ends(force(L.powReal(L.point(a), L.point(b))))).toEqual(ends(D.powReal(D.point(a), D.point(b))));
    for (const op of ['neg', 'abs', 'square'] as const)
      expect(ends(force(L[op](L.point(b)))), op).toEqual(ends(D[op](D.point(b))));
    expect(ends(force(L.sqrt(L.point(a))))).toEqual(ends(D.sqrt(D.point(a))));
    expect(ends(force(L.powInt(L.point(a), 3)))).toEqual(ends(D.powInt(D.point(a), 3)));
    expect(ends(force(L.fromFloat32(0.75)))).toEqual(ends(D.fromFloat32(0.75)));
    expect(L.isNegative(L.point(b))).toBe(true);
    expect(L.isZero(L.sub(L.point(a), L.point(a)))).toBe(true);
  });

  it('computes a node once, however often it is forced and however many nodes use it', () => {
    let calls = 0;
    const x = L.later(() => {
      calls++;
      return D.point(a);
    });
    const sum = L.add(x, x);
    const product = L.mul(sum, x);
    expect(ends(force(product))).toEqual(ends(D.point('0.18')));
    force(x);
    force(sum);
    expect(calls).toBe(1);
  });
});
