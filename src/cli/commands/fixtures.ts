/**
 * `optim-oracle fixtures`: writes the fixture set (src/fixtures/) into the package's fixtures/steps
 * (with the JSON Schemas in fixtures/schema) or into `--out DIR`; with `--check`, regenerates it in
 * memory and compares it byte for byte with what is there.
 *
 * @module
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { OptionError } from '../../../core/catalogue/errors.js';
import { DEFAULT_SEED, parseCount, parseSeed } from '../../gate/seed.js';
import { SEED_MAX, SEED_MIN } from '../../gate/seed-range.js';
import {
  compareWithDirectory,
  DEFAULT_CASES,
  fixtureTargets,
  generateFixtures,
  joinManifests,
  manifestOf,
  manifestToJoin,
  prettyJson,
  SCHEMA_FILES,
  writeFixtureDirectory,
  type FixtureDifference,
  type FixtureFile,
} from '../../fixtures/index.js';
import { PRESET_NAMES } from '../../../core/catalogue/index.js';
import { scheduleFixtureFiles } from '../../fixtures/schedules.js';
import { compareSchedules, writeSchedules } from '../../fixtures/schedules-directory.js';
import { EXIT } from '../exit.js';
import { packageRoot } from '../package-root.js';
import { formatDuration, progressDisplay } from '../progress-display.js';
import { packageVersion } from '../version.js';
import { REPORT_SCHEMA } from '../../runs/report-schema.js';
import type { Command, Context } from './command.js';
import { shardValue, text } from './common.js';
import { writeShardRecord } from '../../fixtures/shards.js';

/** Where the fixtures go in the package, relative to its root. */
const STEPS = join('fixtures', 'steps');
const SCHEMAS = join('fixtures', 'schema');
const SCHEDULES = join('fixtures', 'schedules');

/** The schema files written to fixtures/schema: the fixtures' and the `--json` report's (src/runs/report-schema.ts). */
const SCHEMAS_WRITTEN = { ...SCHEMA_FILES, 'report.schema.json': REPORT_SCHEMA };

/** The first schema file in `dir` that differs from its generated text. */
function schemaDifference(dir: string): FixtureDifference | undefined {
  for (const [name, schema] of Object.entries(SCHEMAS_WRITTEN)) {
    const file = join(dir, name);
    if (!existsSync(file)) return { file, problem: 'is missing: the generator writes it' };
    if (readFileSync(file, 'utf8') !== prettyJson(schema))
      return { file, problem: 'differs from the schema src/fixtures/schema.ts or src/runs/report-schema.ts gives' };
  }
  return undefined;
}

/** `files` in words: count, cases, size and the range of sizes. */
function summary(files: readonly FixtureFile[]): string {
  const sizes = files.map((f) => f.bytes.length);
  const total = sizes.reduce((s, b) => s + b, 0);
  const cases = files.reduce((s, f) => s + f.cases, 0);
  const kb = (b: number) => `${(b / 1024).toFixed(1)} KB`;
  return `${files.length} file${files.length === 1 ? '' : 's'}, ${cases} cases, ${(total / 2 ** 20).toFixed(2)} MB (${kb(Math.min(...sizes))} to ${kb(Math.max(...sizes))} a file)`;
}

/** Generates the selected files with progress on stderr. */
function generated(options: Parameters<typeof generateFixtures>[0], err: Context['err']): FixtureFile[] {
  const display = progressDisplay(err);
  try {
    return generateFixtures(options, display.listener);
  } finally {
    display.finish();
  }
}

