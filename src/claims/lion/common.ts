/**
 * What the Lion claims share: the cases they draw (hyperparameters as decimals, float32 θ, m and g,
 * with cancelling pairs that make c = β1 m + (1 − β1) g exactly 0) and the exact step
 * α (sign(c) + λ θ) computed here from the paper's formula (Chen et al. 2023, arXiv:2302.06675,
 * Algorithm 2), not by the oracle.
 *
 * @module
 */
import fc from 'fast-check';
import { Decimal } from 'decimal.js';
import { exactText } from '../../../oracle/binary32.js';
import { configure, type Configuration } from '../../../core/catalogue/index.js';
import * as entries from '../../../core/catalogue/entries.js';
import type { LionSchema } from '../../../core/catalogue/rules/lion.js';
import { moderateFloat32 } from '../../gate/arbitraries/float32.js';
import { f32, text } from '../property.js';
import type { NamedValue } from '../types.js';

/** Where the claims are stated. */
export const SOURCE = 'Chen et al. 2023, arXiv:2302.06675, Algorithm 2';
/** Decimal at 400 significant digits: every sum and product of the cases' decimals is exact at it. */
export const D = Decimal.clone({ precision: 400 });

/** Lion's presets. */
export const PRESETS = ['paper', 'keras', 'optax'] as const;

/** One Lion case: a preset, decimal hyperparameters and float32 θ, m, g. */
export interface LionCase {
  readonly preset: (typeof PRESETS)[number];
  readonly lr: string;
  readonly beta1: string;
  readonly beta2: string;
  readonly weightDecay: string;
  readonly theta: number;
  readonly m: number;
  readonly g: number;
}

/** A rate in (0, 1) on the 2^−24 grid, as its exact decimal. */
const gridRate = fc.integer({ min: 1, max: 2 ** 24 - 1 }).map((n) => exactText(n / 2 ** 24));
const moderate = moderateFloat32();
const orZero = fc.oneof({ weight: 9, arbitrary: moderate }, { weight: 1, arbitrary: fc.constant(0) });

/**
 * (β1, m, g): any β1 with moderate m and g (or zeros), or a pair that cancels exactly:
 * β1 = 1/2 with m = −g, and β1 = 0.9 with m = −2^k, g = 9 · 2^k (0.9 · (−2^k) + 0.1 · 9 · 2^k = 0).
 */
const momentumAndGradient: fc.Arbitrary<readonly [string, number, number]> = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.tuple(fc.oneof(fc.constantFrom('0.9', '0.95', '0.99'), gridRate), orZero, orZero),
  },
  { weight: 1, arbitrary: moderate.map((x) => ['0.5', -x, x] as const) },
  { weight: 1, arbitrary: fc.integer({ min: -20, max: 20 }).map((k) => ['0.9', -(2 ** k), 9 * 2 ** k] as const) },
);

/** Lion cases with the decay λ drawn by `decay`. */
export function lionCases(decay: fc.Arbitrary<string>): fc.Arbitrary<LionCase> {
  return fc
    .tuple(
      fc.constantFrom(...PRESETS),
      fc.oneof(fc.constantFrom('0.0001', '0.001', '0.3'), gridRate),
      fc.oneof(fc.constantFrom('0.99', '0.98'), gridRate),
      decay,
      moderate,
      momentumAndGradient,
    )
    .map(([preset, lr, beta2, weightDecay, theta, [beta1, m, g]]) => ({
      preset,
      lr,
      beta1,
      beta2,
      weightDecay,
      theta,
      m,
      g,
    }));
}

/** λ: zero, the decays people use, or any rate on the 2^−24 grid. */
export const anyDecay: fc.Arbitrary<string> = fc.oneof(fc.constantFrom('0', '0.001', '0.01', '0.1'), gridRate);

/** The case's configuration. */
export function lionConfig(c: LionCase): Configuration<LionSchema> {
  return configure(entries.lion, c.preset, {
    lr: c.lr,
    beta1: c.beta1,
    beta2: c.beta2,
    weightDecay: c.weightDecay,
  });
}

/** c = β1 m + (1 − β1) g, exactly. */
export function interpolation(c: LionCase): Decimal {
  const b1 = new D(c.beta1);
  return b1.times(exactText(c.m)).plus(new D(1).minus(b1).times(exactText(c.g)));
}

/** sign(x) with sign(0) = 0. */
export const signOf = (x: Decimal): number => (x.isZero() ? 0 : x.s);

/** The exact step θ − θ' = α (sign(c) + λ θ). */
export function exactLionStep(c: LionCase): Decimal {
  return new D(c.lr).times(new D(signOf(interpolation(c))).plus(new D(c.weightDecay).times(exactText(c.theta))));
}

/** The case's values by name. */
export function describeCase([c]: [LionCase]): NamedValue[] {
  return [
    text('preset', c.preset),
    text('α', c.lr),
    text('β1', c.beta1),
    text('β2', c.beta2),
    text('λ', c.weightDecay),
    f32('θ', c.theta),
    f32('m', c.m),
    f32('g', c.g),
  ];
}
