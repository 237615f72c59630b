/**
 * The test program's SGD (./sgd-math.mjs) as an in-process gate target: the same arithmetic that
 * ./sgd.mjs serves over the protocol, declared with the same schedules, Keras wrapper and clippings,
 * so that judging it both ways must give the same verdicts.
 */
import { scheduleCallOf, type ScheduleSupport, type TransformSupport } from '../../../../src/gate/capabilities.js';
import type { GateTarget } from '../../../../src/runs/gate.js';
import { clip, kerasStep, learningRate, sgd, type Bug } from './sgd-math.mjs';

const numbers = (xs: ArrayLike<number>) => Array.from(xs);

/** What ./sgd.mjs --extensions announces. */
export const SGD_SCHEDULES: readonly ScheduleSupport[] = ['exponential-decay'];
export const SGD_TRANSFORMS: TransformSupport = {
  'clip-by-norm': ['keras'],
  'clip-by-global-norm': ['keras', 'pytorch'],
  'clip-by-value': ['keras', 'pytorch'],
};

/** The target, with `bug` planted and `schedules` declared (default: those ./sgd.mjs announces). */
export function sgdTarget(bug?: Bug, schedules: readonly ScheduleSupport[] = SGD_SCHEDULES): GateTarget {
  return {
    name: 'sgd.mjs',
    rules: { sgd: { presets: ['paper', 'pytorch', 'keras', 'tfjs'], schedules, kerasWrapper: true } },
    transforms: SGD_TRANSFORMS,
    init: () => ({}),
    step(config, { params, grads, t }) {
      const schedule = config.schedule && scheduleCallOf(config.schedule);
      const lr = learningRate(config.hyper, schedule, t, bug);
      return { params: Float32Array.from(sgd(config.hyper, lr, numbers(params), numbers(grads), bug)), state: {} };
    },
    kerasStep(config, input) {
      const stages = kerasStep(
        {
          hyper: config.hyper,
          keras: config.keras ?? {},
          schedule: config.schedule && scheduleCallOf(config.schedule),
          iterations: input.iterations,
          variables: input.params.map((p, i) => ({
            params: numbers(p),
            grads: numbers(input.grads[i] ?? []),
            ...(input.average?.[i] === undefined ? {} : { average: numbers(input.average[i]) }),
          })),
        },
        bug,
      );
      const average = stages.map((s) => Float32Array.from(s.average ?? []));
      return {
        clipped: stages.map((s) => Float32Array.from(s.clipped)),
        decayed: stages.map((s) => Float32Array.from(s.decayed)),
        stepped: stages.map((s) => ({ params: Float32Array.from(s.stepped), state: {} })),
        ...(config.keras?.ema === undefined ? {} : { average }),
        params: stages.map((s) => Float32Array.from(s.params)),
      };
    },
    transform: (c, grads) => clip(c, grads.map(numbers), bug).map((g) => Float32Array.from(g)),
  };
}
