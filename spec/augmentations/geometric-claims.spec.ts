/**
 * The geometric augmentations' claims (src/claims/augmentations/geometric.ts): each gets the verdict
 * docs/augmentation.md reports, oracle claims once, float32 claims on every backend.
 */
import { claimTests } from '../claims/verdicts.js';
import { geometricClaims } from '../../src/claims/augmentations/geometric.js';

claimTests(geometricClaims);
