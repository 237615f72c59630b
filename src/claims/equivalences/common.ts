/**
 * What the equivalence claims share: the generators (rates on the 2^−24 grid, moderate float32
 * values), exact trajectories on the oracle (80 digits, no rounding to float32 between steps) and
 * their comparison to 10^−60, and the configurations of momentum and Adam they compare.
 *
 * @module
 */
import fc from 'fast-check';
import { Decimal } from 'decimal.js';
import { exactText } from '../../../oracle/binary32.js';
import { configure, type Configuration, type HyperName } from '../../../core/catalogue/index.js';
import * as entries from '../../../core/catalogue/entries.js';
import type { AdamSchema } from '../../../core/catalogue/rules/adam.js';
import type { MomentumSchema } from '../../../core/catalogue/rules/momentum.js';
import { required } from '../../../core/required.js';
import { moderateFloat32 } from '../../gate/arbitraries/float32.js';
import { exactStep, type Slots } from '../one-step.js';

/** Math.fround: rounding to binary32. */
export const F = Math.fround;
/** Decimal at 100 significant digits. */
export const D = Decimal.clone({ precision: 100 });

/** A rate in (0, 1) on the 2^−24 grid (exact in float32). */
export const rate = fc.integer({ min: 1, max: 2 ** 24 - 1 }).map((n) => n / 2 ** 24);
/** A nonzero moderate float32. */
export const moderate = moderateFloat32();
/** 1 to `maxLength` moderate float32 gradients. */
export const gradients = (maxLength: number): fc.Arbitrary<number[]> => fc.array(moderate, { minLength: 1, maxLength });
/** The ε the Adam-family equivalences are checked with: the paper's default and a large one. */
export const EPSILONS = ['1e-8', '0.001'] as const;

/** θ after each exact step of a trajectory from float32 θ and slots; `configAt(t)` may change with t. */
export function trajectory(
  configAt: (t: number) => Configuration,
  theta: number,
  slots: Slots,
  gs: readonly number[],
): Decimal[] {
  let th: Decimal | string = exactText(theta);
  let s: Slots = slots;
  return gs.map((g, i) => {
    const r = exactStep(configAt(i + 1), th, exactText(g), s, i + 1);
    th = r.theta;
    s = r.slots;
    return th;
  });
}

/** Equal to 10^−60 relative, element by element: |x_i − y_i| ≤ (|x_i| + 1) 10^−60 (the trajectories are computed to 80 digits). */
export const agree = (x: readonly Decimal[], y: readonly Decimal[]): boolean =>
  x.every((v, i) =>
    v
      .minus(required(y[i], `element ${i} of the second trajectory`))
      .abs()
      .lte(v.abs().plus(1).times('1e-60')),
  );

/** Momentum SGD in a preset's form with float32 α and μ (PyTorch's with no dampening and no decay). */
export const momentum = (
  preset: 'paper' | 'pytorch' | 'keras',
  lr: number,
  mu: number,
): Configuration<MomentumSchema> =>
  configure(
    entries.momentum,
    preset,
    preset === 'pytorch'
      ? { lr: exactText(lr), momentum: exactText(mu), dampening: '0', weightDecay: '0' }
      : { lr: exactText(lr), momentum: exactText(mu) },
  );

/** Adam in a preset's form with float32 β1, β2, the decimal ε and any other hyperparameters. */
export const adam = (
  preset: 'paper' | 'pytorch',
  b1: number,
  b2: number,
  eps: string,
  extra: { readonly [K in HyperName<AdamSchema>]?: string } = {},
): Configuration<AdamSchema> =>
  configure(entries.adam, preset, { beta1: exactText(b1), beta2: exactText(b2), eps, ...extra });
