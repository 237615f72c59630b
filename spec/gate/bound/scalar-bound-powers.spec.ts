/**
 * The powers of the coefficients' error analysis (src/gate/bound/scalar-bound.ts): a^n bounded by the
 * compounded relative error (1 + ρ)^n − 1 of its base plus Math.pow's own 4δ, and x^y by the doubled
 * first-order change |y| ρ + ξ |ln x| plus the same 4δ. Where the bound goes through Math.log1p and
 * Math.expm1, the expectation is two-sided around the value the model derives in exact arithmetic.
 */
import { fc, test } from '@fast-check/vitest';
import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { scalarBoundArith as S } from '../../../src/gate/bound/scalar-bound.js';
import { exactDouble } from '../../exact-double.js';

const delta = 2 ** -53;
const tiny = 2 ** -1074;
/** 2^−1000 as decimal text, read exactly by float64: δ|x| is 2^−1053, on the subnormal spacing. */
const H = String(2 ** -1000);
/** 1 + 2^−52 exactly, so that (1 + 2^−52) − 1 = 2^−52 carries an error of half its size. */
const ONE_PLUS_ULP = '1.0000000000000002220446049250313080847263336181640625';
const Exact = Decimal.clone({ precision: 60 });
/** A quotient by (1 + 10^−17) − 1, which float64 reads as 1 − 1 = 0: no bound (err ∞). */
const unbounded = () => S.div(S.integer(1), S.sub(S.hyper('1.00000000000000001'), S.integer(1)));

describe('an integer power a^n: r((1 + ρ)^n − 1) + 4δ r (1 + (1 + ρ)^n − 1) + 2^−1074', () => {
  it('a^0 is exactly 1, whatever the base’s error (Math.pow(x, 0) = 1)', () => {
    const p = S.powInt(S.hyper('0.5'), 0);
    expect(p.x.toString()).toBe('1');
    expect(p.err).toBe(0);
  });

  it('0^2 of an exact 0: no relative error to compound, the absolute 2^−1074 alone', () => {
    const p = S.powInt(S.integer(0), 2);
    expect(p.x.isZero()).toBe(true);
    expect(p.err).toBe(tiny);
  });

  it('0.5^3 within the exact (1 + ρ)^3 − 1 at ρ = 2^−53 (a rigorous bound) and at most 1e−9 above it', () => {
    // r = 0.125, ρ = 2^−54 / 0.5 = 2^−53: r((1 + ρ)³ − 1) + 4δ r (1 + ρ)³ ≈ 0.375 · 2^−53 + 0.5 · 2^−53.
    // Float64's expm1 and log1p are within an ulp; the bound must not fall below the exact value, and a
    // margin of 1e−9 leaves room for their rounding while telling a different model apart.
    const p = S.powInt(S.hyper('0.5'), 3);
    expect(p.x.toString()).toBe('0.125');
    const rho = new Exact(2).pow(-53);
    const compounded = rho.plus(1).pow(3).minus(1);
    const exact = compounded.times(0.125).plus(new Exact(delta).times(4 * 0.125).times(compounded.plus(1)));
    expect(exactDouble(p.err).gte(exact)).toBe(true);
    expect(exactDouble(p.err).lte(exact.times(1 + 1e-9))).toBe(true);
  });

  it('a base with half its size in error compounds: ((1 + 2^−52) − 1)² within (1.5² − 1) r, not 2 · 0.5 r', () => {
    // a = 2^−52 with e ≈ 2^−53 (ρ ≈ 1/2): r = 2^−104, (1 + ρ)² − 1 = 1.25 (to 2^−50 relative).
    const p = S.powInt(S.sub(S.hyper(ONE_PLUS_ULP), S.integer(1)), 2);
    expect(p.x.toNumber()).toBe(2 ** -104); // x to 40 digits
    expect(Math.abs(p.err / (1.25 * 2 ** -104) - 1)).toBeLessThan(1e-9);
  });

  it('(2^−1000)^1 within 2^−1053 + 2^−1074 for the base and 4δ r for Math.pow, on the subnormal spacing', () => {
    // ρ = 2^−53 + 2^−74: r ρ (1 + 1e−10) = 2^−1053 + 2^−1074 (the 1e−10 margin and the last bits of
    // expm1 ∘ log1p fall below 2^−1075); 4δ r (1 + ρ) = 2^−1051; + 2^−1074.
    expect(S.powInt(S.hyper(H), 1).err).toBe(5 * 2 ** -1053 + 2 * tiny);
  });
});

describe('a power of a coefficient without a bound', () => {
  it('has no bound either: err ∞ (not NaN, which a later quotient by an exact zero would not see)', () => {
    expect(unbounded().err).toBe(Infinity);
    expect(S.powInt(unbounded(), 2).err).toBe(Infinity);
    expect(S.pow(unbounded(), S.integer(2)).err).toBe(Infinity);
  });
});

describe('a real power x^y: r(expm1(2(|y| ρ + ξ |ln x|)) + 4δ(1 + …)) + 2^−1074', () => {
  it('0.5^3 with both read from text: the exponent’s error counts through |ln x|', () => {
    // ρ = 2^−53, ξ = 3 · 2^−53: relative = 2(3ρ + ξ ln 2) = 6 · 2^−53 (1 + ln 2), expm1 of it equal
    // to it within 2^−50 relative; err = 0.125 (relative + 4δ).
    const p = S.pow(S.hyper('0.5'), S.hyper('3'));
    expect(p.x.toString()).toBe('0.125');
    const expected = 0.125 * (6 * delta * (1 + Math.LN2) + 4 * delta);
    expect(Math.abs(p.err - expected)).toBeLessThanOrEqual(1e-12 * expected);
    expect(exactDouble(p.err).gte(exactDouble(Math.pow(0.5, 3)).minus(p.x).abs())).toBe(true);
  });

  it('(2^−1000)^1 within 3 · 2^−1052 + 2^−1073 plus 2^−1074: the absolute term counts for a subnormal error', () => {
    // ρ = 2^−53 + 2^−74, y exact: relative = 2^−52 + 2^−73; r(expm1(relative) + 4δ(1 + relative)) =
    // 2^−1052 + 2^−1073 + 2^−1051 (the rest below 2^−1075); + 2^−1074.
    expect(S.pow(S.hyper(H), S.integer(1)).err).toBe(3 * 2 ** -1052 + 3 * tiny);
  });
});

describe("the model's assumption on Math.pow", () => {
  test.prop([fc.double({ min: 0.01, max: 1, maxExcluded: true, noNaN: true }), fc.integer({ min: 1, max: 1_000_000 })])(
    'assumption checked: Math.pow(β, t) is within 2 ulps of the exact power of its float64 argument',
    (beta, t) => {
      const computed = Math.pow(beta, t);
      if (computed < 2 ** -1000) return; // deep underflow: the model adds an absolute 2^-1074 there
      const exact = exactDouble(beta).pow(t);
      const ulp = 2 ** (Math.floor(Math.log2(computed)) - 52);
      expect(exact.minus(exactDouble(computed)).abs().div(exactDouble(ulp)).toNumber()).toBeLessThanOrEqual(2);
    },
  );
});
