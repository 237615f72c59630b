/**
 * A synchronous line channel to a subprocess: write a line to its stdin, block until it answers a line
 * on stdout or a time limit passes. The gate's properties are synchronous fast-check properties, so an
 * implementation behind a pipe has to answer synchronously too; Node reads pipes only asynchronously,
 * so a worker thread owns the child process and its streams, and the calling thread sleeps in
 * `Atomics.wait` on a shared flag until the worker has posted a line (or the child's exit) on a
 * message port, then takes it with `receiveMessageOnPort`. Waiting with a timeout is what keeps the
 * gate from hanging on a program that never answers.
 *
 * @module
 */
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';

/** The subprocess broke the channel: it exited, could not start, or did not answer in time. */
export class ChannelError extends Error {
  constructor(
    message: string,
    /** The last lines the program wrote on stderr (at most 4,000 characters). */
    readonly stderr: string,
  ) {
    super(stderr === '' ? message : `${message}\n  its stderr ends with:\n${indent(stderr)}`);
    this.name = 'ChannelError';
  }
}

const indent = (text: string) =>
  text
    .trimEnd()
    .split('\n')
    .map((l) => `    ${l}`)
    .join('\n');

/** What the worker posts: a line of stdout, or the end of the program. */
type WorkerEvent =
  | { readonly kind: 'line'; readonly line: string }
  | { readonly kind: 'exit'; readonly code: number | null; readonly signal: string | null }
  | { readonly kind: 'spawn-error'; readonly message: string }
  | { readonly kind: 'stderr'; readonly text: string };

/**
 * The worker, as source (an `eval` worker, so that it runs the same from the TypeScript sources under
 * vitest and from dist/): spawns the command through the shell, forwards each stdout line and the
 * exit, keeps the tail of stderr, writes what the calling thread sends, and kills the child on request.
 */
const WORKER_SOURCE = `
const { workerData } = require('node:worker_threads');
const { spawn } = require('node:child_process');
const { createInterface } = require('node:readline');
const { port, flag, command, cwd } = workerData;
const signal = (event) => { port.postMessage(event); Atomics.store(flag, 0, 1); Atomics.notify(flag, 0); };
const child = spawn(command, { shell: true, cwd, stdio: ['pipe', 'pipe', 'pipe'] });
child.on('error', (e) => signal({ kind: 'spawn-error', message: e.message }));
child.stdin.on('error', () => {});
child.stderr.setEncoding('utf8');
child.stderr.on('data', (text) => signal({ kind: 'stderr', text }));
const lines = createInterface({ input: child.stdout, crlfDelay: Infinity });
lines.on('line', (line) => signal({ kind: 'line', line }));
let closed = false;
const exited = new Promise((resolve) => child.on('exit', (code, sig) => resolve({ code, sig })));
lines.on('close', () => { closed = true; });
exited.then(async ({ code, sig }) => {
  while (!closed) await new Promise((r) => setTimeout(r, 5));
  signal({ kind: 'exit', code, signal: sig });
});
port.on('message', (m) => {
  if (m.kind === 'write') child.stdin.write(m.text);
  else if (m.kind === 'close') { child.stdin.end(); }
  else if (m.kind === 'kill') { child.kill('SIGKILL'); }
});
`;

/** How the program ended, once it has. */
export interface Ended {
  readonly code: number | null;
  readonly signal: string | null;
}

/** A subprocess spoken to one line at a time, synchronously. */
export class LineChannel {
  private readonly worker: Worker;
  private readonly port: MessagePort;
  private readonly flag = new Int32Array(new SharedArrayBuffer(4));
  private readonly pending: string[] = [];
  private stderrTail = '';
  private ended: Ended | undefined;
  private spawnError: string | undefined;

  /** Starts `command` through the shell (`sh -c`), in `cwd` (default: this process's directory). */
  constructor(
    readonly command: string,
    cwd: string = process.cwd(),
  ) {
    const { port1, port2 } = new MessageChannel();
    this.port = port1;
    this.worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { port: port2, flag: this.flag, command, cwd },
      transferList: [port2],
    });
    this.worker.unref();
  }

  /** The tail of what the program wrote on stderr so far. */
  get stderr(): string {
    this.drain();
    return this.stderrTail;
  }

  /** Writes one line (a newline is added). */
  send(line: string): void {
    this.port.postMessage({ kind: 'write', text: `${line}\n` });
  }

  /**
   * The next line the program writes, waiting at most `timeoutMs`; a {@link ChannelError} when it
   * ends, cannot start, or stays silent that long.
   */
  receive(timeoutMs: number): string {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      Atomics.store(this.flag, 0, 0);
      this.drain();
      const line = this.pending.shift();
      if (line !== undefined) return line;
      if (this.spawnError !== undefined)
        throw new ChannelError(`cannot start '${this.command}': ${this.spawnError}`, '');
      if (this.ended !== undefined)
        throw new ChannelError(`'${this.command}' ${describeEnd(this.ended)}`, this.stderrTail);
      const left = deadline - Date.now();
      if (left <= 0)
        throw new ChannelError(`'${this.command}' did not answer within ${timeoutMs / 1000} s`, this.stderrTail);
      Atomics.wait(this.flag, 0, 0, left);
    }
  }

  /** Closes the program's stdin, waits up to `graceMs` for it to exit, then kills it. */
  close(graceMs = 2000): Ended | undefined {
    this.port.postMessage({ kind: 'close' });
    const deadline = Date.now() + graceMs;
    while (this.ended === undefined && this.spawnError === undefined && Date.now() < deadline) {
      Atomics.store(this.flag, 0, 0);
      this.drain();
      if (this.ended === undefined) Atomics.wait(this.flag, 0, 0, Math.max(1, deadline - Date.now()));
    }
    this.drain();
    if (this.ended === undefined) this.port.postMessage({ kind: 'kill' });
    const ended = this.ended;
    void this.worker.terminate();
    this.port.close();
    return ended;
  }

  /** Kills the program at once. */
  kill(): void {
    this.port.postMessage({ kind: 'kill' });
    setTimeout(() => {
      void this.worker.terminate();
      this.port.close();
    }, 100).unref();
  }

  private drain(): void {
    for (;;) {
      const message = receiveMessageOnPort(this.port) as { message: WorkerEvent } | undefined;
      if (message === undefined) return;
      const event = message.message;
      if (event.kind === 'line') this.pending.push(event.line);
      else if (event.kind === 'stderr') this.stderrTail = (this.stderrTail + event.text).slice(-4000);
      else if (event.kind === 'spawn-error') this.spawnError = event.message;
      else this.ended = { code: event.code, signal: event.signal };
    }
  }
}

function describeEnd({ code, signal }: Ended): string {
  return signal === null ? `exited with status ${code ?? '?'}` : `was killed by ${signal}`;
}
