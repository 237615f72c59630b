/**
 * How the elementwise driver (./elementwise.ts) evaluates an update on float32 inputs: the shared
 * preparation at each arithmetic (cached in float64), one element's outputs at any arithmetic, and the
 * first stage of the staged certification (`certifyStaged`, ./staged.ts) run over every element at once.
 *
 * @module
 */
import {
  checkStepInput,
  type AnySchema,
  type Configuration,
  type State,
  type StateLayout,
  type StepInput,
} from '../core/catalogue/index.js';
import { required } from '../core/required.js';
import type { Arithmetic, Enclosure } from './enclosure.js';
import { Float64Enclosures, type F64 } from './float64.js';
import { IntervalArithmetic } from './interval.js';
import { checkEntry } from './marks.js';
import type { PreparedCache } from './prepared-cache.js';
import { inDoubles, REFINED_PRECISION } from './refined-preparation.js';
import { scheduledRate } from './schedules/rule-rate.js';
import { asSchedule } from '../core/schedules/index.js';
import type { ElementwiseUpdate, HyperEnclosures, TensorEnclosures } from './rule.js';
import { Column, tapeEnabled, trace } from './float64-tape.js';
import { evaluateTape } from './float64-tape-columns.js';
import { decidedFloat32, decidedFloat32Between, firstStageArithmetic } from './staged.js';

/**
 * An update with its schema forgotten: the driver reads hyperparameters and slots by the names the
 * configuration and its layout give, after {@link checkEntry} has checked that the configuration is
 * one of the update's entries.
 */
export type ErasedUpdate<P> = ElementwiseUpdate<AnySchema, P>;

/**
 * Every hyperparameter of `config` as the exact point of its decimal text; with a schedule and the
 * step count `t` (from 1), `lr` is the schedule's exact value at t − 1 instead ({@link scheduledRate}).
 * Without `t` (the initial state) `lr` is the constant.
 */
export function hyperEnclosures(a: Arithmetic, config: Configuration, t?: number): HyperEnclosures<AnySchema> {
  const h: Record<string, Enclosure> = Object.fromEntries(
    Object.entries(config.hyper).map(([k, text]) => [k, a.point(text)]),
  );
  if (config.schedule !== undefined && t !== undefined) h['lr'] = scheduledRate(a, asSchedule(config.schedule), t);
  return h;
}

/** The tensor slots an update returned, as the record of outputs that certification takes. */
export function tensorOutputs(slots: TensorEnclosures<AnySchema>): Record<string, Enclosure> {
  const out: Record<string, Enclosure> = {};
  for (const [k, x] of Object.entries(slots)) if (x !== undefined) out[k] = x;
  return out;
}

/** One element slot: its name and its input values. */
interface SlotColumn {
  readonly name: string;
  readonly input: Float32Array;
}

/** An element's outputs by name: 'param', then each element slot of the layout. */
export type ElementOutputs = Record<string, Enclosure>;

/** A checked step, ready to evaluate at any arithmetic. */
export interface Evaluation<P> {
  readonly layout: StateLayout;
  /** The preparation at `a`, computed once per arithmetic (and cached across steps in float64). */
  prepared(a: Arithmetic): P;
  /** Element `i`'s outputs at `a`. */
  element(a: Arithmetic, i: number): ElementOutputs;
}

/** The element slots of `layout` with their input values in `state`. */
function slotColumns(layout: StateLayout, state: State): SlotColumn[] {
  return layout.element.map((name) => ({ name, input: required(state[name], `state slot '${name}'`) }));
}

/** The driver's caches of float64 preparations, one per float64 arithmetic (plain and refined). */
export interface PreparedCaches<P> {
  readonly plain: PreparedCache<P>;
  readonly refined: PreparedCache<P>;
}

/**
 * Checks a step's inputs (the entry, then the input against its layout) and sets up its evaluation.
 * At {@link Float64Enclosures.refined} the preparation is computed in decimal and enclosed in doubles.
 */
