import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { oracleRuleOf } from '../../oracle/rules/index.js';
import { configure, entryOf, PRESET_NAMES, StepInputError } from '../../src/catalogue/index.js';
import { classOf } from '../../src/gate/compare.js';
import { useBackend } from '../../src/tfjs/backend.js';
import { createOptimizer, initArrays, optimizerFor, stepArrays } from '../../src/tfjs/optimizer.js';
import { backends } from '../backends.js';

describe.each(backends)('production Adam on %s', (backend) => {
  beforeAll(async () => {
    await useBackend(backend);
  });

  it.each(PRESET_NAMES)('leaves no tensor behind across steps (%s)', (preset) => {
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
    const config = configure(entryOf('adam'), 'pytorch');
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
    expect(() => opt.step(p, p, { ...state, m: g3 }, 1)).toThrow("adam: state slot 'm' has shape [3] but params has shape [2]");
    expect(() => opt.step(p, p, state, 0)).toThrow('adam: step count t = 0 must be an integer');
    expect(() => createOptimizer('adam', { hyper: { beta1: 1 } })).toThrow('adam: beta1 = 1 is outside its domain [0, 1)');
    tf.dispose([p, g3, gi, ...Object.values(state)]);
  });

  it('NAG rejects a step without an objective and odd Rosenbrock lengths', () => {
    const opt = createOptimizer('nag', { preset: 'paper' });
    const p = tf.tensor1d([1, 2, 3]);
    const s = opt.init(p);
    expect(() => opt.step(p, p, s, 1)).toThrow('nag: the step needs an objective');
    expect(() => opt.step(p, p, s, 1, { kind: 'rosenbrock', a: '1', b: '100' })).toThrow('nag: Rosenbrock pairs need an even number of parameters, got 3');
    expect(() => opt.step(p, p, s, 1, { kind: 'quadratic', curvature: Float32Array.of(1) })).toThrow("nag: the quadratic's curvature has 1 values but params has 3");
    tf.dispose([p, ...Object.values(s)]);
  });

  it.each(PRESET_NAMES)('NaN and ±∞ follow IEEE semantics and match the oracle class by class (%s)', (preset) => {
    const config = configure(entryOf('adam'), preset);
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
    for (const [name, produced, exact] of [['params', p.params, o.params], ['m', p.state['m']!, o.state['m']!], ['v', p.state['v']!, o.state['v']!]] as const) {
      expect(Array.from(produced, classOf), name).toEqual(Array.from(exact, classOf));
    }
    expect(Array.from(o.params, classOf)).toEqual(['NaN', 'NaN', 'NaN', '+Inf', 'finite', 'NaN', 'NaN']);
    expect(o.params[4]).toBe(2);
  });
});
