/**
 * The gate's protocol, version 1 (docs/protocol.md): JSON Lines on a program's stdin and stdout, every
 * float32 value as the eight hex digits of its bit pattern (`"0x3f800000"`), every hyperparameter as
 * the exact decimal text the oracle uses. The gate writes a `hello`, then requests with ids; the
 * program answers each request with one line carrying the same id. Answers are checked against the
 * JSON Schemas below with Ajv before anything reads them. What a program may announce beyond plain
 * steps (schedules, Keras's wrapper, clippings) is in ./capability-messages.ts.
 *
 * @module
 */
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import { PRESET_NAMES } from '../../../core/catalogue/index.js';
import {
  HELLO_SCHEDULES_SCHEMA,
  HELLO_TRANSFORMS_SCHEMA,
  KERAS_ANSWER_SCHEMA,
  TRANSFORM_ANSWER_SCHEMA,
  type HelloRuleCapabilities,
  type HelloTransform,
  type KerasResult,
  type KerasStepFields,
  type ScheduledFields,
  type TransformRequest,
  type TransformResult,
} from './capability-messages.js';

/** The protocol's name and version, as the handshake states it. */
export const PROTOCOL = 'optim-oracle-gate/1';

/** A float32 as its bit pattern: `0x` and eight lowercase hex digits. */
export type Bits = string;

/** The program's handshake: who it is and what it implements. */
export interface Hello {
  readonly type: 'hello';
  readonly protocol: typeof PROTOCOL;
  /** A name for reports and replay lines (`torch 1.13 float32`). */
  readonly implementation: string;
  /**
   * The rules and, for each, the presets it implements, and the hyperparameters it cannot take, fixed
   * at the value it uses (`"pinned": {"eps": "1e-7"}`; the gate draws the others).
   */
  readonly rules: readonly ({
    readonly rule: string;
    readonly presets: readonly string[];
    readonly pinned?: Readonly<Record<string, string>>;
  } & HelloRuleCapabilities)[];
  /** The gradient transforms (clippings) it implements, each with its presets. */
  readonly transforms?: readonly HelloTransform[];
}

/** What a request carries to name the configuration. */
export interface ConfigurationFields {
  readonly rule: string;
  readonly preset: string;
  /** Each hyperparameter as exact decimal text. */
  readonly hyper: Readonly<Record<string, string>>;
  /** The preset's convention flags (informative: the preset fixes them). */
  readonly flags: Readonly<Record<string, string | boolean>>;
}

/** `init`: the state the rule starts from for these parameters. */
export interface InitRequest extends ConfigurationFields {
  readonly id: number;
  readonly type: 'init';
  readonly params: readonly Bits[];
  /**
   * The state slots to answer: `element` slots one value per parameter, `tensor` slots one value,
   * `row` and `column` slots one value per row or column of a matrix (`shape`; one for a vector).
   */
  readonly slots: Readonly<Record<string, 'element' | 'tensor' | 'row' | 'column'>>;
  /** The parameters' shape when they are a matrix, `[rows, cols]` (absent: a vector). */
  readonly shape?: readonly number[];
}

/** `step`: one update at step t (counted from 1), with a schedule in place of `lr` where it names one. */
export interface StepRequest extends ConfigurationFields, ScheduledFields {
  readonly id: number;
  readonly type: 'step';
  readonly t: number;
  /** The parameters' shape when they are a matrix, `[rows, cols]` (absent: a vector), row-major. */
  readonly shape?: readonly number[];
  readonly params: readonly Bits[];
  readonly grads: readonly Bits[];
  readonly state: Readonly<Record<string, readonly Bits[]>>;
}

/** `step` with `keras`: one step of Keras 3's optimizer wrapper on a list of variables. */
export interface KerasStepRequest extends ConfigurationFields, KerasStepFields {
  readonly id: number;
  readonly type: 'step';
}

/** A request the gate sends. */
export type Request = InitRequest | StepRequest | KerasStepRequest | TransformRequest;

/** The program's result for one request: the new parameters (a step) and the state. */
export interface Result {
  readonly id: number;
  readonly params?: readonly Bits[];
  readonly state: Readonly<Record<string, readonly Bits[]>>;
}

