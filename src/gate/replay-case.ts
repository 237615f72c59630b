/**
 * Judging an implementation on one saved case (./saved-case.ts): the step, or each step of the
 * trajectory from the oracle's state, with the tiers of the properties (./properties.ts).
 *
 * @module
 */
import type { Configuration, StepOutput } from '../../core/catalogue/index.js';
import { oracleRuleOf } from '../registry/index.js';
import type { AsyncImplementation } from './async-properties.js';
import { compareStep, describeMismatch, type StepComparison } from './compare.js';
import type { Implementation } from './implementation.js';
import { compareTiered } from './properties.js';
import { stepInputOf, trajectoryOf, type SavedCase } from './saved-case.js';

/** The verdict on a saved case: passed or not, and what was judged, in words. */
export interface CaseVerdict {
  readonly passed: boolean;
  readonly lines: readonly string[];
}

function verdictLines(what: string, comparison: StepComparison, tier: string): string[] {
  if (comparison.mismatches.length === 0) return [`${what}: passes (${tier})`];
  return [`${what}: fails`, ...comparison.mismatches.map((m) => `  ${describeMismatch(m)}`)];
}

/** Judges `impl` on `saved` (one step, or a trajectory from the initial state). */
export async function judgeSavedCase(
  impl: Implementation | AsyncImplementation,
  config: Configuration,
  saved: SavedCase,
): Promise<CaseVerdict> {
  const oracle = oracleRuleOf(config.entry.name);
  if (saved.step !== undefined) {
    const input = stepInputOf(saved.step);
    const { comparison, tier } = compareTiered(
      impl,
      config,
      input,
      await impl.step(config, input),
      oracle.step(config, input),
    );
    return { passed: comparison.mismatches.length === 0, lines: verdictLines(`step t = ${input.t}`, comparison, tier) };
  }
  const { params, grads } = trajectoryOf(saved.trajectory ?? { params: [], grads: [] });
  const initial = oracle.initialOutput(config, params);
  const init = compareStep(
    { params, state: await impl.init(config, params) },
    initial,
    impl.boundInit(config, params.length),
  );
  const lines = verdictLines('initial state', init, 'faithful-to-preset');
  if (init.mismatches.length > 0) return { passed: false, lines };
  let current: StepOutput = initial;
  for (const [k, g] of grads.entries()) {
    const input = { params: current.params, grads: g, state: current.state, t: k + 1 };
    const next = oracle.step(config, input);
    const { comparison, tier } = compareTiered(impl, config, input, await impl.step(config, input), next);
    lines.push(...verdictLines(`step ${k + 1}`, comparison, tier));
    if (comparison.mismatches.length > 0) return { passed: false, lines };
    current = next;
  }
  return { passed: true, lines };
}
