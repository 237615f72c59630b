/**
 * Bias correction (src/claims/bias-correction.ts). The power check (the uncorrected m_t is rejected)
 * is itself a claim there, expected refuted.
 */
import { biasCorrectionClaims } from '../../src/claims/bias-correction.js';
import { claimTests } from './verdicts.js';

claimTests(biasCorrectionClaims);
