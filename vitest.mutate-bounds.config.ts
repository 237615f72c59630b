import { defineConfig } from 'vitest/config';

// The specs Stryker runs against a mutant of the derived bounds (stryker.bounds.config.mjs): the
// bound, error-model, operation-order and proof-of-power specs of spec/gate/ and the regularizers'
// specs, without the agreement specs of every rule. A bound made too small fails the error model and
// the conforming operation orders; one made too large, the bounds' own tightness cases and the proof
// of power. Every agreement spec reaches the shared bounded arithmetic, so with them a surviving
// mutant cost minutes (214 mutants in 15 minutes on 2 cores, in the run that was stopped).
export default defineConfig({
  test: {
    include: ['spec/gate/*.spec.ts', 'spec/gate/bound/*.spec.ts', 'spec/regularizers/**/*.spec.ts'],
    setupFiles: ['spec/mutate-runs.ts', 'spec/setup.ts'],
    testTimeout: 300_000,
    hookTimeout: 60_000,
  },
});
