/**
 * Adafactor, exact (Shazeer & Stern 2018, arXiv:1804.04235, Algorithms 4 and 5;
 * core/catalogue/rules/adafactor.ts), on a whole vector or matrix:
 *
 *   β = 1 − t^(−c),   w = t^(−c),   G2 = g² + ε1
 *   factored (a rows × cols matrix; `two-largest`: only when min(rows, cols) ≥ k):
 *     r' = β r + w rowmean(G2),   c' = β c + w colmean(G2),   V̂ = r' c'ᵀ / mean(r')  (or r' c'ᵀ / mean(c'))
 *     v' = V̂ (`last-two`, Keras) or v (`two-largest`: optax's placeholder passes through)
 *   otherwise:  v' = β v + w G2,  V̂ = v',  r' = r,  c' = c
 *   u = g / √V̂,   û = u / max(1, RMS(u) / d)   (min(|u|, d) sign(u) for one element: ./factored.ts)
 *   relative:         θ' = θ − (max(ε2, RMS(θ)) · min(α, 1/√t)) û
 *   parameter-scale:  θ' = θ − max(RMS(θ), ε2) û
 *
 * The normalised statistic under `two-largest` is the larger dimension's: optax reduces the larger
 * axis for its v_row and divides that by its mean (optax/_src/factorized.py, d0 = the largest axis,
 * ties to the last one).
 *
 * @module
 */
import type { AdafactorSchema } from '../../core/catalogue/rules/adafactor.js';
import { matrixDims } from '../../core/catalogue/index.js';
import { required } from '../../core/required.js';
import type { Arithmetic, Enclosure } from '../enclosure.js';
import type { HyperEnclosures } from '../rule.js';
import { tensorRule, type TensorContext, type TensorUpdate } from '../tensor-rule.js';
import { at, clipByRms, colMeans, factoredEstimate, rms, rowMeans } from './factored.js';

/** Whether a rows × cols matrix is factored, and which statistic is normalised. */
function factoring(
  a: Arithmetic,
  context: TensorContext<AdafactorSchema>,
  rows: number,
  cols: number,
): 'rows' | 'columns' | undefined {
  if (context.flags.factoring === 'last-two') return 'rows';
  const k = required(context.h.minDimSizeToFactor, 'minDimSizeToFactor (optax)');
  if (a.isNegative(a.sub(a.point(Math.min(rows, cols)), k))) return undefined;
  return rows > cols ? 'columns' : 'rows';
}

/** The step's scale of û: max(ε2, RMS(θ)) · min(α, 1/√t), or max(RMS(θ), ε2). */
function stepScale(
  a: Arithmetic,
  h: HyperEnclosures<AdafactorSchema>,
  params: readonly Enclosure[],
  t: number,
  stepSize: 'relative' | 'parameter-scale',
): Enclosure {
  const scale = a.max(h.eps2, rms(a, params));
  if (stepSize === 'parameter-scale') return scale;
  const relative = a.div(a.point(1), a.sqrt(a.point(t)));
  const lr = required(h.lr, 'lr (the relative step)');
  // min(α, 1/√t) = −max(−α, −1/√t): no comparison, so a tie (α = 10^−3 at t = 10^6) needs no decision.
  return a.mul(scale, a.neg(a.max(a.neg(lr), a.neg(relative))));
}

/** Adafactor's exact step on a whole vector or matrix. */
export const adafactorUpdate: TensorUpdate<AdafactorSchema> = {
  name: 'adafactor',
  entries: ['adafactor'],
  step(a, { params, grads, slots }, context) {
    const { h, t, flags } = context;
    // t^(−c) is exactly 1 at t = 1 or c = 0 (β exactly 0), which powReal's enclosure would only approach.
    const w = t === 1 || a.isZero(h.decayRate) ? a.point(1) : a.powReal(a.point(t), a.neg(h.decayRate));
    const beta = a.sub(a.point(1), w);
    const g2 = grads.map((g) => a.add(a.square(g), h.eps1));
    const ema = (old: Enclosure, x: Enclosure) => a.add(a.mul(beta, old), a.mul(w, x));
    const dims = matrixDims(context.shape);
    const normalise = dims === undefined ? undefined : factoring(a, context, dims.rows, dims.cols);
    let r = slots.r;
    let c = slots.c;
    let v: readonly Enclosure[];
    let vHat: readonly Enclosure[];
    if (dims !== undefined && normalise !== undefined) {
      r = rowMeans(a, g2, dims.rows, dims.cols).map((x, i) => ema(at(slots.r, i), x));
      c = colMeans(a, g2, dims.rows, dims.cols).map((x, j) => ema(at(slots.c, j), x));
      vHat = factoredEstimate(a, r, c, normalise);
      v = flags.factoring === 'last-two' ? vHat : slots.v;
    } else {
      v = g2.map((x, i) => ema(at(slots.v, i), x));
      vHat = v;
    }
    const u = grads.map((g, i) => a.div(g, a.sqrt(at(vHat, i))));
    const clipped = clipByRms(a, u, h.clipThreshold);
    const step = stepScale(a, h, params, t, flags.stepSize);
    return {
      params: params.map((p, i) => a.sub(p, a.mul(step, at(clipped, i)))),
      slots: { r, c, v },
    };
  },
};

/** Adafactor as an oracle rule. */
export const adafactorOracle = tensorRule(adafactorUpdate);
