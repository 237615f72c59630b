import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

// The deep runs (`npm run test:deep`): the oracle's fast stages against its decimal ladder on
// $OPTIM_ORACLE_DEEP_FAST_CASES element-steps per rule (spec/deep/fast-stage.ts), one file per rule so
// that the files spread over the cores and `--shard=i/n` spreads them over machines. Not part of
// `npm test` (its files end in .deep.ts), and never the report .ci/run reads.
export default defineConfig({
  test: {
    include: ['spec/deep/**/*.deep.ts'],
    setupFiles: ['spec/setup.ts'],
    testTimeout: 3_600_000,
    pool: 'forks',
    isolate: false,
    maxWorkers: availableParallelism(),
  },
});
