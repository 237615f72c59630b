/**
 * The agreement properties, shared by the test suite and `optim-oracle check`: one step from any
 * state, and trajectories in which both sides start each step from the oracle's float32 state.
 * Each judged step is folded into a {@link Tally}, which reports the largest error measured next to
 * the derived bound.
 *
 * @module
 */
import fc from 'fast-check';
import { required } from '../../core/required.js';
import type { CatalogueEntry, Configuration, PresetName, StepInput, StepOutput } from '../../core/catalogue/index.js';
import { oracleRuleOf } from '../registry/index.js';
import { stepCase, trajectoryCase, type CaseOptions } from './arbitraries/step-case.js';
import {
  compareStep,
  describeMismatch,
  emptyMeasure,
  mergeMeasure,
  type OutputMeasure,
  type StepComparison,
} from './compare.js';
import type { Implementation } from './implementation.js';

/** Measurements folded over every judged step, by output. */
export interface Tally {
  steps: number;
  readonly outputs: Record<string, OutputMeasure>;
  /**
   * Steps that left the bound of the preset's own operation order and passed within the conforming
   * bound (./orders/index.ts): the implementation conforms through another documented order.
   */
  conforming?: number;
}

/** An empty tally. */
export function newTally(): Tally {
  return { steps: 0, outputs: {} };
}

/**
 * The comparison of a step under the bound of the preset's own order, or, when it leaves that bound
 * and the implementation may be judged by the conforming tier, under the conforming bound; `tier`
 * says which passed (or `faithful-to-preset` for a step that fails both).
 */
export function compareTiered(
  impl: Pick<Implementation, 'bound' | 'conformingBound'>,
  config: Configuration,
  input: StepInput,
  produced: StepOutput,
  oracle: StepOutput,
): { comparison: StepComparison; tier: 'faithful-to-preset' | 'conforming' } {
  const comparison = compareStep(produced, oracle, impl.bound(config, input));
  if (comparison.mismatches.length === 0 || impl.conformingBound === undefined)
    return { comparison, tier: 'faithful-to-preset' };
  const conforming = compareStep(produced, oracle, impl.conformingBound(config, input));
  return conforming.mismatches.length === 0
    ? { comparison: conforming, tier: 'conforming' }
    : { comparison, tier: 'faithful-to-preset' };
}

/** Adds one comparison's measures to a tally, counting a step that passed at the conforming tier. */
export function foldInto(
  tally: Tally | undefined,
  cmp: StepComparison,
  tier?: 'faithful-to-preset' | 'conforming',
): void {
  if (tally === undefined) return;
  if (tier === 'conforming') tally.conforming = (tally.conforming ?? 0) + 1;
  tally.steps += 1;
  for (const [k, m] of Object.entries(cmp.outputs)) mergeMeasure((tally.outputs[k] ??= emptyMeasure()), m);
}

/** Thrown by a property when an implementation leaves its bound; the message lists each element. */
export class DisagreementError extends Error {
  constructor(implementation: string, config: Configuration, what: string, cmp: StepComparison) {
    const lines = cmp.mismatches.slice(0, 8).map((m) => '  ' + describeMismatch(m));
    const more = cmp.mismatches.length > 8 ? [`  ... and ${cmp.mismatches.length - 8} more`] : [];
    super(
      [
        `${implementation} disagrees with the oracle on ${config.entry.name}/${config.preset} ${what}`,
        `  hyperparameters ${JSON.stringify(config.hyper)}`,
        ...lines,
        ...more,
      ].join('\n'),
    );
    this.name = 'DisagreementError';
  }
}

/** Runs one step on the implementation and the oracle and compares them under the derived bound. */
export function judgeStep(
  impl: Implementation,
  config: Configuration,
  input: StepInput,
  tally?: Tally,
): { comparison: StepComparison; oracle: StepOutput } {
  const oracle = oracleRuleOf(config.entry.name).step(config, input);
  const { comparison, tier } = compareTiered(impl, config, input, impl.step(config, input), oracle);
  foldInto(tally, comparison, tier);
  return { comparison, oracle };
}

/** One step from arbitrary float32 inputs and state agrees with the oracle within the derived bound. */
export function oneStepProperty(
  impl: Implementation,
  entry: CatalogueEntry,
  preset: PresetName,
  tally?: Tally,
  options: CaseOptions = {},
) {
  return fc.property(stepCase(entry, preset, options), ({ config, input }) => {
    const { comparison } = judgeStep(impl, config, input, tally);
    if (comparison.mismatches.length > 0)
      throw new DisagreementError(impl.name, config, `at t = ${input.t}`, comparison);
  });
}

/**
 * Along a trajectory of up to 50 steps from the initial state, every step agrees with the oracle when
 * both start it from the same float32 parameters and state (the oracle's), and so does the initial
 * state.
 */
export function trajectoryProperty(
  impl: Implementation,
  entry: CatalogueEntry,
  preset: PresetName,
  tally?: Tally,
  options: CaseOptions & { maxSteps?: number } = {},
) {
  return fc.property(trajectoryCase(entry, preset, options), ({ config, params, grads, objective, shape }) => {
    const oracle = oracleRuleOf(config.entry.name);
    const initial = oracle.initialOutput(config, params, shape);
    let state = initial.state;
    const init = compareStep(
      { params, state: impl.init(config, params, shape) },
      initial,
      impl.boundInit(config, params.length, shape),
    );
    foldInto(tally, init);
    if (init.mismatches.length > 0) throw new DisagreementError(impl.name, config, 'in the initial state', init);
    if (impl.stepMany !== undefined) {
      // Every step's input is the oracle's state, known before the implementation answers: one batch.
      const inputs: StepInput[] = [];
      const outputs: StepOutput[] = [];
      let current: StepOutput = initial;
      for (const [k, g] of grads.entries()) {
        const input = {
          params: current.params,
          grads: g,
          state: current.state,
          t: k + 1,
          ...(objective ? { objective } : {}),
          ...(shape ? { shape } : {}),
        };
        current = oracle.step(config, input);
        inputs.push(input);
        outputs.push(current);
      }
      const produced = impl.stepMany(config, inputs);
      inputs.forEach((input, k) => {
        const { comparison, tier } = compareTiered(
          impl,
          config,
          input,
          required(produced[k], 'answer'),
          required(outputs[k], 'oracle'),
        );
        foldInto(tally, comparison, tier);
        if (comparison.mismatches.length > 0)
          throw new DisagreementError(impl.name, config, `at step ${k + 1} of a trajectory`, comparison);
      });
      return;
    }
    let current = params;
    grads.forEach((g, k) => {
      const { comparison, oracle: next } = judgeStep(
        impl,
        config,
        {
          params: current,
          grads: g,
          state,
          t: k + 1,
          ...(objective ? { objective } : {}),
          ...(shape ? { shape } : {}),
        },
        tally,
      );
      if (comparison.mismatches.length > 0)
        throw new DisagreementError(impl.name, config, `at step ${k + 1} of a trajectory`, comparison);
      current = next.params;
      state = next.state;
    });
  });
}
