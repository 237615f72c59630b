/**
 * A float64 coefficient as the float32 algorithm sees it (scalarToBounded: rounding adds u|x| + η, size
 * |x| + (err + η)/u) and as an algorithm computing in binary64 uses it (scalarToBoundedIn: its own float64
 * error only), from src/gate/bound/scalar-bound.ts: the bound, the size, the sign flag and which reason
 * puts a coefficient outside the domain (an unbounded error, a nonfinite exact value, the overflow
 * threshold reached).
 */
import { fc, test } from '@fast-check/vitest';
import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { BINARY32, BINARY64 } from '../../../src/gate/bound/bounded.js';
import { scalarBoundArith as S, scalarToBounded, scalarToBoundedIn } from '../../../src/gate/bound/scalar-bound.js';
import { exactDouble } from '../../exact-double.js';

/** 2^−1000 as decimal text, read exactly by float64. */
const H = String(2 ** -1000);
const MAX32 = (2 - 2 ** -23) * 2 ** 127;
/** A quotient by (1 + 10^−17) − 1, which float64 reads as 1 − 1 = 0: the exact 1e17 against ∞. */
const unboundedQuotient = () => S.div(S.integer(1), S.sub(S.hyper('1.00000000000000001'), S.integer(1)));

describe('a coefficient rounded to float32: e = err + u(s + err) + η, s = |x| + (err + η)/u', () => {
  it('an exact zero: 0 with nothing combined, ≥ 0', () => {
    expect(scalarToBounded(S.integer(0))).toEqual({ v: 0, e: 0, s: 0, nonneg: true });
  });

  it('0.5 read from text: s = 0.5 + 2^−54/u, e = 2^−54 + u s + …, ≥ 0', () => {
    // s = 0.5 + 2^−30 (η/u = 2^−126 below its resolution); e = 2^−54 + u(0.5 + 2^−30 + 2^−54) + η
    // = 2^−25 + 2^−53 + 2^−78 (η far below; to 1e−12 relative, float64 dropping 2^−78 + …).
    const b = scalarToBounded(S.hyper('0.5'));
    expect([b.v, b.s, b.nonneg, b.out]).toEqual([0.5, 0.5 + 2 ** -30, true, undefined]);
    expect(Math.abs(b.e - (2 ** -25 + 2 ** -53 + 2 ** -78))).toBeLessThanOrEqual(1e-12 * b.e);
  });

  it('−0.5 is not ≥ 0', () => {
    const b = scalarToBounded(S.hyper('-0.5'));
    expect([b.v, b.nonneg, b.out]).toEqual([-0.5, false, undefined]);
  });

  it('a zero with an error (0.5 − 0.5 within 2^−53): s counts the error in units of u, e adds u(s + err)', () => {
    // err = 2^−53: s = (2^−53 + η)/u = 2^−29; e = 2^−53 + u(2^−29 + 2^−53) + η = 2^−52 + 2^−77 (η below).
    const b = scalarToBounded(S.sub(S.hyper('0.5'), S.hyper('0.5')));
    expect([b.v, b.s, b.e, b.out]).toEqual([0, 2 ** -29, 2 ** -52 + 2 ** -77, undefined]);
  });

  it('2^127 stays inside the domain: s + e = 2^127 + 2^103 is below the threshold', () => {
    expect(scalarToBounded(S.float32(2 ** 127))).toEqual({ v: 2 ** 127, e: 2 ** 103, s: 2 ** 127, nonneg: true });
  });

  it('the largest float32 may reach the overflow threshold once rounded (e = u|x|): outside, overflow', () => {
    // s + e = (2^128 − 2^104)(1 + 2^−24) = 2^128 − 2^80 ≥ (2 − 2^−24) 2^127.
    expect(scalarToBounded(S.float32(MAX32))).toEqual({ v: MAX32, e: Infinity, s: MAX32, out: 'overflow' });
  });

  it('s + e exactly at the overflow threshold is outside the domain', () => {
    // x = 2^128 − 3 · 2^103 + 3 · 2^79, exact: s = x, e = u x = 2^104 − 3 · 2^79 + 3 · 2^55, and s + e =
    // 2^128 − 2^103 + 3 · 2^55 rounds (ulp 2^75) to 2^128 − 2^103, the threshold itself.
    const x = 2 ** 128 - 3 * 2 ** 103 + 3 * 2 ** 79;
    expect(scalarToBounded({ x: new Decimal(x), err: 0 }).out).toBe('overflow');
  });

  it('an unbounded float64 error (a divisor that reads as 0): outside, underflow', () => {
    expect(scalarToBounded(unboundedQuotient())).toEqual({ v: 1e17, e: Infinity, s: Infinity, out: 'underflow' });
  });

  it('an exact ±∞ or NaN with a bounded error is judged by class: nonfinite', () => {
    expect(scalarToBounded(S.float32(-Infinity))).toEqual({ v: -Infinity, e: Infinity, s: Infinity, out: 'nonfinite' });
    expect(scalarToBounded(S.float32(NaN)).out).toBe('nonfinite');
  });
});

