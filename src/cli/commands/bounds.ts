/**
 * `optim-oracle bounds`: its flags and its handler. With `--write` it checks that the table can be
 * written before measuring, and if the write fails anyway it prints the measurement and saves it to a
 * temporary file, so that no measurement is thrown away. With `--rule` or `--preset` it measures those
 * pairs only, and `--write` replaces their rows in the table (../../gate/bound-splice.ts), after
 * checking, before measuring, that the table was measured with the same backend, seed and runs. With
 * `--jobs N` it measures the whole table as N shards in N processes at once (../shard-processes.ts)
 * and merges them as `merge` does: the same table, in about 1/N of the time on N cores.
 *
 * @module
 */
import { writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { OptionError } from '../../../core/catalogue/errors.js';
import { PRESET_NAMES } from '../../../core/catalogue/index.js';
import { measuredConfigurations } from '../../gate/bound-pairs.js';
import { isPartial, selectPairs } from '../../gate/bound-selection.js';
import { checkSpliceable, spliceBoundTable } from '../../gate/bound-splice.js';
import {
  BOUND_TABLE_PATH,
  boundTableProblems,
  measureBoundTable,
  type BoundTable,
  type Shard,
} from '../../gate/bound-table.js';
import { production } from '../../gate/implementation.js';
import { parseCount } from '../../gate/seed.js';
import {
  mergeBoundTables,
  parseShardReport,
  type ShardedBoundTable,
  type ShardFile,
  type ShardReport,
} from '../../runs/merge.js';
import { runShardProcesses, type ShardProcessResult, type ShardSpawner } from '../shard-processes.js';
import { useBackend } from '../../production/tfjs/backend.js';
import { assertWritable, boundTableFile, formatBoundTable, readBoundTable } from '../bounds.js';
import { EXIT } from '../exit.js';
import { progressDisplay } from '../progress-display.js';
import type { Command, Context, Values } from './command.js';
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

/** Where `--write` writes, and how (tests replace both). */
export interface TableOutput {
  /** The table's file (default: fixtures/error-bounds.json under the package root). */
  readonly file?: () => string;
  readonly write?: (file: string, contents: string) => void;
  /** The measurement (default: {@link measureBoundTable}); a test counts its calls. */
  readonly measure?: typeof measureBoundTable;
  /** How `--jobs` starts a shard's process (default: this package's command line). */
  readonly spawner?: ShardSpawner;
}

/** How {@link printTable} prints and where it writes. */
export interface TablePrinting extends Pick<Context, 'out' | 'err'> {
  /** Print JSON (else text). */
  readonly json: boolean;
  /** Write the table here (`--write`), when the table is complete. */
  readonly file: string | undefined;
  readonly output: TableOutput;
  /** What to write in place of the table printed (a part put into the table it belongs to). */
  readonly written?: ((table: BoundTable) => BoundTable) | undefined;
}

/**
 * Prints a measured (or merged) table, and writes it to `file` when given and the table is complete
 * ({@link boundTableProblems}). Resolves to the exit status: 1 when the table is incomplete (the file
 * is left as it was), 4 when the write fails (the table is printed as JSON and saved to a temporary
 * file whose path is printed), else 0.
 */
export function printTable(
  table: BoundTable & { readonly shard?: Shard },
  { json: asJson, file, output, out, err, written }: TablePrinting,
): number {
  const printed = `${JSON.stringify(table, null, 2)}\n`;
  out.write(asJson ? printed : `${formatBoundTable(table)}\n`);
  const problems = boundTableProblems(table);
  if (problems.length > 0) {
    err.write(
      `${problems.map((p) => `optim-oracle: ${p}`).join('\n')}\n${file === undefined ? '' : `optim-oracle: ${file} is left as it was\n`}`,
    );
    return EXIT.failed;
  }
  if (file === undefined) return EXIT.ok;
  const json = written === undefined ? printed : `${JSON.stringify(written(table), null, 2)}\n`;
  try {
    (output.write ?? writeFileSync)(file, json);
  } catch (e) {
    const saved = join(tmpdir(), `optim-oracle-error-bounds-${process.pid}-${Date.now()}.json`);
    let where: string;
    try {
      writeFileSync(saved, json);
      where = ` and saved to ${saved}`;
    } catch {
      where = '';
    }
    if (!asJson) out.write(json);
    err.write(
      `optim-oracle: could not write ${file}: ${(e as Error).message}; the measurement is printed above as JSON${where}\n`,
    );
    return EXIT.io;
  }
  (asJson ? err : out).write(`${asJson ? '' : '\n'}wrote ${file}\n`);
  return EXIT.ok;
}

/** `bounds`, writing the table through `output`. */
export function boundsCommandWith(output: TableOutput = {}): Command {
  return {
    name: 'bounds',
    summary: `measure the error-bound table (${BOUND_TABLE_PATH}); --write rewrites it, or with --rule, --preset their rows`,
    flags: {
      runs: runsFlag('1000', 'cases per rule and preset of the table'),
      seed: SEED_FLAG,
      backend: BACKEND_FLAG,
      rule: {
        type: 'string',
        value: 'NAME',
        help: 'only this update rule or clipping under every preset it has, or keras-wrapper (its decay and EMA stages) (default: all of them; optim-oracle list)',
      },
      preset: {
        type: 'string',
        value: 'NAME',
        help: `only this preset: ${PRESET_NAMES.join(', ')} (default: every preset; alone, every rule that has it)`,
      },
      shard: shardFlag(
        'measure the i-th of n parts of the whole table, its rule/preset pairs dealt by their measured cost (no --rule, --preset)',
      ),
      jobs: {
        type: 'string',
        value: 'N',
        help: `measure in N processes at once, shard i/N each, merged as optim-oracle merge merges them (default 1; this machine has ${availableParallelism()} cores)`,
      },
      'max-time': MAX_TIME_FLAG,
      write: {
        type: 'boolean',
        help: `rewrite ${BOUND_TABLE_PATH} in the package with the measurement; with --rule or --preset, replace only the rows measured (the table's --runs, --seed and backend required)`,
      },
      json: JSON_FLAG,
    },
    async run(values, _positionals, { env, out, err }) {
      const runs = runsOf(values, env, 1000);
      const seed = seedOf(values, env);
      const shard = shardValue(values);
      const maxSeconds = maxTimeOf(values);
      const write = values.write === true;
      const selection = { rule: text(values, 'rule'), preset: text(values, 'preset') };
      if (isPartial(selection)) {
        if (shard.count > 1)
          throw new OptionError('--shard divides the whole table; --rule and --preset select a part to measure whole');
        selectPairs(measuredConfigurations(), selection);
      }
      if (write && shard.count > 1) throw new OptionError('--write takes the whole table; merge shards with --json');
      const jobs = jobsOf(values);
      if (jobs > 1) {
        if (shard.count > 1) throw new OptionError('--jobs runs every shard of the table itself; not with --shard');
        if (isPartial(selection))
          throw new OptionError(
            '--jobs divides the whole table; --rule and --preset select a part to measure in one process',
          );
      }
      const backend = await backendOf(values, env);
      const file = write ? (output.file ?? boundTableFile)() : undefined;
      if (file !== undefined) assertWritable(file);
      if (jobs > 1) {
        const args = (s: Shard) => [
          'bounds',
          ...['--runs', String(runs), '--seed', String(seed), '--backend', backend],
          ...(maxSeconds === undefined ? [] : ['--max-time', String(maxSeconds)]),
          ...['--shard', `${s.index}/${s.count}`, '--json'],
        ];
        err.write(`measuring in ${jobs} processes, shards 0/${jobs} to ${jobs - 1}/${jobs}\n`);
        const table = mergedShards(await runShardProcesses(jobs, args, err, output.spawner), err);
        if (typeof table === 'number') return table;
        return printTable(table, { json: values.json === true, file, output, out, err });
      }
      const impl = production(await useBackend(backend));
      const previous = file !== undefined && isPartial(selection) ? readBoundTable(file) : undefined;
      if (previous !== undefined && file !== undefined)
        checkSpliceable(previous, { implementation: impl.name, seed, casesPerPreset: runs }, file);
      const display = progressDisplay(err);
      let table: BoundTable;
      try {
        table = (output.measure ?? measureBoundTable)(impl, {
          cases: runs,
          seed,
          progress: display.listener,
          shard,
          maxSeconds,
          selection,
        });
      } finally {
        display.finish();
      }
      return printTable(shard.count > 1 ? { ...table, shard } : table, {
        json: values.json === true,
        file,
        output,
        out,
        err,
        written: previous === undefined ? undefined : (measured) => spliceBoundTable(previous, measured),
      });
    },
  };
}

/** `--jobs N` (an integer ≥ 1), 1 without the flag. */
function jobsOf(values: Values): number {
  const flag = text(values, 'jobs');
  return flag === undefined ? 1 : parseCount(flag, '--jobs', 1);
}

/**
 * The shards' tables merged, or the exit status when one of them printed no table: the worst of the
 * failed shards' statuses, each failed shard's last messages written to `err` first. A shard that
 * printed its table and failed only because the table is incomplete (`--max-time`) is merged: the
 * merged table then names what is missing and fails in turn.
 */
function mergedShards(results: readonly ShardProcessResult[], err: Context['err']): BoundTable | number {
  const tables: Array<ShardFile<ShardedBoundTable>> = [];
  let worst = 0;
  for (const r of results) {
    const name = `shard ${r.shard.index}/${r.shard.count}`;
    let parsed: ShardReport | undefined;
    try {
      parsed = parseShardReport(name, r.stdout);
    } catch {
      parsed = undefined;
    }
    if (parsed?.kind === 'bounds') tables.push({ file: name, report: parsed.report });
    else {
      worst = Math.max(worst, r.status === 0 ? EXIT.internal : r.status);
      err.write(
        `optim-oracle: ${name} printed no table (exit status ${r.status}); its last messages:\n${r.stderrTail}\n`,
      );
    }
  }
  return worst > 0 ? worst : mergeBoundTables(tables);
}

/** `bounds`. */
export const boundsCommand: Command = boundsCommandWith();
