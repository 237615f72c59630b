import { defineConfig } from 'vitest/config';
import { FastestFirst, FORMULA_SPECS } from './vitest.mutate-oracle.config.js';

// The specs Stryker runs against a mutant of the oracle's formulas outside its arithmetic
// (stryker.oracle-formulas.config.mjs): each file's closed forms written again in decimal.js and
// rounded once, never the agreement specs that compare production with them.

export default defineConfig({
  test: {
    include: [...FORMULA_SPECS],
    setupFiles: ['spec/mutate-runs.ts', 'spec/setup.ts'],
    // The run's scratch folder, removed at its end (spec/scratch-folder.ts), as in vitest.config.ts: the
    // specs that write files (the gate's saved cases, the CLI's outputs) leave nothing in the system's.
    globalSetup: ['spec/scratch-folder.ts'],
    testTimeout: 300_000,
    hookTimeout: 60_000,
    sequence: { sequencer: FastestFirst },
  },
});
