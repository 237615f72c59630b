/**
 * `optim-oracle gate --impl "<command>"`: the agreement properties of `check`, run against a program
 * in any language that speaks the gate's protocol (docs/protocol.md) on its stdin and stdout.
 *
 * @module
 */
import { defectsOf, OptionError, PRESET_NAMES } from '../../../core/catalogue/index.js';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describeDiagnosis, diagnose, type Diagnosis } from '../../gate/diagnosis.js';
import { judgeSavedCase } from '../../gate/replay-case.js';
import { parseSavedCase } from '../../gate/saved-case.js';
import type { FailedProperty, Implementation } from '../../gate/implementation.js';
import { entryOf } from '../../registry/index.js';
import type { CheckReport } from '../../runs/check-types.js';

import { subprocessImplementation, type SubprocessImplementation } from '../../gate/protocol/subprocess.js';
import { AGREEMENT_PROPERTY } from '../../gate/agreement.js';
import { PROPERTIES } from '../../runs/check-plan.js';
import { formatReport } from '../../runs/check-report.js';
import { runCheck } from '../../runs/check.js';
import { EXIT } from '../exit.js';
import type { Command } from './command.js';
import { JSON_FLAG, MAX_TIME_FLAG, SEED_FLAG, maxTimeOf, runsFlag, runsOf, seedOf, text } from './common.js';
import { reported } from './report.js';
import { REPORT_FILE_FLAGS, writeReportFiles } from './report-files.js';

/** Seconds a program may take to answer one request when `--timeout` is not given. */
const DEFAULT_TIMEOUT_SECONDS = 30;

function timeoutOf(value: string | undefined): number {
  if (value === undefined) return DEFAULT_TIMEOUT_SECONDS;
  const seconds = Number(value);
  if (!Number.isFinite(seconds) || seconds <= 0)
    throw new OptionError(`--timeout must be a number of seconds > 0, got '${value}'`);
  return seconds;
}

/** Single quotes for sh, so that a replay line can be pasted as it is printed. */
const quoted = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/** Cases the diagnosis asks of a failing rule and preset. */
const DIAGNOSIS_CASES = 100;

/** The properties of a plain step, which the diagnosis asks again under other conventions. */
const DIAGNOSED: ReadonlySet<string> = new Set(['one-step', 'one-step-nonfinite', 'trajectory']);

/**
 * The diagnosis of every update rule and preset with a failed plain-step property (a failure with a
 * schedule or Keras's wrapper alone, or of a clipping, is not a convention of the rule).
 */
async function diagnoseFailures(impl: Implementation, report: CheckReport, seed: number): Promise<Diagnosis[]> {
  const failed = report.results.filter((r) => r.properties.some((p) => !p.passed && DIAGNOSED.has(p.name)));
  const out: Diagnosis[] = [];
  for (const r of failed) out.push(await diagnose(impl, entryOf(r.rule), r.preset, { cases: DIAGNOSIS_CASES, seed }));
  return out;
}

/** The rules and presets judged whose conventions encode a framework's defect, with the finding. */
function presetFindings(report: CheckReport): { rule: string; preset: string; finding: string }[] {
  return report.results.flatMap((r) => {
    const entry = entryOf(r.rule);
    return defectsOf(entry, entry.presets[r.preset]?.flags ?? {}).map((finding) => ({
      rule: r.rule,
      preset: r.preset,
      finding,
    }));
  });
}

/** Writes each failure's saved case into `dir`; the files written. */
function saveCases(report: CheckReport, dir: string): string[] {
  mkdirSync(dir, { recursive: true });
  return report.results.flatMap((r) =>
    r.properties.flatMap((p) => {
      if (p.case === undefined) return [];
      const file = join(dir, `${r.rule}-${r.preset}-${p.name}.json`);
      writeFileSync(file, `${JSON.stringify(p.case, null, 2)}\n`);
      return [file];
    }),
  );
}

/** `gate --case FILE`: the program judged on one saved case. */
async function replayCase(command: string, file: string, timeoutSeconds: number, out: NodeJS.WritableStream) {
  const { config, case: saved } = parseSavedCase(readFileSync(file, 'utf8'), file);
  const program = subprocessImplementation(command, { timeoutSeconds });
  try {
    if (!program.supports(config.entry.name, config.preset))
      throw new OptionError(`${program.name} does not implement ${config.entry.name}/${config.preset}`);
    const verdict = await judgeSavedCase(program, config, saved);
    out.write(`${program.name} on ${file} (${config.entry.name}/${config.preset}):\n${verdict.lines.join('\n')}\n`);
    return verdict.passed ? EXIT.ok : EXIT.failed;
  } finally {
    program.close();
  }
}

