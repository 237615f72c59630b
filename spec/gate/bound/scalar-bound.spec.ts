/**
 * The error analysis of production's float64 coefficients (src/gate/bound/scalar-bound.ts) on hand-made
 * cases: each operation's bound is the one its model derives (δ = 2^−53 relative, 2^−1074 absolute,
 * Math.pow within 4δ), not merely one that covers the error, and a quotient without a bound is told
 * apart from one by an exact zero. Inputs are chosen so that the float64 evaluation of the bound is
 * exact (powers of two, values near 2^−1000 where δ-terms land on the subnormal spacing); where it
 * cannot be, the expectation holds to 1e−12 relative (a bound of a few float64 operations rounds by
 * a few 2^−53, while every term that can change is at least 1e−11 of it).
 */
import { fc, test } from '@fast-check/vitest';
import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { BINARY64, boundedArith } from '../../../src/gate/bound/bounded.js';
import {
  scalarBoundArith as S,
  scalarToBounded,
  scalarToBoundedIn,
  type ScalarBound,
} from '../../../src/gate/bound/scalar-bound.js';
import { exactDouble } from '../../exact-double.js';

const delta = 2 ** -53;
const tiny = 2 ** -1074;
/** 2^−1000 as decimal text, read exactly by float64: δ|x| is 2^−1053, on the subnormal spacing. */
const H = String(2 ** -1000);
/** 1 + 2^−52 exactly, so that (1 + 2^−52) − 1 = 2^−52 carries an error of half its size. */
const ONE_PLUS_ULP = '1.0000000000000002220446049250313080847263336181640625';

function expectNear(actual: number, expected: number): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-12 * Math.abs(expected));
}

/** |production − x| ≤ err, the bound's meaning, with production's float64 value taken exactly. */
function expectCovers(a: ScalarBound, production: number): void {
  expect(exactDouble(production).minus(a.x).abs().toNumber()).toBeLessThanOrEqual(a.err);
}

describe('reading a hyperparameter into float64: within δ|x|, or the subnormal spacing', () => {
  it('0 is read exactly: no error', () => {
    expect(S.hyper('0').err).toBe(0);
  });

  it('0.5 is within δ · 0.5 (the 2^−1074 lies below its resolution)', () => {
    const a = S.hyper('0.5');
    expect(a.x.toString()).toBe('0.5');
    expect(a.err).toBe(2 ** -54);
  });

  it('2^−1000 is within δ · 2^−1000 + 2^−1074: the absolute term counts where the relative one is subnormal', () => {
    // δ · 2^−1000 = 2^−1053, + 2^−1074: 21 bits, exact.
    expect(S.hyper(H).err).toBe(2 ** -1053 + tiny);
  });

  it('a subnormal 1e−310 is within the subnormal spacing 2^−1074 alone (δ|x| rounds to 0)', () => {
    // δ · 1e−310 ≈ 1.1e−326, below half of 2^−1074: float64 makes it 0.
    expect(S.hyper('1e-310').err).toBe(tiny);
    expectCovers(S.hyper('1e-310'), 1e-310);
  });
});