/** Why a program could not compute a result. */
export interface ErrorAnswer {
  readonly id: number;
  readonly error: string;
}

/** The program's answer to one request: its result, or why it could not compute one. */
export type Answer = Result | ErrorAnswer;

/** What each kind of answer holds, by the name {@link parseLine} takes. */
export interface Answers {
  readonly answer: Answer;
  readonly 'keras-answer': KerasResult | ErrorAnswer;
  readonly 'transform-answer': TransformResult | ErrorAnswer;
}

const BITS = { type: 'string', pattern: '^0x[0-9a-f]{8}$' } as const;
const BITS_ARRAY = { type: 'array', items: BITS } as const;
const STATE = { type: 'object', additionalProperties: BITS_ARRAY } as const;

/** JSON Schema (draft 2020-12) of the program's hello. */
export const HELLO_SCHEMA = {
  type: 'object',
  required: ['type', 'protocol', 'implementation', 'rules'],
  properties: {
    type: { const: 'hello' },
    protocol: { const: PROTOCOL },
    implementation: { type: 'string', minLength: 1 },
    rules: {
      type: 'array',
      items: {
        type: 'object',
        required: ['rule', 'presets'],
        properties: {
          rule: { type: 'string' },
          presets: { type: 'array', items: { enum: [...PRESET_NAMES] } },
          pinned: { type: 'object', additionalProperties: { type: 'string', pattern: '^-?[0-9.]+(e[-+]?[0-9]+)?$' } },
          schedules: HELLO_SCHEDULES_SCHEMA,
          kerasWrapper: { type: 'boolean' },
        },
        additionalProperties: false,
      },
    },
    transforms: HELLO_TRANSFORMS_SCHEMA,
  },
  additionalProperties: false,
} as const;

/** JSON Schema (draft 2020-12) of an answer line. */
export const ANSWER_SCHEMA = {
  oneOf: [
    {
      type: 'object',
      required: ['id', 'state'],
      properties: { id: { type: 'integer' }, params: BITS_ARRAY, state: STATE },
      additionalProperties: false,
    },
    {
      type: 'object',
      required: ['id', 'error'],
      properties: { id: { type: 'integer' }, error: { type: 'string' } },
      additionalProperties: false,
    },
  ],
} as const;

type Which = 'hello' | keyof Answers;

let validators: Record<Which, ValidateFunction> | undefined;

function compiled(): Record<Which, ValidateFunction> {
  if (validators === undefined) {
    const ajv = new Ajv2020({ allErrors: false, strict: true });
    validators = {
      hello: ajv.compile(HELLO_SCHEMA),
      answer: ajv.compile(ANSWER_SCHEMA),
      'keras-answer': ajv.compile(KERAS_ANSWER_SCHEMA),
      'transform-answer': ajv.compile(TRANSFORM_ANSWER_SCHEMA),
    };
  }
  return validators;
}

function firstError(errors: readonly ErrorObject[] | null | undefined): string {
  const e = errors?.[0];
  return e === undefined ? 'invalid' : `${e.instancePath === '' ? 'the line' : e.instancePath} ${e.message ?? ''}`;
}

/**
 * Parses one line as JSON and checks it against `which` (the hello, or the answer to a step or init,
 * a Keras wrapper step, a transform); a message saying what is wrong otherwise.
 */
export function parseLine(line: string, which: 'hello'): Hello | string;
export function parseLine<K extends keyof Answers>(line: string, which: K): Answers[K] | string;
export function parseLine(line: string, which: Which): Hello | Answers[keyof Answers] | string {
  let data: unknown;
  try {
    data = JSON.parse(line);
  } catch {
    return `not JSON: ${JSON.stringify(line.slice(0, 200))}`;
  }
  const validate = compiled()[which];
  const kind = which === 'hello' ? 'hello' : 'answer';
  if (!validate(data)) return `not a valid ${kind} (${firstError(validate.errors)}): ${line.slice(0, 200)}`;
  return data as Hello | Answers[keyof Answers];
}
