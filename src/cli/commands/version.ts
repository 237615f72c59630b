/**
 * `optim-oracle version` (and `--version`).
 *
 * @module
 */
import { EXIT } from '../exit.js';
import { packageVersion } from '../version.js';
import type { Command } from './command.js';

/** `version`. */
export const versionCommand: Command = {
  name: 'version',
  summary: "print optim-oracle's version (also --version)",
  flags: {},
  async run(_values, _positionals, { out }) {
    out.write(`optim-oracle ${packageVersion()}\n`);
    return EXIT.ok;
  },
};