describe('one float64 operation: propagated error, then its own rounding δ(|x| + p) + 2^−1074', () => {
  it('an exact zero from exact operands is exact (3 − 3)', () => {
    const a = S.sub(S.integer(3), S.integer(3));
    expect(a.x.isZero()).toBe(true);
    expect(a.err).toBe(0);
  });

  it('a nonzero result of exact operands is rounded (1 + 2 within 3δ)', () => {
    // p = 0; δ(3 + 0) + 2^−1074 = 3 · 2^−53 (2^−1074 far below its last bit).
    const a = S.add(S.integer(1), S.integer(2));
    expect(a.x.toString()).toBe('3');
    expect(a.err).toBe(3 * delta);
  });

  it('a zero from inexact operands is no exact zero (0.5 − 0.5 within 2^−53)', () => {
    // p = 2^−54 + 2^−54 = 2^−53; δ(0 + p) = 2^−106 is exactly half an ulp of p, which round-to-
    // nearest-even drops (as it drops 2^−1074): err = 2^−53.
    const a = S.sub(S.hyper('0.5'), S.hyper('0.5'));
    expect(a.x.isZero()).toBe(true);
    expect(a.err).toBe(2 ** -53);
  });

  it('a difference of equal 2^−1000 carries both readings plus 2^−1074 for its own rounding', () => {
    // p = 2(2^−1053 + 2^−1074) = 2^−1052 + 2^−1073; δp < 2^−1075 rounds to 0; + 2^−1074.
    expect(S.sub(S.hyper(H), S.hyper(H)).err).toBe(2 ** -1052 + 3 * tiny);
  });

  it('a sum adds both operands’ errors: 2^−1000 + 2^−1000', () => {
    // p = 2^−1052 + 2^−1073; δ(2^−999 + p) = 2^−1052 (the rest < 2^−1075 rounds away); + 2^−1074.
    expect(S.add(S.hyper(H), S.hyper(H)).err).toBe(2 ** -1051 + 3 * tiny);
    expectNear(S.add(S.hyper('0.5'), S.hyper('0.5')).err, 2 ** -52); // 2^−53 + δ · 1
  });

  it('a product propagates |a| e_b + |b| e_a: 0.5 · 0.25', () => {
    // 0.5 · 2^−55 + 0.25 · 2^−54 + 2^−54 · 2^−55 = 2^−55 + 2^−109; + δ(0.125 + p) = 2^−56.
    const a = S.mul(S.hyper('0.5'), S.hyper('0.25'));
    expect(a.x.toString()).toBe('0.125');
    expectNear(a.err, 3 * 2 ** -56 + 2 ** -109);
    expectCovers(a, 0.5 * 0.25);
  });

  it('a product of two coefficients that may both be zero keeps e_a e_b', () => {
    // (0.5 − 0.5)²: |0| · 2^−53 + |0| · 2^−53 + 2^−53 · 2^−53 = 2^−106; δ · 2^−106 is a tie, dropped.
    const z = S.sub(S.hyper('0.5'), S.hyper('0.5'));
    expect(S.mul(z, z).err).toBe(2 ** -106);
  });
});

describe('a quotient: (e_a + |q| e_b) / (|b| − e_b), or no bound where the divisor may vanish', () => {
  it('1 / 0.5 propagates the divisor’s error', () => {
    // p = (0 + 2 · 2^−54) / (0.5 − 2^−54) ≈ 2^−52; + δ · 2 = 2^−52.
    const q = S.div(S.integer(1), S.hyper('0.5'));
    expect(q.x.toString()).toBe('2');
    expectNear(q.err, 2 ** -51);
  });

  it('a divisor with half its size in error: the bound divides by |b| − e_b, not |b| + e_b', () => {
    // b = (1 + 2^−52) − 1 = 2^−52 with e_b ≈ 2^−53; q = 2^52: p = 2^52 · 2^−53 / (2^−52 − 2^−53) = 2^52.
    const b = S.sub(S.hyper(ONE_PLUS_ULP), S.integer(1));
    expectNear(b.err, 2 ** -53);
    const q = S.div(S.integer(1), b);
    expect(q.x.toString()).toBe(String(2 ** 52));
    expectNear(q.err, 2 ** 52);
  });

  it('by an exact zero: ±∞ and 0/0 = NaN as exactly, with no error', () => {
    const inf = S.div(S.integer(1), S.integer(0));
    expect([inf.x.toString(), inf.err]).toEqual(['Infinity', 0]);
    const nan = S.div(S.integer(0), S.integer(0));
    expect([nan.x.isNaN(), nan.err]).toEqual([true, 0]);
  });

  it('by a divisor that may be 0 in float64 (0.5 − 0.5): no bound', () => {
    expect(S.div(S.integer(1), S.sub(S.hyper('0.5'), S.hyper('0.5'))).err).toBe(Infinity);
  });

  it('by an exact zero, a dividend that reads as 0 in float64 (2e−324): production’s 0/0 = NaN, no bound', () => {
    expect(S.hyper('2e-324').x.toNumber()).toBe(0);
    expect(S.div(S.hyper('2e-324'), S.integer(0)).err).toBe(Infinity);
  });

  it('by an exact zero, a dividend within its own error of 0 (5e−324 ± 2^−1074): no bound', () => {
    // e_a = 2^−1074 = |a| in float64: e_a < |a| does not hold, so a may vanish.
    expect(S.hyper('5e-324').err).toBe(tiny);
    expect(S.div(S.hyper('5e-324'), S.integer(0)).err).toBe(Infinity);
  });
});

