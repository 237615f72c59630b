/**
 * The subprocess side of what a program announces beyond plain steps (./capability-messages.ts): the
 * hello's declarations checked against the catalogue and read as predicates, the requests for a Keras
 * wrapper step and a transform, and their answers read back, each length and state slot checked.
 * A problem is reported through `fail`, which ends the run as a protocol failure.
 *
 * @module
 */
import type { Configuration, FlagValue, State, StepOutput } from '../../../core/catalogue/index.js';
import { schedules } from '../../../core/schedules/index.js';
import { bitsText, fromBitsText } from '../../../oracle/binary32.js';
import type { KerasStepInput, KerasStepStages } from '../../production/tfjs/keras-wrapper.js';
import { gradientTransformCallOf, scheduleCallOf, takesScheduleOf, type ScheduleSupport } from '../capabilities.js';
import type { KerasResult, TransformRequest, TransformResult } from './capability-messages.js';
import type { Bits, ConfigurationFields, Hello, KerasStepRequest } from './messages.js';

const bits = (xs: ArrayLike<number>): Bits[] => Array.from(xs, bitsText);
const floats = (xs: readonly Bits[]): Float32Array => Float32Array.from(xs, fromBitsText);

/** Reports a protocol failure and does not return. */
export type Fail = (message: string) => never;

/** Reads an answered state against the configuration's layout for `n` parameters. */
export type StateReader = (
  config: Configuration,
  n: number,
  answered: Readonly<Record<string, readonly Bits[]>>,
  what: string,
) => State;

/** The hello's declarations as the gate asks them. */
export interface Declared {
  supportsSchedule(
    rule: string,
    preset: string,
    schedule: string,
    flags: Readonly<Record<string, FlagValue | undefined>>,
  ): boolean;
  supportsKerasWrapper(rule: string): boolean;
  supportsTransform(transform: string, preset: string): boolean;
}

/** Fails when a schedule's `options` name a flag the schedule does not have, or a value the flag does not take. */
function checkScheduleOptions(rule: string, declared: readonly ScheduleSupport[], fail: Fail): void {
  for (const s of declared) {
    if (typeof s === 'string' || s.options === undefined) continue;
    const entry = schedules.find((e) => e.name === s.schedule);
    const flags = (entry?.flags ?? {}) as Readonly<Record<string, { readonly values: readonly FlagValue[] }>>;
    for (const [flag, values] of Object.entries(s.options as Readonly<Record<string, readonly FlagValue[]>>)) {
      const known = flags[flag]?.values;
      if (known === undefined)
        fail(`its hello: ${rule}'s schedule ${s.schedule} has no flag '${flag}' (${Object.keys(flags).join(', ')})`);
      const unknown = values.filter((v) => !known.includes(v));
      if (unknown.length > 0)
        fail(
          `its hello: ${rule}'s schedule ${s.schedule} flag '${flag}' takes ${known.join(', ')}, not ${unknown.join(', ')}`,
        );
    }
  }
}

/** The declarations of `hello`, checked (a schedule's options against the catalogue). */
export function declaredBy(hello: Hello, fail: Fail): Declared {
  const rules = hello.rules;
  for (const r of rules) checkScheduleOptions(r.rule, (r.schedules ?? []) as readonly ScheduleSupport[], fail);
  const implemented = (rule: string, preset: string) =>
    rules.some((r) => r.rule === rule && r.presets.includes(preset));
  return {
    supportsSchedule: (rule, preset, schedule, flags) =>
      rules.some(
        (r) =>
          r.rule === rule &&
          r.presets.includes(preset) &&
          takesScheduleOf((r.schedules ?? []) as readonly ScheduleSupport[], schedule, flags),
      ),
    supportsKerasWrapper: (rule) =>
      implemented(rule, 'keras') && rules.some((r) => r.rule === rule && r.kerasWrapper === true),
    supportsTransform: (transform, preset) =>
      (hello.transforms ?? []).some((t) => t.transform === transform && t.presets.some((p) => p === preset)),
  };
}

