import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { formatReport } from '../../src/runs/check-report.js';
import { plannedProperties, shardOf } from '../../src/runs/check-plan.js';
import { mergeCommandWith } from '../../src/cli/commands/merge.js';
import type { Command } from '../../src/cli/commands/command.js';

/** A stream that collects what is written to it. */
function sink(): Writable & { text: string } {
  const s = Object.assign(new Writable({ write: (chunk, _e, done) => ((s.text += String(chunk)), done()) }), {
    text: '',
  });
  return s;
}

/** Runs the CLI in-process and captures what it prints. */
async function run(
  argv: readonly string[],
  commands: readonly Command[] = [],
): Promise<{ status: number; out: string; err: string }> {
  const out = sink();
  const err = sink();
  const status = await main(
    argv,
    out as unknown as NodeJS.WriteStream,
    err as unknown as NodeJS.WriteStream,
    {},
    commands,
  );
  return { status, out: out.text, err: err.text };
}

const dir = mkdtempSync(join(tmpdir(), 'optim-oracle-shard-'));

/** Writes `text` to a file of the test directory and returns its path. */
function saved(name: string, text: string): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

/** Runs `argv` with `--shard i/n --json` for every i, saving each output; returns the files in shard order. */
async function shards(argv: readonly string[], n: number, prefix: string): Promise<string[]> {
  const files: string[] = [];
  for (let i = 0; i < n; i++) {
    const r = await run([...argv, '--shard', `${i}/${n}`, '--json']);
    expect(r.status, r.err).toBe(0);
    expect(JSON.parse(r.out).shard).toMatchObject({ index: i, count: n });
    files.push(saved(`${prefix}-${i}.json`, r.out));
  }
  return files;
}

describe('check --shard deals the properties out so that each shard gets its share of each kind', () => {
  const planned = plannedProperties({});

  it.each([1, 2, 3, 4, 7, 32, 156])(
    '%i shards: disjoint, together every property once, each kind within one of an even share',
    (n) => {
      const slices = Array.from({ length: n }, (_, index) => shardOf(planned, { index, count: n }));
      const all = slices.flatMap((s) => [...s]).sort((a, b) => a - b);
      expect(all).toEqual(planned.map((_, i) => i));
      for (const kind of ['one-step', 'one-step-nonfinite', 'trajectory', 'agreement']) {
        const counts = slices.map((s) => [...s].filter((i) => planned[i]!.property === kind).length);
        expect(Math.max(...counts) - Math.min(...counts), kind).toBeLessThanOrEqual(1);
      }
    },
  );

  it("a shard's text report names its shard and counts only its own properties", async () => {
    const own = shardOf(plannedProperties({ rule: 'dropout' }), { index: 1, count: 2 }).size;
    expect(own).toBeGreaterThan(0);
    const r = await run(['check', '--rule', 'dropout', '--runs', '2', '--backend', 'cpu', '--shard', '1/2']);
    expect(r.status, r.err).toBe(0);
    expect(r.out).toContain("cases per property, shard 1/2 (optim-oracle merge joins the shards' --json)\n");
    expect(r.out.endsWith(`\n${own} passed, 0 failed\n`)).toBe(true);
  });

  it('rejects a shard out of range, one that selects no property, and a --path with a shard', async () => {
    for (const [argv, message] of [
      [['--shard', '3/3'], /--shard takes i\/n with 0 ≤ i < n, got '3\/3'/],
      [['--shard', '1/0'], /--shard takes i\/n with 0 ≤ i < n, got '1\/0'/],
      [['--shard', '-1/2'], /--shard takes i\/n with 0 ≤ i < n, got '-1\/2'/],
      [
        ['--rule', 'sgd', '--preset', 'paper', '--shard', '3/4'],
        /shard 3\/4 selects no property: the options select 3 properties, so at most 3 shards/,
      ],
      [
        ['--rule', 'sgd', '--preset', 'paper', '--property', 'one-step', '--path', '1', '--shard', '0/2'],
        /--path replays one property; it takes no --shard/,
      ],
    ] as const) {
      const r = await run(['check', ...argv, '--runs', '1']);
      expect(r.err).toMatch(message);
      expect(r.status).toBe(2);
    }
  });
});

