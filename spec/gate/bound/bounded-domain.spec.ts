/**
 * Where the running error analysis (src/gate/bound/bounded.ts) leaves its domain, and why: each
 * reason (`nonfinite`, `zero-divisor`, `overflow`, `underflow`) on the smallest operands that reach it,
 * with the IEEE 754 results that make the exact and the float32 computation part ways. The judge
 * compares only the class of a value outside the domain, so a wrong reason or a missing mark lets a
 * wrong value pass or fails a right one. (Sums are in bounded-sums.spec.ts.)
 */
import { describe, expect, it } from 'vitest';
import {
  BINARY32,
  boundedArithIn,
  comparisonBound,
  exactInput,
  OVERFLOW,
  type Bounded,
} from '../../../src/gate/bound/bounded.js';

const u = 2 ** -24;
const computed = (v: number, e: number, s: number, nonneg?: boolean): Bounded => ({
  v,
  e,
  s,
  ...(nonneg === undefined ? {} : { nonneg }),
});
/**
 * The operations of a binary32 arithmetic made for each call: `boundedArith` is one object built when
 * the module loads, which a mutation run's later mutants would not reach.
 */
const f32 = () => boundedArithIn(BINARY32);
const add = (a: Bounded, b: Bounded) => f32().add(a, b);
const sub = (a: Bounded, b: Bounded) => f32().sub(a, b);
const mul = (a: Bounded, b: Bounded) => f32().mul(a, b);
const div = (a: Bounded, b: Bounded) => f32().div(a, b);
const max = (a: Bounded, b: Bounded) => f32().max(a, b);
const sqrt = (a: Bounded) => f32().sqrt(a);
const sign = (a: Bounded) => f32().sign(a);
const wherePositive = (c: Bounded, a: Bounded, b: Bounded) => f32().wherePositive(c, a, b);

describe('inputs that are NaN or ±∞', () => {
  it('are marked nonfinite, and so is every operation on them', () => {
    expect(exactInput(Infinity).out).toBe('nonfinite');
    expect(exactInput(NaN)).toMatchObject({ out: 'nonfinite', nonneg: false });
    expect(add(exactInput(Infinity), exactInput(1))).toMatchObject({ e: Infinity, out: 'nonfinite' });
    expect(mul(exactInput(-Infinity), exactInput(2))).toMatchObject({ v: -Infinity, out: 'nonfinite' });
    expect(comparisonBound(exactInput(Infinity))).toBe(Infinity);
    // NaN's own e is 0: the bound is ∞ because it is outside the domain, not by arithmetic on NaN.
    expect(comparisonBound(exactInput(NaN))).toBe(Infinity);
  });

  it('∞ times a computed value that may be 0 in one arithmetic and not the other leaves the domain (NaN against ±∞)', () => {
    // 0 ± u: float32 may give 0 (0 · ∞ = NaN) where the exact value is not 0 (±∞), or the reverse.
    expect(mul(exactInput(Infinity), computed(0, u, 1)).out).toBe('underflow');
    expect(mul(computed(u, 2 * u, 1), exactInput(Infinity)).out).toBe('underflow');
    // An error equal to the magnitude reaches 0 too.
    expect(mul(exactInput(Infinity), computed(u, u, 1)).out).toBe('underflow');
    // The exact zero is 0 in both: NaN in both, judged by class.
    expect(mul(exactInput(Infinity), exactInput(0)).out).toBe('nonfinite');
    // A finite value whose bound a nonfinite operand took (a selection on a condition 1/∞): it may be 0.
    const lost: Bounded = { v: 2, e: Infinity, s: 2, out: 'nonfinite' };
    expect(mul(lost, exactInput(Infinity)).out).toBe('underflow');
    // 1/∞ is 0 in both arithmetics: times ∞, NaN in both.
    const zeroFromInfinity = div(exactInput(1), exactInput(Infinity));
    expect(zeroFromInfinity).toMatchObject({ v: 0, out: 'nonfinite' });
    expect(mul(zeroFromInfinity, exactInput(Infinity)).out).toBe('nonfinite');
  });

  it('a quotient of an operand outside the domain keeps its reason, and its size (s_x/|y|, + η/u)', () => {
    expect(div(exactInput(Infinity), exactInput(2)).out).toBe('nonfinite');
    const over: Bounded = { v: 2 ** -140, e: Infinity, s: 2 ** -140, out: 'overflow' };
    expect(div(over, exactInput(2 ** -10))).toMatchObject({ e: Infinity, s: 2 ** -130 + 2 ** -126, out: 'overflow' });
  });

  it('a maximum with a NaN is NaN, outside the domain', () => {
    const r = max(exactInput(NaN), exactInput(1));
    expect(r.v).toBeNaN();
    expect(r).toMatchObject({ e: Infinity, out: 'nonfinite' });
  });

  it('the worse reason wins: overflow over nonfinite, whichever operand carries it', () => {
    const over = computed(3e38, Infinity, 3e38);
    const overflowing = { ...over, out: 'overflow' as const };
    expect(add(exactInput(NaN), overflowing).out).toBe('overflow');
    expect(sub(overflowing, exactInput(NaN)).out).toBe('overflow');
    expect(max(exactInput(Infinity), overflowing).out).toBe('overflow');
  });

  it('a maximum with an operand outside the domain, or a float64 value that is ±∞, is outside it; its size the larger', () => {
    const overflowing: Bounded = { v: 3e38, e: Infinity, s: 7, out: 'overflow' };
    expect(max(overflowing, exactInput(1))).toMatchObject({ v: 3e38, e: Infinity, s: 7, out: 'overflow' });
    expect(max(exactInput(1), overflowing)).toMatchObject({ s: 7 });
    expect(max(computed(Infinity, 0, 1), exactInput(1))).toMatchObject({ e: Infinity, out: 'nonfinite' });
  });
});

