/**
 * The command lines of the benchmarks: `--help`, and counts that are integers or a clear error.
 * Both benchmarks read their flags through {@link benchOptions}, so that a misspelt flag or a count
 * such as `--size 1e6` stops the run before any measurement instead of timing NaN elements.
 *
 * @module
 */
import { parseArgs } from 'node:util';
import { parseCount, parseSeed } from '../src/gate/seed.js';

/** A flag of a benchmark: a count (an integer at least `min`), a fast-check seed or a text, with its default and help. */
export type BenchFlag =
  | { readonly kind: 'count'; readonly min: number; readonly default: number; readonly help: string }
  | { readonly kind: 'seed'; readonly default: number; readonly help: string }
  | { readonly kind: 'text'; readonly default?: string; readonly help: string };

/** The parsed flags: a number for each count and seed, a string (or undefined, without a default) for each text. */
export type BenchValues<F extends Record<string, BenchFlag>> = {
  readonly [K in keyof F]: F[K] extends { kind: 'count' | 'seed' }
    ? number
    : F[K] extends { default: string }
      ? string
      : string | undefined;
};

/** What {@link parseBenchOptions} found: the values, or the text to print and the exit status. */
export type BenchParse<F extends Record<string, BenchFlag>> =
  | { readonly kind: 'values'; readonly values: BenchValues<F> }
  | { readonly kind: 'exit'; readonly status: 0 | 2; readonly text: string };

/** The help text: the usage line, what the benchmark measures, and each flag with its default. */
export function benchUsage(command: string, about: string, flags: Record<string, BenchFlag>): string {
  const rows = Object.entries(flags).map(([name, f]): [string, string] => [
    `--${name} ${f.kind === 'text' ? 'NAME' : 'N'}`,
    f.default === undefined ? f.help : `${f.help} (default ${f.default})`,
  ]);
  rows.push(['--help', 'print this help']);
  const lines = rows.map(([flag, help]) => `  ${flag.padEnd(16)} ${help}`);
  return `Usage: ${command} [options]\n\n${about}\n\nOptions:\n${lines.join('\n')}\n`;
}

/** Parses `args` against `flags`: the values, or the help (status 0), or the error and usage (status 2). */
export function parseBenchOptions<F extends Record<string, BenchFlag>>(
  command: string,
  about: string,
  flags: F,
  args: readonly string[],
): BenchParse<F> {
  const usage = benchUsage(command, about, flags);
  try {
    const { values }: { values: Record<string, string | boolean | undefined> } = parseArgs({
      args: [...args],
      strict: true,
      allowPositionals: false,
      options: {
        help: { type: 'boolean' },
        ...Object.fromEntries(Object.keys(flags).map((k) => [k, { type: 'string' as const }])),
      },
    });
    if (values['help'] === true) return { kind: 'exit', status: 0, text: usage };
    const out: Record<string, number | string | undefined> = {};
    for (const [name, f] of Object.entries(flags)) {
      const given = values[name];
      const text = typeof given === 'string' ? given : undefined;
      if (f.kind === 'text') out[name] = text ?? f.default;
      else if (text === undefined) out[name] = f.default;
      else out[name] = f.kind === 'count' ? parseCount(text, `--${name}`, f.min) : parseSeed(text, `--${name}`);
    }
    return { kind: 'values', values: out as BenchValues<F> };
  } catch (e) {
    return { kind: 'exit', status: 2, text: `${command}: ${(e as Error).message}\n\n${usage}` };
  }
}

/** {@link parseBenchOptions} on the process's arguments: prints the help or the error and exits, or returns the values. */
export function benchOptions<F extends Record<string, BenchFlag>>(
  command: string,
  about: string,
  flags: F,
): BenchValues<F> {
  const parsed = parseBenchOptions(command, about, flags, process.argv.slice(2));
  if (parsed.kind === 'values') return parsed.values;
  (parsed.status === 0 ? process.stdout : process.stderr).write(parsed.text);
  process.exit(parsed.status);
}