describe('a square root: e/√x, then rounded; no bound where e ≥ x', () => {
  it('√0 of an exact 0 is exact', () => {
    expect(S.sqrt(S.integer(0)).err).toBe(0);
  });

  it('√0.25 = 0.5 within e/√x = 2^−55/0.5, not √e', () => {
    // p = 2^−54; + δ(0.5 + p) ≈ 2^−54.
    const r = S.sqrt(S.hyper('0.25'));
    expect(r.x.toString()).toBe('0.5');
    expectNear(r.err, 2 ** -53);
  });

  it('√((1 + 1e−17) − 1): no bound, since the error (about 2^−52) exceeds x and float64 may be below 0', () => {
    const r = S.sqrt(S.sub(S.add(S.hyper('1'), S.hyper('1e-17')), S.integer(1)));
    expect(r.err).toBe(Infinity);
  });
});

describe('coefficients whose float64 sign is not decided (named cases; each was a defect)', () => {
  // 0.30000000000000001 − (0.1 + 0.2): exact 1e−17, error about 1e−16; float64 gives −5.55e−17.
  const cancelled = () => S.sub(S.hyper('0.30000000000000001'), S.add(S.hyper('0.1'), S.hyper('0.2')));

  it('is not ≥ 0 by construction as a float32 scalar, so a root of it is undecided (production: NaN)', () => {
    const b = scalarToBounded(cancelled());
    expect(b.v).toBeGreaterThan(0);
    expect(b.nonneg).toBe(false);
    expect(boundedArith.sqrt(b).out).toBe('underflow');
    expect(scalarToBoundedIn(BINARY64, cancelled()).nonneg).toBe(false);
    // With the error below x, it is: 2 − (0.1 + 0.2).
    expect(scalarToBounded(S.sub(S.integer(2), S.add(S.hyper('0.1'), S.hyper('0.2')))).nonneg).toBe(true);
  });

  it('has no bound under a float64 root, nor as the base of a power (0^−1 = ∞ in float64)', () => {
    expect(S.sqrt(cancelled()).err).toBe(Infinity);
    const tiny = S.sub(S.hyper('1.0000000000000001'), S.hyper('0.99999999999999995'));
    expect(S.pow(tiny, S.integer(-1)).err).toBe(Infinity);
  });

  it('divided by an exact zero: an exact 0 that float64 does not give (0.3 − (0.1 + 0.2)) is NaN against −∞', () => {
    const zero = S.sub(S.hyper('0.3'), S.add(S.hyper('0.1'), S.hyper('0.2')));
    expect(zero.x.isZero()).toBe(true);
    expect(S.div(zero, S.integer(0)).err).toBe(Infinity);
    // The exact zero computed from exact operands is 0 in float64 too: 0/0 is NaN in both.
    expect(S.div(S.sub(S.integer(1), S.integer(1)), S.integer(0)).err).toBe(0);
  });
});

const Exact = Decimal.clone({ precision: 200 });
const text = fc
  .tuple(fc.integer({ min: 1, max: 999_999 }), fc.integer({ min: -8, max: 8 }), fc.boolean())
  .map(([m, k, negative]) => `${negative ? '-' : ''}${m}e${k}`);

describe('soundness of the model against float64', () => {
  test.prop([text, text])('each of + − × ÷ on two hyperparameters covers production’s float64 result', (a, b) => {
    const [A, B, x, y] = [S.hyper(a), S.hyper(b), Number(a), Number(b)];
    expectCovers(S.add(A, B), x + y);
    expectCovers(S.sub(A, B), x - y);
    expectCovers(S.mul(A, B), x * y);
    expectCovers(S.div(A, B), x / y);
    expect(S.mul(A, B).x.equals(new Exact(a).times(b))).toBe(true);
  });

  test.prop([text, fc.integer({ min: 1, max: 40 })])('a power covers Math.pow of the float64 base', (a, n) => {
    expectCovers(S.powInt(S.hyper(a), n), Math.pow(Number(a), n));
  });
});
