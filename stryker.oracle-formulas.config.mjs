// Mutation testing of the oracle's formulas outside its arithmetic (`npx stryker run
// stryker.oracle-formulas.config.mjs`): the regularizers, the clippings, the test objectives, Keras's
// wrapper stages, Adam's step-size claim, the learning-rate schedules (with the rate each stage of a
// rule takes), the monitors and the augmentations, against their closed-form specs only
// (vitest.mutate-oracle-formulas.config.ts), with incremental results of their own.
import base from './stryker.config.mjs';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  ...base,
  vitest: { configFile: 'vitest.mutate-oracle-formulas.config.ts' },
  mutate: [
    'oracle/regularizers/**/*.ts',
    'oracle/gradient-transforms/**/*.ts',
    'oracle/claims/**/*.ts',
    'oracle/objectives.ts',
    'oracle/keras-wrapper.ts',
    'oracle/schedules/**/*.ts',
    'oracle/monitors/**/*.ts',
    'oracle/augmentations/**/*.ts',
  ],
  incrementalFile: 'mutation/incremental-oracle-formulas.json',
  // Their specs take about 10 s in all; a mutant that sends every output up the decimal ladder's
  // precisions runs long, and is a timeout past 1.5 times its covering tests' time plus this.
  timeoutMS: 20000,
  jsonReporter: { fileName: 'reports/mutation/oracle-formulas.json' },
  htmlReporter: { fileName: 'reports/mutation/oracle-formulas.html' },
};
