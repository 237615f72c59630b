/**
 * Merging the `--json` reports of the shards of one `check` or `bounds` run (`--shard i/n`, run on
 * n machines) into the report one unsharded run prints: the same results in the same order, with
 * each rule and preset's measures combined (counts added, largest errors, bounds and ratios taken as
 * the largest), which is exact because sums of counts and maxima do not depend on how the cases were
 * grouped. Before merging it checks that the files are the shards of one run: same implementation,
 * backend, seed, cases and selection, the same shard count, every shard present once, and each
 * holding exactly what its shard runs; otherwise it throws an {@link OptionError} naming the file.
 *
 * @module
 */
import { OptionError } from '../../core/catalogue/errors.js';
import { required } from '../../core/required.js';
import { measuredConfigurations } from '../gate/bound-pairs.js';
import type { BoundTable } from '../gate/bound-table.js';
import type { Shard } from '../gate/shard.js';
import { dealtBoundPairs } from '../gate/bound-costs.js';
import type { StoppedAt } from '../gate/progress.js';
import { mergeTallies } from '../gate/properties.js';
import { plannedProperties, shardOf } from './check-plan.js';
import {
  REPORT_SCHEMA_VERSION,
  type CheckReport,
  type CheckShard,
  type PropertyOutcome,
  type RuleOutcome,
} from './check-types.js';

/** A report read from a file, with the file's name for the error messages. */
export interface ShardFile<T> {
  readonly file: string;
  readonly report: T;
}

/** A bounds table as `bounds --shard i/n --json` prints it: with its shard when n > 1. */
export type ShardedBoundTable = BoundTable & { readonly shard?: Shard };

/** What a file holds: a check report or a bounds table. */
export type ShardReport =
  | { readonly kind: 'check'; readonly report: CheckReport }
  | { readonly kind: 'bounds'; readonly report: ShardedBoundTable };

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/**
 * Parses the text of a `check --json` or `bounds --json` output; throws an {@link OptionError} naming
 * `file` when it is not JSON or not one of the two.
 */
export function parseShardReport(file: string, text: string): ShardReport {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new OptionError(
      `${file}: not JSON (${(e as Error).message}); merge takes the --json output of check or bounds`,
    );
  }
  const has = (v: Record<string, unknown>, keys: Record<string, string>) =>
    Object.entries(keys).every(([k, t]) => (t === 'array' ? Array.isArray(v[k]) : typeof v[k] === t));
  if (
    isObject(value) &&
    has(value, { results: 'array', implementation: 'string', backend: 'string', seed: 'number', runs: 'number' })
  )
    return { kind: 'check', report: value as unknown as CheckReport };
  if (
    isObject(value) &&
    has(value, { rows: 'array', implementation: 'string', command: 'string', seed: 'number', casesPerPreset: 'number' })
  )
    return { kind: 'bounds', report: value as unknown as ShardedBoundTable };
  throw new OptionError(
    `${file}: neither a check report nor a bounds table; merge takes the --json output of check or bounds`,
  );
}

const shardName = (s: Shard) => `${s.index}/${s.count}`;

/** A file with its shard (a report without one is 0/1). */
type WithShard<T> = ShardFile<T> & { shard: Shard };

/**
 * Throws an {@link OptionError} unless `files` are the shards 0 … n − 1 of one run, each once, and
 * agree on every field `same` names. Returns each file with its shard, the first file first.
 */
