/**
 * src/cli/shard-processes.ts: a spawner of a real program passes on its stdout whole and its stderr a
 * line at a time, and ends with its exit status (5 for a signal, or for a program that cannot be
 * started, whose reason is then its message; an error after the start is a message, and the shard
 * still ends with the program); runShardProcesses waits for every shard, in order, even
 * when one of them could not start.
 */
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import {
  processSpawner,
  runShardProcesses,
  type ShardSpawner,
  type StartProcess,
} from '../../src/cli/shard-processes.js';

const node = (script: string) => processSpawner(process.execPath, ['-e', script]);

describe('processSpawner', () => {
  it('keeps stdout whole, passes stderr on a line at a time (the last one unterminated too), and ends with the exit status', async () => {
    const lines: string[] = [];
    const r = await node(
      "process.stdout.write('{\"a\":'); process.stderr.write('one\\ntw'); process.stderr.write('o\\nthree'); process.stdout.write('1}'); process.exitCode = 3",
    )([], (line) => lines.push(line));
    expect(r).toEqual({ status: 3, stdout: '{"a":1}' });
    expect(lines).toEqual(['one', 'two', 'three']);
  });

  it('hands the shard’s arguments to the program after its own', async () => {
    const r = await node('process.stdout.write(JSON.stringify(process.argv.slice(1)))')(
      ['bounds', '--shard', '1/2'],
      () => {},
    );
    expect(JSON.parse(r.stdout)).toEqual(['bounds', '--shard', '1/2']);
  });

  it('ends a program killed by a signal with status 5', async () => {
    const r = await node("process.kill(process.pid, 'SIGKILL')")([], () => {});
    expect(r.status).toBe(5);
  });

  it('passes on an error after the program started, and still ends with the program, its output whole', async () => {
    const lines: string[] = [];
    const start: StartProcess = (command, args) => {
      const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
      child.once('spawn', () => child.emit('error', new Error('kill ESRCH')));
      return child;
    };
    const r = await processSpawner(
      process.execPath,
      ['-e', "setTimeout(() => { process.stdout.write('done'); process.exitCode = 1 }, 200)"],
      start,
    )([], (line) => lines.push(line));
    expect(r).toEqual({ status: 1, stdout: 'done' });
    expect(lines).toEqual([`${process.execPath}: kill ESRCH`]);
  });

  it('ends a program that cannot be started with status 5 and the reason, without rejecting', async () => {
    const lines: string[] = [];
    const missing = '/nonexistent/optim-oracle-no-such-program';
    const r = await processSpawner(missing, [])(['bounds'], (line) => lines.push(line));
    expect(r).toEqual({ status: 5, stdout: '' });
    expect(lines).toEqual([expect.stringMatching(new RegExp(`^cannot start ${missing}: .*ENOENT`))]);
  });
});

describe('runShardProcesses', () => {
  it('waits for every shard when one cannot start, and returns them in shard order with their last messages', async () => {
    const finished: number[] = [];
    const spawner: ShardSpawner = async (args, onStderrLine) => {
      const index = Number(args[1]!.split('/')[0]);
      if (index === 0) {
        onStderrLine('cannot start node: spawn node ENOENT');
        finished.push(0);
        return { status: 5, stdout: '' };
      }
      await new Promise((resolve) => setTimeout(resolve, 50 * index));
      for (let k = 0; k < 25; k++) onStderrLine(`line ${k}`);
      finished.push(index);
      return { status: 0, stdout: `table ${index}` };
    };
    const written: string[] = [];
    const results = await runShardProcesses(
      3,
      (s) => ['--shard', `${s.index}/${s.count}`],
      { write: (t: string) => written.push(t) },
      spawner,
    );
    expect(finished).toEqual([0, 1, 2]);
    expect(results.map((r) => [r.shard.index, r.status, r.stdout])).toEqual([
      [0, 5, ''],
      [1, 0, 'table 1'],
      [2, 0, 'table 2'],
    ]);
    expect(results[0]!.stderrTail).toBe('cannot start node: spawn node ENOENT');
    // The last 20 of a shard's 25 lines.
    expect(results[2]!.stderrTail.split('\n')).toEqual(Array.from({ length: 20 }, (_, k) => `line ${k + 5}`));
    expect(written).toContain('shard 0/3: cannot start node: spawn node ENOENT\n');
    expect(written).toContain('shard 2/3: line 24\n');
  });
});
