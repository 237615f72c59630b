/**
 * The running error analysis (src/gate/bound/bounded.ts) gives the bound its model derives, not a
 * larger one: each operation on hand-made operands whose values, errors and sizes are powers of two or
 * small integers, so that the model's bound is exact in float64 and written here from the model (the
 * module's doc), not from the code. The soundness side (each bound covers the float32 result) is
 * spec/gate/bound/bounded.spec.ts.
 */
import { describe, expect, it } from 'vitest';
import {
  BINARY32,
  BINARY64,
  boundedArith,
  boundedArithIn,
  comparisonBound,
  exactInput,
  nonnegativeSum,
  roundToBinary32,
  sumBound,
  type Bounded,
} from '../../../src/gate/bound/bounded.js';

/**
 * A binary32 arithmetic made for each call: `boundedArith` is one object built when the module loads,
 * which a mutation run's later mutants would not reach (the last case checks that it is this one).
 */
const f32 = () => boundedArithIn(BINARY32);
const u = 2 ** -24;
const eta = 2 ** -150;
/** A computed value: v, its error bound e and size s, as an earlier operation would leave them. */
const computed = (v: number, e: number, s: number, nonneg?: boolean): Bounded => ({
  v,
  e,
  s,
  ...(nonneg === undefined ? {} : { nonneg }),
});

describe('exact inputs', () => {
  it('carry no error, their magnitude as size, and their sign', () => {
    expect(exactInput(3)).toEqual({ v: 3, e: 0, s: 3, nonneg: true });
    expect(exactInput(-2)).toEqual({ v: -2, e: 0, s: 2, nonneg: false });
    expect(exactInput(0)).toEqual({ v: 0, e: 0, s: 0, nonneg: true });
  });
});

