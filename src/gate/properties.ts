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
import { structuredFailure, type StructuredFailure } from './failure.js';
import { addHistogram, emptyHistogram } from './histogram.js';
import type { Implementation } from './implementation.js';

/** The case with the largest err/bound a tally saw, passing or not: its ratio, its output and its inputs. */
export interface WorstCase extends Omit<StructuredFailure, 'mismatches'> {
  readonly ratio: number;
  readonly output: string;
}

/** Measurements folded over every judged step, by output. */
export interface Tally {
  steps: number;
  readonly outputs: Record<string, OutputMeasure>;
  /** Per output, err/bound counted in the bins of ./histogram.ts (absent: no comparison counted them). */
  histograms?: Record<string, number[]>;
  /** The case with the largest err/bound seen, when the property said what its case was. */
  worst?: WorstCase;
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
 * One tally from several, in the given order: steps added, each output's measures merged
 * ({@link mergeMeasure}) and histograms added bin by bin, and the worst case of the largest ratio.
 */
export function mergeTallies(tallies: readonly Tally[]): Tally {
  const outputs: Record<string, OutputMeasure> = {};
  const histograms: Record<string, number[]> = {};
  let worst: Tally['worst'];
  for (const t of tallies) {
    for (const [k, m] of Object.entries(t.outputs)) mergeMeasure((outputs[k] ??= emptyMeasure()), m);
    for (const [k, h] of Object.entries(t.histograms ?? {})) addHistogram((histograms[k] ??= emptyHistogram()), h);
    if (t.worst !== undefined && t.worst.ratio > (worst?.ratio ?? 0)) worst = t.worst;
  }
  const conforming = tallies.reduce((n, t) => n + (t.conforming ?? 0), 0);
  return {
    steps: tallies.reduce((n, t) => n + t.steps, 0),
    outputs,
    ...(tallies.some((t) => t.histograms !== undefined) ? { histograms } : {}),
    ...(worst === undefined ? {} : { worst }),
    ...(conforming > 0 ? { conforming } : {}),
  };
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

/** What case a comparison judged, asked only when it beats the tally's worst. */
export type CaseOf = () => Omit<WorstCase, 'ratio' | 'output'>;

/**
 * Adds one comparison's measures and histograms to a tally; with `caseOf`, keeps the case when one of
 * its outputs has a larger err/bound than the tally's worst so far; counts a step that passed at the
 * conforming tier.
 */
export function foldInto(
  tally: Tally | undefined,
  cmp: StepComparison,
  caseOf?: CaseOf,
  tier?: 'faithful-to-preset' | 'conforming',
): void {
  if (tally === undefined) return;
  if (tier === 'conforming') tally.conforming = (tally.conforming ?? 0) + 1;
  tally.steps += 1;
  for (const [k, m] of Object.entries(cmp.outputs)) mergeMeasure((tally.outputs[k] ??= emptyMeasure()), m);
  if (cmp.histograms !== undefined) {
    const histograms = (tally.histograms ??= {});
    for (const [k, h] of Object.entries(cmp.histograms)) addHistogram((histograms[k] ??= emptyHistogram()), h);
  }
  if (caseOf === undefined) return;
  for (const [output, m] of Object.entries(cmp.outputs))
    if (m.compared > 0 && m.maxRatio > (tally.worst?.ratio ?? 0))
      tally.worst = { ...caseOf(), ratio: m.maxRatio, output };
}

/** The case a step judged, for {@link foldInto}. */
export function stepCaseOf(config: Configuration, what: string, input: Partial<StepInput>): CaseOf {
  return () => {
    const { mismatches: _, ...rest } = structuredFailure(config, what, { outputs: {}, mismatches: [] }, input);
    return rest;
  };
}

/** Thrown by a property when an implementation leaves its bound; the message lists each element. */
export class DisagreementError extends Error {
  /** The failure as data: the case's inputs and each mismatching element. */
  readonly failure: StructuredFailure;
  constructor(
    implementation: string,
    config: Configuration,
    what: string,
    cmp: StepComparison,
    input: Partial<StepInput> = {},
  ) {
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
    this.failure = structuredFailure(config, what, cmp, input);
  }
}

/** Runs one step on the implementation and the oracle and compares them under the derived bound. */
export function judgeStep(
  impl: Implementation,
  config: Configuration,
  input: StepInput,
  tally?: Tally,
  what = `at t = ${input.t}`,
): { comparison: StepComparison; oracle: StepOutput } {
  const oracle = oracleRuleOf(config.entry.name).step(config, input);
  const { comparison, tier } = compareTiered(impl, config, input, impl.step(config, input), oracle);
  foldInto(tally, comparison, stepCaseOf(config, what, input), tier);
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
      throw new DisagreementError(impl.name, config, `at t = ${input.t}`, comparison, input);
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
    foldInto(tally, init, stepCaseOf(config, 'in the initial state', { params }));
    if (init.mismatches.length > 0)
      throw new DisagreementError(impl.name, config, 'in the initial state', init, { params });
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
        const what = `at step ${k + 1} of a trajectory`;
        const { comparison, tier } = compareTiered(
          impl,
          config,
          input,
          required(produced[k], 'answer'),
          required(outputs[k], 'oracle'),
        );
        foldInto(tally, comparison, stepCaseOf(config, what, input), tier);
        if (comparison.mismatches.length > 0) throw new DisagreementError(impl.name, config, what, comparison, input);
      });
      return;
    }
    let current = params;
    grads.forEach((g, k) => {
      const what = `at step ${k + 1} of a trajectory`;
      const input = {
        params: current,
        grads: g,
        state,
        t: k + 1,
        ...(objective ? { objective } : {}),
        ...(shape ? { shape } : {}),
      };
      const { comparison, oracle: next } = judgeStep(impl, config, input, tally, what);
      if (comparison.mismatches.length > 0) throw new DisagreementError(impl.name, config, what, comparison, input);
      current = next.params;
      state = next.state;
    });
  });
}