/** `gate`. */
export const gateCommand: Command = {
  name: 'gate',
  summary: 'judge a program in any language over the JSON Lines protocol (docs/protocol.md) against the oracle',
  flags: {
    impl: {
      type: 'string',
      value: 'COMMAND',
      help: 'the program to judge, run through sh -c (required), e.g. "python3 my_adam.py"',
    },
    rule: { type: 'string', value: 'NAME', help: 'only this rule (default: every rule the program implements)' },
    preset: {
      type: 'string',
      value: 'NAME',
      help: `only this preset: ${PRESET_NAMES.join(', ')} (default: every preset the program implements)`,
    },
    property: {
      type: 'string',
      value: 'NAME',
      help: `only this property: ${[...Object.keys(PROPERTIES), AGREEMENT_PROPERTY].join(', ')} (a clipping's)`,
    },
    runs: runsFlag('100'),
    seed: SEED_FLAG,
    path: { type: 'string', value: 'P', help: 'replay one counterexample path (with --seed, as a failure prints it)' },
    timeout: {
      type: 'string',
      value: 'S',
      help: `seconds the program may take to answer one request (default ${DEFAULT_TIMEOUT_SECONDS})`,
    },
    'max-time': MAX_TIME_FLAG,
    case: {
      type: 'string',
      value: 'FILE',
      help: 'judge the program on this one saved case instead of running the properties (--save-cases writes them)',
    },
    'save-cases': {
      type: 'string',
      value: 'DIR',
      help: "write each failure's shrunk case to DIR/<rule>-<preset>-<property>.json, for --case",
    },
    detail: { type: 'boolean', help: 'print a row per output (the default is a row per rule and preset)' },
    json: JSON_FLAG,
    ...REPORT_FILE_FLAGS,
  },
  notes: [
    'Exit status 3 when the program crashes, stays silent past --timeout or breaks the protocol;',
    'the properties it finished are reported.',
  ],
  async run(values, _positionals, { env, ...context }) {
    const command = text(values, 'impl');
    if (command === undefined || command.trim() === '')
      throw new OptionError('gate needs --impl "<command>", the program to judge');
    const timeoutSeconds = timeoutOf(text(values, 'timeout'));
    const caseFile = text(values, 'case');
    if (caseFile !== undefined) return replayCase(command, caseFile, timeoutSeconds, context.out);
    const saveDir = text(values, 'save-cases');
    const options = {
      rule: text(values, 'rule'),
      preset: text(values, 'preset'),
      property: text(values, 'property'),
      runs: runsOf(values, env, 100),
      seed: seedOf(values, env),
      path: text(values, 'path'),
      maxSeconds: maxTimeOf(values),
    };
    let program: SubprocessImplementation | undefined;
    let broken = false;
    try {
      const status = await reported(values.json === true, { env, ...context }, async (progress) => {
        program = subprocessImplementation(command, { timeoutSeconds });
        const impl = `npx optim-oracle gate --impl ${quoted(command)}`;
        const judged = Object.assign(program, {
          replay: (f: FailedProperty) =>
            `${impl} --rule ${f.rule} --preset ${f.preset} --property ${f.property} --seed ${f.seed} --path ${f.path} --runs ${f.runs}`,
        });
        const report = await runCheck({ ...options, progress, implementation: () => judged });
        broken = report.broken !== undefined;
        const checked = report.passed + report.failed;
        const diagnoses = broken ? [] : await diagnoseFailures(judged, report, options.seed);
        const findings = presetFindings(report);
        const saved = saveDir === undefined ? [] : saveCases(report, saveDir);
        writeReportFiles(values, { ...report, findings });
        return {
          text: [
            formatReport(report, { detail: values.detail === true }),
            ...(diagnoses.length > 0 ? ['', 'Diagnosis:', ...diagnoses.map((d) => `  ${describeDiagnosis(d)}`)] : []),
            ...(findings.length > 0
              ? [
                  '',
                  'Findings (passing a preset that encodes a framework defect is not a pass):',
                  ...findings.map((f) => `  ${f.rule}/${f.preset}: ${f.finding}`),
                ]
              : []),
            ...(saved.length > 0
              ? ['', 'Saved cases (replay one with --case FILE):', ...saved.map((f) => `  ${f}`)]
              : []),
          ].join('\n'),
          json: { ...report, diagnoses, findings },
          ok: report.failed === 0 && checked > 0 && findings.length === 0,
        };
      });
      return broken ? EXIT.gate : status;
    } finally {
      program?.close();
    }
  },
};
