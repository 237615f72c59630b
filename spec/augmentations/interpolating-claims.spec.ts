/**
 * The interpolating and colour augmentations' claims (src/claims/augmentations/interpolating.ts and
 * colour.ts), each with the verdict docs/augmentation.md reports: oracle claims once, float32 claims
 * on every backend present.
 */
import { claimTests } from '../claims/verdicts.js';
import { interpolatingClaims } from '../../src/claims/augmentations/interpolating.js';

claimTests(interpolatingClaims);
