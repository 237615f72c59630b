/**
 * LAMB's trust ratio and scale invariance in θ (src/claims/lamb/): each claim's verdict is the one
 * docs/claims.md reports.
 */
import { lambClaims } from '../../src/claims/lamb/index.js';
import { claimTests } from './verdicts.js';

claimTests(lambClaims);
