/**
 * The agreement suite of one rule: every preset, every backend present, one step from any finite state,
 * one step with NaN and ±∞ among the inputs, and trajectories; each file under spec/agreement/ calls it
 * for one rule and adds that rule's regression cases.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { entryOf, PRESET_NAMES, type PresetName } from '../../src/catalogue/index.js';
import { production, type Implementation } from '../../src/gate/implementation.js';
import { newTally, oneStepProperty, trajectoryProperty, type Tally } from '../../src/gate/properties.js';
import { runsFromEnv } from '../../src/gate/seed.js';
import { useBackend } from '../../src/tfjs/backend.js';
import { backends } from '../backends.js';

/** At least half of each output's elements must be judged against the bound, or the property says little. */
export function expectMostlyCompared(tally: Tally): void {
  for (const [output, m] of Object.entries(tally.outputs)) {
    const total = m.compared + m.classified + m.excluded;
    expect(m.compared, `${output}: ${m.compared} of ${total} elements compared against the bound`).toBeGreaterThanOrEqual(total / 2);
    expect(m.maxRatio, `${output}: largest error / bound`).toBeLessThanOrEqual(1);
  }
}

/** Cases per property: one-step properties take $OPTIM_ORACLE_RUNS (default 60), trajectories a tenth. */
export const oneStepRuns = runsFromEnv(60);
export const trajectoryRuns = Math.max(6, Math.round(oneStepRuns / 10));

/**
 * Runs the agreement properties of `rule` on every backend present; `regressions` adds named cases,
 * given the production implementation on the backend.
 */
export function describeAgreement(rule: string, regressions?: (impl: () => Implementation) => void): void {
  const entry = entryOf(rule);
  const presets = PRESET_NAMES.filter((p) => entry.presets[p] !== undefined);
  describe.each(backends)(`${rule} agrees with the oracle on %s`, (backend) => {
    let impl: Implementation = production(backend);
    beforeAll(async () => {
      impl = production(await useBackend(backend));
    });

    describe.each(presets)('preset %s', (preset: PresetName) => {
      const tally = newTally();
      afterAll(() => expectMostlyCompared(tally));

      it('one step from any finite state, within the derived bound', () => {
        fc.assert(oneStepProperty(impl, entry, preset, tally), { numRuns: oneStepRuns });
      });

      it('one step with NaN and ±∞ among the inputs: same IEEE class as the oracle', () => {
        fc.assert(oneStepProperty(impl, entry, preset, tally, { nonfinite: true }), { numRuns: oneStepRuns });
      });

      it('trajectories of up to 50 steps, each step from the oracle state', () => {
        fc.assert(trajectoryProperty(impl, entry, preset, tally), { numRuns: trajectoryRuns });
      });
    });

    if (regressions) describe('regression cases found by the properties', () => regressions(() => impl));
  });
}