describe('one rounded operation adds u (|r| + e), and η where it may underflow', () => {
  it('a sum: e_x + e_y, then u (|x + y| + e_x + e_y); no η (a subnormal sum is exact)', () => {
    // 1 + 2 exactly: 0 + u·3.
    expect(f32().add(exactInput(1), exactInput(2))).toEqual({ v: 3, e: 3 * u, s: 3, nonneg: true });
    // e = u + 2u = 3u, then + u (3 + 3u).
    const r = f32().add(computed(1, u, 1), computed(2, 2 * u, 2));
    expect(r).toEqual({ v: 3, e: 6 * u + 3 * u * u, s: 3 });
    // Tiny operands: still no η (2^−149 + 2^−149 is exact in float32).
    expect(f32().add(exactInput(2 ** -149), exactInput(2 ** -149)).e).toBe(u * 2 ** -148);
    // ≥ 0 by construction only when both operands are.
    expect(f32().add(exactInput(1), exactInput(-2)).nonneg).toBeUndefined();
    expect(f32().add(exactInput(-2), exactInput(1)).nonneg).toBeUndefined();
  });

  it('a difference: errors add, sizes add, and it is not ≥ 0 by construction', () => {
    const r = f32().sub(exactInput(1), exactInput(2));
    expect(r).toEqual({ v: -1, e: u, s: 3 });
    const q = f32().sub(exactInput(2), exactInput(1));
    expect(q.nonneg).toBeUndefined();
    // (1 ± 2u) − (2 ± u): 3u, then + u (1 + 3u).
    expect(f32().sub(computed(1, 2 * u, 1), computed(2, u, 2))).toEqual({ v: -1, e: 4 * u + 3 * u * u, s: 3 });
  });

  it('a product: |x| e_y + |y| e_x + e_x e_y, then u(|xy| + e) + η, size s_x s_y + η/u', () => {
    // Powers of two small enough for η and η/u to show in float64.
    const x = 2 ** -70;
    const y = 2 ** -72;
    const r = f32().mul(exactInput(x), exactInput(y));
    expect(r.v).toBe(2 ** -142);
    expect(r.e).toBe(u * 2 ** -142 + eta);
    expect(r.s).toBe(2 ** -142 + 2 ** -126);
    // 3 (± u) · 4 (± 2u): 3·2u + 4·u + 2u² = 10u + 2u², then + u (12 + 10u + 2u²); η is below float64's
    // resolution at this magnitude.
    const p = f32().mul(computed(3, u, 3), computed(4, 2 * u, 4));
    expect(p.v).toBe(12);
    expect(p.e).toBe(22 * u + 12 * u * u + 2 * u ** 3);
    expect(p.s).toBe(12);
    // ≥ 0 by construction only when both factors are: (−2)(−3) is positive, but not by construction.
    expect(f32().mul(exactInput(2), exactInput(3)).nonneg).toBe(true);
    expect(f32().mul(exactInput(-2), exactInput(3)).nonneg).toBeUndefined();
    expect(f32().mul(exactInput(2), exactInput(-3)).nonneg).toBeUndefined();
    expect(f32().mul(exactInput(-2), exactInput(-3)).nonneg).toBeUndefined();
  });

  it('a square: 2|x| e + e², then u(x² + e) + η, ≥ 0 by construction whatever the sign of x', () => {
    // (−3 ± u)²: 6u + u², then + u (9 + 6u + u²).
    const r = f32().square(computed(-3, u, 3));
    expect(r).toEqual({ v: 9, e: 15 * u + 7 * u * u + u ** 3, s: 9, nonneg: true });
  });

  it('a quotient: (e_x + |x/y| e_y) / (|y| − e_y), then u(|q| + e) + η; size (s_x + |q| s_y)/|y|', () => {
    // 1 / 4 exactly: 0, then u/4; size (1 + 1)/4.
    const r = f32().div(exactInput(1), exactInput(4));
    expect(r).toEqual({ v: 0.25, e: u / 4, s: 0.5, nonneg: true });
    // (2 ± 2u) / (4 ± 4u): (2u + ½·4u) / (4 − 4u) = u/(1 − u), then + u (½ + u/(1 − u)).
    const q = f32().div(computed(2, 2 * u, 2), computed(4, 4 * u, 4));
    const propagated = u / (1 - u);
    expect(Math.abs(q.e / (propagated + u * (0.5 + propagated)) - 1)).toBeLessThan(2 ** -50);
    expect(q.s).toBe(1);
    // A negative dividend: not ≥ 0.
    expect(f32().div(exactInput(-1), exactInput(4)).nonneg).toBeUndefined();
  });

  it('a root: min(e / (√x + √max(x − e, 0)), √e), then u(√x + e); size √s', () => {
    // √4 exactly: 2u.
    expect(f32().sqrt(exactInput(4))).toEqual({ v: 2, e: 2 * u, s: 2, nonneg: true });
    // √(4 ± 2^−20): min(2^−20 / (2 + √(4 − 2^−20)), 2^−10) is the first, within (2^−22, 2^−22 (1 + 2^−21)).
    const r = f32().sqrt(computed(4, 2 ** -20, 4, true));
    const first = (r.e - 2 * u) / (1 + u);
    expect(first).toBeGreaterThan(2 ** -22 * (1 - 2 ** -40));
    expect(first).toBeLessThan(2 ** -22 * (1 + 2 ** -21));
    // √(2^−30 ± 2^−28), ≥ 0 by construction: 2^−28 / (2^−15 + 0) = 2^−13 against √(2^−28) = 2^−14, the
    // smaller; then + u (2^−15 + 2^−14).
    const near0 = f32().sqrt(computed(2 ** -30, 2 ** -28, 1, true));
    expect(near0).toEqual({ v: 2 ** -15, e: 2 ** -14 + u * (2 ** -15 + 2 ** -14), s: 1, nonneg: true });
    // √0 exactly: 0.
    expect(f32().sqrt(exactInput(0))).toEqual({ v: 0, e: 0, s: 0, nonneg: true });
  });

  it('a maximum rounds nothing: max(e_x, e_y), max(s_x, s_y), ≥ 0 when either operand is', () => {
    const r = f32().max(computed(1, u, 1), computed(2, 3 * u, 5));
    expect(r).toEqual({ v: 2, e: 3 * u, s: 5 });
    expect(f32().max(computed(-1, u, 1), computed(0.5, 3 * u, 2, true)).nonneg).toBe(true);
    expect(f32().max(computed(-1, u, 1), computed(0.5, 3 * u, 2)).nonneg).toBeUndefined();
  });

  it('an absolute value keeps the bound and is ≥ 0', () => {
    expect(f32().abs(computed(-3, u, 4))).toEqual({ v: 3, e: u, s: 4, nonneg: true });
  });

  it('boundedArith is this binary32 arithmetic', () => {
    const x = computed(3, u, 3);
    const y = computed(-4, 2 * u, 4);
    for (const op of ['add', 'sub', 'mul', 'div', 'max'] as const)
      expect(boundedArith[op](x, y)).toEqual(f32()[op](x, y));
    for (const op of ['sqrt', 'square', 'abs', 'sign'] as const) expect(boundedArith[op](x)).toEqual(f32()[op](x));
  });

  it('in binary64 the same model runs with u = 2^−53', () => {
    const f64 = boundedArithIn(BINARY64);
    expect(f64.add(exactInput(1), exactInput(2)).e).toBe(3 * 2 ** -53);
    expect(f64.mul(exactInput(3), exactInput(4)).e).toBe(12 * 2 ** -53);
  });
});

