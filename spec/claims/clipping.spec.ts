/**
 * The clipping claims (src/claims/clipping/): each verdict as docs/claims.md reports it.
 */
import { clippingClaims } from '../../src/claims/clipping/index.js';
import { claimTests } from './verdicts.js';

claimTests(clippingClaims);
