/**
 * Property-run settings from the environment, so that every run replays: `OPTIM_ORACLE_SEED` (the
 * fast-check seed; a fixed default), `OPTIM_ORACLE_RUNS` (cases per property, for deeper runs).
 *
 * @module
 */

/** The environment variable holding the seed. */
export const SEED_ENV = 'OPTIM_ORACLE_SEED';
/** The environment variable holding the number of cases per property. */
export const RUNS_ENV = 'OPTIM_ORACLE_RUNS';
/** The seed used when none is given. */
export const DEFAULT_SEED = 20171213;

function integerFrom(name: string, value: string | undefined, fallback: number, min: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < min) throw new RangeError(`${name} = ${JSON.stringify(value)} must be an integer ≥ ${min}`);
  return n;
}

/** The seed from `$OPTIM_ORACLE_SEED`, or {@link DEFAULT_SEED}. */
export function seedFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  return integerFrom(SEED_ENV, env[SEED_ENV], DEFAULT_SEED, -(2 ** 31));
}

/** Cases per property: `$OPTIM_ORACLE_RUNS` when set, else `fallback`. */
export function runsFromEnv(fallback: number, env: NodeJS.ProcessEnv = process.env): number {
  return integerFrom(RUNS_ENV, env[RUNS_ENV], fallback, 1);
}
