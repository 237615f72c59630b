/**
 * Running the command line in-process for the specs of spec/cli/: streams that collect what is
 * written to them, and `main` with its own environment and extra commands.
 */
import { Writable } from 'node:stream';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../../src/cli/main.js';
import type { Command } from '../../src/cli/commands/command.js';

/** The repository root. */
export const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** A stream that collects what is written to it. */
export function sink(tty = false): Writable & { text: string; isTTY: boolean } {
  const s = Object.assign(new Writable({ write: (chunk, _e, done) => ((s.text += String(chunk)), done()) }), {
    text: '',
    isTTY: tty,
  });
  return s;
}

/** Runs the CLI in-process with its own environment and captures what it prints. */
export async function run(
  argv: readonly string[],
  env: NodeJS.ProcessEnv = {},
  commands: readonly Command[] = [],
): Promise<{ status: number; out: string; err: string }> {
  const out = sink();
  const err = sink();
  const status = await main(
    argv,
    out as unknown as NodeJS.WriteStream,
    err as unknown as NodeJS.WriteStream,
    env,
    commands,
  );
  return { status, out: out.text, err: err.text };
}
