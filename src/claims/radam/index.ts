/**
 * RAdam's claims (Liu et al. 2019, arXiv:1908.03265): its two regimes against momentum SGD and
 * Adam (./steps.ts), and the rectifier r_t in (0, 1), increasing in t (./rectifier.ts).
 *
 * @module
 */
import type { Claim } from '../types.js';
import { rectifierClaims } from './rectifier.js';
import { radamStepClaims } from './steps.js';

/** RAdam's claims, in the order `optim-oracle claims` prints them. */
export const radamClaims: readonly Claim[] = [...radamStepClaims, ...rectifierClaims];