describe('division', () => {
  it('by an exact zero: ±∞ in both, judged by class (zero-divisor)', () => {
    expect(div(exactInput(1), exactInput(0))).toMatchObject({
      v: Infinity,
      e: Infinity,
      s: Infinity,
      out: 'zero-divisor',
    });
  });

  it('by an exact zero, of a dividend that may vanish in one arithmetic only: NaN against ±∞ (underflow)', () => {
    expect(div(computed(0, u, 1), exactInput(0)).out).toBe('underflow');
    expect(div(computed(2 ** -30, 2 ** -30, 1), exactInput(0)).out).toBe('underflow');
    // An exact zero dividend is 0/0 = NaN in both.
    expect(div(exactInput(0), exactInput(0)).out).toBe('zero-divisor');
  });

  it('by a divisor whose error reaches its magnitude: no bound (it may be 0 in float32)', () => {
    expect(div(exactInput(1), computed(u, u, 1))).toMatchObject({ e: Infinity, s: Infinity, out: 'underflow' });
    expect(div(exactInput(1), computed(2 * u, u, 1)).out).toBeUndefined();
    // A computed zero (0 ± u) is no exact zero: it may be u in float32, so the quotient has no bound.
    expect(div(exactInput(1), computed(0, u, 1))).toMatchObject({ s: Infinity, out: 'underflow' });
  });
});

