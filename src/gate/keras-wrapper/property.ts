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
  type KerasWrapperOptions,
} from '../../../core/catalogue/index.js';
import type { KerasStepInput } from '../../production/tfjs/keras-wrapper.js';
import { trainingFloat32 } from '../arbitraries/float32.js';
import { hyperparameterValue } from '../arbitraries/hyperparameters.js';
import { configuration } from '../arbitraries/step-case.js';
import type { Implementation } from '../implementation.js';
import { scheduleCase, takesSchedule } from '../schedules/rule-property.js';
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

const variable = (n: number) =>
  fc.array(trainingFloat32(), { minLength: n, maxLength: n }).map((xs) => Float32Array.from(xs));

/**
 * Cases of `entry` under `keras`: one or two variables of one to four elements, one to three steps,
 * with or without a `keras` schedule where the rule takes one.
 */
export function kerasWrapperCase(entry: CatalogueEntry): fc.Arbitrary<KerasWrapperCase> {
  const schedule = takesSchedule(entry, 'keras')
    ? fc.option(
        scheduleCase(entry, 'keras').map((c) => c.config),
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
      return fc.record({
        config: fc.constant(s === undefined ? config : withSchedule(config, s)),
        params: fc.tuple(...lengths.map(variable)),
        grads: fc.array(fc.tuple(...lengths.map(variable)), { minLength: steps, maxLength: steps }),
        iterations: fc.constant(iterations),
      });
    });
}

/** Runs the case's steps, judging each, folding into `tally`; throws a {@link DisagreementError} on a mismatch. */
export function runKerasCase(impl: Implementation, c: KerasWrapperCase, tally?: Tally): void {
  const { config } = c;
  let input: KerasStepInput = {
    params: c.params,
    grads: [],
    state: c.params.map((p) => impl.init(config, p)),
    ...(config.keras?.ema ? { average: c.params.map((p) => new Float32Array(p.length)) } : {}),
    iterations: c.iterations,
  };
  c.grads.forEach((grads, k) => {
    input = { ...input, grads };
    const { stages, comparison } = judgeKerasStep(impl, config, input);
    foldInto(tally, comparison);
    if (comparison.mismatches.length > 0) {
      const scheduled = config.schedule ? ` and schedule ${String(config.schedule.entry.name)}` : '';
      const what = `with Keras's wrapper ${JSON.stringify(config.keras ?? {})}${scheduled} at iteration ${input.iterations} (step ${k + 1}), θ = ${JSON.stringify(input.params.map((p) => Array.from(p)))}, g = ${JSON.stringify(grads.map((g) => Array.from(g)))}`;
      throw new DisagreementError(impl.name, config, what, comparison);
    }
    input = {
      params: stages.params,
      grads: [],
      state: stages.stepped.map((s) => s.state),
      ...(stages.average ? { average: stages.average } : {}),
      iterations: input.iterations + 1,
    };
  });
}

/** The `keras-wrapper` property of `entry` (which must have a `keras` preset). */
export function kerasWrapperProperty(impl: Implementation, entry: CatalogueEntry, tally?: Tally) {
  return fc.property(kerasWrapperCase(entry), (c) => runKerasCase(impl, c, tally));
}
