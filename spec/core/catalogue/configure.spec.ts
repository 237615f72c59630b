import { entryOf } from '../../../src/registry/index.js';
import { describe, expect, it } from 'vitest';
import {
  checkStepCount,
  configure,
  HyperparameterError,
  StepInputError,
  UnknownNameError,
} from '../../../core/catalogue/index.js';

const adam = entryOf('adam');

describe('configure', () => {
  it('reads hyperparameters as the decimals the user wrote', () => {
    expect(configure(adam, 'pytorch', { beta2: 0.999, lr: '1e-3' }).hyper).toMatchObject({
      beta2: '0.999',
      lr: '0.001',
    });
  });

  it.each([
    [{ beta1: 1 }, /beta1 = 1 is outside its domain \[0, 1\)/],
    [{ beta2: -0.1 }, /beta2 = -0.1 is outside its domain \[0, 1\)/],
    [{ lr: -1 }, /lr = -1 is outside its domain \[0, ∞\)/],
    [{ eps: '-1e-8' }, /eps = -1e-8 is outside its domain \[0, ∞\)/],
    [{ lr: 'fast' }, /lr = "fast" is not a number/],
    [{ lr: NaN }, /lr = NaN is not a finite number/],
    [{ momentum: 0.9 }, /unknown hyperparameter 'momentum'; known: lr, beta1, beta2, eps/],
  ])('rejects %o, naming the parameter and its valid range', (overrides, message) => {
    expect(() => configure(adam, 'pytorch', overrides)).toThrow(HyperparameterError);
    expect(() => configure(adam, 'pytorch', overrides)).toThrow(message);
  });

  it.each<[string, unknown, RegExp]>([
    ['null', null, /hyperparameters must be an object such as \{ lr: '1e-3' \}, got null/],
    ['an array', [0.1], /hyperparameters must be an object .*, got an array/],
    ['a number', 0.1, /hyperparameters must be an object .*, got number/],
  ])('rejects %s in place of the hyperparameters object', (_, overrides, message) => {
    expect(() => configure(adam, 'pytorch', overrides as never)).toThrow(HyperparameterError);
    expect(() => configure(adam, 'pytorch', overrides as never)).toThrow(message);
  });

  const accepted = /give a finite number or decimal text/;
  it.each<[string, unknown, RegExp]>([
    ['null', null, /lr = null is not a number/],
    ['true', true, /lr = true is a boolean, not a number/],
    ['false', false, /lr = false is a boolean, not a number/],
    ['an object', { value: 0.1 }, /lr = \{"value":0\.1\} is an object, not a number/],
    ['an array', [0.1], /lr = \[0\.1\] is an array, not a number/],
    ['a bigint', 1n, /lr = 1n is a bigint, not a number/],
    ['-Infinity', -Infinity, /lr = -Infinity is not a finite number/],
    ['the text Infinity', 'Infinity', /lr = Infinity is not a finite number/],
    ['empty text', '', /lr = "" is not a number/],
    ['blank text', '  ', /lr = " {2}" is not a number/],
    ['text with trailing junk', '0.1abc', /lr = "0\.1abc" is not a number/],
  ])('rejects lr = %s, naming the rule, the hyperparameter, the value and what is accepted', (_, value, message) => {
    const run = () => configure(adam, 'pytorch', { lr: value as number });
    expect(run).toThrow(HyperparameterError);
    expect(run).toThrow(message);
    expect(run).toThrow(/^adam: /);
    expect(run).toThrow(accepted);
  });

  // (2 − 2^−23) · 2^127, the largest finite float32, computed here independently of FLOAT32_MAX.
  const float32Max = ((2n ** 24n - 1n) * 2n ** 104n).toString();
  it.each<[string, number | string, RegExp]>([
    ["'1e400'", '1e400', /lr = 1e\+400 is beyond float32's range/],
    ['1e39', 1e39, /lr = 1e\+39 is beyond float32's range/],
    [
      'the largest float32 plus 1',
      (2n ** 24n - 1n) * 2n ** 104n + 1n + '',
      /lr = 3\.40282346638528859811704183484516925441e\+38 is beyond float32's range/,
    ],
    ["weightDecay '-1e400'", '-1e400', /weightDecay = -1e\+400 is beyond float32's range/],
  ])('rejects %s: beyond float32, where production holds hyperparameters', (label, value, message) => {
    const key = label.startsWith('weightDecay') ? 'weightDecay' : 'lr';
    expect(() => configure(adam, 'pytorch', { [key]: value })).toThrow(HyperparameterError);
    expect(() => configure(adam, 'pytorch', { [key]: value })).toThrow(message);
  });

  it('accepts the largest float32 exactly, and nonzero values below 2^−149 (documented: production rounds them)', () => {
    expect(configure(adam, 'pytorch', { lr: float32Max }).hyper['lr']).toBe(
      '3.4028234663852885981170418348451692544e+38',
    );
    expect(configure(adam, 'pytorch', { eps: '1e-50' }).hyper['eps']).toBe('1e-50');
  });

  it('reads an override given as undefined as not given: the preset default applies', () => {
    expect(configure(adam, 'keras', { eps: undefined } as unknown as Record<string, string>).hyper['eps']).toBe('1e-7');
  });

  it('rejects an unknown preset or rule, listing the known ones', () => {
    expect(() => configure(adam, 'jax')).toThrow(UnknownNameError);
    expect(() => configure(adam, 'jax')).toThrow("unknown preset for adam 'jax'; known: paper, pytorch, keras, tfjs");
    expect(() => entryOf('adamw2')).toThrow(
      /unknown rule 'adamw2'; known: sgd, momentum, nesterov, nag, adagrad, adadelta, rmsprop, rmsprop-centered, adam, amsgrad, adamw, adamax, nadam/,
    );
  });

  it.each([0, -1, 1.5, NaN, Infinity, 2 ** 53])('rejects the step count t = %s', (t) => {
    expect(() => checkStepCount('adam', t)).toThrow(StepInputError);
    expect(() => checkStepCount('adam', t)).toThrow(/t = .* must be an integer in \[1, /);
  });
});
