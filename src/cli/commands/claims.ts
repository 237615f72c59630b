/**
 * `optim-oracle claims`: its flags and its handler.
 *
 * @module
 */
import { runClaims } from '../../runs/claims.js';
import { formatClaims } from '../../runs/claims-report.js';
import { RUNS_ENV } from '../../gate/seed.js';
import type { Command } from './command.js';
import {
  BACKEND_FLAG,
  JSON_FLAG,
  MAX_TIME_FLAG,
  SEED_FLAG,
  backendOf,
  maxTimeOf,
  runsOf,
  seedOf,
  text,
} from './common.js';
import { reported } from './report.js';

/** `claims`. */
export const claimsCommand: Command = {
  name: 'claims',
  summary: "check the papers' claims: holds, refuted (with a counterexample), or holds with a bound",
  flags: {
    claim: {
      type: 'string',
      value: 'PREFIX',
      help: 'only the claims whose id starts with PREFIX (adam-step, scale-invariance, bias-correction, equivalence, or a whole id; optim-oracle list claims)',
    },
    runs: {
      type: 'string',
      value: 'N',
      help: `cases per property (default: each claim's own, 100 to 2000, or $${RUNS_ENV})`,
    },
    seed: SEED_FLAG,
    path: {
      type: 'string',
      value: 'P',
      help: 'replay one counterexample (with --claim ID and --seed, as the report prints them)',
    },
    backend: BACKEND_FLAG,
    'max-time': MAX_TIME_FLAG,
    json: JSON_FLAG,
  },
  async run(values, _positionals, { env, ...context }) {
    const options = {
      claim: text(values, 'claim'),
      runs: runsOf(values, env, undefined),
      seed: seedOf(values, env),
      path: text(values, 'path'),
      maxSeconds: maxTimeOf(values),
      backend: await backendOf(values, env),
    };
    return reported(values.json === true, { env, ...context }, async (progress) => {
      const report = await runClaims({ ...options, progress });
      return { text: formatClaims(report), json: report, ok: report.surprises === 0 && report.outcomes.length > 0 };
    });
  },
};
