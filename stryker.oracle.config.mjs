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
  jsonReporter: { fileName: 'reports/mutation/oracle.json' },
  htmlReporter: { fileName: 'reports/mutation/oracle.html' },
};
