import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

// .ci/run sets OPTIM_ORACLE_JSON_REPORT to a file: vitest then also writes its JSON report there, from
// which CI prints the plain closing line 'N passed, N failed'. A --reporter on the command line replaces
// these (each shard's `vitest run --shard=i/n --reporter=blob`); `vitest --merge-reports` then uses them.
const jsonReport = process.env['OPTIM_ORACLE_JSON_REPORT'];

export default defineConfig({
  // The README's examples import the package by its name; the specs run them on the sources.
  resolve: { alias: { 'optim-oracle': new URL('./src/index.ts', import.meta.url).pathname } },
  test: {
    include: ['spec/**/*.spec.ts'],
    setupFiles: ['spec/setup.ts'],
    // A scratch folder for the run, removed at its end (spec/scratch-folder.ts).
    globalSetup: ['spec/scratch-folder.ts'],
    testTimeout: 300_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // The spec files share each worker's module cache instead of re-importing tfjs, decimal.js and the
    // oracle per file: imports fell from 53 s to 13 s of the suite's CPU time (npm test 153 s -> 102 s
    // on 2 cores). The setup file still runs before each file, so every file gets the fixed seed and
    // runs; files that need a backend select it in their own beforeAll.
    isolate: false,
    // Vitest leaves one core free by default, which on CI's two cores runs the files one at a time
    // (152 s against 85 s for the suite). The tests are CPU-bound and independent: use every core.
    maxWorkers: availableParallelism(),
    reporters: jsonReport ? ['default', ['json', { outputFile: jsonReport }]] : ['default'],
  },
});