describe('a coefficient used as it is in binary64: e = err, s = |x| + (err + 2^−1074)/2^−53', () => {
  it('in binary32 it is rounded to float32 as above', () => {
    const b = scalarToBoundedIn(BINARY32, S.hyper('0.5'));
    expect([b.v, b.s, b.nonneg, b.out]).toEqual([0.5, 0.5 + 2 ** -30, true, undefined]);
    expect(Math.abs(b.e - (2 ** -25 + 2 ** -53 + 2 ** -78))).toBeLessThanOrEqual(1e-12 * b.e);
  });

  it('0.5 read from text: its own error 2^−54 only, s = 0.5 + 2^−54/2^−53', () => {
    expect(scalarToBoundedIn(BINARY64, S.hyper('0.5'))).toEqual({ v: 0.5, e: 2 ** -54, s: 1, nonneg: true });
  });

  it('2^−1000: s counts η = 2^−1074 in units of 2^−53', () => {
    // err = 2^−1053 + 2^−1074; s = 2^−1000 + (2^−1053 + 2^−1073)/2^−53 = 2^−999 + 2^−1020.
    expect(scalarToBoundedIn(BINARY64, S.hyper(H))).toEqual({
      v: 2 ** -1000,
      e: 2 ** -1053 + 2 ** -1074,
      s: 2 ** -999 + 2 ** -1020,
      nonneg: true,
    });
  });

  it('an exact zero: 0 with nothing combined; an exact 3: no error, size 3', () => {
    expect(scalarToBoundedIn(BINARY64, S.integer(0))).toEqual({ v: 0, e: 0, s: 0, nonneg: true });
    // s = 3 + 2^−1074/2^−53 = 3 + 2^−1021, which float64 makes 3.
    expect(scalarToBoundedIn(BINARY64, S.integer(3))).toEqual({ v: 3, e: 0, s: 3, nonneg: true });
  });

  it('a zero with an error (0.5 − 0.5 within 2^−53) is no exact zero: e = 2^−53, s = 2^−53/2^−53', () => {
    const b = scalarToBoundedIn(BINARY64, S.sub(S.hyper('0.5'), S.hyper('0.5')));
    expect([b.v, b.e, b.s, b.out]).toEqual([0, 2 ** -53, 1, undefined]);
  });

  it('−0.5 is not ≥ 0', () => {
    expect(scalarToBoundedIn(BINARY64, S.hyper('-0.5')).nonneg).toBe(false);
  });

  it('an unbounded float64 error: outside, underflow', () => {
    expect(scalarToBoundedIn(BINARY64, unboundedQuotient())).toEqual({
      v: 1e17,
      e: Infinity,
      s: Infinity,
      out: 'underflow',
    });
  });

  it('an exact ±∞ with no error: judged by class, nonfinite', () => {
    expect(scalarToBoundedIn(BINARY64, S.float32(Infinity))).toEqual({
      v: Infinity,
      e: Infinity,
      s: Infinity,
      out: 'nonfinite',
    });
  });

  it('the largest double, exact or read with its error δ|x|: outside, overflow', () => {
    const max = Number.MAX_VALUE;
    // |x| + 0 reaches the largest double itself.
    expect(scalarToBoundedIn(BINARY64, { x: new Decimal(max), err: 0 })).toEqual({
      v: max,
      e: Infinity,
      s: max,
      out: 'overflow',
    });
    // |x| + δ|x| is beyond it (∞ in float64).
    expect(scalarToBoundedIn(BINARY64, S.hyper(String(max))).out).toBe('overflow');
    // 2^1023 exact stays inside.
    expect(scalarToBoundedIn(BINARY64, { x: new Decimal(2 ** 1023), err: 0 }).out).toBeUndefined();
  });
});

describe('soundness against float64 and float32', () => {
  const text = fc
    .tuple(fc.integer({ min: 1, max: 999_999 }), fc.integer({ min: -40, max: 30 }), fc.boolean())
    .map(([m, k, negative]) => `${negative ? '-' : ''}${m}e${k}`);
  test.prop([text])('a hyperparameter’s bound covers Number(text), and rounded to float32 Math.fround of it', (t) => {
    const exact = new Decimal(t);
    const b64 = scalarToBoundedIn(BINARY64, S.hyper(t));
    const b32 = scalarToBounded(S.hyper(t));
    expect(exactDouble(Number(t)).minus(exact).abs().toNumber()).toBeLessThanOrEqual(b64.e);
    expect(
      exactDouble(Math.fround(Number(t)))
        .minus(exact)
        .abs()
        .toNumber(),
    ).toBeLessThanOrEqual(b32.e);
    expect([b64.nonneg, b32.nonneg]).toEqual([!t.startsWith('-'), !t.startsWith('-')]);
  });
});
