/**
 * An implementation under test that is a program speaking the gate's protocol (./messages.ts,
 * docs/protocol.md) on its stdin and stdout, in any language. It is judged with the derived bound of
 * the preset's own operation order, as this project's production is. What its hello announces beyond
 * plain steps (schedules, Keras's wrapper, clippings: ./capability-requests.ts) it is asked too:
 * steps that carry a schedule, `kerasStep` and `transform`.
 *
 * A program that breaks the protocol (exits, stays silent past the time limit, answers something
 * that is not an answer, another id, the wrong lengths or slots, or an `error`) breaks the whole
 * implementation: the {@link ProtocolError} is kept, every later call throws it at once (so that
 * fast-check's shrinking ends quickly), and the gate stops with exit status 3, keeping the results it
 * already has.
 *
 * @module
 */
import type { Configuration, State, StepInput, StepOutput } from '../../../core/catalogue/index.js';
import type { KerasStepInput, KerasStepStages } from '../../production/tfjs/keras-wrapper.js';
import { bitsText, fromBitsText } from '../../../oracle/binary32.js';
import { productionRuleOf } from '../../registry/index.js';
import { boundInit } from '../bound/step-bound.js';
import { productionBound, type Implementation } from '../implementation.js';
import { conformingBound } from '../orders/index.js';
import { ChannelError, LineChannel } from './line-channel.js';
import {
  declaredBy,
  kerasStagesOf,
  kerasStepRequest,
  scheduleField,
  transformedOf,
  transformRequest,
} from './capability-requests.js';
import {
  parseLine,
  PROTOCOL,
  type Answers,
  type Bits,
  type ErrorAnswer,
  type Hello,
  type Request,
  type Result,
} from './messages.js';

/** The program broke the protocol; the message says how, and what it was asked. */
export class ProtocolError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ProtocolError';
  }
}

/** Options of {@link subprocessImplementation}. */
export interface SubprocessOptions {
  /** Seconds the program may take to answer one request; default 30. */
  readonly timeoutSeconds?: number;
  /** Seconds it may take to start and say hello (a program importing PyTorch takes seconds); default 60. */
  readonly startSeconds?: number;
  /** Working directory of the program; default this process's. */
  readonly cwd?: string;
}

/** A program behind the protocol, as the gate judges it. */
export interface SubprocessImplementation extends Implementation {
  /** What the program said it implements. */
  readonly hello: Hello;
  /** Whether the handshake lists `rule` under `preset`. */
  supports(rule: string, preset: string): boolean;
  /** The protocol error that broke it, if one did. */
  broken(): ProtocolError | undefined;
  /** Ends the program (closes its stdin, then kills it after a grace period). */
  close(): void;
}

const bits = (xs: Float32Array): Bits[] => Array.from(xs, bitsText);

function floats(xs: readonly Bits[]): Float32Array {
  return Float32Array.from(xs, fromBitsText);
}

/**
 * Starts `command` (through `sh -c`), reads its hello, and returns it as an {@link Implementation};
 * a {@link ProtocolError} when it does not start or its hello is not protocol version 1.
 */
