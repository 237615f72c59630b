/**
 * Adafactor in float32 on a whole vector or matrix (Shazeer & Stern 2018, arXiv:1804.04235), in the
 * order of keras/src/optimizers/adafactor.py update_step (`last-two`, `relative`) and of optax's
 * chain (optax/_src/factorized.py scale_by_factored_rms, clip_by_block_rms, scale_by_param_block_rms,
 * scale(−1); `two-largest`, `parameter-scale`), with w = float32(t^(−c)), β = float32(1 − t^(−c)) and
 * ρ = min(α, float32(1/√t)) (the coefficients in float64, each rounded once):
 *
 *   g2 = g² + ε1
 *   factored:  r' = β r + w rowmean(g2),   c' = β c + w colmean(g2)
 *     Keras:   v' = (r' / mean(r'))[:, None] · c'[None, :],   u = g / √v'
 *     optax:   u = (g · (1 / √(r' / mean(r')))[:, None]) · (1 / √c')[None, :]   (or c' normalised)
 *   otherwise: v' = β v + w g2,   u = g / √v' (Keras) or g · (1 / √v') (optax's v^−0.5)
 *   û = u · min(1, d / RMS(u))      (the frameworks' u / max(1, RMS(u) / d), which overflows for a tiny d)
 *   relative:         θ' = θ − (max(ε2, RMS(θ)) · ρ) · û
 *   parameter-scale:  θ' = θ − û · max(RMS(θ), ε2)
 *
 * with RMS scaled by Σ |x| ({@link rms}).
 *
 * min(α, 1/√t) is −max(−α, −1/√t) in float32 (negation is exact), whose error is the larger of the
 * two operands' whichever way the comparison goes.
 *
 * @module
 */
import type { MatrixArith } from '../../../core/arith.js';
import { matrixDims } from '../../../core/catalogue/index.js';
import type { AdafactorSchema } from '../../../core/catalogue/rules/adafactor.js';
import { required } from '../../../core/required.js';
import { learningRate } from './common.js';
import type { MatrixRule } from './matrix-rule.js';

type Always = 'w' | 'beta' | 'eps1' | 'eps2' | 'clipThreshold' | 'one' | 'zero';
type Sometimes = 'lr' | 'relative';

/**
 * RMS(x) = √(mean(x²)) over the whole tensor (Keras's `_rms`, optax's safe_root_mean_squares), scaled
 * by s = Σ |x| as LAMB's norm (./tensor-rule.ts) so that no square overflows or vanishes:
 *
 *   RMS(x) = where(s > 0, where(1 / s > 0, s · √(mean((x / s)²)), s), s)
 *
 * (0 for a zero tensor, ∞ with an infinite element, NaN with a NaN one, as the exact RMS). The
 * frameworks square x directly, whose float32 RMS is ∞ beyond |x| ≈ 2^64.
 */
function rms<T>(A: MatrixArith<T>, x: T, one: T): T {
  const s = A.sum(A.abs(x));
  const scaled = A.mul(s, A.sqrt(A.mean(A.square(A.div(x, s)))));
  return A.wherePositive(s, A.wherePositive(A.div(one, s), scaled, s), s);
}

/** Whether the parameter of `shape` is factored, and which statistic is normalised (as the oracle decides). */
function factoring(
  flags: AdafactorSchema['flags'],
  shape: readonly number[] | undefined,
  minDim: string | undefined,
): 'rows' | 'columns' | undefined {
  const dims = matrixDims(shape);
  if (dims === undefined) return undefined;
  if (flags.factoring === 'last-two') return 'rows';
  if (Math.min(dims.rows, dims.cols) < Number(required(minDim, 'minDimSizeToFactor (optax)'))) return undefined;
  return dims.rows > dims.cols ? 'columns' : 'rows';
}

/** Adafactor's production step on a whole vector or matrix, with the factoring and step its flags choose. */
export const adafactor: MatrixRule<AdafactorSchema, Always, Sometimes> = {
  kind: 'matrix',
  coefficients(s, { hyper, flags, schedule }, t) {
    const w = s.pow(s.integer(t), s.sub(s.integer(0), s.hyper(hyper.decayRate)));
    const relative =
      flags.stepSize === 'relative'
        ? {
            lr: learningRate(s, required(hyper.lr, 'lr'), schedule, t),
            relative: s.div(s.integer(1), s.sqrt(s.integer(t))),
          }
        : {};
    return {
      w,
      beta: s.sub(s.integer(1), w),
      eps1: s.hyper(hyper.eps1),
      eps2: s.hyper(hyper.eps2),
      clipThreshold: s.hyper(hyper.clipThreshold),
      one: s.integer(1),
      zero: s.integer(0),
      ...relative,
    };
  },
  step(A, { param, grad, slots }, c, { hyper, flags }, shape) {
    const keras = flags.factoring === 'last-two';
    const g2 = A.add(A.square(grad), c.eps1);
    const ema = (old: typeof param, x: typeof param) => A.add(A.mul(c.beta, old), A.mul(c.w, x));
    const inverseRoot = (x: typeof param) => A.div(c.one, A.sqrt(x));
    const normalise = factoring(flags, shape, hyper.minDimSizeToFactor);
    let r = slots.r;
    let col = slots.c;
    let v = slots.v;
    let u: typeof param;
    if (normalise !== undefined) {
      r = ema(slots.r, A.rowMean(g2));
      col = ema(slots.c, A.colMean(g2));
      const rHat = normalise === 'rows' ? A.div(r, A.mean(r)) : r;
      const cHat = normalise === 'columns' ? A.div(col, A.mean(col)) : col;
      if (keras) {
        v = A.mul(A.alongRows(rHat), A.alongColumns(cHat));
        u = A.div(grad, A.sqrt(v));
      } else {
        u = A.mul(A.mul(grad, A.alongRows(inverseRoot(rHat))), A.alongColumns(inverseRoot(cHat)));
      }
    } else {
      v = ema(slots.v, g2);
      u = keras ? A.div(grad, A.sqrt(v)) : A.mul(grad, inverseRoot(v));
    }
    const clipped = A.mul(
      u,
      A.sub(c.zero, A.max(A.sub(c.zero, c.one), A.sub(c.zero, A.div(c.clipThreshold, rms(A, u, c.one))))),
    );
    const scale = A.max(c.eps2, rms(A, param, c.one));
    if (flags.stepSize === 'parameter-scale')
      return { param: A.sub(param, A.mul(clipped, scale)), slots: { r, c: col, v } };
    const lr = required(c.lr, 'lr');
    const relative = required(c.relative, 'relative');
    const rho = A.sub(c.zero, A.max(A.sub(c.zero, lr), A.sub(c.zero, relative)));
    return { param: A.sub(param, A.mul(A.mul(scale, rho), clipped)), slots: { r, c: col, v } };
  },
};
