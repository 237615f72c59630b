/**
 * The ranges a run's seed and case count must lie in, checked by the library's run functions
 * (`runCheck`, `runClaims`, `measureBoundTable`) so that the command line and library users get the
 * same message.
 *
 * fast-check reads a seed `s` as the 32-bit integer `s | 0` when `s` already is one, and otherwise
 * folds it, `(s | 0) ^ ((s − (s | 0)) · 2^32)` (readSeed in fast-check 4's QualifiedParameters), so
 * that 2^32 runs as 0 and 2^31 + k as −2^31 + k, and a fraction is rescaled. Only the int32 range
 * −2^31 ≤ s ≤ 2^31 − 1 is taken as written, and reported back by fast-check as the same seed, so it
 * is the range accepted here.
 *
 * @module
 */
import { OptionError } from '../../core/catalogue/errors.js';

/** The smallest seed accepted: −2^31. */
export const SEED_MIN = -(2 ** 31);
/** The largest seed accepted: 2^31 − 1. */
export const SEED_MAX = 2 ** 31 - 1;

/** Throws an {@link OptionError} unless `seed` is an integer with SEED_MIN ≤ seed ≤ SEED_MAX. */
export function checkSeed(seed: number): number {
  if (!Number.isInteger(seed) || seed < SEED_MIN || seed > SEED_MAX) {
    throw new OptionError(
      `seed must be an integer from ${SEED_MIN} to ${SEED_MAX} (fast-check's 32-bit seeds), got ${seed}`,
    );
  }
  return seed;
}

/** Throws an {@link OptionError} unless `runs` (cases per property) is a safe integer ≥ 1. */
export function checkRuns(runs: number): number {
  if (!Number.isSafeInteger(runs) || runs < 1)
    throw new OptionError(`runs (cases per property) must be an integer ≥ 1, got ${runs}`);
  return runs;
}
