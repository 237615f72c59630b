/**
 * The flags several commands share (runs, seed, backend, max-time, path, json), and how each is read:
 * the flag when present, else its environment variable, else the default. An environment variable is
 * read, and checked, only when its flag is absent.
 *
 * @module
 */
import { OptionError } from '../../../core/catalogue/errors.js';
import { DEFAULT_SEED, RUNS_ENV, SEED_ENV, parseCount, parseSeed } from '../../gate/seed.js';
import { SEED_MAX, SEED_MIN } from '../../gate/seed-range.js';
import { availableBackends, BACKEND_ENV, BACKEND_NAMES, isBackendName } from '../../production/tfjs/backend.js';
import type { Flag, Values } from './command.js';

/** `--runs`, its help naming what is counted and `fallback` as the default. */
export function runsFlag(fallback: string, what = 'cases per property'): Flag {
  return { type: 'string', value: 'N', help: `${what} (default ${fallback}, or $${RUNS_ENV})` };
}

/** `--seed`. */
export const SEED_FLAG: Flag = {
  type: 'string',
  value: 'N',
  help: `fast-check seed, an integer from ${SEED_MIN} to ${SEED_MAX} (default ${DEFAULT_SEED}, or $${SEED_ENV})`,
};
/** `--backend`. */
export const BACKEND_FLAG: Flag = {
  type: 'string',
  value: 'NAME',
  help: `${BACKEND_NAMES.join(', ')} or auto (default auto: the fastest present, or $${BACKEND_ENV})`,
};
/** `--max-time`. */
export const MAX_TIME_FLAG: Flag = {
  type: 'string',
  value: 'SECONDS',
  help: 'stop after this many seconds, reporting what was checked (default: no limit)',
};
/** `--json`. */
export const JSON_FLAG: Flag = { type: 'boolean', help: 'print the report as JSON' };

/** `--shard i/n`, saying what one shard of `what` runs. */
export function shardFlag(what: string): Flag {
  return {
    type: 'string',
    value: 'i/n',
    help: `${what} (0 ≤ i < n), for parallel runs; optim-oracle merge joins the shards' --json`,
  };
}

/** `--shard i/n` as the library's shard (index i of count n), or the whole run (0 of 1) without the flag. */
export function shardValue(values: Values): { index: number; count: number } {
  const flag = text(values, 'shard');
  if (flag === undefined) return { index: 0, count: 1 };
  const m = /^(\d+)\/(\d+)$/.exec(flag);
  if (m === null || Number(m[1]) >= Number(m[2]))
    throw new OptionError(`--shard takes i/n with 0 ≤ i < n, got '${flag}'`);
  return { index: Number(m[1]), count: Number(m[2]) };
}

/** The string flag `name`, or undefined. */
export function text(values: Values, name: string): string | undefined {
  const v = values[name];
  return typeof v === 'string' ? v : undefined;
}

/** Cases per property: `--runs`, else `$OPTIM_ORACLE_RUNS`, else `fallback`. */
export function runsOf(values: Values, env: NodeJS.ProcessEnv, fallback: number): number;
export function runsOf(values: Values, env: NodeJS.ProcessEnv, fallback: undefined): number | undefined;
export function runsOf(values: Values, env: NodeJS.ProcessEnv, fallback: number | undefined): number | undefined {
  const flag = text(values, 'runs');
  if (flag !== undefined) return parseCount(flag, '--runs', 1);
  const variable = env[RUNS_ENV];
  return variable === undefined || variable === '' ? fallback : parseCount(variable, RUNS_ENV, 1);
}

/** The seed: `--seed`, else `$OPTIM_ORACLE_SEED`, else the default. */
export function seedOf(values: Values, env: NodeJS.ProcessEnv): number {
  const flag = text(values, 'seed');
  if (flag !== undefined) return parseSeed(flag, '--seed');
  const variable = env[SEED_ENV];
  return variable === undefined || variable === '' ? DEFAULT_SEED : parseSeed(variable, SEED_ENV);
}

/**
 * The backend: `--backend`, else `$OPTIM_ORACLE_BACKEND`, else auto; a name that is not a backend, or
 * one not present here, is bad usage.
 */
export async function backendOf(values: Values, env: NodeJS.ProcessEnv): Promise<string> {
  const flag = text(values, 'backend');
  const variable = env[BACKEND_ENV];
  const [source, name] =
    flag !== undefined
      ? ['--backend', flag]
      : variable !== undefined && variable !== ''
        ? [BACKEND_ENV, variable]
        : ['', 'auto'];
  if (name === 'auto') return name;
  if (!isBackendName(name))
    throw new OptionError(`${source} must be one of ${BACKEND_NAMES.join(', ')}, auto; got '${name}'`);
  const present = await availableBackends();
  if (!present.includes(name))
    throw new OptionError(`${source} '${name}' is not available here; present: ${present.join(', ')}`);
  return name;
}

/** `--max-time` in seconds (a number > 0), or undefined. */
export function maxTimeOf(values: Values): number | undefined {
  const flag = text(values, 'max-time');
  if (flag === undefined) return undefined;
  const n = /^\s*\d*\.?\d+(e[-+]?\d+)?\s*$/i.test(flag) ? Number(flag) : NaN;
  if (!(n > 0) || !Number.isFinite(n))
    throw new OptionError(`--max-time must be a number of seconds > 0, got '${flag}'`);
  return n;
}
