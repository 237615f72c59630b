/**
 * Parses one subcommand's arguments with node:util's parseArgs (strict: a flag the command does not
 * take is an error), after two repairs: `--runs -5` is read as `--runs=-5` (parseArgs calls a value
 * starting with a dash ambiguous), and parseArgs's messages are replaced by ours.
 *
 * @module
 */
import { parseArgs } from 'node:util';
import { OptionError } from '../../../core/catalogue/errors.js';
import { flagsOf, type Command, type Values } from './command.js';

/** The parsed arguments of one command. */
export interface Parsed {
  readonly values: Values;
  readonly positionals: readonly string[];
}

/** `argv` with each string flag's separate value joined to it (`--runs`, `-5` → `--runs=-5`). */
function joinValues(argv: readonly string[], command: Command): string[] {
  const flags = flagsOf(command);
  const out: string[] = [];
  let skip = false;
  for (const [i, a] of argv.entries()) {
    if (skip) {
      skip = false;
      continue;
    }
    const name = a.startsWith('--') && !a.includes('=') ? a.slice(2) : undefined;
    const next = argv[i + 1];
    if (name !== undefined && flags[name]?.type === 'string' && next !== undefined && !/^--|^-[a-zA-Z]/.test(next)) {
      out.push(`${a}=${next}`);
      skip = true;
    } else out.push(a);
  }
  return out;
}

/**
 * Parses `argv` (what follows the command name) for `command`; `known` lists every flag of every
 * command, so that a flag of another command is reported as one this command does not take.
 * Throws an {@link OptionError} naming the flag.
 */
export function parseCommand(command: Command, argv: readonly string[], known: ReadonlySet<string>): Parsed {
  const flags = flagsOf(command);
  const args = joinValues(argv, command);
  const { tokens } = parseArgs({ args, strict: false, allowPositionals: true, tokens: true, options: {} });
  const shorts = new Map(
    Object.entries(flags).flatMap(([name, f]) => (f.short === undefined ? [] : [[f.short, name] as const])),
  );
  for (const t of tokens) {
    if (t.kind !== 'option') continue;
    const name = t.rawName.startsWith('--') ? t.name : shorts.get(t.name);
    const flag = name === undefined ? undefined : flags[name];
    if (flag === undefined) {
      if (known.has(t.name))
        throw new OptionError(`${command.name} does not take ${t.rawName}; see optim-oracle help ${command.name}`);
      throw new OptionError(
        `unknown flag '${t.rawName}' for ${command.name}; it takes ${Object.keys(flags)
          .map((f) => `--${f}`)
          .join(', ')}`,
      );
    }
    if (flag.type === 'string' && t.value === undefined)
      throw new OptionError(`${t.rawName} needs a value (${t.rawName} ${flag.value ?? 'VALUE'})`);
    if (flag.type === 'boolean' && t.value !== undefined)
      throw new OptionError(`${t.rawName} takes no value, got '${t.value}'`);
  }
  const options = Object.fromEntries(
    Object.entries(flags).map(([name, f]) => [
      name,
      f.short === undefined ? { type: f.type } : { type: f.type, short: f.short },
    ]),
  );
  const parsed = parseArgs({ args, strict: true, allowPositionals: true, options });
  const max = command.positionals?.max ?? 0;
  if (parsed.positionals.length > max) {
    const extra = parsed.positionals.slice(max).join(' ');
    const takes = command.positionals === undefined || max === 0 ? 'no arguments' : command.positionals.usage;
    throw new OptionError(`${command.name} takes ${takes}, got '${extra}'`);
  }
  return { values: parsed.values as Values, positionals: parsed.positionals };
}