function checkShards<T extends { readonly shard?: Shard | undefined }>(
  files: readonly ShardFile<T>[],
  same: Record<string, (r: T) => unknown>,
): [WithShard<T>, ...WithShard<T>[]] {
  const [first, ...rest] = files.map((f) => ({ ...f, shard: f.report.shard ?? { index: 0, count: 1 } }));
  if (first === undefined) throw new OptionError('merge takes the --json files of every shard of one run; got none');
  const shards: [WithShard<T>, ...WithShard<T>[]] = [first, ...rest];
  for (const f of rest) {
    for (const [field, of] of Object.entries(same)) {
      const [a, b] = [JSON.stringify(of(f.report)), JSON.stringify(of(first.report))];
      if (a !== b)
        throw new OptionError(
          `${f.file}: ${field} ${a} differs from ${b} in ${first.file}; the shards of one run share it`,
        );
    }
  }
  const count = first.shard.count;
  const seen = new Map<number, string>();
  for (const f of shards) {
    const { index } = f.shard;
    if (f.shard.count !== count)
      throw new OptionError(
        `${f.file}: shard ${shardName(f.shard)} is not one of ${count} shards as ${first.file} (shard ${shardName(first.shard)}) is`,
      );
    if (!Number.isSafeInteger(index) || index < 0 || index >= count)
      throw new OptionError(`${f.file}: shard ${shardName(f.shard)} is not 0 ≤ i < n`);
    if (seen.has(index))
      throw new OptionError(
        `${f.file} and ${seen.get(index)} are both shard ${shardName(f.shard)}; give each shard once`,
      );
    seen.set(index, f.file);
  }
  const missing = Array.from({ length: count }, (_, i) => i).filter((i) => !seen.has(i));
  if (missing.length > 0)
    throw new OptionError(
      `shard ${missing.map((i) => `${i}/${count}`).join(', ')} missing: got ${files.length} of ${count} shards (${files.map((f) => f.file).join(', ')})`,
    );
  return shards;
}

/** Where each rule/preset label stands in the order of `keys`; a label not in it sorts last. */
function ranked<T>(items: readonly T[], keyOf: (x: T) => string, keys: readonly string[]): T[] {
  const rank = new Map(keys.map((k, i) => [k, i]));
  return items
    .map((x, i) => ({ x, i, r: rank.get(keyOf(x)) ?? keys.length }))
    .sort((a, b) => a.r - b.r || a.i - b.i)
    .map((e) => e.x);
}

/** The time-limit records of the shards as one: their largest limit, their counts added, what they left unchecked in run order. */
function mergeStopped(
  stops: readonly (StoppedAt | undefined)[],
  keyOf: (label: string) => string,
  keys: readonly string[],
): { stoppedAt?: StoppedAt } {
  const present = stops.filter((s): s is StoppedAt => s !== undefined);
  if (present.length === 0) return {};
  const notChecked = ranked(
    present.flatMap((s) => s.notChecked),
    keyOf,
    keys,
  );
  return {
    stoppedAt: {
      maxSeconds: Math.max(...present.map((s) => s.maxSeconds)),
      checked: present.reduce((n, s) => n + s.checked, 0),
      notChecked,
    },
  };
}

const labelOf = (rule: string, preset: string, property: string) => `${rule}/${preset} ${property}`;

/**
 * The report of one unsharded `check` run from the reports of its shards (`check --shard i/n
 * --json`, each once, in any order): equal to what `check --json` with the same options prints.
 * Throws an {@link OptionError} naming the file when the files are not the shards of one run, or a
 * shard does not hold exactly the properties its shard runs ({@link shardOf}).
 */
export function mergeCheckReports(files: readonly ShardFile<CheckReport>[]): CheckReport {
  const shards = checkShards(files, {
    implementation: (r) => r.implementation,
    backend: (r) => r.backend,
    seed: (r) => r.seed,
    runs: (r) => r.runs,
    selection: (r) => (r.shard as CheckShard | undefined)?.selection ?? null,
  });
  const [head] = shards;
  if (shards.length === 1) return withoutShard(head.report);
  const selection = (head.report.shard as CheckShard).selection;
  const planned = plannedProperties(selection);
  const held = new Map<string, { outcome: RuleOutcome; property: PropertyOutcome }>();
  for (const { file, report, shard } of shards) {
    const expected = [...shardOf(planned, shard)].map((i) => {
      const p = required(planned[i], 'a planned property of the shard');
      return labelOf(p.rule, p.preset, p.property);
    });
    const got = [
      ...report.results.flatMap((o) => o.properties.map((p) => labelOf(o.rule, o.preset, p.name))),
      ...(report.stoppedAt?.notChecked ?? []),
    ];
    if (got.length !== expected.length || [...got].sort().join('\n') !== [...expected].sort().join('\n')) {
      throw new OptionError(
        `${file}: shard ${shardName(shard)} should hold ${expected.length} properties (${expected.join(', ')}), it holds ${got.length} (${got.join(', ')})`,
      );
    }
    for (const outcome of report.results)
      for (const property of outcome.properties)
        held.set(labelOf(outcome.rule, outcome.preset, property.name), { outcome, property });
  }
  const results: RuleOutcome[] = [];
  for (const p of planned) {
    const found = held.get(labelOf(p.rule, p.preset, p.property));
    if (found === undefined) continue;
    const last = results.at(-1);
    if (last !== undefined && last.rule === p.rule && last.preset === p.preset) last.properties.push(found.property);
    else
      results.push({ rule: p.rule, preset: p.preset, properties: [found.property], tally: { steps: 0, outputs: {} } });
  }
  const merged = results.map((r) => {
    const parts = [
      ...new Set(
        r.properties.map((p) => required(held.get(labelOf(r.rule, r.preset, p.name)), 'a merged property').outcome),
      ),
    ];
    return { ...r, tally: mergeTallies(parts.map((o) => o.tally)) };
  });
  const all = merged.flatMap((r) => r.properties);
  const first = head.report;
  const labels = planned.map((p) => labelOf(p.rule, p.preset, p.property));
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    implementation: first.implementation,
    backend: first.backend,
    seed: first.seed,
    runs: first.runs,
    results: merged,
    passed: all.filter((p) => p.passed).length,
    failed: all.filter((p) => !p.passed).length,
    ...mergeStopped(
      shards.map((s) => s.report.stoppedAt),
      (l) => l,
      labels,
    ),
  };
}