export function subprocessImplementation(command: string, options: SubprocessOptions = {}): SubprocessImplementation {
  const timeoutMs = (options.timeoutSeconds ?? 30) * 1000;
  const channel = new LineChannel(command, options.cwd);
  let failure: ProtocolError | undefined;
  let nextId = 1;

  const fail = (message: string): never => {
    failure ??= new ProtocolError(`${command}: ${message}`);
    channel.kill();
    throw failure;
  };
  const receive = (what: string, limitMs = timeoutMs): string => {
    try {
      return channel.receive(limitMs);
    } catch (e) {
      if (e instanceof ChannelError) return fail(`${what}: ${e.message}`);
      throw e;
    }
  };

  channel.send(JSON.stringify({ type: 'hello', protocol: PROTOCOL }));
  const hello = parseLine(receive('no hello', (options.startSeconds ?? 60) * 1000), 'hello');
  if (typeof hello === 'string') fail(`its hello is ${hello}`);
  const greeting = hello as Hello;
  const declared = declaredBy(greeting, fail);

  /**
   * Writes every request, then reads one answer of kind `kind` per request, in any order, matched by id
   * (a batch: the program may answer as it computes).
   */
  const askMany = <K extends keyof Answers>(
    requests: readonly Request[],
    kind: K,
  ): Exclude<Answers[K], ErrorAnswer>[] => {
    type Answered = Exclude<Answers[K], ErrorAnswer>;
    if (failure !== undefined) throw failure;
    for (const request of requests) channel.send(JSON.stringify(request));
    const first = requests[0];
    const last = requests[requests.length - 1];
    if (first === undefined || last === undefined) return [];
    const ids = requests.length === 1 ? `request ${first.id}` : `requests ${first.id} to ${last.id}`;
    const what = `${first.type} ${ids} (${'rule' in first ? first.rule : first.transform}/${first.preset})`;
    const answers = new Map<number, Answered>();
    while (answers.size < requests.length) {
      const answer = parseLine(receive(`no answer to the ${what}`), kind);
      if (typeof answer === 'string') return fail(`its answer to the ${what} is ${answer}`);
      if (answers.has(answer.id) || !requests.some((r) => r.id === answer.id))
        return fail(`it answered id ${answer.id} to the ${what}`);
      if ('error' in answer) return fail(`it answered the ${what} with an error: ${answer.error}`);
      answers.set(answer.id, answer as Answered);
    }
    return requests.map((r) => answers.get(r.id) as Answered);
  };
  const ask = <K extends keyof Answers>(request: Request, kind: K) =>
    askMany([request], kind)[0] as Exclude<Answers[K], ErrorAnswer>;

  const fields = (config: Configuration) => ({
    rule: config.entry.name,
    preset: config.preset,
    hyper: config.hyper as Readonly<Record<string, string>>,
    flags: config.flags as Readonly<Record<string, string | boolean>>,
  });

  /** The answer's state as float32 arrays, each slot of the layout with its length, nothing else. */
  const stateOf = (
    config: Configuration,
    n: number,
    shape: readonly number[] | undefined,
    answered: Readonly<Record<string, readonly Bits[]>>,
    what: string,
  ): State => {
    const layout = config.entry.state(config.flags);
    const [rows, cols] = shape?.length === 2 ? shape : [1, 1];
    const expected = new Map([
      ...layout.element.map((s) => [s, n] as const),
      ...layout.tensor.map((s) => [s, 1] as const),
      ...layout.row.map((s) => [s, rows ?? 1] as const),
      ...layout.column.map((s) => [s, cols ?? 1] as const),
    ]);
    const state: State = {};
    for (const [slot, length] of expected) {
      const values = answered[slot];
      if (values === undefined) return fail(`its answer to the ${what} has no state slot '${slot}'`);
      if (values.length !== length)
        return fail(`its answer to the ${what} has ${values.length} values in '${slot}', ${length} expected`);
      state[slot] = floats(values);
    }
    const extra = Object.keys(answered).filter((s) => !expected.has(s));
    if (extra.length > 0) return fail(`its answer to the ${what} has unknown state slots ${extra.join(', ')}`);
    return state;
  };

  const stepRequest = (config: Configuration, input: StepInput): Request => ({
    id: nextId++,
    type: 'step',
    ...fields(config),
    ...scheduleField(config),
    t: input.t,
    ...(input.shape === undefined ? {} : { shape: input.shape }),
    params: bits(input.params),
    grads: bits(input.grads),
    state: Object.fromEntries(Object.entries(input.state).map(([k, v]) => [k, bits(v)])),
  });
  const stepResult = (config: Configuration, input: StepInput, id: number, answer: Result): StepOutput => {
    const what = `step request ${id}`;
    if (answer.params === undefined) return fail(`its answer to the ${what} has no params`);
    if (answer.params.length !== input.params.length)
      return fail(`its answer to the ${what} has ${answer.params.length} params, ${input.params.length} expected`);
    return {
      params: floats(answer.params),
      state: stateOf(config, input.params.length, input.shape, answer.state, what),
    };
  };

  return {
    name: greeting.implementation,
    hello: greeting,
    pinned: Object.fromEntries(greeting.rules.flatMap((r) => (r.pinned === undefined ? [] : [[r.rule, r.pinned]]))),
    supports: (rule, preset) => greeting.rules.some((r) => r.rule === rule && r.presets.includes(preset)),
    ...declared,
    broken: () => failure,
    close: () => void channel.close(),
    init(config: Configuration, params: Float32Array, shape?: readonly number[]): State {
      const id = nextId++;
      const layout = config.entry.state(config.flags);
      const slots = Object.fromEntries([
        ...layout.element.map((s) => [s, 'element'] as const),
        ...layout.tensor.map((s) => [s, 'tensor'] as const),
        ...layout.row.map((s) => [s, 'row'] as const),
        ...layout.column.map((s) => [s, 'column'] as const),
      ]);
      const matrix = shape === undefined ? {} : { shape };
      const answer = ask({ id, type: 'init', ...fields(config), params: bits(params), slots, ...matrix }, 'answer');
      return stateOf(config, params.length, shape, answer.state, `init request ${id}`);
    },
    step(config: Configuration, input: StepInput): StepOutput {
      const request = stepRequest(config, input);
      return stepResult(config, input, request.id, ask(request, 'answer'));
    },
    stepMany(config: Configuration, inputs: readonly StepInput[]): StepOutput[] {
      const requests = inputs.map((input) => stepRequest(config, input));
      const answers = askMany(requests, 'answer');
      return inputs.map((input, k) => stepResult(config, input, requests[k]?.id ?? 0, answers[k] as Result));
    },
    kerasStep(config: Configuration, input: KerasStepInput): KerasStepStages {
      const answer = ask(kerasStepRequest(nextId++, fields(config), config, input), 'keras-answer');
      return kerasStagesOf(config, input, answer, fail, (c, n, answered, what) =>
        stateOf(c, n, undefined, answered, what),
      );
    },
    transform(config: Configuration, grads: readonly Float32Array[]): Float32Array[] {
      return transformedOf(grads, ask(transformRequest(nextId++, config, grads), 'transform-answer'), fail);
    },
    bound: productionBound,
    conformingBound,
    boundInit: (config, length) => boundInit(productionRuleOf(config.entry.name), config, length),
  };
}
