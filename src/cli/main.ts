/**
 * The `optim-oracle` command line.
 *
 * @module
 */
import { parseArgs } from 'node:util';
import { BACKEND_ENV } from '../tfjs/backend.js';
import { DEFAULT_SEED, RUNS_ENV, SEED_ENV, runsFromEnv, seedFromEnv } from '../gate/seed.js';
import { PROPERTIES, runCheck } from './check.js';
import { formatReport } from './check-report.js';
import { REGULARIZER_PROPERTY } from '../gate/regularizers/index.js';
import { BOUND_TABLE_PATH } from '../gate/bound-table.js';
import { bounds } from './bounds.js';
import { runClaims } from './claims.js';
import { formatClaims } from './claims-report.js';

const HELP = `optim-oracle: checks deep-learning update rules against an exact reference.

Usage:
  optim-oracle check [options]   run the agreement properties of every rule, regularizer and preset
  optim-oracle claims [options]  check the papers' claims: holds, refuted (with a counterexample), or holds with a bound
  optim-oracle bounds [--write]  measure the error-bound table (${BOUND_TABLE_PATH}); --write rewrites it
  optim-oracle help              show this text

Options of check:
  --rule NAME        only this rule or regularizer (default: all of them)
  --preset NAME      only this preset: paper, pytorch, keras, tfjs (default: all the rule has)
  --property NAME    only this property: ${Object.keys(PROPERTIES).join(', ')} (rules), ${REGULARIZER_PROPERTY} (regularizers)
  --runs N           cases per property (default 100, or $${RUNS_ENV})
  --seed N           fast-check seed (default ${DEFAULT_SEED}, or $${SEED_ENV})
  --path P           replay one counterexample path (with --seed, as a failure prints it)
  --backend NAME     tensorflow, wasm, cpu or auto (default auto, or $${BACKEND_ENV})
  --json             print the report as JSON
  --write            (bounds) rewrite ${BOUND_TABLE_PATH} with the measurement
  --shard i/n        (bounds) measure every n-th rule and preset from the i-th, for parallel runs
  -h, --help         show this text

Options of claims: --seed, --backend, --json as above, and
  --claim PREFIX     only the claims whose id starts with PREFIX (adam-step, scale-invariance,
                     bias-correction, equivalence, or a whole id)
  --runs N           cases per property (default: each claim's own, 100 to 2000)
  --path P           replay one counterexample (with --claim ID and --seed, as the report prints them)

Exit status: 0 when every property passes (claims: every verdict is the one docs/claims.md
reports), 1 otherwise, 2 on bad usage.`;

function integerOption(name: string, text: string | undefined, fallback: number, min: number): number {
  if (text === undefined) return fallback;
  const n = Number(text);
  if (!Number.isSafeInteger(n) || n < min) throw new RangeError(`--${name} must be an integer ≥ ${min}, got '${text}'`);
  return n;
}

/** Runs the command line with `argv` (without node and script); resolves to the exit status. */
export async function main(argv: readonly string[], out: NodeJS.WriteStream = process.stdout, err: NodeJS.WriteStream = process.stderr): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        rule: { type: 'string' },
        preset: { type: 'string' },
        property: { type: 'string' },
        runs: { type: 'string' },
        seed: { type: 'string' },
        path: { type: 'string' },
        backend: { type: 'string' },
        json: { type: 'boolean', default: false },
        write: { type: 'boolean', default: false },
        shard: { type: 'string' },
        claim: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (e) {
    err.write(`optim-oracle: ${(e as Error).message}\n\n${HELP}\n`);
    return 2;
  }
  const [command = 'help', ...rest] = parsed.positionals;
  if (parsed.values.help || command === 'help') {
    out.write(`${HELP}\n`);
    return 0;
  }
  if (command === 'bounds' && rest.length === 0) return bounds(parsed.values, out, err);
  if (command === 'claims' && rest.length === 0) return claims(parsed.values, out, err);
  if (command !== 'check' || rest.length > 0) {
    err.write(`optim-oracle: unknown command '${[command, ...rest].join(' ')}'\n\n${HELP}\n`);
    return 2;
  }
  const v = parsed.values;
  return reported(v.json, out, err, (progress) =>
    runCheck({
      rule: v.rule,
      preset: v.preset,
      property: v.property,
      runs: integerOption('runs', v.runs, runsFromEnv(100), 1),
      seed: integerOption('seed', v.seed, seedFromEnv(), -(2 ** 31)),
      path: v.path,
      backend: v.backend,
      progress,
    }).then((report) => ({ text: formatReport(report), json: report, ok: report.failed === 0 })),
  );
}

/**
 * Runs a command with a progress line on a terminal, prints its report (text, or JSON with `json`),
 * and returns 0 when it is ok, 1 when not, 2 when it throws (bad usage).
 */
async function reported(json: boolean | undefined, out: NodeJS.WriteStream, err: NodeJS.WriteStream, run: (progress: ((line: string) => void) | undefined) => Promise<{ text: string; json: unknown; ok: boolean }>): Promise<number> {
  const progress = err.isTTY && !json ? (line: string) => err.write(`\r\x1b[2K${line}`) : undefined;
  let result;
  try {
    result = await run(progress);
  } catch (e) {
    if (progress) err.write('\r\x1b[2K');
    err.write(`optim-oracle: ${(e as Error).message}\n`);
    return 2;
  }
  if (progress) err.write('\r\x1b[2K');
  out.write(json ? `${JSON.stringify(result.json, null, 2)}\n` : `${result.text}\n`);
  return result.ok ? 0 : 1;
}

/** `optim-oracle claims`. */
function claims(v: { claim?: string | undefined; runs?: string | undefined; seed?: string | undefined; path?: string | undefined; backend?: string | undefined; json?: boolean | undefined }, out: NodeJS.WriteStream, err: NodeJS.WriteStream): Promise<number> {
  return reported(v.json, out, err, (progress) =>
    runClaims({
      claim: v.claim,
      runs: v.runs !== undefined ? integerOption('runs', v.runs, 100, 1) : process.env[RUNS_ENV] ? runsFromEnv(100) : undefined,
      seed: integerOption('seed', v.seed, seedFromEnv(), -(2 ** 31)),
      path: v.path,
      backend: v.backend,
      progress,
    }).then((report) => ({ text: formatClaims(report), json: report, ok: report.surprises === 0 })),
  );
}
