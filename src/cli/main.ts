/**
 * The `optim-oracle` command line: finds the subcommand, parses its flags (src/cli/commands/), runs
 * it, and turns an error into its message and exit status (src/cli/exit.ts).
 *
 * @module
 */
import { OptionError } from '../../core/catalogue/errors.js';
import { ALL_FLAGS, commandNamed as builtIn, COMMANDS } from './commands/index.js';
import type { Command, Context } from './commands/command.js';
import { parseCommand } from './commands/parse.js';
import { versionCommand } from './commands/version.js';
import { describeError, EXIT, exitStatusOf } from './exit.js';
import { commandHelp, overviewHelp } from './help.js';

/**
 * Runs the command line with `argv` (without node and script), writing to `out` and `err` and
 * reading `env` for the variables a flag falls back to; `commands` replaces subcommands by name (the
 * tests give `bounds` a table file of their own). Resolves to the exit status (src/cli/exit.ts).
 */
export async function main(
  argv: readonly string[],
  out: Context['out'] = process.stdout,
  err: Context['err'] = process.stderr,
  env: NodeJS.ProcessEnv = process.env,
  commands: readonly Command[] = [],
): Promise<number> {
  const commandNamed = (name: string) => commands.find((c) => c.name === name) ?? builtIn(name);
  const debug = argv.includes('--debug');
  const context: Context = { out, err, env };
  try {
    const [name, ...rest] = argv;
    if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
      const topic = name === 'help' ? rest.filter((a) => a !== '--debug') : [];
      if (topic.length > 1) throw new OptionError(`help takes at most one command, got '${topic.join(' ')}'`);
      const command = topic[0] === undefined ? undefined : commandNamed(topic[0]);
      if (topic[0] !== undefined && command === undefined) throw unknownCommand(topic[0]);
      out.write(`${command === undefined ? overviewHelp() : commandHelp(command)}\n`);
      return EXIT.ok;
    }
    if (name === '--version') return await versionCommand.run({}, [], context);
    if (name === '--debug') throw new OptionError('--debug goes after the command (optim-oracle check --debug)');
    const command = commandNamed(name);
    if (command === undefined) throw unknownCommand(name);
    const { values, positionals } = parseCommand(command, rest, ALL_FLAGS);
    if (values.help === true) {
      out.write(`${commandHelp(command)}\n`);
      return EXIT.ok;
    }
    return await command.run(values, positionals, context);
  } catch (e) {
    const status = exitStatusOf(e);
    err.write(`${describeError(e, debug)}\n`);
    if (status === EXIT.usage)
      err.write(
        `(optim-oracle help${commandNamed(argv[0] ?? '') === undefined ? '' : ` ${argv[0]}`} lists the flags)\n`,
      );
    return status;
  }
}

function unknownCommand(name: string): OptionError {
  return new OptionError(`unknown command '${name}'; commands: ${[...COMMANDS.map((c) => c.name), 'help'].join(', ')}`);
}
