/**
 * The property `check` runs as `keras-wrapper` on every rule under its `keras` preset: a few steps of
 * Keras 3's optimizer wrapper (drawn options: weight decay, one clip option or none, EMA with its
 * momentum and overwrite frequency) on one or two variables, every stage of every step judged on the
 * float32 inputs production gave it (./judge.ts). Steps start at Keras's iteration 0 (so the first
 * EMA step copies θ) or later. Where the rule takes one, a `keras` schedule is drawn or not: then
 * both the decay and the rule's step read its value at the current iteration.
 *
 * @module
 */
import fc from 'fast-check';
import {
  configure,
  hyperparametersOf,
  withSchedule,
  type AnySchema,
  type CatalogueEntry,
  type Configuration,
  type ConfigureOptions,
  type FlagValue,
  type KerasWrapperOptions,
  type State,
} from '../../../core/catalogue/index.js';
import type { KerasStepInput, KerasStepStages } from '../../production/tfjs/keras-wrapper.js';
import type { StepComparison } from '../compare.js';
import { hexText } from '../../../oracle/binary32.js';
import { trainingFloat32 } from '../arbitraries/float32.js';
import { hyperparameterValue } from '../arbitraries/hyperparameters.js';
import { configuration } from '../arbitraries/step-case.js';
import { schedulesOf, type Implementation } from '../implementation.js';
import { scheduleCase, scheduleUnitsFor, takesSchedule } from '../schedules/rule-property.js';
import { DisagreementError, foldInto, type Tally } from '../properties.js';
import { judgeKerasStep } from './judge.js';

/** A wrapper case: the configuration (rule and wrapper), the variables, the gradients of each step, and the first iteration. */
export interface KerasWrapperCase {
  readonly config: Configuration;
  readonly params: readonly Float32Array[];
  readonly grads: readonly (readonly Float32Array[])[];
  readonly iterations: number;
}

const positive = hyperparameterValue({
  symbol: 'c',
  description: 'a clip threshold',
  domain: { min: '0', minOpen: true },
});
const nonnegative = hyperparameterValue({ symbol: 'λ', description: 'weight decay', domain: { min: '0' } });
const momentum = hyperparameterValue({
  symbol: 'm',
  description: 'EMA momentum',
  domain: { min: '0', max: '1', maxOpen: true },
});

/** The wrapper's options, each drawn or left out; the decay only where the rule does not take `weightDecay` itself. */
export function wrapperOptions(entry: CatalogueEntry): fc.Arbitrary<KerasWrapperOptions> {
  const ownDecay = hyperparametersOf(entry, 'keras').includes('weightDecay');
  const clip = fc.oneof(
    fc.constant({}),
    positive.map((clipnorm) => ({ clipnorm })),
    positive.map((clipvalue) => ({ clipvalue })),
    positive.map((globalClipnorm) => ({ globalClipnorm })),
  );
  const ema = fc.oneof(
    fc.constant({}),
    fc.record(
      { useEma: fc.constant(true), emaMomentum: momentum, emaOverwriteFrequency: fc.integer({ min: 1, max: 3 }) },
      { requiredKeys: ['useEma'] },
    ),
  );
  const decay = ownDecay
    ? fc.constant({})
    : fc.option(nonnegative, { nil: undefined }).map((w) => (w === undefined ? {} : { weightDecay: w }));
  return fc.tuple(clip, ema, decay).map(([a, b, c]) => ({ ...a, ...b, ...c }));
}

const hexList = (xs: readonly Float32Array[]) =>
  `[${xs.map((x) => `[${Array.from(x, hexText).join(', ')}]`).join(', ')}]`;

/** The case with its text: rule, wrapper options, schedule, first iteration, variables and each step's gradients. */
function withCaseText(c: KerasWrapperCase): KerasWrapperCase {
  const { config } = c;
  const s = config.schedule;
  const schedule =
    s === undefined
      ? ''
      : ` schedule ${s.entry.name}/${s.preset} ${JSON.stringify(s.hyper)} ${JSON.stringify(s.lists)} ${JSON.stringify(s.flags)}`;
  const text = () =>
    `${config.entry.name}/${config.preset} ${JSON.stringify(config.hyper)} wrapper ${JSON.stringify(config.keras ?? {})}${schedule} iterations=${c.iterations} params ${hexList(c.params)} grads ${c.grads.map(hexList).join(' ')}`;
  return Object.assign(c, { [fc.toStringMethod]: text });
}

