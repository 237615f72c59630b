import { defineConfig } from 'vitest/config';

// The specs Stryker runs against each mutant: those that exercise the mutated folders, in the
// fork-free pool Stryker's vitest runner needs. Fewer cases per property than npm test
// (OPTIM_ORACLE_RUNS, 50 here but 200 for LAMB's agreement spec: spec/mutate-runs.ts) keeps a
// mutant's run short; docs/mutation.md says which kills need more.

export default defineConfig({
  test: {
    include: [
      'spec/agreement/**/*.spec.ts',
      'spec/gate/**/*.spec.ts',
      'spec/oracle/**/*.spec.ts',
      'spec/regularizers/**/*.spec.ts',
      'spec/production/**/*.spec.ts',
    ],
    setupFiles: ['spec/mutate-runs.ts', 'spec/setup.ts'],
    // The run's scratch folder, removed at its end (spec/scratch-folder.ts), as in vitest.config.ts: the
    // specs that write files (the gate's saved cases, the CLI's outputs) leave nothing in the system's.
    globalSetup: ['spec/scratch-folder.ts'],
    testTimeout: 300_000,
    hookTimeout: 60_000,
  },
});
