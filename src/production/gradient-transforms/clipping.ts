/**
 * Gradient clipping in float32, in each framework's order of operations, written once against
 * {@link ClipArith} (each value one variable's whole gradient tensor, or a scalar that broadcasts) and
 * {@link ScalarArith} (coefficients in float64, rounded once to float32), so that the gate derives the
 * error bound from the same code. With N_i = √(Σ g_i²) (float32 squares and sum) and min(a, b) written
 * as −max(−a, −b) (exact, and it keeps the sign of zero):
 *
 *   clip-by-norm (Keras _clip_by_norm, tf.clip_by_norm):   (g_i · c) / max(N_i, c)
 *   clip-by-global-norm keras (clip_by_global_norm):        N = √(Σ_i Σ g_i²); g_i · (c · min(1/N, 1/c) + (N − N))
 *   clip-by-global-norm pytorch (clip_grad_norm_, 1.13):    N = √(Σ_i N_i²); g_i · min((1/(N + 10^−6)) · c, 1)
 *   clip-by-value (ops.clip, clamp_):                       min(max(g, −v), v)
 *
 * Keras's 1/c is Python's float64 division, rounded once to float32 where it meets the tensor; the
 * rest are float32 tensor operations. PyTorch's max_norm / tensor is `tensor.reciprocal() * max_norm`
 * (torch/_tensor.py `__rdiv__`), and 1e-6 a float32 scalar. Sources: keras/src/optimizers/base_optimizer.py,
 * keras/src/backend/tensorflow/optimizer.py, torch/nn/utils/clip_grad.py (v1.13.0).
 *
 * @module
 */
import type { RegionArith, ScalarArith } from '../../../core/arith.js';
import type { AnySchema, Configuration, Schema } from '../../../core/catalogue/index.js';
import type {
  ClipByGlobalNormSchema,
  ClipByNormSchema,
  ClipByValueSchema,
} from '../../../core/catalogue/gradient-transforms/clipping.js';

/**
 * {@link RegionArith} whose region is one variable's whole tensor, and what clipping adds: a sum of
 * per-variable scalars, and Keras's `scale + (N − N)`.
 */
export interface ClipArith<T> extends RegionArith<T> {
  /** Σ of one scalar per variable (ops.sum(ops.stack(parts))): float32 additions in any order. */
  total(parts: readonly T[]): T;
  /** x + (n − n): x for a finite n (n − n = +0 and x > 0 here), NaN for n = ±∞ or NaN. */
  plusZeroOf(x: T, n: T): T;
  /** −x, exact (−(+0) = −0, as tf.neg and unary minus). */
  neg(x: T): T;
}

/** A clipping's coefficients by name. */
export type ClipCoefficients<C extends string, X> = { readonly [K in C]: X };

/** One clipping: its float64 coefficients, then float32 operations on the list of gradients. */
export interface ClipAlgorithm<S extends Schema = AnySchema, C extends string = string> {
  /** The catalogue entry it implements. */
  readonly name: string;
  coefficients<X>(s: ScalarArith<X>, config: Configuration<S>): ClipCoefficients<C, X>;
  clip<T>(A: ClipArith<T>, grads: readonly T[], c: ClipCoefficients<C, T>, config: Configuration<S>): T[];
}

/** min(a, b) = −max(−a, −b), NaN when either is: exact, as ops.minimum and torch.clamp(max=). */
const min = <T>(A: ClipArith<T>, a: T, b: T): T => A.neg(A.max(A.neg(a), A.neg(b)));
/** Σ g² over one variable's tensor, as Keras's ops.sum(ops.square(g)). */
const squaredNorm = <T>(A: ClipArith<T>, g: T): T => A.regionSum(A.square(g));

/** Keras's clipnorm: (g · c) / max(N, c) per variable. */
export const clipByNormAlgorithm: ClipAlgorithm<ClipByNormSchema, 'c'> = {
  name: 'clip-by-norm',
  coefficients: (s, { hyper }) => ({ c: s.hyper(hyper.clipnorm) }),
  clip: (A, grads, { c }) => grads.map((g) => A.div(A.mul(g, c), A.max(A.sqrt(squaredNorm(A, g)), c))),
};

/** Global norm clipping in Keras's form or PyTorch's. */
export const clipByGlobalNormAlgorithm: ClipAlgorithm<ClipByGlobalNormSchema, 'c' | 'inverseC' | 'eps' | 'one'> = {
  name: 'clip-by-global-norm',
  coefficients: (s, { hyper }) => ({
    c: s.hyper(hyper.maxNorm),
    inverseC: s.div(s.integer(1), s.hyper(hyper.maxNorm)),
    eps: s.hyper('0.000001'),
    one: s.integer(1),
  }),
  clip(A, grads, k, { flags }) {
    if (flags.form === 'keras') {
      const n = A.sqrt(A.total(grads.map((g) => squaredNorm(A, g))));
      const scale = A.plusZeroOf(A.mul(k.c, min(A, A.div(k.one, n), k.inverseC)), n);
      return grads.map((g) => A.mul(g, scale));
    }
    const norms = grads.map((g) => A.sqrt(squaredNorm(A, g)));
    const n = A.sqrt(A.total(norms.map((x) => A.square(x))));
    const coefficient = A.mul(A.div(k.one, A.add(n, k.eps)), k.c);
    const clamped = min(A, coefficient, k.one);
    return grads.map((g) => A.mul(g, clamped));
  },
};

/** Value clipping: min(max(g, −v), v) elementwise. */
export const clipByValueAlgorithm: ClipAlgorithm<ClipByValueSchema, 'minusV'> = {
  name: 'clip-by-value',
  coefficients: (s, { hyper }) => ({ minusV: s.sub(s.integer(0), s.hyper(hyper.clipValue)) }),
  clip: (A, grads, { minusV }) => grads.map((g) => A.neg(A.max(A.neg(A.max(g, minusV)), minusV))),
};
