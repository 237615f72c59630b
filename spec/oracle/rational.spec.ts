import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IntervalArithmetic, Undecided, type Interval } from '../../oracle/interval.js';
import { NOT_RATIONAL, RationalArithmetic, roundRationalToFloat32, type Rational } from '../../oracle/rational.js';
import { seedFromEnv } from '../../src/gate/seed.js';

const q = RationalArithmetic.instance;
const D = Decimal.clone({ precision: 60 });

/** The value of a rational or a surd sgn(num) √(|num| / den), to 60 digits, computed by decimal.js. */
function valueOf(r: Rational): Decimal {
  const ratio = new D(r.num.toString()).abs().div(r.den.toString());
  const magnitude = r.root === true ? ratio.sqrt() : ratio;
  return r.num < 0n ? magnitude.neg() : magnitude;
}

const close = (x: Decimal, y: Decimal) => x.minus(y).abs().lte(y.abs().times('1e-55'));
const positive = fc.tuple(fc.integer({ min: 1, max: 10_000 }), fc.integer({ min: 1, max: 10_000 }));
const rationalOf = ([n, d]: [number, number]): Rational => ({ num: BigInt(n), den: BigInt(d) });

describe('quadratic surds in the rational stage', () => {
  it('√ of a non-square is a surd; of a square, the rational root', () => {
    expect(q.sqrt(q.point('2'))).toEqual({ num: 2n, den: 1n, root: true });
    const root = q.sqrt(q.point('2.25'));
    expect(root.root).toBeUndefined();
    expect(valueOf(root).toString()).toBe('1.5');
    expect(q.sqrt(q.point('0'))).toEqual({ num: 0n, den: 1n });
  });

  it('products, quotients and squares of surds are exact, and become rationals when they are', () => {
    const r2 = q.sqrt(q.point(2));
    const r8 = q.sqrt(q.point(8));
    expect(q.mul(r2, r8)).toEqual({ num: 4n, den: 1n });
    expect(valueOf(q.div(r2, r8)).toString()).toBe('0.5');
    expect(q.square(q.mul(r2, q.point(3)))).toEqual({ num: 18n, den: 1n });
    expect(valueOf(q.mul(q.neg(r2), r2)).toString()).toBe('-2');
    expect(q.isNegative(q.neg(r2))).toBe(true);
    expect(q.isZero(r2)).toBe(false);
    expect(q.mul(r2, q.point(0))).toEqual({ num: 0n, den: 1n });
  });

  it('a sum with a surd leaves the rationals unless the other term is zero; √ and max of a surd too', () => {
    const r2 = q.sqrt(q.point(2));
    expect(q.add(r2, q.point(1))).toBe(NOT_RATIONAL);
    expect(q.add(r2, q.point(0))).toBe(r2);
    expect(q.sqrt(r2)).toBe(NOT_RATIONAL);
    expect(q.max(r2, q.point(1))).toBe(NOT_RATIONAL);
    expect(q.div(r2, q.point(0))).toBe(NOT_RATIONAL);
  });

  it('takes roots of numbers past the double range (2^1500 and more) exactly', () => {
    const big = 3n ** 700n;
    const root = q.sqrt({ num: big * big, den: 1n });
    expect(root.root).toBeUndefined();
    expect(root.num * root.den === big * root.den * root.den || root.num === big * root.den).toBe(true);
    const surd = q.sqrt({ num: big * big * 2n, den: 1n });
    expect(surd.root).toBe(true);
    expect(q.square(surd)).toEqual({ num: big * big * 2n, den: 1n });
  });

  it('a surd is never rounded as if it were a rational', () => {
    expect(roundRationalToFloat32(q.sqrt(q.point(2)))).toBeUndefined();
  });

  it('(√a · b) / √c has the value decimal.js computes, and its square is the rational a b² / c', () => {
    fc.assert(
      fc.property(positive, positive, positive, fc.boolean(), (a, b, c, negative) => {
        const x = q.sqrt(rationalOf(a));
        const y = negative ? q.neg(rationalOf(b)) : rationalOf(b);
        const z = q.sqrt(rationalOf(c));
        const r = q.div(q.mul(x, y), z);
        const expected = new D(a[0])
          .div(a[1])
          .sqrt()
          .times(new D(b[0]).div(b[1]))
          .div(new D(c[0]).div(c[1]).sqrt())
          .times(negative ? -1 : 1);
        expect(close(valueOf(r), expected)).toBe(true);
        const square = q.square(r);
        expect(square.root).toBeUndefined();
        expect(close(valueOf(square), expected.times(expected))).toBe(true);
      }),
      { seed: seedFromEnv(), numRuns: 300 },
    );
  });
});

