import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { defineConfig } from 'vitest/config';

// The specs Stryker runs against a mutant of the derived bounds (stryker.bounds.config.mjs): the
// bounds' own unit specs (spec/gate/bound/: each bound derived by hand, each domain reason and flag),
// then the bound, error-model, operation-order and proof-of-power specs of spec/gate/ and the
// regularizers' specs, without the agreement specs of every rule. A bound made too small fails the
// error model and the conforming operation orders; one made too large, or a flag set wrongly, the
// unit specs. Every agreement spec reaches the shared bounded arithmetic, so with them a surviving
// mutant cost minutes (214 mutants in 15 minutes on 2 cores, in the run that was stopped).

/** Vitest's order (slowest first), but the unit specs of spec/gate/bound/ before the rest: they kill in milliseconds. */
class UnitSpecsFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const unit = (f: TestSpecification) => f.moduleId.includes('/spec/gate/bound/');
    return [...sorted.filter(unit), ...sorted.filter((f) => !unit(f))];
  }
}

export default defineConfig({
  test: {
    include: ['spec/gate/bound/*.spec.ts', 'spec/gate/*.spec.ts', 'spec/regularizers/**/*.spec.ts'],
    setupFiles: ['spec/mutate-runs.ts', 'spec/setup.ts'],
    // The run's scratch folder, removed at its end (spec/scratch-folder.ts), as in vitest.config.ts: the
    // specs that write files (the gate's saved cases, the CLI's outputs) leave nothing in the system's.
    globalSetup: ['spec/scratch-folder.ts'],
    testTimeout: 300_000,
    hookTimeout: 60_000,
    sequence: { sequencer: UnitSpecsFirst },
  },
});