describe('merged shards equal one unsharded run', () => {
  // tfjs's presets: 9 rules, 4 regularizers, 1 monitor and 6 image transforms, 38 properties; 4 shards split most rule/preset pairs
  // between shards, so their measures are merged.
  const argv = ['check', '--preset', 'tfjs', '--runs', '2', '--seed', '97', '--backend', 'cpu'];
  let whole: { status: number; out: string };
  let files: string[];

  beforeAll(async () => {
    whole = await run([...argv, '--json']);
    files = await shards(argv, 4, 'check');
  }, 300_000);

  it('check: the merged JSON is the unsharded JSON, text for text, and so is the --detail table', async () => {
    expect(whole.status).toBe(0);
    const unsharded = JSON.parse(whole.out);
    expect(unsharded.passed).toBe(38);
    const split = files.map(
      (f) => JSON.parse(readFileSync(f, 'utf8')).results as Array<{ rule: string; preset: string }>,
    );
    const pairsInTwoShards = unsharded.results.filter(
      (r: { rule: string }) => split.filter((s) => s.some((x) => x.rule === r.rule)).length > 1,
    );
    expect(pairsInTwoShards.length).toBeGreaterThan(5);
    const merged = await run(['merge', ...[...files].reverse(), '--json']);
    expect(merged.err).toBe('');
    expect(merged.status).toBe(0);
    expect(merged.out).toBe(whole.out);
    const detail = await run(['merge', ...files, '--detail']);
    expect(detail.out).toBe(`${formatReport(unsharded, { detail: true })}\n`);
  });

  it('bounds: the merged table is the unsharded table, and merge --write writes it', async () => {
    const args = ['bounds', '--runs', '2', '--seed', '97', '--backend', 'cpu'];
    const unsharded = await run([...args, '--json']);
    expect(unsharded.status).toBe(0);
    const parts = await shards(args, 3, 'bounds');
    const merged = await run(['merge', parts[2]!, parts[0]!, parts[1]!, '--json']);
    expect(merged.status, merged.err).toBe(0);
    expect(merged.out).toBe(unsharded.out);
    let written = '';
    const file = join(dir, 'error-bounds.json');
    const r = await run(
      ['merge', ...parts, '--write'],
      [mergeCommandWith({ file: () => file, write: (_f, text) => void (written = text) })],
    );
    expect(r.status, r.err).toBe(0);
    expect(r.out).toContain(`wrote ${file}`);
    expect(written).toBe(unsharded.out);
  }, 120_000);

  describe('files that are not the shards of one run are refused, naming the file', () => {
    /** A copy of shard `i`'s report with `change` applied. */
    const altered = (i: number, name: string, change: (r: Record<string, unknown>) => void) => {
      const report = JSON.parse(readFileSync(files[i]!, 'utf8'));
      change(report);
      return saved(name, JSON.stringify(report));
    };

    it.each<[string, () => string[], RegExp]>([
      ['a shard missing', () => files.slice(0, 3), /shard 3\/4 missing: got 3 of 4 shards/],
      ['a shard given twice', () => [...files, files[1]!], /check-1\.json and .*check-1\.json are both shard 1\/4/],
      [
        'another seed',
        () => [...files.slice(0, 3), altered(3, 'seed.json', (r) => (r.seed = 98))],
        /seed\.json: seed 98 differs from 97 in .*check-0\.json/,
      ],
      [
        'other runs',
        () => [altered(0, 'runs.json', (r) => (r.runs = 3)), ...files.slice(1)],
        /check-1\.json: runs 2 differs from 3 in .*runs\.json/,
      ],
      [
        'another backend',
        () => [...files.slice(0, 3), altered(3, 'backend.json', (r) => (r.backend = 'wasm'))],
        /backend\.json: backend "wasm" differs from "cpu"/,
      ],
      [
        'another selection',
        () => [
          ...files.slice(0, 3),
          altered(3, 'rule.json', (r) => ((r.shard as { selection: object }).selection = { preset: 'keras' })),
        ],
        /rule\.json: selection .* differs/,
      ],
      [
        'another shard count',
        () => [...files.slice(0, 3), altered(3, 'count.json', (r) => (r.shard = { ...(r.shard as object), count: 5 }))],
        /count\.json: shard 3\/5 is not one of 4 shards/,
      ],
      [
        'a result left out',
        () => [...files.slice(0, 3), altered(3, 'cut.json', (r) => (r.results as unknown[]).pop())],
        /cut\.json: shard 3\/4 should hold \d+ properties/,
      ],
      [
        'a bounds table among check reports',
        () => [
          ...files,
          saved(
            'table.json',
            JSON.stringify({ command: 'x', implementation: 'x', seed: 1, casesPerPreset: 1, rows: [] }),
          ),
        ],
        /table\.json is a bounds report and .*check-0\.json a check report/,
      ],
      [
        'a file that is not JSON',
        () => [saved('text.txt', 'optim-oracle check: ...'), ...files],
        /text\.txt: not JSON/,
      ],
      [
        'JSON that is no report',
        () => [saved('other.json', '{"a": 1}')],
        /other\.json: neither a check report nor a bounds table/,
      ],
    ])('%s: exit 2', async (_what, given, message) => {
      const r = await run(['merge', ...given()]);
      expect(r.err).toMatch(message);
      expect(r.status).toBe(2);
      expect(r.out).toBe('');
    });

    it('no file, or --write with check reports: exit 2', async () => {
      expect((await run(['merge'])).status).toBe(2);
      const w = await run(['merge', ...files, '--write']);
      expect(w.err).toMatch(/--write writes a bounds table; these are check reports/);
      expect(w.status).toBe(2);
    });

    it('a file that cannot be read: exit 4, naming it', async () => {
      const missing = await run(['merge', files[0]!, join(dir, 'nowhere.json')]);
      expect(missing.err).toMatch(/ENOENT: no such file or directory, open '.*nowhere\.json'/);
      expect(missing.status).toBe(4);
      if (process.getuid?.() === 0) return;
      const locked = saved('locked.json', '{}');
      chmodSync(locked, 0o000);
      const denied = await run(['merge', locked]);
      expect(denied.err).toMatch(/EACCES: .*locked\.json/);
      expect(denied.status).toBe(4);
    });
  });
});
