import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import * as entries from '../../../core/catalogue/entries.js';
import {
  ConfigurationError,
  configure,
  HyperparameterError,
  PRESET_NAMES,
  StepInputError,
  type Configuration,
  type StepInput,
} from '../../../core/catalogue/index.js';
import { classOf } from '../../../src/gate/compare.js';
import { useBackend } from '../../../src/production/tfjs/backend.js';
import { initArrays, stepArrays } from '../../../src/production/tfjs/optimizer.js';
import { createOptimizer, optimizerFor, oracleRuleOf } from '../../../src/registry/index.js';
import { backends } from '../../backends.js';

const adamPresets = PRESET_NAMES.filter((p) => entries.adam.presets[p] !== undefined);

describe.each(backends)('production Adam on %s', (backend) => {
  beforeAll(async () => {
    await useBackend(backend);
  });

  it.each(adamPresets)('leaves no tensor behind across steps (%s)', (preset) => {
    const opt = createOptimizer('adam', { preset });
    let params: tf.Tensor = tf.tensor1d([1, -2, 3]);
    let state = opt.init(params);
    const before = tf.memory().numTensors;
    for (let t = 1; t <= 5; t++) {
      const grads = tf.tensor1d([0.1 * t, -0.2, 0.3]);
      const next = opt.step(params, grads, state, t);
      tf.dispose([params, grads, ...Object.values(state)]);
      params = next.params;
      state = next.state;
      expect(tf.memory().numTensors).toBe(before);
    }
    tf.dispose([params, ...Object.values(state)]);
  });

  it('an empty tensor is a valid no-op, with no NaN', () => {
    const config = configure(entries.adam, 'pytorch');
    const opt = optimizerFor(config);
    const empty = new Float32Array(0);
    const out = stepArrays(opt, { params: empty, grads: empty, state: initArrays(opt, empty), t: 1 });
    expect(out.params.length).toBe(0);
    expect(out.state['m']!.length).toBe(0);
    expect(out.state['v']!.length).toBe(0);
  });

  it('rejects shape mismatches, wrong dtypes and bad t with messages that name the input', () => {
    const opt = createOptimizer('adam');
    const p = tf.tensor1d([1, 2]);
    const state = opt.init(p);
    const g3 = tf.tensor1d([1, 2, 3]);
    const gi = tf.tensor1d([1, 2], 'int32');
    expect(() => opt.step(p, g3, state, 1)).toThrow(StepInputError);
    expect(() => opt.step(p, g3, state, 1)).toThrow('adam: grads has shape [3] but params has shape [2]');
    expect(() => opt.step(p, gi, state, 1)).toThrow('adam: grads has dtype int32; expected float32');
    expect(() => opt.step(p, p, { m: state['m']! }, 1)).toThrow("adam: state slot 'v' is missing");
    expect(() => opt.step(p, p, { ...state, m: g3 }, 1)).toThrow(
      "adam: state slot 'm' has shape [3] but params has shape [2]",
    );
    expect(() => opt.step(p, p, state, 0)).toThrow('adam: step count t = 0 must be an integer');
    expect(() => createOptimizer('adam', { hyper: { beta1: 1 } })).toThrow(
      'adam: beta1 = 1 is outside its domain [0, 1)',
    );
    tf.dispose([p, g3, gi, ...Object.values(state)]);
  });

  it('NAG rejects a step without an objective and odd Rosenbrock lengths', () => {
    const opt = createOptimizer('nag', { preset: 'paper' });
    const p = tf.tensor1d([1, 2, 3]);
    const s = opt.init(p);
    expect(() => opt.step(p, p, s, 1)).toThrow('nag: the step needs an objective');
    expect(() => opt.step(p, p, s, 1, { kind: 'rosenbrock', a: '1', b: '100' })).toThrow(
      'nag: Rosenbrock pairs need an even number of parameters, got 3',
    );
    expect(() => opt.step(p, p, s, 1, { kind: 'quadratic', curvature: Float32Array.of(1) })).toThrow(
      "nag: the quadratic's curvature has 1 values but params has 3",
    );
    tf.dispose([p, ...Object.values(s)]);
  });

  it.each(adamPresets)('NaN and ±∞ follow IEEE semantics and match the oracle class by class (%s)', (preset) => {
    const config = configure(entries.adam, preset);
    const opt = optimizerFor(config);
    const oracle = oracleRuleOf('adam');
    // Each element exercises one rule: NaN gradient; +∞ gradient (m = ∞, ∞/∞ = NaN); −∞ gradient;
    // infinite θ; infinite v (Δ = 0, θ unchanged); NaN in m; m = +∞ with g = −∞ (∞ − ∞ = NaN).
    const params = Float32Array.of(1, 1, 1, Infinity, 2, 1, 1);
    const grads = Float32Array.of(NaN, Infinity, -Infinity, 1, 1, 1, -Infinity);
    const state = oracle.init(config, params);
    state['v'] = Float32Array.of(0, 0, 0, 0, Infinity, 0, 0);
    state['m'] = Float32Array.of(0, 0, 0, 0, 0, NaN, Infinity);
    const input = { params, grads, state, t: 3 };
    const p = stepArrays(opt, input);
    const o = oracle.step(config, input);
    for (const [name, produced, exact] of [
      ['params', p.params, o.params],
      ['m', p.state['m']!, o.state['m']!],
      ['v', p.state['v']!, o.state['v']!],
    ] as const) {
      expect(Array.from(produced, classOf), name).toEqual(Array.from(exact, classOf));
    }
    expect(Array.from(o.params, classOf)).toEqual(['NaN', 'NaN', 'NaN', '+Inf', 'finite', 'NaN', 'NaN']);
    expect(o.params[4]).toBe(2);
  });
});

