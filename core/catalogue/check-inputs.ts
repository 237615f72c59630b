/**
 * Input checks shared by every implementation (oracle, production, regularizers), so that bad input
 * gets the same message everywhere: types first (a Float32Array where one is required, a state
 * object, a configuration of the right rule), then shapes, then the step count.
 *
 * @module
 */
import { checkStepCount, configure, isConfigured } from './configure.js';
import { ConfigurationError, StepInputError } from './errors.js';
import type { StepInput } from './step-data.js';
import { checkShape, slotLengths } from './matrix-shape.js';
import type { Configuration, StateLayout } from './types.js';

/** A tensor's shape, outermost dimension first. */
export type Shape = readonly number[];

function shapeText(shape: Shape): string {
  return `[${shape.join(', ')}]`;
}

function sameShape(a: Shape, b: Shape): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}

/**
 * Checks that the gradient and every element slot have the parameters' shape, that each tensor slot
 * is a scalar (shape [] or [1]) and that no slot is missing or unknown.
 */
export function checkStepShapes(
  rule: string,
  layout: StateLayout,
  params: Shape,
  grads: Shape,
  state: Readonly<Record<string, Shape>>,
  matrix?: Shape,
): void {
  if (!sameShape(params, grads)) {
    throw new StepInputError(rule, `grads has shape ${shapeText(grads)} but params has shape ${shapeText(params)}`);
  }
  const expected = [...layout.element, ...layout.tensor, ...layout.row, ...layout.column];
  for (const slot of Object.keys(state)) {
    if (!expected.includes(slot))
      throw new StepInputError(rule, `unknown state slot '${slot}'; expected: ${expected.join(', ') || 'none'}`);
  }
  for (const slot of layout.element) {
    const s = state[slot];
    if (s === undefined) throw new StepInputError(rule, `state slot '${slot}' is missing`);
    if (!sameShape(s, params)) {
      throw new StepInputError(
        rule,
        `state slot '${slot}' has shape ${shapeText(s)} but params has shape ${shapeText(params)}`,
      );
    }
  }
  for (const slot of layout.tensor) {
    const s = state[slot];
    if (s === undefined) throw new StepInputError(rule, `state slot '${slot}' is missing`);
    if (s.reduce((n, d) => n * d, 1) !== 1)
      throw new StepInputError(rule, `state slot '${slot}' must hold one value, got shape ${shapeText(s)}`);
  }
  const size = params.reduce((n, d) => n * d, 1);
  const lengths = slotLengths(layout, size, matrix ?? (params.length === 2 ? params : undefined));
  for (const slot of [...layout.row, ...layout.column]) {
    const s = state[slot];
    if (s === undefined) throw new StepInputError(rule, `state slot '${slot}' is missing`);
    const n = s.reduce((p, d) => p * d, 1);
    if (n !== lengths[slot])
      throw new StepInputError(
        rule,
        `state slot '${slot}' must hold ${lengths[slot]} values, got shape ${shapeText(s)}`,
      );
  }
}

/** A tfjs tensor, recognised by its shape, dtype and dataSync (the catalogue does not import tfjs). */
function isTensorLike(x: object): boolean {
  return (
    Array.isArray((x as { shape?: unknown }).shape) &&
    typeof (x as { dtype?: unknown }).dtype === 'string' &&
    typeof (x as { dataSync?: unknown }).dataSync === 'function'
  );
}

/** "a Float64Array", "an Int32Array". */
const withArticle = (kind: string): string => `${/^[AEIOU]/i.test(kind) ? 'an' : 'a'} ${kind}`;

/** What a value is, for a message: "undefined", "a Float64Array", "a plain array", "a tfjs tensor", "the number 3". */
export function describeValue(x: unknown): string {
  if (x === undefined || x === null) return String(x);
  if (Array.isArray(x)) return 'a plain array';
  if (ArrayBuffer.isView(x)) return withArticle(x.constructor.name);
  if (typeof x === 'object') {
    if (isTensorLike(x)) return 'a tfjs tensor';
    const kind = (x.constructor as { name?: string } | undefined)?.name;
    return kind === undefined || kind === 'Object' ? 'an object' : withArticle(kind);
  }
  if (typeof x === 'string') return `the string ${JSON.stringify(x)}`;
  return `the ${typeof x} ${String(x)}`;
}

/** How to turn `x` into a Float32Array, where there is a short answer. */
function conversionHint(x: unknown): string {
  if (Array.isArray(x) || (ArrayBuffer.isView(x) && !(x instanceof DataView)))
    return ' (convert with Float32Array.from, which rounds)';
  if (typeof x === 'object' && x !== null && isTensorLike(x)) return ' (read a float32 tensor with dataSync())';
  return '';
}