describe('overflow', () => {
  it('a result whose magnitude plus bound reaches the threshold leaves the domain', () => {
    // 2^120 + u 2^120 is far below the threshold (2 − 2^−24) 2^127; 2^128 is beyond it.
    expect(mul(exactInput(2 ** 60), exactInput(2 ** 60))).toMatchObject({ v: 2 ** 120, e: 2 ** 96 });
    expect(mul(exactInput(2 ** 60), exactInput(2 ** 60)).out).toBeUndefined();
    expect(mul(exactInput(2 ** 100), exactInput(2 ** 28)).out).toBe('overflow');
    // The largest float32 times 1: exact in float32, but the model's rounding may reach the threshold
    // (2^128 − 2^104 + u (2^128 − 2^104) > 2^128 − 2^103): conservatively outside the domain.
    expect(mul(exactInput(OVERFLOW - 2 ** 103), exactInput(1)).out).toBe('overflow');
    expect(mul(exactInput(2 ** 127), exactInput(1)).out).toBeUndefined();
  });

  it('a bound that crosses the threshold, rounded onto it in float64, leaves the domain (reaching is ≥)', () => {
    // (2^128 − 2^104) − (2^103 − 3 · 2^79): |v| (1 + u) is exactly 2^128 − 2^103 + 3 · 2^55, above the
    // threshold 2^128 − 2^103; float64 rounds v + u v onto the threshold itself.
    const [a, b] = [2 ** 128 - 2 ** 104, -(2 ** 103 - 3 * 2 ** 79)];
    const v = a + b;
    expect(v + u * v).toBe(OVERFLOW);
    expect(add(exactInput(a), exactInput(b))).toMatchObject({ e: Infinity, out: 'overflow' });
  });

  it('a float64 evaluation that is itself ±∞ or NaN leaves the domain', () => {
    expect(mul(exactInput(1e300), exactInput(1e300)).out).toBe('overflow');
    expect(sub(computed(Infinity, 0, 1), computed(Infinity, 0, 1)).out).toBe('nonfinite');
  });

  it('a bound or size that is not finite bounds nothing', () => {
    // q = 1e−10, but the size (1e300 + q)/1e−10 is ∞ in float64.
    expect(div(computed(1e-20, 0, 1e300), computed(1e-10, 0, 1))).toMatchObject({ e: Infinity, out: 'overflow' });
  });
});

describe('selections and signs', () => {
  const a = computed(5, u, 5);
  const b = computed(7, 2 * u, 7);

  it('where(c > 0, a, b) takes the bound of the branch exact arithmetic takes, when c is decided', () => {
    expect(wherePositive(computed(1, u, 1), a, b)).toEqual(a);
    expect(wherePositive(computed(-1, u, 1), a, b)).toEqual(b);
    expect(wherePositive(exactInput(0), a, b)).toEqual(b);
  });

  it('undecided (|c| within its error and the float64 slack), the branch may differ: outside the domain', () => {
    expect(wherePositive(computed(u, u, 1), a, b)).toMatchObject({ v: 5, e: Infinity, out: 'underflow' });
    expect(wherePositive(computed(-u, u, 1), a, b)).toMatchObject({ v: 7, e: Infinity, out: 'underflow' });
    expect(wherePositive(computed(0, u, 1), a, b).out).toBe('underflow');
    // The float64 slack 2^−45 s alone: c = 2^−46 with s = 1 and no error is undecided.
    expect(wherePositive(computed(2 ** -46, 0, 1), a, b).out).toBe('underflow');
    expect(wherePositive(computed(2 ** -44, 0, 1), a, b).out).toBeUndefined();
    // The slack scales with the size: 2^−44 with s = 4 is within 2^−43.
    expect(wherePositive(computed(2 ** -44, 0, 4), a, b).out).toBe('underflow');
    // At the uncertainty exactly, either side: undecided.
    expect(wherePositive(computed(2 ** -45, 0, 1), a, b).out).toBe('underflow');
    expect(wherePositive(computed(-(2 ** -45), 0, 1), a, b).out).toBe('underflow');
    // 1 − 1 in float64 with size 2 is no exact zero (v could be a cancelled 2^−60): undecided.
    expect(wherePositive(computed(0, 0, 2), a, b).out).toBe('underflow');
  });

  it('a condition that is NaN or ±∞ from its inputs alone takes the same branch in float32; another c outside the domain does not', () => {
    expect(wherePositive(exactInput(NaN), a, b)).toEqual(b);
    expect(wherePositive(exactInput(Infinity), a, b)).toEqual(a);
    // +∞ in float64 because the evaluation overflowed ((10^38)^16), where float32 overflows or not.
    const square = (x: Bounded) => mul(x, x);
    const overflowedToInfinity = square(square(square(square(exactInput(1e38)))));
    expect(overflowedToInfinity).toMatchObject({ v: Infinity, out: 'overflow' });
    expect(wherePositive(overflowedToInfinity, a, b)).toMatchObject({ v: 5, e: Infinity, out: 'overflow' });
    // A float64 ±∞ with no reason recorded (the arithmetic always records one): nonfinite.
    expect(wherePositive(computed(Infinity, 0, 1), a, b)).toMatchObject({ v: 5, e: Infinity, out: 'nonfinite' });
    const overflowing = { ...computed(3e38, Infinity, 3e38), out: 'overflow' as const };
    expect(wherePositive(overflowing, a, b)).toMatchObject({ v: 5, e: Infinity, out: 'overflow' });
    expect(wherePositive({ ...computed(1, Infinity, 1), out: 'nonfinite' }, a, b)).toMatchObject({ out: 'nonfinite' });
  });

  it('sign: exact where decided, ±1 exactly for ±∞ inputs, outside the domain where |v| ≤ e', () => {
    expect(sign(computed(-3, u, 3))).toEqual({ v: -1, e: 0, s: 1, nonneg: false });
    expect(sign(exactInput(0))).toEqual({ v: 0, e: 0, s: 0, nonneg: true });
    expect(sign(exactInput(-Infinity))).toEqual({ v: -1, e: 0, s: 1, nonneg: false });
    expect(sign(exactInput(Infinity))).toEqual({ v: 1, e: 0, s: 1, nonneg: true });
    expect(sign(computed(0, u, 1))).toMatchObject({ e: Infinity, out: 'underflow' });
    expect(sign(computed(u, u, 1))).toMatchObject({ v: 1, e: Infinity, out: 'underflow' });
    expect(sign(exactInput(NaN))).toMatchObject({ e: Infinity, out: 'nonfinite' });
    // Outside the domain with a finite v: its reason kept; a float64 ±∞ with no reason: nonfinite.
    expect(sign({ v: 2, e: Infinity, s: 2, out: 'overflow' })).toMatchObject({ v: 1, e: Infinity, out: 'overflow' });
    expect(sign(computed(Infinity, 0, 1))).toMatchObject({ e: Infinity, out: 'nonfinite' });
  });
});

