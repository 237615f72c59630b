/**
 * Adam's step-size claims (Kingma & Ba 2015, section 2.1), with ε = 0 and Δ_t = α m̂_t / √v̂_t per
 * coordinate, from zero state. Each is checked on the oracle (exact, decided by escalating precision)
 * and on float32 production, whose step is within a running error bound e of the exact recursion on
 * the same float32 inputs (src/gate/bound/trajectory-bound.ts). docs/claims.md has the proofs.
 *
 * @module
 */
import type { Claim } from '../types.js';
import { constantGradientClaims } from './constant-gradient.js';
import { paperBoundClaims } from './paper-bound.js';
import { tightBoundClaims } from './tight-bound.js';

/** Every claim about Adam's step size, in the order `optim-oracle claims` prints them. */
export const adamStepSizeClaims: readonly Claim[] = [
  ...paperBoundClaims,
  ...tightBoundClaims,
  ...constantGradientClaims,
];
