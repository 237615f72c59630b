/**
 * Property-run settings from the environment, so that every run replays: `OPTIM_ORACLE_SEED` (the
 * fast-check seed; a fixed default), `OPTIM_ORACLE_RUNS` (cases per property, for deeper runs), each
 * read from its text with a message naming where it came from.
 *
 * @module
 */
import { OptionError } from '../../core/catalogue/errors.js';
import { SEED_MAX, SEED_MIN } from './seed-range.js';

/** The environment variable holding the seed. */
export const SEED_ENV = 'OPTIM_ORACLE_SEED';
/** The environment variable holding the number of cases per property. */
export const RUNS_ENV = 'OPTIM_ORACLE_RUNS';
/** The seed used when none is given. */
export const DEFAULT_SEED = 20171213;

/**
 * The seed `text` names, from the flag or variable `source` (`--seed`, `OPTIM_ORACLE_SEED`); throws
 * an {@link OptionError} quoting the text and stating the accepted range (SEED_MIN ≤ seed ≤ SEED_MAX,
 * src/gate/seed-range.ts) when it is not an integer in it. The text is compared as a BigInt, so
 * that 2^53 + 1 is not first rounded to 2^53.
 */
export function parseSeed(text: string, source: string): number {
  const digits = text.trim();
  const n = /^[-+]?\d+$/.test(digits) ? BigInt(digits) : undefined;
  if (n === undefined || n < BigInt(SEED_MIN) || n > BigInt(SEED_MAX)) {
    throw new OptionError(
      `${source} must be an integer from ${SEED_MIN} to ${SEED_MAX} (fast-check's 32-bit seeds), got '${text}'`,
    );
  }
  return Number(n);
}

/**
 * The integer `text` names, from the flag or variable `source`, when it is a safe integer ≥ `min`;
 * otherwise throws an {@link OptionError} naming the source, the rule and the text.
 */
export function parseCount(text: string, source: string, min: number): number {
  const n = /^\s*[-+]?\d+\s*$/.test(text) ? Number(text) : NaN;
  if (!Number.isSafeInteger(n) || n < min)
    throw new OptionError(`${source} must be an integer ≥ ${min}, got '${text}'`);
  return n;
}

/** The seed from `$OPTIM_ORACLE_SEED`, or {@link DEFAULT_SEED} when it is unset or empty. */
export function seedFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const text = env[SEED_ENV];
  return text === undefined || text === '' ? DEFAULT_SEED : parseSeed(text, SEED_ENV);
}

/** Cases per property: `$OPTIM_ORACLE_RUNS` when set and not empty, else `fallback`. */
export function runsFromEnv(fallback: number, env: NodeJS.ProcessEnv = process.env): number {
  const text = env[RUNS_ENV];
  return text === undefined || text === '' ? fallback : parseCount(text, RUNS_ENV, 1);
}
