import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { defineConfig } from 'vitest/config';

// The specs Stryker runs against a mutant of the oracle (stryker.oracle.config.mjs): the oracle's own
// specs only (spec/oracle/: closed forms, exact kernels, independent references, the stages against
// each other), never the agreement specs that compare production with it. A mutant the oracle's own
// specs miss is a gap in its verification, even if some agreement property would notice it.

/** Vitest's order reversed, fastest (or smallest) spec file first: with bail, a killed mutant stops at its first failing test. */
export class FastestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    return (await super.sort(files)).reverse();
  }
}

/**
 * The spec files of the oracle's formulas outside its arithmetic (each against closed forms written
 * again in decimal.js): the spec set of vitest.mutate-oracle-formulas.config.ts.
 */
export const FORMULA_SPECS = [
  'spec/oracle/regularizers/**/*.spec.ts',
  'spec/oracle/gradient-transforms/**/*.spec.ts',
  'spec/oracle/claims/**/*.spec.ts',
  'spec/oracle/objectives.spec.ts',
  'spec/oracle/keras-wrapper.spec.ts',
  'spec/oracle/keras-wrapper-stages.spec.ts',
  'spec/oracle/schedules/**/*.spec.ts',
  'spec/oracle/monitors/**/*.spec.ts',
  'spec/schedules/oracle.spec.ts',
  'spec/schedules/cos-pi.spec.ts',
  'spec/oracle/augmentations/**/*.spec.ts',
  'spec/augmentations/interpolating-oracle.spec.ts',
] as const;

export default defineConfig({
  test: {
    include: ['spec/oracle/**/*.spec.ts'],
    // The specs of the oracle's formulas outside its arithmetic (closed forms of the regularizers, the
    // clippings, the objectives, Keras's wrapper stages, Adam's step-size claim, the schedules, the monitors) are the spec set of
    // their own config. They reach the arithmetic's survivors too, and would run each of them again
    // here without checking anything of the arithmetic's own.
    exclude: [...FORMULA_SPECS],
    setupFiles: ['spec/mutate-runs.ts', 'spec/setup.ts'],
    // The run's scratch folder, removed at its end (spec/scratch-folder.ts), as in vitest.config.ts: the
    // specs that write files (the gate's saved cases, the CLI's outputs) leave nothing in the system's.
    globalSetup: ['spec/scratch-folder.ts'],
    testTimeout: 300_000,
    hookTimeout: 60_000,
    sequence: { sequencer: FastestFirst },
  },
});
