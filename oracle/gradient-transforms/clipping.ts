/**
 * Gradient clipping, exact (enclosures of the float32 gradients and the thresholds as written), each
 * output certified correctly rounded to float32 through the oracle's stages ({@link certifyStaged}:
 * binary64 enclosures first, the exact stages and the decimal ladder where they leave the rounding
 * open), one formula per clipping serving every stage. With N_i = √(Σ g_i²) the norm of
 * variable i and N = √(Σ_i N_i²) the global norm:
 *
 *   clip-by-norm:                 g_i · c / max(N_i, c)
 *   clip-by-global-norm (keras):  g_i · c / max(N, c)          (= c · min(1/N, 1/c) for N > 0)
 *   clip-by-global-norm (pytorch): g_i · min(c / (N + 10^−6), 1)
 *   clip-by-value:                min(max(g, −v), v)
 *
 * Sources: keras/src/optimizers/base_optimizer.py (`_clip_by_norm`, `clip_by_global_norm`,
 * `_clip_gradients`); torch/nn/utils/clip_grad.py at v1.13.0 (`clip_grad_norm_`, `clip_grad_value_`).
 *
 * @module
 */
import type { Arithmetic, Enclosure } from '../enclosure.js';
import { IntervalArithmetic, type Interval } from '../interval.js';
import { certifyStaged } from '../staged.js';
import { checkEntry, uncertifiedOf } from '../marks.js';
import type { AnySchema, Configuration, Schema, UncertifiedElement } from '../../core/catalogue/index.js';
import type {
  ClipByGlobalNormSchema,
  ClipByNormSchema,
  ClipByValueSchema,
} from '../../core/catalogue/gradient-transforms/clipping.js';
import { required } from '../../core/required.js';

/** One clipping's exact formula on the list of gradients (one array per variable), typed by its schema. */
export interface ExactClip<S extends Schema = AnySchema> {
  /** The catalogue entry it computes. */
  readonly name: string;
  clip(a: Arithmetic, grads: readonly (readonly Enclosure[])[], config: Configuration<S>): Enclosure[][];
}

/** The oracle's outputs: the clipped gradients, concatenated in variable order. */
export type ClipOracleOutputs = {
  readonly grads: Float32Array;
  readonly uncertified: UncertifiedElement[];
};

/** Σ g² of one variable (0 for an empty one). */
const squaredNorm = (a: Arithmetic, g: readonly Enclosure[]): Enclosure =>
  g.reduce((sum, x) => a.add(sum, a.square(x)), a.point(0));

/** Every element of every variable multiplied by `scale(i)`, the factor of variable i. */
const scaled = (a: Arithmetic, grads: readonly (readonly Enclosure[])[], scale: (i: number) => Enclosure) =>
  grads.map((g, i) => {
    const k = scale(i);
    return g.map((x) => a.mul(x, k));
  });

/** c / max(n, c): the factor that scales norm n to at most c (1 where n ≤ c). */
const factor = (a: Arithmetic, n: Enclosure, c: Enclosure): Enclosure => a.div(c, a.max(n, c));

/** Keras's clipnorm: each variable by its own norm. */
export const clipByNormExact: ExactClip<ClipByNormSchema> = {
  name: 'clip-by-norm',
  clip: (a, grads, { hyper }) => {
    const c = a.point(hyper.clipnorm);
    return scaled(a, grads, (i) => factor(a, a.sqrt(squaredNorm(a, required(grads[i], 'variable'))), c));
  },
};

/** Global norm clipping, in Keras's form (no ε) or PyTorch's (c / (N + 10^−6), at most 1). */
export const clipByGlobalNormExact: ExactClip<ClipByGlobalNormSchema> = {
  name: 'clip-by-global-norm',
  clip: (a, grads, { hyper, flags }) => {
    const c = a.point(hyper.maxNorm);
    const n = a.sqrt(grads.reduce((sum, g) => a.add(sum, squaredNorm(a, g)), a.point(0)));
    const k =
      flags.form === 'keras'
        ? factor(a, n, c)
        : a.neg(a.max(a.neg(a.div(c, a.add(n, a.point('0.000001')))), a.point(-1)));
    return scaled(a, grads, () => k);
  },
};

/** Value clipping: min(max(g, −v), v) = −max(−max(g, −v), −v). */
export const clipByValueExact: ExactClip<ClipByValueSchema> = {
  name: 'clip-by-value',
  clip: (a, grads, { hyper }) => {
    const minusV = a.neg(a.point(hyper.clipValue));
    return grads.map((g) => g.map((x) => a.neg(a.max(a.neg(a.max(x, minusV)), minusV))));
  },
};

/** The point enclosure of a gradient element: a float32 taken exactly, or decimal text. */
const element = (a: Arithmetic, x: string | number): Enclosure =>
  typeof x === 'number' ? a.fromFloat32(x) : a.point(x);

/**
 * The clipped gradients of `grads` (one Float32Array per variable) under `config` (a configuration of
 * `exact`'s entry), each correctly rounded to float32 and concatenated in variable order, and the
 * elements left uncertified (indexed in that concatenation).
 */
export function clipOracle(exact: ExactClip, config: Configuration, grads: readonly Float32Array[]): ClipOracleOutputs {
  checkEntry(exact.name, [exact.name], config);
  const r = certifyStaged<string>(exact.name, (a) => {
    const out = exact.clip(
      a,
      grads.map((g) => Array.from(g, (x) => element(a, x))),
      config,
    );
    return Object.fromEntries(out.flat().map((x, k) => [String(k), x]));
  });
  const total = grads.reduce((n, g) => n + g.length, 0);
  const flat = Float32Array.from({ length: total }, (_, k) => required(r.values[String(k)], `element ${k}`));
  return { grads: flat, uncertified: uncertifiedOf(r, 'grads') };
}

/** The exact clipped gradients (not rounded), for properties about the real numbers. */
export function exactClipped(
  exact: ExactClip,
  config: Configuration,
  grads: readonly (readonly (string | number)[])[],
  precision = 80,
): Interval[][] {
  const a = IntervalArithmetic.at(precision);
  // The formula is written against any Arithmetic; on IntervalArithmetic it gives Intervals.
  return exact.clip(
    a,
    grads.map((g) => g.map((x) => element(a, x))),
    config,
  ) as Interval[][];
}
