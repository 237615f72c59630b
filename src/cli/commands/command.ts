/**
 * What a subcommand declares (its flags, with the text its help prints for each) and what its handler
 * receives.
 *
 * @module
 */

/** One flag of a subcommand. */
export interface Flag {
  readonly type: 'string' | 'boolean';
  /** The value's placeholder in the help (`N`, `NAME`), for a string flag. */
  readonly value?: string;
  /** A one-letter alias. */
  readonly short?: string;
  /** The help text, with the default. */
  readonly help: string;
}

/** Where a handler writes, and the environment it reads when a flag is absent. */
export interface Context {
  readonly out: NodeJS.WritableStream;
  readonly err: NodeJS.WritableStream & { readonly isTTY?: boolean; readonly columns?: number };
  readonly env: NodeJS.ProcessEnv;
}

/** Parsed flags: a string flag's text, a boolean flag's presence. */
export type Values = Readonly<Record<string, string | boolean | undefined>>;

/** A subcommand. */
export interface Command {
  readonly name: string;
  /** One line for the overview. */
  readonly summary: string;
  /** The positional arguments in the usage line (`[rules|presets|claims]`), if any. */
  readonly positionals?: { readonly usage: string; readonly max: number };
  /** The flags it takes, by long name (without `--`); `--help` and `--debug` are added to every command. */
  readonly flags: Readonly<Record<string, Flag>>;
  /** Lines after the flags in its help. */
  readonly notes?: readonly string[];
  run(values: Values, positionals: readonly string[], context: Context): Promise<number>;
}

/** The flags every command takes. */
export const COMMON_FLAGS: Readonly<Record<string, Flag>> = {
  debug: { type: 'boolean', help: 'on an internal error, print its stack' },
  help: { type: 'boolean', short: 'h', help: 'show this text' },
};

/** Every flag `command` takes: its own and {@link COMMON_FLAGS}. */
export function flagsOf(command: Command): Readonly<Record<string, Flag>> {
  return { ...command.flags, ...COMMON_FLAGS };
}
