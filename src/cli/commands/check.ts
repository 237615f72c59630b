/**
 * `optim-oracle check`: its flags and its handler.
 *
 * @module
 */
import { runCheck } from '../../runs/check.js';
import { PROPERTIES } from '../../runs/check-plan.js';
import { formatReport } from '../../runs/check-report.js';
import { AGREEMENT_PROPERTY } from '../../gate/agreement.js';
import { PRESET_NAMES } from '../../../core/catalogue/index.js';
import type { Command } from './command.js';
import {
  BACKEND_FLAG,
  JSON_FLAG,
  MAX_TIME_FLAG,
  SEED_FLAG,
  backendOf,
  maxTimeOf,
  runsFlag,
  runsOf,
  seedOf,
  shardFlag,
  shardValue,
  text,
} from './common.js';
import { reported } from './report.js';
import { REPORT_FILE_FLAGS, writeReportFiles } from './report-files.js';

/** `check`. */
export const checkCommand: Command = {
  name: 'check',
  summary:
    'run the agreement properties of every rule, regularizer, monitor, transform and preset against the exact oracle',
  flags: {
    rule: {
      type: 'string',
      value: 'NAME',
      help: 'only this rule, regularizer, monitor, transform or schedule (default: all of them; optim-oracle list)',
    },
    preset: {
      type: 'string',
      value: 'NAME',
      help: `only this preset: ${PRESET_NAMES.join(', ')} (default: every preset the rule has)`,
    },
    property: {
      type: 'string',
      value: 'NAME',
      help: `only this property: ${Object.keys(PROPERTIES).join(', ')} (rules), ${AGREEMENT_PROPERTY} (the others)`,
    },
    runs: runsFlag('100'),
    seed: SEED_FLAG,
    path: { type: 'string', value: 'P', help: 'replay one counterexample path (with --seed, as a failure prints it)' },
    backend: BACKEND_FLAG,
    shard: shardFlag(
      'run every n-th property from the i-th, dealt out by kind so each shard gets its share of trajectories',
    ),
    'max-time': MAX_TIME_FLAG,
    detail: { type: 'boolean', help: 'print a row per output (the default is a row per rule and preset)' },
    json: JSON_FLAG,
    ...REPORT_FILE_FLAGS,
  },
  notes: ['Rows whose err/bound is 0.9 or more are marked "!" (near their bound).'],
  async run(values, _positionals, { env, ...context }) {
    const options = {
      rule: text(values, 'rule'),
      preset: text(values, 'preset'),
      property: text(values, 'property'),
      runs: runsOf(values, env, 100),
      seed: seedOf(values, env),
      path: text(values, 'path'),
      maxSeconds: maxTimeOf(values),
      shard: shardValue(values),
      backend: await backendOf(values, env),
    };
    return reported(values.json === true, { env, ...context }, async (progress) => {
      const report = await runCheck({ ...options, progress });
      const checked = report.passed + report.failed;
      writeReportFiles(values, report);
      return {
        text: formatReport(report, { detail: values.detail === true }),
        json: report,
        ok: report.failed === 0 && checked > 0,
      };
    });
  },
};