describe('production optimizer: bad input gets an error naming the culprit', () => {
  beforeAll(async () => {
    await useBackend(backends[0]!);
  });

  const arrays = () => ({
    params: Float32Array.of(1, 2),
    grads: Float32Array.of(0.5, -1),
    state: { m: new Float32Array(2), v: new Float32Array(2) },
    t: 1,
  });
  const rounds = /Float32Array required \(convert with Float32Array\.from, which rounds\)$/;

  it.each<[string, unknown, RegExp]>([
    ['input undefined', undefined, /^adam: the step input is undefined; /],
    ['params a Float64Array', { ...arrays(), params: Float64Array.of(1, 2) }, /^adam: params is a Float64Array; /],
    ['params a plain array', { ...arrays(), params: [1, 2] }, /^adam: params is a plain array; /],
    ['grads a Float64Array', { ...arrays(), grads: Float64Array.of(0.5, -1) }, /^adam: grads is a Float64Array; /],
    ['grads a plain array', { ...arrays(), grads: [0.5, -1] }, /^adam: grads is a plain array; /],
    [
      'state undefined',
      { ...arrays(), state: undefined },
      /^adam: state is undefined; an object of Float32Array slots required \(m, v\)$/,
    ],
    [
      'slot m a Float64Array',
      { ...arrays(), state: { m: new Float64Array(2), v: new Float32Array(2) } },
      /^adam: state slot 'm' is a Float64Array; /,
    ],
    [
      'slot v a plain array',
      { ...arrays(), state: { m: new Float32Array(2), v: [0, 0] } },
      /^adam: state slot 'v' is a plain array; /,
    ],
  ])('stepArrays rejects %s', (_, input, message) => {
    const opt = createOptimizer('adam');
    const before = tf.memory().numTensors;
    expect(() => stepArrays(opt, input as StepInput)).toThrow(StepInputError);
    expect(() => stepArrays(opt, input as StepInput)).toThrow(message);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('stepArrays suggests Float32Array.from, which rounds, for arrays of another type', () => {
    expect(() =>
      stepArrays(createOptimizer('adam'), { ...arrays(), grads: Float64Array.of(0.1, 0.2) } as unknown as StepInput),
    ).toThrow(rounds);
  });

  it('NAG takes a Float32Array for the grads it ignores, of any length', () => {
    const opt = createOptimizer('nag', { preset: 'paper' });
    const objective = { kind: 'quadratic', curvature: Float32Array.of(1, 1) } as const;
    const input = {
      params: Float32Array.of(1, 2),
      grads: new Float32Array(0),
      state: { velocity: new Float32Array(2) },
      t: 1,
      objective,
    };
    expect(stepArrays(opt, input).params.length).toBe(2);
    expect(() => stepArrays(opt, { ...input, grads: [] as unknown as Float32Array })).toThrow(
      'nag: grads is a plain array; Float32Array required',
    );
    expect(() => stepArrays(opt, { ...input, params: [1, 2] as unknown as Float32Array })).toThrow(
      'nag: params is a plain array; Float32Array required',
    );
  });

  it.each<[string, unknown, RegExp]>([
    ['a plain array', [1, 2], /^adam: params is a plain array; /],
    ['a Float64Array', Float64Array.of(1, 2), /^adam: params is a Float64Array; /],
    ['undefined', undefined, /^adam: params is undefined; Float32Array required$/],
  ])('initArrays rejects params given as %s', (_, params, message) => {
    expect(() => initArrays(createOptimizer('adam'), params as Float32Array)).toThrow(StepInputError);
    expect(() => initArrays(createOptimizer('adam'), params as Float32Array)).toThrow(message);
  });

  it.each<[string, (p: tf.Tensor, s: Record<string, tf.Tensor>) => unknown[], RegExp]>([
    [
      'state undefined',
      (p) => [p, p, undefined],
      /^adam: state is undefined; an object of float32 tensors required \(from init\)$/,
    ],
    ['state null', (p) => [p, p, null], /^adam: state is null; /],
    [
      'grads a Float32Array',
      (p, s) => [p, Float32Array.of(1, 2), s],
      /^adam: grads is a Float32Array; a float32 tf\.Tensor required \(make one with tf\.tensor, or step plain arrays with stepArrays\)$/,
    ],
    [
      'params a plain array',
      (p, s) => [[1, 2], p, s],
      /^adam: params is a plain array; a float32 tf\.Tensor required$/,
    ],
    [
      'slot m a Float32Array',
      (p, s) => [p, p, { ...s, m: Float32Array.of(0, 0) }],
      /^adam: state slot 'm' is a Float32Array; a float32 tf\.Tensor required/,
    ],
  ])('the tensor step rejects %s', (_, args, message) => {
    const opt = createOptimizer('adam');
    const p = tf.tensor1d([1, 2]);
    const s = opt.init(p);
    const [params, grads, state] = args(p, s);
    const run = () => opt.step(params as tf.Tensor, grads as tf.Tensor, state as Record<string, tf.Tensor>, 1);
    expect(run).toThrow(StepInputError);
    expect(run).toThrow(message);
    tf.dispose([p, ...Object.values(s)]);
  });

  it('the tensor step rejects an int32 state slot, and init a params array', () => {
    const opt = createOptimizer('adam');
    const p = tf.tensor1d([1, 2]);
    const s = opt.init(p);
    const mi = tf.tensor1d([0, 0], 'int32');
    expect(() => opt.step(p, p, { ...s, m: mi }, 1)).toThrow("adam: state slot 'm' has dtype int32; expected float32");
    expect(() => opt.init(Float32Array.of(1, 2) as unknown as tf.Tensor)).toThrow(
      'adam: params is a Float32Array; a float32 tf.Tensor required',
    );
    tf.dispose([p, mi, ...Object.values(s)]);
  });

  it.each<[string, unknown, RegExp]>([
    ['lr: null', { lr: null }, /^adam: lr = null is not a number; give a finite number or decimal text/],
    ['lr: true', { lr: true }, /^adam: lr = true is a boolean, not a number/],
    ["lr: '1e400'", { lr: '1e400' }, /^adam: lr = 1e\+400 is beyond float32's range/],
  ])('createOptimizer rejects %s', (_, hyper, message) => {
    expect(() => createOptimizer('adam', { hyper: hyper as Record<string, number> })).toThrow(HyperparameterError);
    expect(() => createOptimizer('adam', { hyper: hyper as Record<string, number> })).toThrow(message);
  });

  it.each<[string, unknown, RegExp]>([
    ['undefined', undefined, /^optimizerFor: given undefined, not a configuration/],
    ['an entry', entries.adam, /^optimizerFor: given an object, not a configuration/],
  ])('optimizerFor rejects %s', (_, config, message) => {
    expect(() => optimizerFor(config as Configuration)).toThrow(ConfigurationError);
    expect(() => optimizerFor(config as Configuration)).toThrow(message);
  });
});
