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
import { checkEntry } from './marks.js';
import type { PreparedCache } from './prepared-cache.js';
import type { ElementwiseUpdate, HyperEnclosures, TensorEnclosures } from './rule.js';
import { decidedFloat32, firstStageArithmetic } from './staged.js';

/**
 * An update with its schema forgotten: the driver reads hyperparameters and slots by the names the
 * configuration and its layout give, after {@link checkEntry} has checked that the configuration is
 * one of the update's entries.
 */
export type ErasedUpdate<P> = ElementwiseUpdate<AnySchema, P>;

/** Every hyperparameter of `config` as the exact point of its decimal text. */
export function hyperEnclosures(a: Arithmetic, config: Configuration): HyperEnclosures<AnySchema> {
  return Object.fromEntries(Object.entries(config.hyper).map(([k, text]) => [k, a.point(text)]));
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

/** Checks a step's inputs (the entry, then the input against its layout) and sets up its evaluation. */
export function evaluation<P>(
  update: ErasedUpdate<P>,
  config: Configuration,
  input: StepInput,
  cache?: PreparedCache<P>,
): Evaluation<P> {
  checkEntry(update.name, update.entries, config);
  const layout = config.entry.state(config.flags);
  checkStepInput(config.entry.name, layout, input);
  const { params, grads, state, t } = input;
  const tensorSlots = layout.tensor.map((k) => [k, required(state[k]?.[0], `tensor slot '${k}'`)] as const);
  const tensorValues = tensorSlots.map(([, x]) => x);
  const shared = new Map<Arithmetic, P>();
  const prepare = (a: Arithmetic): P => {
    const tensor: Record<string, Enclosure> = {};
    for (const [k, x] of tensorSlots) tensor[k] = a.fromFloat32(x);
    return update.prepare(a, { h: hyperEnclosures(a, config), tensor, t, flags: config.flags });
  };
  const prepared = (a: Arithmetic): P => {
    let p = shared.get(a);
    if (p === undefined) {
      p =
        cache !== undefined && a === Float64Enclosures.instance
          ? cache.get(config, t, tensorValues, () => prepare(a))
          : prepare(a);
      shared.set(a, p);
    }
    return p;
  };
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
): { done: Uint8Array; decided: number } {
  const n = input.params.length;
  const done = new Uint8Array(n);
  const a = firstStageArithmetic();
  if (a === undefined || n === 0) return { done, decided: 0 };
  let shared: P;
  try {
    shared = prepared(a);
  } catch {
    return { done, decided: 0 };
  }
  let decided = 0;
  const slots: Record<string, Enclosure> = {};
  const columns = slotColumns(layout, input.state).map((c) => ({
    ...c,
    output: required(target.state[c.name], `output slot '${c.name}'`),
    value: 0,
  }));
  // An output that is one of the element's inputs, passed through (a slot a rule does not update),
  // is that input exactly, in both stages, whatever its sign.
  const decide = (o: Enclosure, i: number): number | string => {
    for (const c of columns) if (o === slots[c.name]) return required(c.input[i], c.name);
    return decidedFloat32(o as F64);
  };
  elements: for (let i = 0; i < n; i++) {
    let r: { param: Enclosure; slots: Readonly<Record<string, Enclosure | undefined>> };
    try {
      for (const c of columns) slots[c.name] = a.fromFloat32(required(c.input[i], c.name));
      r = update.element(
        a,
        {
          param: a.fromFloat32(required(input.params[i], 'param')),
          grad: a.fromFloat32(required(input.grads[i], 'grad')),
          slots,
        },
        shared,
      );
    } catch {
      continue;
    }
    const p = decidedFloat32(r.param as F64);
    if (typeof p === 'string') continue;
    for (const c of columns) {
      const v = decide(required(r.slots[c.name], c.name), i);
      if (typeof v === 'string') continue elements;
      c.value = v;
    }
    target.params[i] = p;
    for (const c of columns) c.output[i] = c.value;
    done[i] = 1;
    decided++;
  }
  return { done, decided };
}