export function evaluation<P>(
  update: ErasedUpdate<P>,
  config: Configuration,
  input: StepInput,
  caches?: PreparedCaches<P>,
): Evaluation<P> {
  checkEntry(update.name, update.entries, config);
  const layout = config.entry.state(config.flags);
  checkStepInput(config.entry.name, layout, input);
  const { params, grads, state, t } = input;
  const tensorSlots = layout.tensor.map((k) => [k, required(state[k]?.[0], `tensor slot '${k}'`)] as const);
  const tensorValues = tensorSlots.map(([, x]) => x);
  const shared = new Map<Arithmetic, P>();
  const prepareAt = (a: Arithmetic): P => {
    const tensor: Record<string, Enclosure> = {};
    for (const [k, x] of tensorSlots) tensor[k] = a.fromFloat32(x);
    return update.prepare(a, { h: hyperEnclosures(a, config, t), tensor, t, flags: config.flags });
  };
  const prepare = (a: Arithmetic): P =>
    a === Float64Enclosures.refined ? inDoubles(prepareAt(IntervalArithmetic.at(REFINED_PRECISION))) : prepareAt(a);
  // Stryker disable all: equivalent. A preparation is a function of (configuration, t, tensor values)
  // alone, which is the caches' key, so serving it again or computing it anew gives the same value;
  // only the time differs. The caches are absent only where the arithmetic is decimal.
  const cacheOf = (a: Arithmetic): PreparedCache<P> | undefined =>
    a === Float64Enclosures.instance ? caches?.plain : a === Float64Enclosures.refined ? caches?.refined : undefined;
  const prepared = (a: Arithmetic): P => {
    let p = shared.get(a);
    if (p === undefined) {
      const cache = cacheOf(a);
      p = cache !== undefined ? cache.get(config, t, tensorValues, () => prepare(a)) : prepare(a);
      shared.set(a, p);
    }
    return p;
  };
  // Stryker restore all
  const columns = slotColumns(layout, state);
  const element = (a: Arithmetic, i: number): ElementOutputs => {
    const slots: Record<string, Enclosure> = {};
    for (const c of columns) slots[c.name] = a.fromFloat32(required(c.input[i], c.name));
    const r = update.element(
      a,
      { param: a.fromFloat32(required(params[i], 'param')), grad: a.fromFloat32(required(grads[i], 'grad')), slots },
      prepared(a),
    );
    const out: ElementOutputs = { param: r.param };
    for (const c of columns) out[c.name] = required(r.slots[c.name], c.name);
    return out;
  };
  return { layout, prepared, element };
}

/**
 * The fewest elements a step must have for the first stage to run on the tape: tracing costs about
 * what a few elements cost one at a time.
 */
export const TAPE_MIN_ELEMENTS = 8;

/** What the first stage did: which elements it decided, how many, and whether it ran at all. */
export interface FirstStageResult {
  readonly done: Uint8Array;
  readonly decided: number;
  /** Whether every element went through the first stage's arithmetic (false when it did not run). */
  readonly tried: boolean;
}

/** Where the first stage writes: the new params and state, and which elements it decided. */
export interface FirstStageTarget {
  readonly params: Float32Array;
  readonly state: State;
}

/**
 * The first stage of `certifyStaged` (./staged.ts), run by the driver itself over every element (one
 * shared preparation, no closure per element): writes each element whose outputs the binary64
 * enclosures all decide into `target`, and marks it done; the rest go through `certifyStaged`.
 */
export function firstStageElements<P>(
  update: ErasedUpdate<P>,
  layout: StateLayout,
  input: StepInput,
  prepared: (a: Arithmetic) => P,
  target: FirstStageTarget,
): FirstStageResult {
  const n = input.params.length;
  const done = new Uint8Array(n);
  const a = firstStageArithmetic();
  // Stryker disable all: equivalent. Whether this stage runs, and on the tape or element by element,
  // decides only the time and which stage the statistics credit: an element it leaves undone goes
  // through certifyStaged, whose every stage is certified on its own (spec/oracle/fast-stage.spec.ts,
  // ./float64-tape.ts's spec against the per-element stage), so its values are the same.
  if (a === undefined || n === 0) return { done, decided: 0, tried: false };
  let shared: P;
  try {
    shared = prepared(a);
  } catch {
    return { done, decided: 0, tried: false };
  }
  if (a === Float64Enclosures.instance && tapeEnabled() && n >= TAPE_MIN_ELEMENTS) {
    const taped = tapedFirstStage(update, layout, input, shared, target);
    if (taped !== undefined) return taped;
  }
  // Stryker restore all
  let decided = 0;
  const slots: Record<string, Enclosure> = {};
  const columns = slotColumns(layout, input.state);
  const outputs = columns.map((c) => required(target.state[c.name], 'an output slot'));
  const values = new Float64Array(columns.length);
  // An output that is one of the element's inputs, passed through (a slot a rule does not update), is
  // that input's exact point, which decides to the input itself, whatever its sign.
  // Stryker disable next-line EqualityOperator: equivalent for `i <= n`, which adds an element past the
  // end: its inputs are undefined, so the update throws or gives NaN, and writes past the typed arrays'
  // ends are dropped (only the count may grow by one).
  elements: for (let i = 0; i < n; i++) {
    let r: { param: Enclosure; slots: Readonly<Record<string, Enclosure | undefined>> };
    try {
      for (const c of columns) slots[c.name] = a.fromFloat32(c.input[i] as number);
      r = update.element(
        a,
        { param: a.fromFloat32(input.params[i] as number), grad: a.fromFloat32(input.grads[i] as number), slots },
        shared,
      );
    } catch {
      continue;
    }
    const p = decidedFloat32(r.param as F64);
    if (typeof p === 'string') continue;
    for (let j = 0; j < columns.length; j++) {
      const v = decidedFloat32(required(r.slots[(columns[j] as SlotColumn).name], 'an element slot') as F64);
      if (typeof v === 'string') continue elements;
      values[j] = v;
    }
    target.params[i] = p;
    for (let j = 0; j < columns.length; j++) (outputs[j] as Float32Array)[i] = values[j] as number;
    done[i] = 1;
    decided++;
  }
  // Stryker disable next-line BooleanLiteral: equivalent; `tried` only spares certifyStaged a second plain try (see above).
  return { done, decided, tried: true };
}