describe('roots', () => {
  it('of a value not ≥ 0 by construction whose sign is not decided: outside the domain', () => {
    expect(sqrt(computed(u, 2 * u, 1)).out).toBe('underflow');
    expect(sqrt(computed(-u, 2 * u, 1)).out).toBe('underflow');
    // Decided positive: a bound.
    expect(sqrt(computed(4 * u, u, 1)).out).toBeUndefined();
    // The uncertainty e + 2^−45 s is 2^−40 here: at −2^−40 undecided, at +2^−40 decided (√ of a value ≥ 0).
    expect(sqrt(computed(-(2 ** -40), 2 ** -40 - 2 ** -45, 1)).out).toBe('underflow');
    expect(sqrt(computed(2 ** -40, 2 ** -40 - 2 ** -45, 1)).out).toBeUndefined();
    // The float64 slack alone, scaled by the size: 2^−44 with s = 4 is within 2^−43.
    expect(sqrt(computed(2 ** -44, 0, 4)).out).toBe('underflow');
    expect(sqrt(computed(2 ** -46, 0, 1)).out).toBe('underflow');
    // An exact zero not marked ≥ 0 (0 · −1, say): √0 = 0 in both.
    expect(sqrt(computed(0, 0, 0)).out).toBeUndefined();
  });

  it('of a value outside the domain: its reason kept, its size the root of its size', () => {
    expect(sqrt({ v: 4, e: Infinity, s: 2 ** -140, out: 'overflow' })).toMatchObject({
      v: 2,
      e: Infinity,
      s: 2 ** -70,
      out: 'overflow',
    });
  });

  it('of a value exactly negative: NaN in both, judged by class', () => {
    // Not ≥ 0; size √s, with no η/u = 2^−126 (a root cannot underflow): 2^−74 for −2^−148.
    expect(sqrt(exactInput(-4))).toEqual({ v: NaN, e: Infinity, s: 2, out: 'nonfinite' });
    expect(sqrt(exactInput(-(2 ** -148)))).toEqual({ v: NaN, e: Infinity, s: 2 ** -74, out: 'nonfinite' });
  });
});