/**
 * Checks that `x`, the input called `what` of `rule`, is a Float32Array: a Float64Array, a plain
 * array or a tfjs tensor gets a message saying what was given and how to convert it, since converting
 * silently would round (or, for the oracle, judge values production never sees).
 */
export function checkFloat32Array(rule: string, what: string, x: unknown): asserts x is Float32Array {
  if (!(x instanceof Float32Array))
    throw new StepInputError(rule, `${what} is ${describeValue(x)}; Float32Array required${conversionHint(x)}`);
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x) && !ArrayBuffer.isView(x);
}

/**
 * Checks one step's input on plain arrays, in this order: `input` is an object; `params` and `grads`
 * are Float32Arrays; `state` is an object whose slots are Float32Arrays; the shapes fit
 * ({@link checkStepShapes}: the layout's slots, no others, each of the right length); and t is an
 * integer in [1, 2^53 − 1] ({@link checkStepCount}).
 */
export function checkStepInput(rule: string, layout: StateLayout, input: unknown): asserts input is StepInput {
  if (!isRecord(input))
    throw new StepInputError(
      rule,
      `the step input is ${describeValue(input)}; an object { params, grads, state, t } required`,
    );
  checkFloat32Array(rule, 'params', input['params']);
  checkFloat32Array(rule, 'grads', input['grads']);
  const state = input['state'];
  const slots = [...layout.element, ...layout.tensor, ...layout.row, ...layout.column];
  if (!isRecord(state)) {
    throw new StepInputError(
      rule,
      `state is ${describeValue(state)}; an object of Float32Array slots required (${slots.join(', ') || 'no slots: {}'})`,
    );
  }
  const params = input['params'].length;
  let fits = input['grads'].length === params;
  let count = 0;
  for (const slot in state) {
    const value = state[slot];
    if (!(value instanceof Float32Array)) checkFloat32Array(rule, `state slot '${slot}'`, value);
    count++;
  }
  // The usual case, checked without building the shapes: exactly the layout's slots, of the right lengths.
  for (const slot of layout.element) fits &&= (state[slot] as Float32Array | undefined)?.length === params;
  for (const slot of layout.tensor) fits &&= (state[slot] as Float32Array | undefined)?.length === 1;
  fits &&= count === slots.length;
  if (layout.row.length + layout.column.length > 0) {
    checkShape(rule, input['shape'], params);
    const lengths = slotLengths(layout, params, input['shape'] as readonly number[] | undefined);
    for (const slot of [...layout.row, ...layout.column])
      fits &&= (state[slot] as Float32Array | undefined)?.length === lengths[slot];
  }
  if (!fits) {
    const lengths = Object.fromEntries(Object.entries(state).map(([k, s]) => [k, [(s as Float32Array).length]]));
    checkStepShapes(rule, layout, [params], [input['grads'].length], lengths, input['shape'] as Shape | undefined);
  }
  checkStepCount(rule, input['t'] as number);
}

/**
 * Checks that `config` is a configuration (an object with an entry, a preset and hyperparameters that
 * {@link configure} accepts again), whatever rule it is for; `what` names the caller in the message.
 */
export function checkIsConfiguration(what: string, config: unknown): asserts config is Configuration {
  if (isConfigured(config)) return;
  const entry = isRecord(config) ? config['entry'] : undefined;
  if (
    !isRecord(config) ||
    !isRecord(entry) ||
    typeof entry['name'] !== 'string' ||
    typeof config['preset'] !== 'string' ||
    !isRecord(config['hyper'])
  ) {
    throw new ConfigurationError(
      what,
      `given ${describeValue(config)}, not a configuration; make one with configure(entry, preset, hyperparameters)`,
    );
  }
  configure(config['entry'] as Configuration['entry'], config['preset'], config['hyper'] as Record<string, string>);
}

/**
 * Checks that `config` is a configuration of the rule called `rule`: the oracle rule 'adam' stepped
 * with a configuration of 'sgd' would read hyperparameters and state slots that are not there.
 * `role` names the caller in the message ('rule', 'oracle rule', 'regularizer').
 */
export function checkConfiguration(rule: string, config: unknown, role = 'rule'): asserts config is Configuration {
  checkIsConfiguration(rule, config);
  if (config.entry.name !== rule) {
    throw new ConfigurationError(
      rule,
      `the ${role} '${rule}' was given a configuration of '${config.entry.name}'; configure '${rule}' instead`,
    );
  }
}
