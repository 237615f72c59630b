/**
 * The help texts, made from the commands' own flag tables so that they cannot drift from what the
 * parser accepts: an overview listing every flag of every command, and one help per command.
 *
 * @module
 */
import { COMMANDS } from './commands/index.js';
import { COMMON_FLAGS, type Command, type Flag } from './commands/command.js';
import { EXIT_TEXT } from './exit.js';

const WIDTH = 100;
const FLAG_COLUMN = 22;

/** `text` wrapped to lines of at most 100 columns, the first starting with `head`, each at column `indent`. */
function wrap(text: string, indent: number, head: string): string[] {
  const lines: string[] = [];
  let line = head.padEnd(indent);
  let empty = true;
  for (const word of text.split(' ')) {
    if (!empty && line.length + 1 + word.length > WIDTH) {
      lines.push(line);
      line = ' '.repeat(indent);
      empty = true;
    }
    line += `${empty ? '' : ' '}${word}`;
    empty = false;
  }
  lines.push(line.trimEnd());
  return lines;
}

/** The help lines of a flag table. */
function flagLines(flags: Readonly<Record<string, Flag>>): string[] {
  return Object.entries(flags).flatMap(([name, f]) => {
    const names = `${f.short === undefined ? '' : `-${f.short}, `}--${name}${f.value === undefined ? '' : ` ${f.value}`}`;
    const head = `  ${names}`;
    return head.length + 1 >= FLAG_COLUMN ? [head, ...wrap(f.help, FLAG_COLUMN, '')] : wrap(f.help, FLAG_COLUMN, head);
  });
}

function usageOf(c: Command): string {
  return `optim-oracle ${c.name}${c.positionals === undefined ? '' : ` ${c.positionals.usage}`}${Object.keys(c.flags).length > 0 ? ' [flags]' : ''}`;
}

const COMMON_TEXT = 'Every command also takes:';

/** The help of one command. */
export function commandHelp(c: Command): string {
  return [
    `Usage: ${usageOf(c)}`,
    '',
    ...wrap(c.summary, 0, ''),
    '',
    ...(Object.keys(c.flags).length > 0 ? ['Flags:', ...flagLines(c.flags)] : []),
    ...flagLines(COMMON_FLAGS),
    ...(c.notes === undefined ? [] : ['', ...c.notes.flatMap((n) => wrap(n, 0, ''))]),
    '',
    EXIT_TEXT,
  ].join('\n');
}

/** The overview: every command and every flag of each. */
export function overviewHelp(): string {
  return [
    'optim-oracle: checks deep-learning update rules and regularizers against an exact reference.',
    '',
    'Usage:',
    ...COMMANDS.map((c) => `  ${usageOf(c)}`),
    "  optim-oracle help [COMMAND]   this text, or one command's (also: optim-oracle COMMAND --help)",
    '',
    ...COMMANDS.filter((c) => Object.keys(c.flags).length > 0).flatMap((c) => [
      `Flags of ${c.name}:`,
      ...flagLines(c.flags),
      '',
    ]),
    COMMON_TEXT,
    ...flagLines(COMMON_FLAGS),
    '  --version           print the version (as optim-oracle version)',
    '',
    EXIT_TEXT,
  ].join('\n');
}
