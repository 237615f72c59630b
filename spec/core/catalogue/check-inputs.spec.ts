/**
 * The shared input checks (core/catalogue/check-inputs.ts): each bad input gets a StepInputError or a
 * ConfigurationError whose message names the field and what was given.
 */
import { entryOf } from '../../../src/registry/index.js';
import { describe, expect, it } from 'vitest';
import { sgd } from '../../../core/catalogue/rules/sgd.js';
import {
  checkConfiguration,
  checkFloat32Array,
  checkStepInput,
  configure,
  ConfigurationError,
  StepInputError,
} from '../../../core/catalogue/index.js';

const adam = entryOf('adam');
const tfjsAdam = configure(adam, 'tfjs');
const layout = adam.state(tfjsAdam.flags);
const good = () => ({
  params: Float32Array.of(1, 2),
  grads: Float32Array.of(0.5, -1),
  state: { m: new Float32Array(2), v: new Float32Array(2), b1pow: Float32Array.of(0.9), b2pow: Float32Array.of(0.999) },
  t: 1,
});
const withField = (key: string, value: unknown) => ({ ...good(), [key]: value });
const withSlot = (slot: string, value: unknown) => ({ ...good(), state: { ...good().state, [slot]: value } });
/** A stand-in for a tfjs tensor: the catalogue recognises one by shape, dtype and dataSync. */
const tensorLike = { shape: [2], dtype: 'float32', dataSync: () => Float32Array.of(1, 2) };
const fromRounds = /Float32Array required \(convert with Float32Array\.from, which rounds\)/;

describe('checkStepInput', () => {
  it('accepts a well-formed input', () => {
    expect(() => checkStepInput('adam', layout, good())).not.toThrow();
  });

  it.each<[string, unknown, RegExp]>([
    [
      'input undefined',
      undefined,
      /^adam: the step input is undefined; an object \{ params, grads, state, t \} required/,
    ],
    ['input null', null, /^adam: the step input is null; /],
    ['input an array', [1, 2], /^adam: the step input is a plain array; /],
    ['params a Float64Array', withField('params', Float64Array.of(1, 2)), /^adam: params is a Float64Array; /],
    ['params a plain array', withField('params', [1, 2]), /^adam: params is a plain array; /],
    ['params missing', withField('params', undefined), /^adam: params is undefined; Float32Array required$/],
    [
      'grads a Float64Array',
      withField('grads', Float64Array.of(1, 2)),
      /^adam: grads is a Float64Array; Float32Array required \(convert with Float32Array\.from, which rounds\)$/,
    ],
    ['grads a plain array', withField('grads', [0.5, -1]), /^adam: grads is a plain array; /],
    ['grads an Int32Array', withField('grads', Int32Array.of(1, 2)), /^adam: grads is an Int32Array; /],
    [
      'grads a tfjs tensor',
      withField('grads', tensorLike),
      /^adam: grads is a tfjs tensor; Float32Array required \(read a float32 tensor with dataSync\(\)\)$/,
    ],
    ['grads a number', withField('grads', 0.5), /^adam: grads is the number 0\.5; Float32Array required$/],
    [
      'state undefined',
      withField('state', undefined),
      /^adam: state is undefined; an object of Float32Array slots required \(m, v, b1pow, b2pow\)$/,
    ],
    ['state null', withField('state', null), /^adam: state is null; /],
    [
      'state a Float32Array',
      withField('state', new Float32Array(2)),
      /^adam: state is a Float32Array; an object of Float32Array slots/,
    ],
    ['slot m a Float64Array', withSlot('m', new Float64Array(2)), /^adam: state slot 'm' is a Float64Array; /],
    ['slot v a plain array', withSlot('v', [0, 0]), /^adam: state slot 'v' is a plain array; /],
    [
      'slot b1pow a number',
      withSlot('b1pow', 0.9),
      /^adam: state slot 'b1pow' is the number 0\.9; Float32Array required$/,
    ],
    ['slot m missing', withSlot('m', undefined), /^adam: state slot 'm' is undefined; /],
  ])('rejects %s, naming the field and what was given', (_, input, message) => {
    expect(() => checkStepInput('adam', layout, input)).toThrow(StepInputError);
    expect(() => checkStepInput('adam', layout, input)).toThrow(message);
  });

  it('suggests Float32Array.from for arrays and typed arrays of another type', () => {
    for (const x of [[1], Float64Array.of(1), Int32Array.of(1)])
      expect(() => checkFloat32Array('adam', 'grads', x)).toThrow(fromRounds);
  });

  it('checks types before shapes, and shapes before the step count', () => {
    const both = { ...good(), grads: Float32Array.of(1), state: undefined, t: 0 };
    expect(() => checkStepInput('adam', layout, both)).toThrow('adam: state is undefined');
    expect(() => checkStepInput('adam', layout, { ...good(), grads: Float32Array.of(1), t: 0 })).toThrow(
      'adam: grads has shape [1] but params has shape [2]',
    );
    expect(() => checkStepInput('adam', layout, { ...good(), t: 0 })).toThrow(
      'adam: step count t = 0 must be an integer',
    );
    expect(() => checkStepInput('adam', layout, { ...good(), t: '1' })).toThrow(
      'adam: step count t = "1" must be an integer',
    );
  });
});

describe('checkConfiguration', () => {
  it('accepts a configuration of the rule', () => {
    expect(() => checkConfiguration('adam', tfjsAdam)).not.toThrow();
  });

  it.each<[string, unknown, RegExp]>([
    [
      "a configuration of 'sgd'",
      configure(sgd, 'pytorch'),
      /^adam: the oracle rule 'adam' was given a configuration of 'sgd'; configure 'adam' instead$/,
    ],
    [
      'undefined',
      undefined,
      /^adam: given undefined, not a configuration; make one with configure\(entry, preset, hyperparameters\)$/,
    ],
    ['null', null, /^adam: given null, not a configuration/],
    ['hyperparameters alone', { lr: 0.1 }, /^adam: given an object, not a configuration/],
    ['an entry', adam, /^adam: given an object, not a configuration/],
    ['a preset name', 'pytorch', /^adam: given the string "pytorch", not a configuration/],
  ])('rejects %s', (_, config, message) => {
    expect(() => checkConfiguration('adam', config, 'oracle rule')).toThrow(ConfigurationError);
    expect(() => checkConfiguration('adam', config, 'oracle rule')).toThrow(message);
  });

  it('rejects a hand-built configuration whose hyperparameters configure() rejects', () => {
    const forged = { ...tfjsAdam, hyper: { ...tfjsAdam.hyper, beta1: '1' } };
    expect(() => checkConfiguration('adam', forged)).toThrow('adam: beta1 = 1 is outside its domain [0, 1)');
  });

  it('names the caller as a rule by default', () => {
    expect(() => checkConfiguration('adam', configure(sgd, 'paper'))).toThrow(
      "the rule 'adam' was given a configuration of 'sgd'",
    );
  });

  it('every error class is an Error with its own name', () => {
    const errors = [() => checkConfiguration('adam', null), () => checkStepInput('adam', layout, null)];
    const names = errors.map((run) => {
      try {
        run();
      } catch (e) {
        expect(e).toBeInstanceOf(Error);
        return (e as Error).name;
      }
      throw new Error('expected a throw');
    });
    expect(names).toEqual(['ConfigurationError', 'StepInputError']);
  });
});