function withoutShard<T extends { readonly shard?: unknown }>(report: T): Omit<T, 'shard'> {
  const { shard: _, ...rest } = report;
  return rest;
}

/** The rule/preset a bounds label starts with (`adam/paper`, `adam/paper/params: ...`, `adam/paper (cut after ...)`). */
const pairOf = (label: string) => /^[^/\s]+\/[^/\s:]+/.exec(label)?.[0] ?? label;

/**
 * The table of one unsharded `bounds` run from the tables of its shards (`bounds --shard i/n
 * --json`, each once, in any order): equal to what `bounds --json` with the same options prints.
 * Throws an {@link OptionError} naming the file when the files are not the shards of one run, or a
 * shard holds a rule and preset it does not measure, or leaves out one it does.
 */
export function mergeBoundTables(files: readonly ShardFile<ShardedBoundTable>[]): BoundTable {
  const part = files.find((f) => f.report.selection !== undefined);
  if (part !== undefined)
    throw new OptionError(
      `${part.file}: a part of the table (${part.report.command}); bounds --write with its --rule or --preset puts it in the table`,
    );
  const shards = checkShards(files, {
    command: (r) => r.command,
    implementation: (r) => r.implementation,
    seed: (r) => r.seed,
    casesPerPreset: (r) => r.casesPerPreset,
  });
  const [head] = shards;
  if (shards.length === 1) return withoutShard(head.report);
  const configurations = measuredConfigurations();
  const pairs = configurations.map((c) => `${c.rule}/${c.preset}`);
  for (const { file, report, shard } of shards) {
    const mine = new Set(dealtBoundPairs(configurations, shard).map((c) => `${c.rule}/${c.preset}`));
    const held = [
      ...report.rows.map((r) => `${r.rule}/${r.preset}`),
      ...(report.notMeasured ?? []).map(pairOf),
      ...(report.stoppedAt?.notChecked ?? []).map(pairOf),
    ];
    const stray = held.find((p) => !mine.has(p));
    if (stray !== undefined)
      throw new OptionError(`${file}: holds ${stray}, which shard ${shardName(shard)} does not measure`);
    const absent = [...mine].filter((p) => !held.includes(p));
    if (absent.length > 0)
      throw new OptionError(`${file}: shard ${shardName(shard)} leaves out ${absent.join(', ')}, which it measures`);
  }
  const first = head.report;
  const notMeasured = ranked(
    shards.flatMap((s) => s.report.notMeasured ?? []),
    pairOf,
    pairs,
  );
  return {
    command: first.command,
    implementation: first.implementation,
    seed: first.seed,
    casesPerPreset: first.casesPerPreset,
    rows: ranked(
      shards.flatMap((s) => s.report.rows),
      (r) => `${r.rule}/${r.preset}`,
      pairs,
    ),
    ...(notMeasured.length === 0 ? {} : { notMeasured }),
    ...mergeStopped(
      shards.map((s) => s.report.stoppedAt),
      pairOf,
      pairs,
    ),
  };
}
