/**
 * Equivalences between conventions, by topic. Exactly: on the oracle over trajectories, with no
 * rounding to float32 between steps (each step's enclosure at 80 digits feeds the next as its nearest
 * value, and results are compared to 10^−60). In float32: one production step of each convention from
 * the same state, compared through src/claims/one-step.ts (bitwise where the mapping between the
 * conventions is exact in float32 and the operations coincide).
 *
 * @module
 */
import type { Claim } from '../types.js';
import { adamRmspropClaims } from './adam-rmsprop.js';
import { amsgradClaims } from './amsgrad.js';
import { momentumClaims } from './momentum.js';
import { nadamClaims } from './nadam.js';
import { nagClaims } from './nag.js';
import { weightDecayClaims } from './weight-decay.js';

/** Every equivalence claim, in the order `optim-oracle claims` prints them. */
export const equivalenceClaims: readonly Claim[] = [
  ...momentumClaims,
  ...nagClaims,
  ...adamRmspropClaims,
  ...nadamClaims,
  ...weightDecayClaims,
  ...amsgradClaims,
];
