/**
 * The driver that turns an exact elementwise update ({@link ElementwiseUpdate}) into an oracle rule:
 * each element's outputs certified correctly rounded to float32 (binary64 enclosures first, the
 * decimal ladder where they do not decide), the tensor slots certified once per step.
 *
 * @module
 */
import {
  checkStepCount,
  type Configuration,
  type Schema,
  type State,
  type StepOutput,
  type UncertifiedElement,
} from '../core/catalogue/index.js';
import { required } from '../core/required.js';
import { float32FromDecimalText, type Dec } from './binary32.js';
import type { Enclosure } from './enclosure.js';
import {
  evaluation,
  firstStageElements,
  hyperEnclosures,
  tensorOutputs,
  type ErasedUpdate,
} from './elementwise-stages.js';
import { IntervalArithmetic, type Interval } from './interval.js';
import { checkDecimalLengths, checkEntry, decimalAt, marked, uncertifiedElements } from './marks.js';
import { PreparedCache } from './prepared-cache.js';
import type { DecimalStepInput, ElementwiseOracleRule, ElementwiseUpdate, ExactOutput } from './rule.js';
import { certifyStaged, countFirstStageDecisions } from './staged.js';

/** Enclosures of one step's outputs on decimal inputs ({@link ElementwiseOracleRule.enclose}). */
function enclose<P>(
  update: ErasedUpdate<P>,
  config: Configuration,
  input: DecimalStepInput,
  precision: number,
): Record<string, Interval[]> {
  checkEntry(update.name, update.entries, config);
  const a = IntervalArithmetic.at(precision);
  const layout = config.entry.state(config.flags);
  const rule = config.entry.name;
  checkStepCount(rule, input.t);
  checkDecimalLengths(rule, layout, input);
  const h = hyperEnclosures(a, config, input.t);
  const tensor: Record<string, Enclosure> = {};
  for (const k of layout.tensor) tensor[k] = a.point(decimalAt(rule, `state slot '${k}'`, input.state[k], 0));
  const shared = update.prepare(a, { h, tensor, t: input.t, flags: config.flags });
  const params: Interval[] = [];
  const columns = layout.element.map((name) => ({ name, values: [] as Interval[] }));
  input.params.forEach((p, i) => {
    const slots: Record<string, Enclosure> = {};
    for (const { name } of columns)
      slots[name] = a.point(decimalAt(rule, `state slot '${name}'`, input.state[name], i));
    const r = update.element(
      a,
      { param: a.point(p), grad: a.point(decimalAt(rule, 'grads', input.grads, i)), slots },
      shared,
    );
    params.push(r.param as Interval);
    for (const c of columns) c.values.push(required(r.slots[c.name], c.name) as Interval);
  });
  const out: Record<string, Interval[]> = { params };
  for (const c of columns) out[c.name] = c.values;
  const next = update.nextTensorSlots(a, shared);
  for (const slot of layout.tensor) out[slot] = [required(next[slot], slot) as Interval];
  return out;
}

/** The initial state with `params`: element slots at 0 or at their hyperparameter, tensor slots certified. */
function initialOutput<P>(update: ErasedUpdate<P>, config: Configuration, params: Float32Array): StepOutput {
  checkEntry(update.name, update.entries, config);
  const layout = config.entry.state(config.flags);
  const state: State = {};
  for (const slot of layout.element) {
    const from = layout.initialFrom?.[slot];
    state[slot] = new Float32Array(params.length).fill(
      from === undefined ? 0 : float32FromDecimalText(required(config.hyper[from], `hyperparameter '${from}'`)),
    );
  }
  const tensorInit = certifyStaged(config.entry.name, (a) =>
    tensorOutputs(update.initTensorSlots(a, { h: hyperEnclosures(a, config), flags: config.flags })),
  );
  for (const slot of layout.tensor) state[slot] = Float32Array.of(tensorInit.values[slot] ?? NaN);
  return marked(
    { params, state },
    uncertifiedElements(tensorInit, (slot) => ({ output: slot, index: 0 })),
  );
}

/**
 * The oracle rule that applies `update` element by element, certifying each output's rounding. It
 * takes any configuration: every method first checks ({@link checkEntry}) that it is one of the
 * update's entries, whose schema is `S`.
 */
export function elementwiseRule<S extends Schema, P>(typed: ElementwiseUpdate<S, P>): ElementwiseOracleRule {
  // Erasing S (method parameters are bivariant) is sound because every method below checks the
  // configuration with checkEntry before `update` sees it.
  const update: ErasedUpdate<P> = typed;
  // Stryker disable next-line ObjectLiteral: equivalent; without its caches a preparation is computed anew (./elementwise-stages.ts).
  const caches = { plain: new PreparedCache<P>(), refined: new PreparedCache<P>() };
  return {
    enclose: (config, input, precision) => enclose(update, config, input, precision),
    name: update.name,
    entries: update.entries,
    init: (config, params) => initialOutput(update, config, params).state,
    initialOutput: (config, params) => initialOutput(update, config, params),
    step(config, input) {
      const { layout, prepared, element } = evaluation(update, config, input, caches);
      const n = input.params.length;
      const params = new Float32Array(n);
      const state: State = {};
      const uncertified: UncertifiedElement[] = [];
      const columns = layout.element.map((name) => ({ name, output: new Float32Array(n) }));
      for (const c of columns) state[c.name] = c.output;
      const fast = firstStageElements(update, layout, input, prepared, { params, state });
      countFirstStageDecisions(config.entry.name, fast.decided);
      for (let i = 0; i < n; i++) {
        if (fast.done[i] === 1) continue;
        const certified = certifyStaged<string>(config.entry.name, (a) => element(a, i), {
          refine: true,
          firstStageTried: fast.tried,
        });
        params[i] = required(certified.values['param'], 'param');
        for (const c of columns) c.output[i] = required(certified.values[c.name], c.name);
        uncertified.push(
          ...uncertifiedElements(certified, (key) => ({ output: key === 'param' ? 'params' : key, index: i })),
        );
      }
      // Stryker disable ObjectLiteral,BooleanLiteral: equivalent; the refined try changes only which stage decides (./staged.ts).
      const next = certifyStaged(config.entry.name, (a) => tensorOutputs(update.nextTensorSlots(a, prepared(a))), {
        refine: true,
      });
      // Stryker restore ObjectLiteral,BooleanLiteral
      for (const slot of layout.tensor) state[slot] = Float32Array.of(next.values[slot] ?? NaN);
      uncertified.push(...uncertifiedElements(next, (slot) => ({ output: slot, index: 0 })));
      return marked({ params, state }, uncertified);
    },
    exact(config, input, precision = 60): ExactOutput {
      const { layout, prepared, element } = evaluation(update, config, input);
      const a = IntervalArithmetic.at(precision);
      const params: Dec[] = [];
      const columns = layout.element.map((name) => ({ name, values: [] as Dec[] }));
      for (let i = 0; i < input.params.length; i++) {
        const r = element(a, i);
        params.push((required(r['param'], 'param') as Interval).near);
        for (const c of columns) c.values.push((required(r[c.name], c.name) as Interval).near);
      }
      const out: ExactOutput = { params };
      for (const c of columns) out[c.name] = c.values;
      const next = update.nextTensorSlots(a, prepared(a));
      for (const slot of layout.tensor) out[slot] = [(required(next[slot], slot) as Interval).near];
      return out;
    },
  };
}
