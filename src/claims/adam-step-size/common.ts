/**
 * What Adam's step-size claims share: the generators of β and of gradient sequences, the exact |Δ_t|
 * and its comparison with a bound (decided by escalating precision), and the counterexample's report.
 *
 * @module
 */
import fc from 'fast-check';
import type { Decimal } from 'decimal.js';
import { exactText } from '../../../oracle/binary32.js';
import { adamStep, compareExact, paperBound } from '../../../oracle/claims/adam-step-size.js';
import { IntervalArithmetic } from '../../../oracle/interval.js';
import { f32 } from '../property.js';
import type { NamedValue } from '../types.js';

/** Where the claims are stated. */
export const SOURCE = 'Kingma & Ba 2015, section 2.1';
/** Math.fround: rounding to binary32. */
export const F = Math.fround;

/** β on [0, 1): uniform on a 2^−24 grid, fast-check's float32 generator (which favours tiny values), and the usual settings. */
export const betaFloat32 = (): fc.Arbitrary<number> =>
  fc.oneof(
    fc.integer({ min: 0, max: 2 ** 24 - 1 }).map((n) => n / 2 ** 24),
    fc.float({ min: 0, max: F(1 - 2 ** -24), noNaN: true }).map(Math.abs),
    fc.constantFrom(0, F(0.5), F(0.9), F(0.99), F(0.999), F(0.9999)),
  );

/** A gradient sequence as float32: arbitrary values, or c · r^(t−i) rounded (where the extremes are). */
export const gradientSequence = (
  maxLength: number,
  ratio: fc.Arbitrary<number> = fc.double({ min: 0.5, max: 1.5, noNaN: true }),
): fc.Arbitrary<number[]> =>
  fc.oneof(
    fc.array(fc.float({ min: -100, max: 100, noNaN: true }), { minLength: 1, maxLength }),
    fc
      .tuple(fc.integer({ min: 1, max: maxLength }), ratio, fc.constantFrom(1, -1, 2.5))
      .map(([t, r, c]) => Array.from({ length: t }, (_, i) => F(c * r ** (t - 1 - i)))),
  );

/** Whether any gradient is nonzero (an all-zero sequence makes no step). */
export const nonzero = (gs: readonly number[]): boolean => gs.some((g) => g !== 0);
/** The exact decimals of float32 gradients. */
export const texts = (gs: readonly number[]): string[] => gs.map(exactText);

/** The counterexample's values: β1, β2 and g_1..g_t. */
export const describeCase = ([b1, b2, gs]: [number, number, number[]]): NamedValue[] => [
  f32('β1', b1),
  f32('β2', b2),
  ...gs.map((g, i) => f32(`g_${i + 1}`, g)),
];

/** |Δ_t| ≤ bound, decided exactly: true, false, or 'equal' (equal to 10^−1270). */
export function exactHolds(
  b1: number,
  b2: number,
  gs: number[],
  bound: (a: IntervalArithmetic) => ReturnType<typeof adamStep>,
): boolean | 'equal' {
  return compareExact((a) => ({ x: a.abs(adamStep(a, exactText(b1), exactText(b2), '1', texts(gs))), y: bound(a) }));
}

/** The exact |Δ_t| to 20 digits, for reports. */
export const exactStep = (b1: number, b2: number, gs: number[], alpha = '1'): Decimal =>
  adamStep(IntervalArithmetic.at(60), exactText(b1), exactText(b2), alpha, texts(gs)).near.abs();
/** `d` to 12 significant digits, for reports. */
export const digits = (d: Decimal): string => d.toSignificantDigits(12).toString();

/** `|Δ_t| = x α > stated y α (by z α)`, exact to 20 digits. */
export function excess(b1: number, b2: number, gs: number[]): string {
  const step = exactStep(b1, b2, gs);
  const stated = paperBound(IntervalArithmetic.at(60), exactText(b1), exactText(b2), '1').near;
  const [x, y, by] = [
    step.toSignificantDigits(20).toString(),
    stated.toSignificantDigits(20).toString(),
    step.minus(stated).toSignificantDigits(3).toString(),
  ];
  return `|Δ_${gs.length}| = ${x} α > stated ${y} α, by ${by} α`;
}

/** The largest of a measured quantity and how many were measured, for reports. */
export class Extremes {
  max = -Infinity;
  count = 0;
  add(x: number): void {
    this.count++;
    this.max = Math.max(this.max, x);
  }
}

/** The paper's bound on |Δ_t|, as stated. */
export const paperStatement = '|Δ_t| ≤ α (1 − β1)/√(1 − β2) when 1 − β1 > √(1 − β2), else |Δ_t| ≤ α';
/** The tight bound B derived here (docs/claims.md). */
export const TIGHT = 'B = α (1 − β1)/(1 − β1^t) · √((1 − β2^t)/(1 − β2)) · √(Σ_{k<t} (β1²/β2)^k)';