/** `fixtures`, with the package root found by `root` (tests give their own). */
export function fixturesCommandWith(root: () => string = packageRoot): Command {
  return {
    name: 'fixtures',
    summary:
      "write the fixture set: certified step cases of every update rule, regularizer and gradient clipping under every preset, and of every keras rule under Keras's optimizer wrapper, as gzip-compressed JSON Lines with a manifest (--check compares instead)",
    flags: {
      out: {
        type: 'string',
        value: 'DIR',
        help: `write into DIR (default: ${STEPS} in the package, and the JSON Schemas into ${SCHEMAS})`,
      },
      rule: {
        type: 'string',
        value: 'NAME',
        help: 'only this update rule, regularizer or clipping (default: all of them)',
      },
      preset: {
        type: 'string',
        value: 'NAME',
        help: `only this preset: ${PRESET_NAMES.join(', ')} (default: every one)`,
      },
      cases: {
        type: 'string',
        value: 'N',
        help: `cases per file, edge cases included (default ${DEFAULT_CASES}; never fewer than the edge cases, one random case and, for an update rule, one trajectory)`,
      },
      seed: {
        type: 'string',
        value: 'N',
        help: `seed of the random cases, an integer from ${SEED_MIN} to ${SEED_MAX} (default ${DEFAULT_SEED}; $OPTIM_ORACLE_SEED is not read, so that the committed set does not depend on the environment)`,
      },
      shard: {
        type: 'string',
        value: 'i/n',
        help: "write (or --check) every n-th file of the selection from the i-th (0 ≤ i < n), for parallel runs: each shard into its own --out DIR, with shard.json; optim-oracle merge --out DIR joins the shards' directories",
      },
      check: {
        type: 'boolean',
        help: 'write nothing: regenerate in memory and compare byte for byte with the files there (exit 1 at the first difference)',
      },
    },
    notes: [
      "Files: DIR/<entry>/<preset>.jsonl.gz (one case per line), DIR/<entry>/keras-wrapper.jsonl.gz (an update rule's steps under Keras's optimizer wrapper, stage by stage; with --preset keras or none) and DIR/manifest.json; fixtures/README.md says how the cases are chosen, docs/fixtures.md how to read and judge them.",
      "The whole set in the package (no --out, --rule or --preset) also writes the learning-rate schedules' fixtures, fixtures/schedules/<entry>/<preset>.jsonl, and --check compares them.",
    ],
    async run(values, _positionals, { out, err }) {
      const casesFlag = text(values, 'cases');
      const seedFlag = text(values, 'seed');
      const options = {
        cases: casesFlag === undefined ? DEFAULT_CASES : parseCount(casesFlag, '--cases', 1),
        seed: seedFlag === undefined ? DEFAULT_SEED : parseSeed(seedFlag, '--seed'),
        rule: text(values, 'rule'),
        preset: text(values, 'preset'),
        shard: shardValue(values),
      };
      const targets = fixtureTargets(options.rule, options.preset).length;
      if (options.shard.count > targets)
        throw new OptionError(
          `--shard ${options.shard.index}/${options.shard.count}: the selection has ${targets} file${targets === 1 ? '' : 's'}, so at most ${targets} shards`,
        );
      const sharded = options.shard.count > 1;
      const whole = options.rule === undefined && options.preset === undefined && !sharded;
      const base = root();
      const outFlag = text(values, 'out');
      if (sharded && values.check !== true && outFlag === undefined)
        throw new OptionError(
          `--shard writes into a directory of its own: give --out DIR (optim-oracle merge --out joins the shards' directories)`,
        );
      const dir = outFlag === undefined ? join(base, STEPS) : resolve(outFlag);
      const schemaDir = outFlag === undefined ? join(base, SCHEMAS) : undefined;
      const generator = `optim-oracle ${packageVersion(base)}`;
      const started = performance.now();
      const seconds = () => formatDuration((performance.now() - started) / 1000);
      if (values.check === true) {
        if (outFlag !== undefined && !existsSync(dir)) throw new OptionError(`--out ${outFlag}: no such directory`);
        const files = generated(options, err);
        const difference =
          compareWithDirectory(dir, files, manifestOf(files, options.seed, generator), whole) ??
          (schemaDir === undefined || !whole ? undefined : schemaDifference(schemaDir)) ??
          (schemaDir === undefined || !whole
            ? undefined
            : compareSchedules(join(base, SCHEDULES), scheduleFixtureFiles(options.seed)));
        if (difference !== undefined) {
          const where = `${difference.file}${difference.line === undefined ? '' : `:${difference.line}`}`;
          err.write(
            `optim-oracle: ${where}: ${difference.problem}\n(optim-oracle fixtures${outFlag === undefined ? '' : ` --out ${outFlag}`} rewrites the set)\n`,
          );
          return EXIT.failed;
        }
        const schedules = schemaDir === undefined || !whole ? '' : ` and the schedules in ${join(base, SCHEDULES)}`;
        out.write(
          `${summary(files)}${sharded ? ` (shard ${options.shard.index}/${options.shard.count})` : ''} in ${dir}${schedules}: byte for byte what the generator writes (seed ${options.seed}) · ${seconds()}\n`,
        );
        return EXIT.ok;
      }
      // A shard's manifest lists its own files only, as merge expects; a selection joins the manifest there.
      const joined = sharded ? undefined : manifestToJoin(dir, options.seed, generator, whole);
      const files = generated(options, err);
      writeFixtureDirectory(dir, files, joinManifests(joined, manifestOf(files, options.seed, generator)));
      if (sharded) {
        const { rule, preset, seed, cases, shard } = options;
        writeShardRecord(dir, {
          generator,
          seed,
          cases,
          ...(rule === undefined ? {} : { rule }),
          ...(preset === undefined ? {} : { preset }),
          shard,
        });
      }
      out.write(
        `wrote ${summary(files)} and manifest.json${sharded ? ` (shard ${options.shard.index}/${options.shard.count}, shard.json)` : ''} to ${dir} · ${seconds()}\n`,
      );
      if (schemaDir !== undefined) {
        mkdirSync(schemaDir, { recursive: true });
        for (const [name, schema] of Object.entries(SCHEMAS_WRITTEN))
          writeFileSync(join(schemaDir, name), prettyJson(schema));
        out.write(`wrote ${Object.keys(SCHEMAS_WRITTEN).join(', ')} to ${schemaDir}\n`);
        if (whole) {
          const scheduleFiles = scheduleFixtureFiles(options.seed);
          writeSchedules(join(base, SCHEDULES), scheduleFiles);
          const cases = scheduleFiles.reduce((n, f) => n + f.cases, 0);
          out.write(`wrote ${scheduleFiles.length} schedule files, ${cases} cases, to ${join(base, SCHEDULES)}\n`);
        }
      }
      return EXIT.ok;
    },
  };
}

/** `fixtures`. */
export const fixturesCommand: Command = fixturesCommandWith();
