/**
 * What the clipping claims share: the cases (a clipping under a preset, one to three float32 variables,
 * a threshold drawn over its domain or next to the case's own norm), exact norms in decimal, and the
 * production and exact clipped gradients.
 *
 * @module
 */
import type fc from 'fast-check';
import { Decimal } from 'decimal.js';
import type { Configuration, PresetName } from '../../../core/catalogue/index.js';
import { exactText } from '../../../oracle/binary32.js';
import { exactClipped } from '../../../oracle/gradient-transforms/clipping.js';
import type { Interval } from '../../../oracle/interval.js';
import { clipCase } from '../../gate/gradient-transforms/agreement.js';
import { tfjsClipArrays } from '../../production/tfjs/clipping.js';
import { gradientTransformRecordOf } from '../../registry/gradient-transforms.js';
import { f32, text } from '../property.js';
import type { NamedValue } from '../types.js';

/** Where the clippings are written. */
export const SOURCE =
  'keras/src/optimizers/base_optimizer.py (_clip_by_norm, clip_by_global_norm); torch/nn/utils/clip_grad.py (1.13)';
/** Decimal at 400 digits: sums of squares of float32 values (exponents −298 to 256) are exact at it. */
export const D = Decimal.clone({ precision: 400 });

/** One clipping case: the clipping's name and preset, its configuration and the gradients. */
export interface ClippingCase {
  readonly name: string;
  readonly preset: PresetName;
  readonly config: Configuration;
  readonly grads: readonly Float32Array[];
}

/** Cases of the clipping `name` under `preset`. */
export const clippingCases = (name: string, preset: PresetName): fc.Arbitrary<ClippingCase> =>
  clipCase(gradientTransformRecordOf(name), preset).map((c) => ({ name, preset, ...c }));

/** Σ x² of float32 values, exactly. */
export const squaredNorm = (xs: Iterable<number>): Decimal =>
  Array.from(xs).reduce((s, x) => s.plus(new D(exactText(x)).pow(2)), new D(0));

/** Σ g² over every variable, exactly. */
export const globalSquaredNorm = (grads: readonly Float32Array[]): Decimal => squaredNorm(grads.flatMap((g) => [...g]));

/** The case's threshold, as its exact decimal. */
export const threshold = (c: ClippingCase): Decimal => new D(Object.values(c.config.hyper)[0] as string);

/** Production's clipped gradients on the active backend, concatenated. */
export const productionClip = (c: ClippingCase): Float32Array =>
  tfjsClipArrays(gradientTransformRecordOf(c.name).production, c.config, c.grads);

/** The exact clipped gradients, concatenated (enclosures at 120 digits). */
export const exactClip = (c: ClippingCase): Interval[] =>
  exactClipped(
    gradientTransformRecordOf(c.name).oracle,
    c.config,
    c.grads.map((g) => Array.from(g)),
    120,
  ).flat();

/** The case as named values: the clipping, the threshold and every gradient element. */
export function describeClipping([c]: [ClippingCase]): NamedValue[] {
  return [
    text('clipping', `${c.name}/${c.preset}`),
    text('threshold', Object.values(c.config.hyper)[0] as string),
    ...c.grads.flatMap((g, i) => Array.from(g, (x, k) => f32(`g${i + 1}[${k}]`, x))),
  ];
}
