/**
 * Bias correction (Kingma & Ba 2015, section 3): with a constant gradient m̂_t = g and v̂_t = g² at
 * every t; the efficient form of section 2 equals Algorithm 1 when ε̂ = ε √(1 − β2^t); for i.i.d.
 * gradients E[m_t] = E[g] (1 − β1^t) and E[v_t] = E[g²] (1 − β2^t). The checks are in
 * ./bias-correction/, by topic.
 *
 * @module
 */
import { constantGradientClaims } from './bias-correction/constant-gradient.js';
import { efficientFormClaims } from './bias-correction/efficient-form.js';
import { statisticalClaims } from './bias-correction/statistical.js';
import type { Claim } from './types.js';

/** The bias-correction claims, in the order `optim-oracle claims` prints them. */
export const biasCorrectionClaims: readonly Claim[] = [
  ...constantGradientClaims,
  ...efficientFormClaims,
  ...statisticalClaims,
];
