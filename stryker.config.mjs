// Mutation testing (issue 16): `npm run mutate`. Stryker mutates the production algorithms, the derived
// bounds and the judge, and the oracle, and runs the specs that cover each mutant (per-test coverage),
// incrementally: a rerun only tests the mutants whose code or covering tests changed.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutate.config.ts' },
  mutate: [
    'src/production/rules/**/*.ts',
    'src/production/regularizers/**/*.ts',
    'src/production/drive.ts',
    'src/gate/bound/**/*.ts',
    'src/gate/compare.ts',
    'oracle/**/*.ts',
    '!oracle/index.ts',
  ],
  coverageAnalysis: 'perTest',
  // A static mutant (module-level data such as a rule's name) runs every test: 99% of the time of the
  // first smoke run for 5 of 8 mutants. They are reported as ignored, not as survivors.
  ignoreStatic: true,
  // required()'s message text is reachable only when an invariant breaks: equivalent, not surviving.
  plugins: ['@stryker-mutator/*', './mutation/invariant-messages.mjs'],
  ignorers: ['invariant-messages'],
  incremental: true,
  incrementalFile: 'mutation/incremental.json',
  concurrency: 2,
  timeoutMS: 60000,
  reporters: ['clear-text', 'progress', 'json', 'html'],
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  thresholds: { high: 95, low: 90, break: null },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