describe('a value rounded once to binary32, and the comparison bound', () => {
  it('roundToBinary32: e + u(|v| + e) + η, size + η/u, keeping ≥ 0', () => {
    const r = roundToBinary32(computed(2 ** -140, 2 ** -160, 2 ** -140, true));
    expect(r.e).toBe(2 ** -160 + u * (2 ** -140 + 2 ** -160) + eta);
    expect(r.s).toBe(2 ** -140 + 2 ** -126);
    expect(r.nonneg).toBe(true);
    expect(roundToBinary32(computed(-1, 0, 1)).nonneg).toBeUndefined();
  });

  it('comparisonBound: (e + u|v| + η)(1 + 2^−20) + 2^−45 s', () => {
    // e = u, v = −1, s = 2 (η is below float64's resolution beside u here).
    expect(comparisonBound(computed(-1, u, 2))).toBe(2 * u * (1 + 2 ** -20) + 2 ** -44);
    // At 2^−140 with no error: η shows.
    expect(comparisonBound(computed(2 ** -140, 0, 0))).toBe((u * 2 ** -140 + eta) * (1 + 2 ** -20));
  });
});

describe("a sum's bound: Σ e_i + γ_{n−1} Σ (|x_i| + e_i), γ_m = m u / (1 − m u)", () => {
  it('n = 3 exact terms 1, −2, 4: γ_2 · 7, between 14u and 14u (1 + 3u)', () => {
    const r = sumBound([exactInput(1), exactInput(-2), exactInput(4)]);
    expect(r.v).toBe(3);
    expect(r.s).toBe(7);
    expect(r.e).toBeGreaterThan(14 * u);
    expect(r.e).toBeLessThan(14 * u * (1 + 3 * u));
  });

  it('with errors: their sum, plus γ_1 (|x| + e) summed', () => {
    // Two terms, γ_1 = u/(1 − u): e = (u + 2u) + γ_1 (1 + u + 2 + 2u).
    const r = sumBound([computed(1, u, 1), computed(2, 2 * u, 2)]);
    const gamma = u / (1 - u);
    expect(Math.abs(r.e / (3 * u + gamma * (3 + 3 * u)) - 1)).toBeLessThan(2 ** -50);
  });

  it('one term: its own bound, nothing added; no term: an exact zero', () => {
    expect(sumBound([computed(5, 3 * u, 6)])).toEqual({ v: 5, e: 3 * u, s: 6 });
    expect(sumBound([])).toEqual({ v: 0, e: 0, s: 0 });
  });

  it('nonnegativeSum marks the sum ≥ 0 only when every term is, so a root of a sum of squares stays decided', () => {
    const squares = [f32().square(exactInput(-1)), f32().square(exactInput(2))];
    expect(nonnegativeSum(squares).nonneg).toBe(true);
    expect(nonnegativeSum([...squares, exactInput(-1)]).nonneg).toBeUndefined();
    const tiny = nonnegativeSum([computed(2 ** -30, 2 ** -28, 1, true), computed(0, 0, 0, true)]);
    expect(f32().sqrt(tiny).out).toBeUndefined();
    const unsigned = sumBound([computed(2 ** -30, 2 ** -28, 1, true), computed(0, 0, 0, true)]);
    expect(f32().sqrt(unsigned).out).toBe('underflow');
  });
});
