/**
 * The agreement properties of ./properties.ts for an implementation whose `init` and `step` may
 * answer with a promise (an implementation in another thread, on a GPU, behind a socket): the same
 * cases, the same oracle, the same bound and the same tally, as fast-check async properties. The
 * synchronous ones stay separate because `check` runs them by the million, where a promise per case
 * would cost more than the step.
 *
 * @module
 */
import fc from 'fast-check';
import type {
  CatalogueEntry,
  Configuration,
  PresetName,
  State,
  StepInput,
  StepOutput,
} from '../../core/catalogue/index.js';
import type { KerasStepInput, KerasStepStages } from '../production/tfjs/keras-wrapper.js';
import { oracleRuleOf } from '../registry/index.js';
import { stepCase, trajectoryCase, type CaseOptions } from './arbitraries/step-case.js';
import { compareStep } from './compare.js';
import type { Implementation } from './implementation.js';
import { compareTiered, DisagreementError, foldInto, stepCaseOf, type Tally } from './properties.js';

/** An {@link Implementation} whose `init`, `step`, `kerasStep` and `transform` may return promises. */
export interface AsyncImplementation extends Omit<Implementation, 'init' | 'step' | 'kerasStep' | 'transform'> {
  /** Marks the kind: the gate awaits each answer. */
  readonly asynchronous: true;
  init(config: Configuration, params: Float32Array, shape?: readonly number[]): State | Promise<State>;
  step(config: Configuration, input: StepInput): StepOutput | Promise<StepOutput>;
  /** {@link Implementation.kerasStep}; required for the `keras-wrapper` property. */
  kerasStep?(config: Configuration, input: KerasStepInput): KerasStepStages | Promise<KerasStepStages>;
  /** {@link Implementation.transform}. */
  transform?(config: Configuration, grads: readonly Float32Array[]): Float32Array[] | Promise<Float32Array[]>;
}

/** One step of `impl` judged against the oracle (tiered), folded into `tally`; the oracle's output. */
export async function judged(
  impl: AsyncImplementation,
  config: Configuration,
  input: StepInput,
  what: string,
  tally: Tally,
) {
  const oracle = oracleRuleOf(config.entry.name).step(config, input);
  const { comparison, tier } = compareTiered(impl, config, input, await impl.step(config, input), oracle);
  foldInto(tally, comparison, stepCaseOf(config, what, input), tier);
  if (comparison.mismatches.length > 0) throw new DisagreementError(impl.name, config, what, comparison, input);
  return oracle;
}

/** Whether `impl` may answer with promises. */
export function isAsynchronous(impl: Implementation | AsyncImplementation): impl is AsyncImplementation {
  return 'asynchronous' in impl && impl.asynchronous;
}

/** {@link oneStepProperty} for an {@link AsyncImplementation}. */
export function asyncOneStepProperty(
  impl: AsyncImplementation,
  entry: CatalogueEntry,
  preset: PresetName,
  tally: Tally,
  options: CaseOptions = {},
) {
  return fc.asyncProperty(stepCase(entry, preset, options), async ({ config, input }) => {
    await judged(impl, config, input, `at t = ${input.t}`, tally);
  });
}

/** {@link trajectoryProperty} for an {@link AsyncImplementation}: each step from the oracle's state. */
export function asyncTrajectoryProperty(
  impl: AsyncImplementation,
  entry: CatalogueEntry,
  preset: PresetName,
  tally: Tally,
  options: CaseOptions = {},
) {
  return fc.asyncProperty(
    trajectoryCase(entry, preset, options),
    async ({ config, params, grads, objective, shape }) => {
      const initial = oracleRuleOf(config.entry.name).initialOutput(config, params, shape);
      const init = compareStep(
        { params, state: await impl.init(config, params, shape) },
        initial,
        impl.boundInit(config, params.length, shape),
      );
      foldInto(tally, init, stepCaseOf(config, 'in the initial state', { params }));
      if (init.mismatches.length > 0)
        throw new DisagreementError(impl.name, config, 'in the initial state', init, { params });
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
        current = await judged(impl, config, input, `at step ${k + 1} of a trajectory`, tally);
      }
    },
  );
}