/**
 * {@link firstStageElements} on the tape (./float64-tape.ts): the element formula traced once, then
 * evaluated column by column; undefined when the formula cannot be traced. Each element's outputs
 * are decided as the per-element stage decides them (an output that is an input, passed through,
 * is that input's exact point, which decides to the input itself).
 */
// Stryker disable BlockStatement: equivalent for the body emptied; without the tape every element runs one at a time (see above).
function tapedFirstStage<P>(
  update: ErasedUpdate<P>,
  layout: StateLayout,
  input: StepInput,
  shared: P,
  target: FirstStageTarget,
): FirstStageResult | undefined {
  // Stryker restore BlockStatement
  const n = input.params.length;
  const slotInputs = slotColumns(layout, input.state);
  const slots: Record<string, Column> = {};
  slotInputs.forEach((c, j) => (slots[c.name] = new Column(2 + j)));
  const traced = trace(2 + slotInputs.length, (tracer) =>
    update.element(tracer, { param: new Column(0), grad: new Column(1), slots }, shared),
  );
  // Stryker disable next-line ConditionalExpression: equivalent; without the tape every element runs one at a time (see above).
  if (traced === undefined) return undefined;
  const { lo, hi, failed } = evaluateTape(
    traced.tracer,
    [input.params, input.grads, ...slotInputs.map((c) => c.input)],
    n,
  );
  // Each output's ends as columns (an output shared by every element broadcast), so that the loop
  // below reads two arrays per output and element.
  const ends = (o: Enclosure | undefined, what: string): { lo: Float64Array; hi: Float64Array } => {
    const e = required(o, what);
    if (e instanceof Column) return { lo: required(lo[e.index], what), hi: required(hi[e.index], what) };
    return { lo: new Float64Array(n).fill((e as F64).lo), hi: new Float64Array(n).fill((e as F64).hi) };
  };
  const outputs = [
    // Stryker disable next-line StringLiteral: equivalent; the message of an invariant (every update returns a param).
    { ...ends(traced.outputs.param, 'param'), into: target.params },
    ...slotInputs.map((c) => ({
      ...ends(traced.outputs.slots[c.name], c.name),
      into: required(target.state[c.name], `output slot '${c.name}'`),
    })),
  ];
  const los = outputs.map((o) => o.lo);
  const his = outputs.map((o) => o.hi);
  const intos = outputs.map((o) => o.into);
  const m = outputs.length;
  const values = new Float64Array(m);
  const done = new Uint8Array(n);
  let decided = 0;
  // Stryker disable next-line EqualityOperator: equivalent for `i <= n`: past the end, every end read
  // is undefined, which decides 'boundary', so nothing is written or counted.
  elements: for (let i = 0; i < n; i++) {
    if (failed[i] === 1) continue;
    for (let j = 0; j < m; j++) {
      const v = decidedFloat32Between((los[j] as Float64Array)[i] as number, (his[j] as Float64Array)[i] as number);
      if (typeof v === 'string') continue elements;
      values[j] = v;
    }
    for (let j = 0; j < m; j++) (intos[j] as Float32Array)[i] = values[j] as number;
    done[i] = 1;
    decided++;
  }
  // Stryker disable next-line BooleanLiteral: equivalent; `tried` only spares certifyStaged a second plain try.
  return { done, decided, tried: true };
}