/** The `schedule` field of a step request under `config` (none without a schedule). */
export const scheduleField = (config: Configuration) =>
  config.schedule === undefined ? {} : { schedule: scheduleCallOf(config.schedule) };

/** The request for one Keras wrapper step. */
export function kerasStepRequest(
  id: number,
  fields: ConfigurationFields,
  config: Configuration,
  input: KerasStepInput,
): KerasStepRequest {
  return {
    id,
    type: 'step',
    ...fields,
    keras: config.keras ?? {},
    ...scheduleField(config),
    iterations: input.iterations,
    variables: input.params.map((p, i) => ({
      params: bits(p),
      grads: bits(input.grads[i] ?? []),
      state: Object.fromEntries(Object.entries(input.state[i] ?? {}).map(([k, v]) => [k, bits(v)])),
      ...(input.average?.[i] === undefined ? {} : { average: bits(input.average[i]) }),
    })),
  };
}

/** A wrapper step's answer as stages, every variable's every stage of its variable's length. */
export function kerasStagesOf(
  config: Configuration,
  input: KerasStepInput,
  answer: KerasResult,
  fail: Fail,
  stateOf: StateReader,
): KerasStepStages {
  const what = `step request ${answer.id} (Keras's wrapper)`;
  const n = input.params.length;
  if (answer.variables.length !== n)
    fail(`its answer to the ${what} has ${answer.variables.length} variables, ${n} expected`);
  const ema = config.keras?.ema !== undefined;
  const variables = answer.variables.map((v, i) => {
    const length = input.params[i]?.length ?? 0;
    const stage = (name: string, values: readonly Bits[] | undefined): Float32Array => {
      if (values === undefined) return fail(`its answer to the ${what} has no ${name} for variable ${i}`);
      if (values.length !== length)
        fail(`its answer to the ${what} has ${values.length} values in variable ${i}'s ${name}, ${length} expected`);
      return floats(values);
    };
    if (!ema && v.average !== undefined) fail(`its answer to the ${what} has an average without use_ema`);
    const stepped: StepOutput = { params: stage('stepped', v.stepped), state: stateOf(config, length, v.state, what) };
    return {
      clipped: stage('clipped', v.clipped),
      decayed: stage('decayed', v.decayed),
      stepped,
      ...(ema ? { average: stage('average', v.average) } : {}),
      params: stage('params', v.params),
    };
  });
  return {
    clipped: variables.map((v) => v.clipped),
    decayed: variables.map((v) => v.decayed),
    stepped: variables.map((v) => v.stepped),
    ...(ema ? { average: variables.map((v) => v.average ?? new Float32Array()) } : {}),
    params: variables.map((v) => v.params),
  };
}

/** The request applying the clipping `config` to `grads`. */
export function transformRequest(id: number, config: Configuration, grads: readonly Float32Array[]): TransformRequest {
  const call = gradientTransformCallOf(config);
  return {
    id,
    type: 'transform',
    transform: call.transform,
    preset: call.preset,
    hyper: call.hyper as Readonly<Record<string, string>>,
    flags: call.flags as Readonly<Record<string, string | boolean>>,
    grads: grads.map(bits),
  };
}

/** A transform's answer as arrays, one per variable, each of its variable's length. */
export function transformedOf(grads: readonly Float32Array[], answer: TransformResult, fail: Fail): Float32Array[] {
  const what = `transform request ${answer.id}`;
  if (answer.grads.length !== grads.length)
    fail(`its answer to the ${what} has ${answer.grads.length} gradients, ${grads.length} expected`);
  return answer.grads.map((g, i) => {
    const length = grads[i]?.length ?? 0;
    if (g.length !== length)
      fail(`its answer to the ${what} has ${g.length} values in gradient ${i}, ${length} expected`);
    return floats(g);
  });
}
