/**
 * `optim-oracle list [rules|presets|claims]`: its flags and its handler.
 *
 * @module
 */
import { OptionError } from '../../../core/catalogue/errors.js';
import { EXIT } from '../exit.js';
import { formatListing, listing, LIST_SECTIONS } from '../list.js';
import type { Command } from './command.js';

/** `list`. */
export const listCommand: Command = {
  name: 'list',
  summary: 'list the rules and regularizers (presets, hyperparameters, defaults), the presets, or the claims',
  positionals: { usage: `[${LIST_SECTIONS.join('|')}]`, max: 1 },
  flags: { json: { type: 'boolean', help: 'print the listing as JSON' } },
  async run(values, positionals, { out }) {
    const section = positionals[0];
    if (section !== undefined && !(LIST_SECTIONS as readonly string[]).includes(section)) {
      throw new OptionError(`list takes ${LIST_SECTIONS.join(', ')} or nothing, got '${section}'`);
    }
    const chosen = section as (typeof LIST_SECTIONS)[number] | undefined;
    const l = listing();
    if (values.json === true) {
      out.write(`${JSON.stringify(chosen === undefined ? l : { [chosen]: l[chosen] }, null, 2)}\n`);
    } else out.write(`${formatListing(l, chosen)}\n`);
    return EXIT.ok;
  },
};
