/**
 * The agreement suite of one rule: every preset, every backend present, one step from any finite state,
 * one step with NaN and ±∞ among the inputs, and trajectories; each file under spec/agreement/ calls it
 * for one rule and adds that rule's regression cases.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { PRESET_NAMES, type PresetName } from '../../core/catalogue/index.js';
import { production, type Implementation } from '../../src/gate/implementation.js';
import { entryOf } from '../../src/registry/index.js';
import { emptyMeasure, mergeMeasure } from '../../src/gate/compare.js';
import { newTally, oneStepProperty, trajectoryProperty, type Tally } from '../../src/gate/properties.js';
import { RUNS_ENV, runsFromEnv } from '../../src/gate/seed.js';
import { useBackend } from '../../src/production/tfjs/backend.js';
import { backends } from '../backends.js';

/**
 * At least half of each output's elements must be judged against the bound, or the property says
 * little; a tally with no step, no output or an output with no element checked nothing and fails.
 */
export function expectMostlyCompared(tally: Tally): void {
  expectJudged(tally);
  for (const [output, m] of Object.entries(tally.outputs)) {
    const total = m.compared + m.classified + m.excluded;
    expect(
      m.compared,
      `${output}: ${m.compared} of ${total} elements compared against the bound`,
    ).toBeGreaterThanOrEqual(Math.max(1, total / 2));
  }
}

/** Some step was judged, every output had elements, and none left its bound. */
export function expectJudged(tally: Tally): void {
  expect(tally.steps, 'steps judged').toBeGreaterThan(0);
  expect(Object.keys(tally.outputs), 'outputs judged').not.toEqual([]);
  for (const [output, m] of Object.entries(tally.outputs)) {
    expect(m.compared + m.classified + m.excluded, `${output}: elements judged`).toBeGreaterThan(0);
    expect(m.maxRatio, `${output}: largest error / bound`).toBeLessThanOrEqual(1);
  }
}

/** Every output of a one-step property compared some element against the bound. */
export function expectSomeCompared(tally: Tally): void {
  expectJudged(tally);
  for (const [output, m] of Object.entries(tally.outputs))
    expect(m.compared, `${output}: elements compared against the bound`).toBeGreaterThan(0);
}

/** Adds `from`'s steps and measures to `into`. */
export function pool(into: Tally, from: Tally): void {
  into.steps += from.steps;
  for (const [k, m] of Object.entries(from.outputs)) mergeMeasure((into.outputs[k] ??= emptyMeasure()), m);
}

/** The non-finite property judged some elements by IEEE class. */
export function expectClassesJudged(tally: Tally): void {
  expectJudged(tally);
  const classified = Object.values(tally.outputs).reduce((n, m) => n + m.classified, 0);
  expect(classified, 'elements judged by IEEE class').toBeGreaterThan(0);
}

/** Cases per property: one-step properties take $OPTIM_ORACLE_RUNS (default 200), trajectories a tenth. */
export const oneStepRuns = runsFromEnv(200);
export const trajectoryRuns = Math.max(6, Math.round(oneStepRuns / 10));

/**
 * The cases on one backend: every case on the first backend present (wasm), a quarter on the others by
 * default, so that `npm test` stays within two minutes on two cores; every case on every backend when
 * $OPTIM_ORACLE_RUNS is set (CI sets 1000). The backends run the same production code; what differs
 * between them is the kernels, which a quarter of the cases still exercises on every rule and preset.
 */
function casesOn(backend: string, runs: number): number {
  const deep = (process.env[RUNS_ENV] ?? '') !== '';
  return deep || backend === backends[0] ? runs : Math.max(10, Math.round(runs / 4));
}

/** Options of {@link describeAgreement}. */
export interface AgreementOptions {
  /**
   * The share of the default cases this rule runs (default 1), for rules whose step costs several
   * times an elementwise one (Adafactor: row, column and whole-tensor means on tfjs and in the
   * oracle), so that `npm test` keeps its time budget: one-step properties run that share (at least
   * 10), trajectories that share (at least 3) of at most max(10, 50 · share) steps, on every backend;
   * $OPTIM_ORACLE_RUNS runs every case.
   */
  readonly share?: number;
}

/**
 * Runs the agreement properties of `rule` on every backend present; `regressions` adds named cases,
 * given the production implementation on the backend.
 */
export function describeAgreement(
  rule: string,
  regressions?: (impl: () => Implementation) => void,
  options: AgreementOptions = {},
): void {
  const deep = (process.env[RUNS_ENV] ?? '') !== '';
  const share = deep ? 1 : (options.share ?? 1);
  const oneStep = Math.max(10, Math.round(oneStepRuns * share));
  // With a share, trajectories are fewer and shorter on every backend (at least 3 of up to 10 steps).
  const trajectoryRunsOn = (backend: string) =>
    share === 1 ? casesOn(backend, trajectoryRuns) : Math.max(3, Math.round(trajectoryRuns * share));
  const trajectoryOptions = share === 1 ? {} : { maxSteps: Math.max(10, Math.round(50 * share)) };
  const entry = entryOf(rule);
  const presets = PRESET_NAMES.filter((p) => entry.presets[p] !== undefined);
  describe.each(backends)(`${rule} agrees with the oracle on %s`, (backend) => {
    let impl: Implementation = production(backend);
    beforeAll(async () => {
      impl = production(await useBackend(backend));
    });

    describe.each(presets)('preset %s', (preset: PresetName) => {
      // Each test checks its own tally; the last also checks the preset's pooled tally, as a whole.
      const pooled = newTally();

      it('one step from any finite state, within the derived bound', () => {
        const tally = newTally();
        fc.assert(oneStepProperty(impl, entry, preset, tally), { numRuns: casesOn(backend, oneStep) });
        expectSomeCompared(tally);
        pool(pooled, tally);
      });

      it('one step with NaN and ±∞ among the inputs: same IEEE class as the oracle', () => {
        const tally = newTally();
        fc.assert(oneStepProperty(impl, entry, preset, tally, { nonfinite: true }), {
          numRuns: casesOn(backend, oneStep),
        });
        expectClassesJudged(tally);
        pool(pooled, tally);
      });

      it('trajectories of up to 50 steps, each step from the oracle state; with the tests above, mostly compared', () => {
        const tally = newTally();
        fc.assert(trajectoryProperty(impl, entry, preset, tally, trajectoryOptions), {
          numRuns: trajectoryRunsOn(backend),
        });
        expectSomeCompared(tally);
        pool(pooled, tally);
        expectMostlyCompared(pooled);
      });
    });

    if (regressions) describe('regression cases found by the properties', () => regressions(() => impl));
  });
}
