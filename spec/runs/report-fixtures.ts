/**
 * Small real `check` reports for the report specs: SGD under the paper preset against production,
 * and against production with 1 added to every parameter it answers (a planted defect).
 */
import type { Implementation } from '../../src/gate/implementation.js';
import { production } from '../../src/gate/implementation.js';
import type { CheckReport } from '../../src/runs/check-types.js';
import { runCheck } from '../../src/runs/check.js';

/** Production with 1 added to every parameter it answers. */
export function offByOne(backend: string): Implementation {
  const real = production(backend);
  return {
    ...real,
    name: 'sgd answering params + 1',
    step: (c, input) => {
      const out = real.step(c, input);
      return { ...out, params: out.params.map((p) => p + 1) };
    },
  };
}

/** The options of the small run: SGD, the paper preset, one step, 20 cases, a fixed seed. */
export const SMALL = { rule: 'sgd', preset: 'paper', property: 'one-step', runs: 20, seed: 7 } as const;

/** The small run against production (`planted`: against {@link offByOne}). */
export function smallReport(backend: string, planted = false): Promise<CheckReport> {
  return runCheck({ ...SMALL, backend, ...(planted ? { implementation: offByOne } : {}) });
}
