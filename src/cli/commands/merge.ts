/**
 * `optim-oracle merge FILE...`: joins the `--json` outputs of the shards of one `check` or `bounds`
 * run into the report of the whole run (src/runs/merge.ts), and prints it as those commands do.
 *
 * @module
 */
import { readFileSync } from 'node:fs';
import { OptionError } from '../../../core/catalogue/errors.js';
import { BOUND_TABLE_PATH } from '../../gate/bound-table.js';
import { formatReport } from '../../runs/check-report.js';
import { assertWritable, boundTableFile } from '../bounds.js';
import { EXIT } from '../exit.js';
import { mergeBoundTables, mergeCheckReports, parseShardReport, type ShardReport } from '../../runs/merge.js';
import type { Command } from './command.js';
import { printTable, type TableOutput } from './bounds.js';
import { JSON_FLAG } from './common.js';

/** `merge`, writing a merged bounds table through `output` with `--write`. */
export function mergeCommandWith(output: TableOutput = {}): Command {
  return {
    name: 'merge',
    summary:
      'join the --json outputs of every shard (--shard i/n) of one check or bounds run into the report of the whole run',
    positionals: { usage: 'FILE...', max: Infinity },
    flags: {
      detail: { type: 'boolean', help: 'check shards: print a row per output (as check --detail)' },
      write: {
        type: 'boolean',
        help: `bounds shards: rewrite ${BOUND_TABLE_PATH} in the package with the merged table`,
      },
      json: JSON_FLAG,
    },
    notes: [
      'The files must be the shards of one run: the same seed, runs, backend and implementation (and for check the same --rule, --preset and --property), the same n, each shard 0 … n−1 once.',
    ],
    async run(values, files, { out, err }) {
      if (files.length === 0)
        throw new OptionError(
          'merge takes the --json files of every shard of one run (optim-oracle merge check-*.json)',
        );
      const read: Array<ShardReport & { file: string }> = files.map((file) => ({
        file,
        ...parseShardReport(file, readFileSync(file, 'utf8')),
      }));
      const [first] = read;
      if (first === undefined) throw new OptionError('merge takes the --json files of every shard of one run');
      const other = read.find((r) => r.kind !== first.kind);
      if (other !== undefined)
        throw new OptionError(
          `${other.file} is a ${other.kind} report and ${first.file} a ${first.kind} report; merge the shards of one run`,
        );
      if (first.kind === 'check') {
        if (values.write === true) throw new OptionError('--write writes a bounds table; these are check reports');
        const report = mergeCheckReports(
          read.map((r) => ({ file: r.file, report: r.report as Extract<ShardReport, { kind: 'check' }>['report'] })),
        );
        out.write(
          values.json === true
            ? `${JSON.stringify(report, null, 2)}\n`
            : `${formatReport(report, { detail: values.detail === true })}\n`,
        );
        return report.failed === 0 && report.passed > 0 ? EXIT.ok : EXIT.failed;
      }
      if (values.detail === true) throw new OptionError('--detail shows check reports; these are bounds tables');
      const file = values.write === true ? (output.file ?? boundTableFile)() : undefined;
      if (file !== undefined) assertWritable(file);
      const table = mergeBoundTables(
        read.map((r) => ({ file: r.file, report: r.report as Extract<ShardReport, { kind: 'bounds' }>['report'] })),
      );
      return printTable(table, { json: values.json === true, file, output, out, err });
    },
  };
}

/** `merge`. */
export const mergeCommand: Command = mergeCommandWith();