const variable = (n: number) =>
  fc.array(trainingFloat32(), { minLength: n, maxLength: n }).map((xs) => Float32Array.from(xs));

/**
 * Cases of `entry` under `keras`: one or two variables of one to four elements, one to three steps,
 * with or without a `keras` schedule where the rule takes one (among those `accepts`, default every one).
 */
export function kerasWrapperCase(
  entry: CatalogueEntry,
  accepts: ((schedule: string, flags: Readonly<Record<string, FlagValue>>) => boolean) | undefined = () => true,
): fc.Arbitrary<KerasWrapperCase> {
  const schedule =
    accepts !== undefined &&
    takesSchedule(entry, 'keras') &&
    scheduleUnitsFor(entry, 'keras').some((u) => accepts(u.entry.name, u.flags))
      ? fc.option(
          scheduleCase(entry, 'keras', accepts).map((c) => c.config),
          { nil: undefined },
        )
      : fc.constant(undefined);
  return fc
    .tuple(
      configuration(entry, 'keras'),
      wrapperOptions(entry),
      fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 2 }),
      fc.integer({ min: 1, max: 3 }),
      fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 20 })),
      schedule,
    )
    .chain(([base, options, lengths, steps, iterations, s]) => {
      const config = configure(entry, 'keras', { ...base.hyper, ...options } as ConfigureOptions<AnySchema, 'keras'>);
      return fc
        .record({
          config: fc.constant(s === undefined ? config : withSchedule(config, s)),
          params: fc.tuple(...lengths.map(variable)),
          grads: fc.array(fc.tuple(...lengths.map(variable)), { minLength: steps, maxLength: steps }),
          iterations: fc.constant(iterations),
        })
        .map(withCaseText);
    });
}

/** The first step's input of a case, from each variable's initial state. */
export function firstKerasInput(c: KerasWrapperCase, state: readonly State[]): KerasStepInput {
  return {
    params: c.params,
    grads: [],
    state,
    ...(c.config.keras?.ema ? { average: c.params.map((p) => new Float32Array(p.length)) } : {}),
    iterations: c.iterations,
  };
}

/** The next step's input: the variables, states and averages the step gave, at the next iteration. */
export function nextKerasInput(input: KerasStepInput, stages: KerasStepStages): KerasStepInput {
  return {
    params: stages.params,
    grads: [],
    state: stages.stepped.map((s) => s.state),
    ...(stages.average ? { average: stages.average } : {}),
    iterations: input.iterations + 1,
  };
}

/** Folds step k's comparison into `tally`; a {@link DisagreementError} when a stage leaves its bound. */
export function judgedKerasStep(
  name: string,
  config: Configuration,
  input: KerasStepInput,
  k: number,
  comparison: StepComparison,
  tally?: Tally,
): void {
  foldInto(tally, comparison);
  if (comparison.mismatches.length === 0) return;
  const scheduled = config.schedule ? ` and schedule ${String(config.schedule.entry.name)}` : '';
  const shown = (xs: readonly Float32Array[]) => JSON.stringify(xs.map((p) => Array.from(p)));
  const what = `with Keras's wrapper ${JSON.stringify(config.keras ?? {})}${scheduled} at iteration ${input.iterations} (step ${k + 1}), θ = ${shown(input.params)}, g = ${shown(input.grads)}`;
  throw new DisagreementError(name, config, what, comparison);
}

/** Runs the case's steps, judging each, folding into `tally`; throws a {@link DisagreementError} on a mismatch. */
export function runKerasCase(impl: Implementation, c: KerasWrapperCase, tally?: Tally): void {
  let input = firstKerasInput(
    c,
    c.params.map((p) => impl.init(c.config, p)),
  );
  c.grads.forEach((grads, k) => {
    input = { ...input, grads };
    const { stages, comparison } = judgeKerasStep(impl, c.config, input);
    judgedKerasStep(impl.name, c.config, input, k, comparison, tally);
    input = nextKerasInput(input, stages);
  });
}

/** The `keras-wrapper` property of `entry` (which must have a `keras` preset), with the schedules `impl` takes. */
export function kerasWrapperProperty(impl: Implementation, entry: CatalogueEntry, tally?: Tally) {
  return fc.property(kerasWrapperCase(entry, schedulesOf(impl, entry.name, 'keras')), (c) =>
    runKerasCase(impl, c, tally),
  );
}
