/**
 * The clipping claims (src/claims/clipping/): each verdict as docs/claims.md reports it; the float32
 * claims on the first backend by default, on every backend under $OPTIM_ORACLE_RUNS.
 */
import { clippingClaims } from '../../src/claims/clipping/index.js';
import { claimTests } from './verdicts.js';

claimTests(clippingClaims);
