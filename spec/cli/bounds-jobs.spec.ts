/**
 * `bounds --jobs N`: the table measured as N shards in N processes at once and merged, equal to the
 * table one process measures; each shard's progress passed on under its name; shards cut by
 * --max-time merged into a table that fails naming what is missing; a shard that prints no table
 * fails the run with its messages, and nothing is written; the flags it cannot go with
 * refused before anything runs. The spawner is replaced by one that runs the shard in this process,
 * except in the last test, which starts the package's command line (dist/, built by npm install).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { boundsCommandWith } from '../../src/cli/commands/bounds.js';
import type { BoundTable } from '../../src/gate/bound-table.js';
import type { ShardSpawner } from '../../src/cli/shard-processes.js';
import { root, run } from './in-process.js';

const options = ['--runs', '10', '--seed', '7', '--backend', 'cpu'];

/** A table file in a folder of its own, not yet written. */
const freshFile = () => join(mkdtempSync(join(tmpdir(), 'optim-oracle-jobs-')), 'error-bounds.json');

/** A spawner that runs each shard's command in this process, recording the arguments it was given. */
function inProcess(calls: string[][] = []): ShardSpawner {
  return async (args, onStderrLine) => {
    calls.push([...args]);
    const r = await run(args);
    for (const line of r.err.split('\n').filter((l) => l !== '')) onStderrLine(line);
    return { status: r.status, stdout: r.out };
  };
}

describe('bounds --jobs', () => {
  it('measures the table one process measures, each shard started with the run’s own flags', async () => {
    const calls: string[][] = [];
    const bounds = boundsCommandWith({ spawner: inProcess(calls) });
    const [jobs, one] = await Promise.all([
      run(['bounds', ...options, '--jobs', '2', '--json'], {}, [bounds]),
      run(['bounds', ...options, '--json']),
    ]);
    expect(jobs.status, jobs.err).toBe(0);
    expect(one.status).toBe(0);
    const table: BoundTable = JSON.parse(jobs.out);
    expect(table).toEqual(JSON.parse(one.out));
    expect(table.rows.length).toBeGreaterThan(0);
    expect(calls).toEqual([0, 1].map((i) => ['bounds', ...options, '--shard', `${i}/2`, '--json']));
    expect(jobs.err).toContain('measuring in 2 processes, shards 0/2 to 1/2\n');
  });

  it('passes --max-time to every shard and writes the merged table with --write', async () => {
    const calls: string[][] = [];
    const file = freshFile();
    const bounds = boundsCommandWith({ spawner: inProcess(calls), file: () => file });
    const r = await run(['bounds', ...options, '--jobs', '3', '--max-time', '600', '--write'], {}, [bounds]);
    expect(r.status, r.err).toBe(0);
    expect(calls.map((c) => c.slice(c.indexOf('--max-time'), c.indexOf('--max-time') + 2))).toEqual(
      Array(3).fill(['--max-time', '600']),
    );
    expect(r.out).toContain(`wrote ${file}`);
    const table: BoundTable = JSON.parse(readFileSync(file, 'utf8'));
    expect(table.command).toBe('npx optim-oracle bounds --write --runs 10 --seed 7');
    expect('shard' in table).toBe(false);
  });

  it('merges the partial tables of shards cut by --max-time, and fails naming what neither measured', async () => {
    const bounds = boundsCommandWith({ spawner: inProcess() });
    const r = await run(['bounds', ...options, '--jobs', '2', '--max-time', '0.001', '--json'], {}, [bounds]);
    expect(r.status).toBe(1);
    const table = JSON.parse(r.out) as BoundTable & { stoppedAt?: unknown };
    expect(table.stoppedAt).toBeDefined();
    // The merged table's message, not a shard's (passed on as `shard i/2: optim-oracle: …`).
    const merged =
      /^optim-oracle: stopped at the time limit \(0\.001 s\) after \d+ rule\/preset pairs; not measured: (.*)$/m;
    const [, missing] = merged.exec(r.err) ?? [];
    // Pairs are dealt to the shards in turn, the last two to shard 1 and shard 0: 1 ms reaches neither.
    for (const pair of ['clip-by-value/keras', 'keras-wrapper/keras']) expect(missing).toContain(pair);
  });

  it('fails with a shard’s last messages when it prints no table, and writes nothing', async () => {
    const file = freshFile();
    const failing: ShardSpawner = async (args, onStderrLine) => {
      if (!args.includes('1/2')) return inProcess()(args, onStderrLine);
      onStderrLine('optim-oracle: adam/pytorch: a case left its bound');
      return { status: 1, stdout: '' };
    };
    const bounds = boundsCommandWith({ spawner: failing, file: () => file });
    const r = await run(['bounds', ...options, '--jobs', '2', '--write'], {}, [bounds]);
    expect(r.status).toBe(1);
    expect(r.err).toContain('shard 1/2: optim-oracle: adam/pytorch: a case left its bound\n');
    expect(r.err).toContain(
      'optim-oracle: shard 1/2 printed no table (exit status 1); its last messages:\noptim-oracle: adam/pytorch: a case left its bound\n',
    );
    expect(existsSync(file)).toBe(false);
  });

  it.each([
    [['--jobs', '0'], /--jobs must be an integer ≥ 1, got '0'/],
    [['--jobs', 'two'], /--jobs must be an integer ≥ 1, got 'two'/],
    [['--jobs', '2', '--shard', '0/2'], /--jobs runs every shard of the table itself; not with --shard/],
    [['--jobs', '2', '--rule', 'sgd'], /--jobs divides the whole table; --rule and --preset select a part/],
  ])('refuses %j before anything runs', async (flags, message) => {
    const calls: string[][] = [];
    const r = await run(['bounds', ...options, ...flags], {}, [boundsCommandWith({ spawner: inProcess(calls) })]);
    expect(r.status).toBe(2);
    expect(r.err).toMatch(message);
    expect(calls).toEqual([]);
  });

  it('starts the package’s own command line, one process per shard', async () => {
    const out = execFileSync(
      process.execPath,
      ['bin/optim-oracle.js', 'bounds', '--runs', '10', '--seed', '7', '--backend', 'cpu', '--jobs', '2', '--json'],
      { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const one = await run(['bounds', '--runs', '10', '--seed', '7', '--backend', 'cpu', '--json']);
    expect(JSON.parse(out)).toEqual(JSON.parse(one.out));
  });
});
