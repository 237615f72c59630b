/**
 * The subcommands, in the order the help lists them.
 *
 * @module
 */
import { boundsCommand } from './bounds.js';
import { checkCommand } from './check.js';
import { claimsCommand } from './claims.js';
import { flagsOf, type Command } from './command.js';
import { fixturesCommand } from './fixtures.js';
import { gateCommand } from './gate.js';
import { listCommand } from './list.js';
import { mergeCommand } from './merge.js';
import { reportCommand } from './report-command.js';
import { versionCommand } from './version.js';

/** Every subcommand but `help`. */
export const COMMANDS: readonly Command[] = [
  checkCommand,
  gateCommand,
  claimsCommand,
  boundsCommand,
  fixturesCommand,
  mergeCommand,
  reportCommand,
  listCommand,
  versionCommand,
];

/** The command named `name`, or undefined. */
export function commandNamed(name: string): Command | undefined {
  return COMMANDS.find((c) => c.name === name);
}

/** Every flag any command takes (long names), to tell "does not take" from "unknown". */
export const ALL_FLAGS: ReadonlySet<string> = new Set([...COMMANDS.flatMap((c) => Object.keys(flagsOf(c))), 'version']);