/** An expression over ±0, a few float32 values and decimals that are not dyadic, with its exact cancellations. */
type Expr =
  | { leaf: string }
  | { op: 'add' | 'sub' | 'mul' | 'div' | 'max'; x: Expr; y: Expr }
  | { op: 'neg' | 'abs' | 'sqrt' | 'square'; x: Expr };

const { expr } = fc.letrec<{ expr: Expr }>((tie) => ({
  expr: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.record({ leaf: fc.constantFrom('0', '-0', '3', '-3', '0.1', '-0.1', '0.9', '1.5e-45') }),
    fc.record({ op: fc.constantFrom('add', 'sub', 'mul', 'div', 'max'), x: tie('expr'), y: tie('expr') }),
    fc.record({ op: fc.constantFrom('neg', 'abs', 'sqrt', 'square'), x: tie('expr') }),
  ),
}));

/** The expression in either arithmetic (both share the operation names). */
function evaluate<T>(a: { point(v: string): T } & Record<string, (...args: T[]) => T>, e: Expr): T {
  if ('leaf' in e) return a.point(e.leaf);
  const f = a[e.op] as (...args: T[]) => T;
  return 'y' in e ? f.call(a, evaluate(a, e.x), evaluate(a, e.y)) : f.call(a, evaluate(a, e.x));
}

/** The decimal stage's value of e at the first of 40 and 400 digits that decides its operations (400 are exact here). */
function decimalValue(e: Expr): Interval | undefined {
  for (const digits of [40, 400]) {
    try {
      return evaluate(IntervalArithmetic.at(digits) as never, e) as Interval;
    } catch (error) {
      if (!(error instanceof Undecided)) throw error;
    }
  }
  return undefined;
}

describe('signed zeros in the rational stage', () => {
  it('gives an exact zero the sign the decimal stage gives it (round-to-nearest on the exact values)', () => {
    let zeros = 0;
    fc.assert(
      fc.property(expr, (e) => {
        const r = evaluate(q as never, e) as Rational;
        if (r.den === 0n || r.root === true || r.num !== 0n) return;
        const exact = decimalValue(e);
        expect(exact, JSON.stringify(e)).toBeDefined();
        if (exact === undefined) return;
        expect(exact.lo.isZero() && exact.hi.isZero(), JSON.stringify(e)).toBe(true);
        expect(r.negativeZero === true, JSON.stringify(e)).toBe(exact.near.isNeg());
        zeros++;
      }),
      { seed: seedFromEnv(), numRuns: 2000 },
    );
    expect(zeros).toBeGreaterThan(100);
  });

  it('follows IEEE 754: x − x = +0, −0 + −0 = −0, −0 · 3 = −0, 0 / −3 = −0, √−0 = −0, |−0| = +0', () => {
    const minusZero = q.fromFloat32(-0);
    const three = q.point(3);
    expect(q.sub(three, three).negativeZero).toBeUndefined();
    expect(q.add(minusZero, minusZero).negativeZero).toBe(true);
    expect(q.add(minusZero, q.point(0)).negativeZero).toBeUndefined();
    expect(q.mul(minusZero, three).negativeZero).toBe(true);
    expect(q.div(q.point(0), q.neg(three)).negativeZero).toBe(true);
    expect(q.sqrt(minusZero).negativeZero).toBe(true);
    expect(q.abs(minusZero).negativeZero).toBeUndefined();
    expect(q.neg(q.point(0)).negativeZero).toBe(true);
    expect(q.point('-0').negativeZero).toBe(true);
  });
});
