import { describe, expect, it } from 'vitest';
import { checkStepCount, configure, entryOf, HyperparameterError, StepInputError, UnknownNameError } from '../../src/catalogue/index.js';

const adam = entryOf('adam');

describe('configure', () => {
  it('reads hyperparameters as the decimals the user wrote', () => {
    expect(configure(adam, 'pytorch', { beta2: 0.999, lr: '1e-3' }).hyper).toMatchObject({ beta2: '0.999', lr: '0.001' });
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

  it('rejects an unknown preset or rule, listing the known ones', () => {
    expect(() => configure(adam, 'jax')).toThrow(UnknownNameError);
    expect(() => configure(adam, 'jax')).toThrow("unknown preset for adam 'jax'; known: paper, pytorch, keras, tfjs");
    expect(() => entryOf('adamw2')).toThrow(/unknown rule 'adamw2'; known: sgd, momentum, nesterov, nag, adagrad, adadelta, rmsprop, rmsprop-centered, adam, amsgrad, adamw, adamax, nadam/);
  });

  it.each([0, -1, 1.5, NaN, Infinity, 2 ** 53])('rejects the step count t = %s', (t) => {
    expect(() => checkStepCount('adam', t)).toThrow(StepInputError);
    expect(() => checkStepCount('adam', t)).toThrow(/t = .* must be an integer in \[1, /);
  });
});
