/**
 * One command's shards (`--shard i/n`) run at once as child processes of this command line, one per
 * core asked for (`bounds --jobs n`): each child prints its `--json` output on stdout, which is kept
 * whole, and its progress on stderr, which is passed on a line at a time with the shard's name in
 * front, so that a long run shows every shard advancing. The shards are then merged as `optim-oracle
 * merge` merges them (src/runs/merge.ts).
 *
 * Child processes of the same program rather than worker threads: each shard then loads its own
 * TensorFlow.js backend exactly as an unsharded run does, and its exit status and messages are those
 * of the command it is.
 *
 * @module
 */
import { spawn, type ChildProcessByStdio } from 'node:child_process';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import type { Shard } from '../gate/shard.js';
import { packageRoot } from './package-root.js';

/** What one shard's process did. */
export interface ShardProcessResult {
  readonly shard: Shard;
  /** Its exit status (a signal that ended it counts as 5, an internal error). */
  readonly status: number;
  /** Everything it printed on stdout. */
  readonly stdout: string;
  /** The last lines it printed on stderr (its messages when it failed). */
  readonly stderrTail: string;
}

/** Starts one child of the command line with `args`; resolves when it ends. */
export type ShardSpawner = (
  args: readonly string[],
  onStderrLine: (line: string) => void,
) => Promise<{ status: number; stdout: string }>;

/** Lines of a failed shard's stderr kept for its report. */
const TAIL_LINES = 20;

/** Starts a program with stdout and stderr piped: node's `spawn`, or a wrapper of it in the specs. */
export type StartProcess = (command: string, args: string[]) => ChildProcessByStdio<null, Readable, Readable>;

const startPiped: StartProcess = (command, args) => spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });

/**
 * A spawner of `command prefix… args…`. It never rejects: a program that cannot be started (the
 * `error` event before `spawn`: no such file, no permission) ends as a shard with status 5, an
 * internal error, and the reason as its one message, so that {@link runShardProcesses} still waits
 * for the other shards instead of leaving them running with nobody reading their output. An `error`
 * after the program started (a signal it could not be sent) is passed on as a message, and the
 * shard ends when the program does.
 */
export function processSpawner(
  command: string,
  prefix: readonly string[],
  start: StartProcess = startPiped,
): ShardSpawner {
  return (args, onStderrLine) =>
    new Promise((resolve) => {
      const child = start(command, [...prefix, ...args]);
      let stdout = '';
      let pending = '';
      let ended = false;
      const end = (status: number) => {
        if (ended) return;
        ended = true;
        if (pending !== '') onStderrLine(pending);
        resolve({ status, stdout });
      };
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
        const lines = (pending + chunk).split('\n');
        pending = lines.pop() ?? '';
        for (const line of lines) onStderrLine(line);
      });
      child.on('error', (e) => {
        // A child that started has a pid, and ends with a `close` of its own.
        if (child.pid !== undefined) return onStderrLine(`${command}: ${e.message}`);
        onStderrLine(`cannot start ${command}: ${e.message}`);
        end(5);
      });
      child.on('close', (code) => end(code ?? 5));
    });
}

/** The package's own command line (bin/optim-oracle.js, which runs the built dist/), as a child of this Node. */
export const spawnCommandLine: ShardSpawner = processSpawner(process.execPath, [
  join(packageRoot(), 'bin', 'optim-oracle.js'),
]);

/**
 * Runs shards 0 … count − 1 at once, shard i with `argsOf({ index: i, count })`, each stderr line
 * written to `err` as `shard i/n: line`. Resolves, in shard order, when every one has ended.
 */
export async function runShardProcesses(
  count: number,
  argsOf: (shard: Shard) => readonly string[],
  err: { write(text: string): unknown },
  spawner: ShardSpawner = spawnCommandLine,
): Promise<ShardProcessResult[]> {
  return Promise.all(
    Array.from({ length: count }, async (_, index): Promise<ShardProcessResult> => {
      const shard = { index, count };
      const tail: string[] = [];
      const { status, stdout } = await spawner(argsOf(shard), (line) => {
        tail.push(line);
        if (tail.length > TAIL_LINES) tail.shift();
        err.write(`shard ${index}/${count}: ${line}\n`);
      });
      return { shard, status, stdout, stderrTail: tail.join('\n') };
    }),
  );
}
