import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { defineConfig } from 'vitest/config';

// The specs Stryker runs against a mutant of the oracle (stryker.oracle.config.mjs): the oracle's own
// specs only (spec/oracle/: closed forms, exact kernels, independent references, the stages against
// each other), never the agreement specs that compare production with it. A mutant the oracle's own
// specs miss is a gap in its verification, even if some agreement property would notice it.

/** Vitest's order reversed, fastest (or smallest) spec file first: with bail, a killed mutant stops at its first failing test. */
class FastestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    return (await super.sort(files)).reverse();
  }
}

export default defineConfig({
  test: {
    include: ['spec/oracle/**/*.spec.ts'],
    setupFiles: ['spec/mutate-runs.ts', 'spec/setup.ts'],
    testTimeout: 300_000,
    hookTimeout: 60_000,
    sequence: { sequencer: FastestFirst },
  },
});
