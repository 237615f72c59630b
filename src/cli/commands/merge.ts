/**
 * `optim-oracle merge FILE...`: joins the `--json` outputs of the shards of one `check` or `bounds`
 * run into the report of the whole run (src/runs/merge.ts), and prints it as those commands do; and
 * `optim-oracle merge --out DIR SHARD_DIR...` joins the directories of the shards of one `fixtures`
 * run into the set the whole run writes (src/fixtures/shards.ts).
 *
 * @module
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { OptionError } from '../../../core/catalogue/errors.js';
import { BOUND_TABLE_PATH } from '../../gate/bound-table.js';
import { formatReport } from '../../runs/check-report.js';
import { assertWritable, boundTableFile } from '../bounds.js';
import { EXIT } from '../exit.js';
import { mergeBoundTables, mergeCheckReports, parseShardReport, type ShardReport } from '../../runs/merge.js';
import type { Command } from './command.js';
import { printTable, type TableOutput } from './bounds.js';
import { JSON_FLAG, text } from './common.js';
import { MANIFEST_FILE } from '../../fixtures/format.js';
import { mergeFixtureShards } from '../../fixtures/shards.js';
import { packageRoot } from '../package-root.js';
import { packageVersion } from '../version.js';

/** `merge`, writing a merged bounds table through `output` with `--write`. */
export function mergeCommandWith(output: TableOutput = {}, root: () => string = packageRoot): Command {
  return {
    name: 'merge',
    summary:
      'join the --json outputs of every shard (--shard i/n) of one check or bounds run into the report of the whole run, or the directories of every shard of one fixtures run into one (--out DIR)',
    positionals: { usage: 'FILE... | --out DIR SHARD_DIR...', max: Infinity },
    flags: {
      detail: { type: 'boolean', help: 'check shards: print a row per output (as check --detail)' },
      write: {
        type: 'boolean',
        help: `bounds shards: rewrite ${BOUND_TABLE_PATH} in the package with the merged table`,
      },
      json: JSON_FLAG,
      out: {
        type: 'string',
        value: 'DIR',
        help: 'fixtures shards: write the merged fixture set (files and manifest.json) into DIR, a new directory',
      },
    },
    notes: [
      'The files must be the shards of one run: the same seed, runs, backend and implementation (and for check the same --rule, --preset and --property), the same n, each shard 0 … n−1 once.',
      "The directories given with --out must be those of every shard of one fixtures run (fixtures --shard i/n --out SHARD_DIR, each with its shard.json), made by this version: each file's sha256 is checked against its shard's manifest.",
    ],
    async run(values, files, { out, err }) {
      const outFlag = text(values, 'out');
      const directories = files.filter((f) => existsSync(f) && statSync(f).isDirectory());
      if (outFlag !== undefined || directories.length > 0) {
        if (outFlag === undefined)
          throw new OptionError(`${directories[0]} is a directory: merge fixture shards with --out DIR`);
        if (directories.length !== files.length || files.length === 0)
          throw new OptionError('merge --out takes the directory of every shard of one fixtures run');
        for (const [flag, set] of [
          ['--detail', values.detail],
          ['--write', values.write],
          ['--json', values.json],
        ] as const)
          if (set === true) throw new OptionError(`${flag} is for check and bounds reports, not fixture shards`);
        const dir = resolve(outFlag);
        if (existsSync(join(dir, MANIFEST_FILE)))
          throw new OptionError(`${dir} already holds a fixture set (${MANIFEST_FILE}): merge into a new directory`);
        const manifest = mergeFixtureShards(files, dir, `optim-oracle ${packageVersion(root())}`);
        const cases = manifest.files.reduce((n, f) => n + f.cases, 0);
        out.write(
          `merged ${files.length} shards: ${manifest.files.length} files, ${cases} cases, and manifest.json in ${dir}\n`,
        );
        return EXIT.ok;
      }
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
