import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

// .ci/run sets OPTIM_ORACLE_JSON_REPORT to a file: vitest then also writes its JSON report there, from
// which CI prints the plain closing line 'N passed, N failed'. A --reporter on the command line replaces
// these (each shard's `vitest run --shard=i/n --reporter=blob`); `vitest --merge-reports` then uses them.
const jsonReport = process.env['OPTIM_ORACLE_JSON_REPORT'];

export default defineConfig({
  test: {
    include: ['spec/**/*.spec.ts'],
    setupFiles: ['spec/setup.ts'],
    testTimeout: 300_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Vitest leaves one core free by default, which on CI's two cores runs the files one at a time
    // (152 s against 85 s for the suite). The tests are CPU-bound and independent: use every core.
    maxWorkers: availableParallelism(),
    reporters: jsonReport ? ['default', ['json', { outputFile: jsonReport }]] : ['default'],
  },
});
