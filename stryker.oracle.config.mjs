// Mutation testing of the oracle (`npx stryker run stryker.oracle.config.mjs`, `--mutate <file>` for
// one file): the main config (stryker.config.mjs) over oracle/ only, against the oracle's own specs
// (vitest.mutate-oracle.config.ts), with incremental results of its own.
import base from './stryker.config.mjs';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  ...base,
  vitest: { configFile: 'vitest.mutate-oracle.config.ts' },
  mutate: ['oracle/**/*.ts', '!oracle/index.ts'],
  incrementalFile: 'mutation/incremental-oracle.json',
  // A mutant of an exact kernel that loops (a halving that never ends, a step that never arrives) or
  // sends every output down the decimal ladder runs until the timeout, and each timeout restarts a
  // runner (about 30 s of vitest start-up): the limit is 1.5 times the covering tests' time in the
  // initial run plus 20 s here, against the main config's 60 s. All the oracle's specs take 18 to 22 s
  // (net), so a mutant covered by all is a timeout only past about 2.5 times that; a slower oracle is a
  // defect too (issue 11).
  timeoutMS: 20000,
  jsonReporter: { fileName: 'reports/mutation/oracle.json' },
  htmlReporter: { fileName: 'reports/mutation/oracle.html' },
};
