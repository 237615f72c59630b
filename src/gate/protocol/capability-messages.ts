/**
 * The protocol's messages for what a program may announce beyond plain steps (docs/protocol.md,
 * "Schedules, Keras's wrapper and clippings"): in the hello, per rule, the learning-rate schedules it
 * takes and whether it implements Keras 3's optimizer wrapper, and the gradient transforms it
 * implements; a step carrying a schedule; a Keras wrapper step over a list of variables, answered
 * stage by stage; a transform request. All optional: a program that announces none of them is never
 * sent these requests. JSON Schemas (draft 2020-12) for the parts the program writes.
 *
 * @module
 */
import { PRESET_NAMES, type KerasWrapper, type PresetName } from '../../../core/catalogue/index.js';
import {
  GRADIENT_TRANSFORM_NAMES,
  SCHEDULE_NAMES,
  type GradientTransformName,
  type ScheduleCall,
  type ScheduleName,
} from '../capabilities.js';

/** A float32 as its bit pattern: `0x` and eight lowercase hex digits. */
type Bits = string;

/** A schedule in a hello: its name, or its name with the values it implements of some of its flags. */
export type HelloSchedule =
  | ScheduleName
  | { readonly schedule: ScheduleName; readonly options?: Readonly<Record<string, readonly (string | boolean)[]>> };

/** What a hello's rule may add: the schedules it takes, and whether it implements Keras's wrapper. */
export interface HelloRuleCapabilities {
  readonly schedules?: readonly HelloSchedule[];
  readonly kerasWrapper?: boolean;
}

/** A gradient transform in a hello, with the presets whose form it implements. */
export interface HelloTransform {
  readonly transform: GradientTransformName;
  readonly presets: readonly PresetName[];
}

/** What a step request may add: the schedule whose value at t − 1 replaces `lr`. */
export interface ScheduledFields {
  readonly schedule?: ScheduleCall;
}

/** One variable of a Keras wrapper step: its parameters, gradient, the rule's state and its EMA average. */
export interface KerasVariable {
  readonly params: readonly Bits[];
  readonly grads: readonly Bits[];
  readonly state: Readonly<Record<string, readonly Bits[]>>;
  /** Present exactly when the wrapper keeps averages (`keras.ema`). */
  readonly average?: readonly Bits[];
}

/** The wrapper's part of a step request (type `step`, with `keras`): options, Keras's iteration count, variables. */
export interface KerasStepFields {
  readonly keras: KerasWrapper;
  /** Keras's `iterations` before the step (0 first); the rule's own step is t = iterations + 1. */
  readonly iterations: number;
  readonly variables: readonly KerasVariable[];
  readonly schedule?: ScheduleCall;
}

/** One variable of a Keras wrapper step's answer: every stage's output. */
export interface KerasVariableResult {
  readonly clipped: readonly Bits[];
  readonly decayed: readonly Bits[];
  readonly stepped: readonly Bits[];
  readonly state: Readonly<Record<string, readonly Bits[]>>;
  readonly average?: readonly Bits[];
  readonly params: readonly Bits[];
}

/** The program's result for a Keras wrapper step. */
export interface KerasResult {
  readonly id: number;
  readonly variables: readonly KerasVariableResult[];
}

/** `transform`: a clipping applied to a list of gradients, one per variable. */
export interface TransformRequest {
  readonly id: number;
  readonly type: 'transform';
  readonly transform: GradientTransformName;
  readonly preset: PresetName;
  readonly hyper: Readonly<Record<string, string>>;
  readonly flags: Readonly<Record<string, string | boolean>>;
  readonly grads: readonly (readonly Bits[])[];
}

/** The program's result for a transform: the gradients, one array per variable. */
export interface TransformResult {
  readonly id: number;
  readonly grads: readonly (readonly Bits[])[];
}

const BITS = { type: 'string', pattern: '^0x[0-9a-f]{8}$' } as const;
const BITS_ARRAY = { type: 'array', items: BITS } as const;
const STATE = { type: 'object', additionalProperties: BITS_ARRAY } as const;

/** JSON Schema of a hello rule's `schedules`. */
export const HELLO_SCHEDULES_SCHEMA = {
  type: 'array',
  items: {
    oneOf: [
      { enum: [...SCHEDULE_NAMES] },
      {
        type: 'object',
        required: ['schedule'],
        properties: {
          schedule: { enum: [...SCHEDULE_NAMES] },
          options: {
            type: 'object',
            additionalProperties: { type: 'array', items: { anyOf: [{ type: 'string' }, { type: 'boolean' }] } },
          },
        },
        additionalProperties: false,
      },
    ],
  },
} as const;

/** JSON Schema of a hello's `transforms`. */
export const HELLO_TRANSFORMS_SCHEMA = {
  type: 'array',
  items: {
    type: 'object',
    required: ['transform', 'presets'],
    properties: {
      transform: { enum: [...GRADIENT_TRANSFORM_NAMES] },
      presets: { type: 'array', items: { enum: [...PRESET_NAMES] } },
    },
    additionalProperties: false,
  },
} as const;

const errorAnswer = {
  type: 'object',
  required: ['id', 'error'],
  properties: { id: { type: 'integer' }, error: { type: 'string' } },
  additionalProperties: false,
} as const;

/** JSON Schema of the answer to a Keras wrapper step. */
export const KERAS_ANSWER_SCHEMA = {
  oneOf: [
    {
      type: 'object',
      required: ['id', 'variables'],
      properties: {
        id: { type: 'integer' },
        variables: {
          type: 'array',
          items: {
            type: 'object',
            required: ['clipped', 'decayed', 'stepped', 'state', 'params'],
            properties: {
              clipped: BITS_ARRAY,
              decayed: BITS_ARRAY,
              stepped: BITS_ARRAY,
              state: STATE,
              average: BITS_ARRAY,
              params: BITS_ARRAY,
            },
            additionalProperties: false,
          },
        },
      },
      additionalProperties: false,
    },
    errorAnswer,
  ],
} as const;

/** JSON Schema of the answer to a transform request. */
export const TRANSFORM_ANSWER_SCHEMA = {
  oneOf: [
    {
      type: 'object',
      required: ['id', 'grads'],
      properties: { id: { type: 'integer' }, grads: { type: 'array', items: BITS_ARRAY } },
      additionalProperties: false,
    },
    errorAnswer,
  ],
} as const;
