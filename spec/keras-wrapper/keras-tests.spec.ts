/**
 * Keras's own test cases for its optimizer wrapper, as named regressions: `test_weight_decay` in
 * keras/src/optimizers/{sgd,adamax,adagrad,adadelta,rmsprop,nadam}_test.py. Each applies three fresh
 * optimizers (learning_rate=1.0, weight_decay=0.004) once to var1 = 2.0 with a zero gradient, and
 * asserts var1 ≈ 1.9760959 (`assertAlmostEqual(..., decimal=6)`: |difference| < 5·10^−7), which is
 * 2 · (1 − 0.004)³ = 1.976095872: the decay θ ← θ − θ · wd · lr, then the rule's step on g = 0, which
 * moves nothing. (The same tests' exclusions, `exclude_from_weight_decay`, are not modelled.) Then:
 * what `configure` accepts and rejects under the wrapper, and the decay with a schedule (it reads the
 * schedule's value at the current iteration, as the rule's step does).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { configure, HyperparameterError, withSchedule, type CatalogueEntry } from '../../core/catalogue/index.js';
import { adadelta, adagrad, adamax, adamw, nadam, rmsprop, sgd } from '../../core/catalogue/entries.js';
import { configureSchedule, exponentialDecay } from '../../core/schedules/index.js';
import { production } from '../../src/gate/implementation.js';
import { judgeKerasStep, judgeStages } from '../../src/gate/keras-wrapper/judge.js';
import { useBackend } from '../../src/production/tfjs/backend.js';
import { backends } from '../backends.js';

const KERAS_TESTS: readonly (readonly [string, string, CatalogueEntry])[] = [
  ['sgd', 'keras/src/optimizers/sgd_test.py', sgd],
  ['adamax', 'keras/src/optimizers/adamax_test.py', adamax],
  ['adagrad', 'keras/src/optimizers/adagrad_test.py', adagrad],
  ['adadelta', 'keras/src/optimizers/adadelta_test.py', adadelta],
  ['rmsprop', 'keras/src/optimizers/rmsprop_test.py', rmsprop],
  ['nadam', 'keras/src/optimizers/nadam_test.py', nadam],
];

describe.each(backends)('Keras test_weight_decay on %s', (backend) => {
  beforeAll(async () => {
    await useBackend(backend);
  });

  it.each(KERAS_TESTS)('%s (%s, test_weight_decay): var1 ≈ 1.9760959 to 6 decimals', (_name, _file, entry) => {
    const impl = production(backend);
    const config = configure(entry, 'keras', { lr: 1.0, weightDecay: 0.004 });
    let theta: Float32Array = Float32Array.of(2);
    for (let k = 0; k < 3; k++) {
      const input = {
        params: [theta],
        grads: [Float32Array.of(0)],
        state: [impl.init(config, theta)],
        iterations: 0,
      };
      const { stages, comparison } = judgeKerasStep(impl, config, input);
      expect(comparison.mismatches).toEqual([]);
      theta = stages.params[0]!;
    }
    expect(Math.abs(theta[0]! - 1.9760959)).toBeLessThan(5e-7);
  });

  it('the stage judge fails a stage 2^−19 (relative) off: decay, clip, EMA and overwrite', () => {
    const impl = production(backend);
    const config = configure(sgd, 'keras', {
      lr: 0.5,
      weightDecay: 0.25,
      clipvalue: 1,
      useEma: true,
      emaOverwriteFrequency: 1,
    });
    const input = {
      params: [Float32Array.of(3, -1)],
      grads: [Float32Array.of(4, 0.5)],
      state: [impl.init(config, Float32Array.of(3, -1))],
      average: [Float32Array.of(1, 1)],
      iterations: 4,
    };
    const { stages, comparison } = judgeKerasStep(impl, config, input);
    expect(comparison.mismatches).toEqual([]);
    // θ* = 3 − 3 · 0.25 · 0.5 = 2.625 and −1 + 0.125 = −0.875; g clipped to (1, 0.5); θ' = 2.625 − 0.5 · 1 = 2.125 (SGD, exact here).
    expect(Array.from(stages.decayed[0]!)).toEqual([2.625, -0.875]);
    expect(Array.from(stages.clipped[0]!)).toEqual([1, 0.5]);
    expect(stages.stepped[0]!.params[0]).toBe(2.125);
    const off = (x: Float32Array) => Float32Array.from(x, (v, k) => (k === 0 ? v * (1 + 2 ** -19) : v));
    const failing = (changed: typeof stages) =>
      new Set(judgeStages(impl, config, input, changed).mismatches.map((m) => m.output.split(':')[0]));
    expect(failing({ ...stages, decayed: [off(stages.decayed[0]!)] })).toContain('decay[0]');
    expect(failing({ ...stages, clipped: [off(stages.clipped[0]!)] })).toContain('clip');
    expect(failing({ ...stages, average: [off(stages.average![0]!)] })).toContain('ema[0]');
    expect(failing({ ...stages, params: [off(stages.params[0]!)] })).toContain('overwrite');
  });
});

describe.each(backends)("Keras's weight decay with a schedule on %s", (backend) => {
  beforeAll(async () => {
    await useBackend(backend);
  });

  // ExponentialDecay(1, decay_steps=1, decay_rate=0.5): lr = 0.5^iterations = 1, 0.5, 0.25 on the first
  // three steps (keras/src/optimizers/schedules/learning_rate_schedule.py), against the constant lr = 1.
  const scheduled = () =>
    withSchedule(
      configure(sgd, 'keras', { lr: 1, weightDecay: 0.25 }),
      configureSchedule(exponentialDecay, 'keras', { hyper: { lr: '1', decayRate: '0.5', decaySteps: '1' } }),
    );

  it('decays by the schedule’s value at each iteration: 2 (1 − 1/4)(1 − 1/8)(1 − 1/16) = 1.23046875, exact in float32', () => {
    const impl = production(backend);
    const config = scheduled();
    let theta: Float32Array = Float32Array.of(2);
    let state = impl.init(config, theta);
    for (let iterations = 0; iterations < 3; iterations++) {
      const input = { params: [theta], grads: [Float32Array.of(0)], state: [state], iterations };
      const { stages, comparison } = judgeKerasStep(impl, config, input);
      expect(comparison.mismatches).toEqual([]);
      theta = stages.params[0]!;
      state = stages.stepped[0]!.state;
    }
    // With the constant lr = 1 it would be 2 · (3/4)³ = 0.84375.
    expect(theta[0]).toBe(1.23046875);
  });

  it('the judge fails a decay by the constant lr where the schedule has changed it (iteration 1: 1.125, not 1.3125)', () => {
    const impl = production(backend);
    const config = scheduled();
    const theta = Float32Array.of(1.5);
    const input = { params: [theta], grads: [Float32Array.of(0)], state: [impl.init(config, theta)], iterations: 1 };
    const { stages } = judgeKerasStep(impl, config, input);
    expect(stages.decayed[0]![0]).toBe(1.3125);
    const constant = { ...stages, decayed: [Float32Array.of(1.125)] };
    const failing = judgeStages(impl, config, input, constant).mismatches.map((m) => m.output);
    expect(failing).toContain('decay[0]:decayed');
  });
});

describe.each(backends)("AdamW's keras preset decays in Keras's TensorFlow-backend order on %s", (backend) => {
  beforeAll(async () => {
    await useBackend(backend);
  });

  // keras/src/backend/tensorflow/optimizer.py `_apply_weight_decay`: θ − (θ · wd) · lr in float32, then
  // Adam's step, which moves nothing on g = 0 from zero moments. θ = 3, λ = fl(0.1) = 13421773 · 2^−27,
  // α = 1: θ · λ = 40265319 · 2^−27 rounds to 10066330 · 2^−25; 3 − that = 90596966 · 2^−25 rounds to
  // 11324621 · 2^−22. The torch backend's θ · fl(1 − λα) = 3 · 15099494 · 2^−24 rounds (a tie, to even)
  // to 11324620 · 2^−22 instead.
  it('AdamW (keras, λ = 0.1, α = 1) takes θ = 3 to 11324621 · 2^−22 on g = 0, not the torch form’s 11324620 · 2^−22', () => {
    const impl = production(backend);
    const config = configure(adamw, 'keras', { lr: 1, weightDecay: 0.1 });
    const theta = Float32Array.of(3);
    const { params } = impl.step(config, {
      params: theta,
      grads: Float32Array.of(0),
      state: impl.init(config, theta),
      t: 1,
    });
    expect(params[0]).toBe(11324621 * 2 ** -22);
  });
});

describe("configure under Keras's wrapper", () => {
  it('takes the options under keras for the six optimizers whose keras preset has no weight decay of its own', () => {
    for (const [, , entry] of KERAS_TESTS)
      expect(configure(entry, 'keras', { weightDecay: '0.004' }).keras).toEqual({ weightDecay: '0.004' });
  });

  it('keeps a rule’s own weightDecay as its hyperparameter (AdamW under keras), the wrapper taking the rest', () => {
    const config = configure(adamw, 'keras', { weightDecay: 0.01, clipnorm: 1, useEma: true });
    expect(config.hyper.weightDecay).toBe('0.01');
    expect(config.keras).toEqual({ clip: { option: 'clipnorm', threshold: '1' }, ema: { momentum: '0.99' } });
  });

  it.each([
    [{ clipnorm: 1, clipvalue: 1 }, /only one of clipnorm, clipvalue and globalClipnorm/],
    [{ clipnorm: 0 }, /clipnorm = 0 is outside its domain \(0, ∞\)/],
    [{ weightDecay: -1 }, /weightDecay = -1 is outside its domain \[0, ∞\)/],
    [{ useEma: true, emaMomentum: 1.5 }, /emaMomentum = 1.5 is outside its domain \[0, 1\]/],
    [{ useEma: true, emaOverwriteFrequency: 0 }, /emaOverwriteFrequency = 0 must be an integer ≥ 1/],
    [{ emaMomentum: 0.9 }, /only with useEma: true/],
  ])('rejects %o', (options, message) => {
    expect(() => configure(sgd, 'keras', options)).toThrow(message);
    expect(() => configure(sgd, 'keras', options)).toThrow(HyperparameterError);
  });

  it('a wrapper option under another preset, or misspelt, does not compile, and is a clear error at run time', () => {
    // @ts-expect-error clipnorm is an option of Keras's wrapper, not of the pytorch preset
    expect(() => configure(sgd, 'pytorch', { clipnorm: 1 })).toThrow(/only the keras preset takes it/);
    // @ts-expect-error a misspelt option
    expect(() => configure(sgd, 'keras', { clipNorm: 1 })).toThrow(/unknown hyperparameter 'clipNorm'/);
  });
});
