// Mutation testing of the derived bounds (`npx stryker run stryker.bounds.config.mjs`): the main
// config (stryker.config.mjs) over src/gate/bound/ only, with the narrower spec set of
// vitest.mutate-bounds.config.ts and incremental results of its own.
import base from './stryker.config.mjs';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  ...base,
  vitest: { configFile: 'vitest.mutate-bounds.config.ts' },
  mutate: ['src/gate/bound/**/*.ts'],
  incrementalFile: 'mutation/incremental-bounds.json',
  jsonReporter: { fileName: 'reports/mutation/bounds.json' },
  htmlReporter: { fileName: 'reports/mutation/bounds.html' },
};
