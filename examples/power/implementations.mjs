// Three families of update rules in plain JavaScript (adam.mjs, sgd.mjs, adaptive.mjs), each with a
// table of classic bugs, as targets for the in-process gate (`gate(target(family, bug))`) and, through
// program.mjs, as programs for the gate's protocol (docs/protocol.md). docs/proof-of-power.md is the
// table of what the gate finds.
import * as adam from './adam.mjs';
import * as adaptive from './adaptive.mjs';
import * as sgd from './sgd.mjs';

/** The families by name: `rules` (rule → presets), `bugs` (name → { rule, preset, what }), `init`, `step`. */
export const families = { adam, sgd, adaptive };

/** Hyperparameters as the numbers an implementation reads: the double nearest each decimal text. */
export function numbers(hyper) {
  return Object.fromEntries(Object.entries(hyper).map(([k, v]) => [k, Number(v)]));
}

/**
 * An in-process gate target: `family`'s rules, honest or with one `bug` planted.
 */
export function target(family, bug) {
  const f = families[family];
  if (f === undefined) throw new Error(`no family ${family}: ${Object.keys(families).join(', ')}`);
  if (bug !== undefined && f.bugs[bug] === undefined) throw new Error(`no bug ${bug} in ${family}`);
  return {
    name: bug === undefined ? `${family} (correct)` : `${family} --bug ${bug}`,
    rules: f.rules,
    init: (config, params) => f.init(config.entry.name, numbers(config.hyper), config.flags, params.length),
    step: (config, input) => f.step(config.entry.name, numbers(config.hyper), config.flags, input, bug),
  };
}
