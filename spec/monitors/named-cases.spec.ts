/**
 * Named cases of early stopping. First the frameworks' rules as their sources state them (Keras 3
 * early_stopping.py, tfjs-layers callbacks.ts, Lightning early_stopping.py, Prechelt 1998), where
 * oracle and production decide alike; then the cases where a framework's float comparison decides
 * otherwise than the exact one (values within rounding of min_delta or of a threshold), each with
 * the oracle's exact decision checked against BigInt fractions, and the shrunk cases of the
 * invariances that floats break.
 */
import { describe, expect, it } from 'vitest';
import { configure, ConfigurationError, type Configuration } from '../../core/catalogue/index.js';
import {
  earlyStopping,
  generalizationLoss,
  progressQuotient,
  successiveIncreases,
  type EarlyStoppingOptions,
  type MetricFormat,
  type MonitorInput,
} from '../../core/catalogue/monitors/index.js';
import type { EarlyStoppingSchema } from '../../core/catalogue/monitors/early-stopping.js';
import { patienceRule } from '../../core/catalogue/monitors/patience-rule.js';
import { rationalPatienceArith } from '../../src/claims/early-stopping/rational.js';
import { shiftBreaks, improvingBreaks } from '../../src/gate/monitors/invariances.js';
import { implementationsOf } from '../../src/gate/monitors/properties.js';
import { runMonitor } from '../../src/production/monitors/index.js';
import { monitorRecordOf } from '../../src/registry/monitors.js';

const es = monitorRecordOf('early-stopping');
const f32 = Math.fround;
const seq = (values: number[], format: MetricFormat = 'float32') => ({ format, values });
const input = (
  values: number[],
  options: EarlyStoppingOptions = {},
  format: MetricFormat = 'float32',
): MonitorInput => ({
  values: seq(values, format),
  options,
});
const summary = (o: { stopEpoch?: number; reason?: string; bestEpoch?: number; restoredEpoch?: number }) => ({
  stop: o.stopEpoch,
  reason: o.reason,
  best: o.bestEpoch,
  restored: o.restoredEpoch,
});
const exact = (config: Configuration, i: MonitorInput) => summary(es.oracle(config, i));
const float = (config: Configuration, i: MonitorInput, kerasComparison?: MetricFormat) =>
  summary(runMonitor(es.production, config, i, kerasComparison === undefined ? {} : { kerasComparison }));
/** Oracle and production decide `expected`. */
const both = (config: Configuration, i: MonitorInput, expected: object) => {
  expect(exact(config, i)).toEqual(expected);
  expect(float(config, i)).toEqual(expected);
};
const keras = (h: Record<string, string> = {}) => configure(earlyStopping, 'keras', h);
const tfjs = (h: Record<string, string> = {}) => configure(earlyStopping, 'tfjs', h);
const lightning = (h: Record<string, string> = {}) => configure(earlyStopping, 'lightning', h);
const none = { stop: undefined, reason: undefined };

describe("the frameworks' rules, as their sources state them", () => {
  it('Keras, patience 0: stops at the first epoch that does not improve, never at epoch 0', () => {
    both(keras(), input([1, 0.5, 0.75], { mode: 'min' }), {
      stop: 2,
      reason: 'patience',
      best: 1,
      restored: undefined,
    });
    both(keras(), input([1], { mode: 'min', baseline: '0.5' }), { ...none, best: 0, restored: undefined });
  });
  it('Keras: an improvement that does not beat the baseline keeps counting; improving epochs never stop', () => {
    const h = keras({ patience: '2' });
    both(h, input([1, 0.75, 0.5, 0.25], { mode: 'min', baseline: '0.125' }), { ...none, best: 3, restored: undefined });
    both(h, input([1, 0.75, 0.5, 0.625], { mode: 'min', baseline: '0.125', restoreBestWeights: true }), {
      stop: 3,
      reason: 'patience',
      best: 2,
      restored: 2,
    });
  });
  it('Keras restores the best weights at the end of training when it never stopped', () => {
    both(keras({ patience: '5' }), input([1, 0.5, 0.75], { mode: 'min', restoreBestWeights: true }), {
      ...none,
      best: 1,
      restored: 1,
    });
  });
  it('Keras: start_from_epoch skips the first epochs', () => {
    both(keras({ startFromEpoch: '2' }), input([5, 1, 3, 3.5], { mode: 'min' }), {
      stop: 3,
      reason: 'patience',
      best: 2,
      restored: undefined,
    });
  });
  it("mode 'auto': Keras reads 'loss' or the metric's direction, tfjs looks for 'acc', Lightning refuses", () => {
    both(keras(), input([1, 2], { monitor: 'val_loss' }), {
      stop: 1,
      reason: 'patience',
      best: 0,
      restored: undefined,
    });
    both(keras(), input([1, 2], { monitor: 'val_accuracy', metricDirection: 'up' }), {
      ...none,
      best: 1,
      restored: undefined,
    });
    expect(() => exact(keras(), input([1], { monitor: 'val_accuracy' }))).toThrow(ConfigurationError);
    both(tfjs(), input([1, 2], { monitor: 'val_acc' }), { ...none, best: 1, restored: undefined });
    expect(() => exact(lightning(), input([1], { mode: 'auto' }))).toThrow(ConfigurationError);
  });
  it('tfjs: the baseline is the initial best and it may stop at epoch 0; restoreBestWeights throws', () => {
    both(tfjs(), input([1], { mode: 'min', baseline: '0.5' }), {
      stop: 0,
      reason: 'patience',
      best: undefined,
      restored: undefined,
    });
    expect(() => exact(tfjs(), input([1], { restoreBestWeights: true }))).toThrow(/NotImplementedError/);
    expect(() => float(tfjs(), input([1], { restoreBestWeights: true }))).toThrow(/NotImplementedError/);
  });
  it('Lightning: finite check, stopping threshold, divergence threshold, improvement, patience, in that order', () => {
    const l = lightning({ patience: '0' });
    both(l, input([1, NaN]), { stop: 1, reason: 'non-finite', best: 0, restored: undefined });
    both(l, input([1, NaN], { checkFinite: false }), { stop: 1, reason: 'patience', best: 0, restored: undefined });
    both(l, input([1, 0.25], { stoppingThreshold: '0.5', divergenceThreshold: '10' }), {
      stop: 1,
      reason: 'stopping-threshold',
      best: 0,
      restored: undefined,
    });
    both(l, input([1, 5], { divergenceThreshold: '3' }), {
      stop: 1,
      reason: 'divergence-threshold',
      best: 0,
      restored: undefined,
    });
    both(lightning({ minDelta: '-0.25' }), input([1, 1.125, 1.5]), { ...none, best: 1, restored: undefined });
  });
  it('Prechelt: GL_α, PQ_α and UP_s stop where the paper says, and return the lowest E_va', () => {
    const run = (name: string, c: Configuration, va: number[], tr: number[]) => {
      const record = monitorRecordOf(name);
      const i = { values: seq(va), training: seq(tr) };
      const o = summary(record.oracle(c, i));
      expect(summary(runMonitor(record.production, c, i))).toEqual(o);
      return o;
    };
    expect(
      run('early-stopping-gl', configure(generalizationLoss, 'paper'), [1, 0.5, 0.5, 0.53125], [1, 1, 1, 1]),
    ).toEqual({
      stop: 3,
      reason: 'generalization-loss',
      best: 1,
      restored: 1,
    });
    const pq = configure(progressQuotient, 'paper', { alpha: '0.5', k: '2' });
    expect(run('early-stopping-pq', pq, [1, 0.5, 0.5, 0.75], [1, 0.5, 0.5, 0.5])).toEqual({
      stop: 3,
      reason: 'progress-quotient',
      best: 1,
      restored: 1,
    });
    const up = configure(successiveIncreases, 'paper', { s: '2', k: '1' });
    expect(run('early-stopping-up', up, [3, 2, 2.5, 2.75], [1, 1, 1, 1])).toEqual({
      stop: 3,
      reason: 'successive-increases',
      best: 1,
      restored: 1,
    });
  });
});

/** The oracle's comparisons equal those of the rule on BigInt fractions. */
function exactlyDecided(config: Configuration, i: MonitorInput): void {
  const c = config as Configuration<EarlyStoppingSchema>;
  const rational = patienceRule(c, i.values.values.length, i.options ?? {}, rationalPatienceArith(c, i.values.values));
  const holds = (o: { epochs: readonly { comparisons: readonly { holds: boolean }[] }[] }) =>
    o.epochs.map((e) => e.comparisons.map((x) => x.holds));
  expect(holds(es.oracle(config, i))).toEqual(holds(rational));
}

describe('float comparisons that decide otherwise than the exact ones', () => {
  it('1 → 0.999 with min_delta 0.001 (float64 values): improves exactly by 8.9e-19 more than δ; every framework stops', () => {
    const i = input([1, 0.999], { mode: 'min' }, 'float64');
    exactlyDecided(keras({ minDelta: '0.001' }), i);
    expect(exact(keras({ minDelta: '0.001' }), i).stop).toBeUndefined();
    expect(float(keras({ minDelta: '0.001' }), i).stop).toBe(1);
    expect(float(keras({ minDelta: '0.001' }), i, 'float64').stop).toBe(1);
    expect(float(tfjs({ minDelta: '0.001' }), i).stop).toBe(1);
    expect(float(lightning({ minDelta: '0.001', patience: '0' }), i).stop).toBe(1);
  });
  it("Keras's float32 comparison (TensorFlow, JAX, torch backends) misses an improvement that float64 sees", () => {
    const i = input([1.5, 1.4989999532699585], { mode: 'min' });
    const k = keras({ minDelta: '0.001' });
    exactlyDecided(k, i);
    expect(exact(k, i).stop).toBeUndefined();
    expect(float(k, i).stop).toBe(1);
    expect(float(k, i, 'float64').stop).toBeUndefined();
    expect(float(tfjs({ minDelta: '0.001' }), i).stop).toBeUndefined();
    expect(float(lightning({ minDelta: '0.001', patience: '0' }), i).stop).toBe(1);
  });
  it('Keras float32, start_from_epoch 1: 1, fl32(0.9), 0.79999995 improves by more than min_delta 0.1, and stops', () => {
    const c = {
      config: keras({ minDelta: '0.1', startFromEpoch: '1' }),
      input: input([1, f32(0.9), 0.7999999523162842], { mode: 'min' }),
    };
    exactlyDecided(c.config, c.input);
    const [oracle, production] = implementationsOf(es);
    expect(improvingBreaks(oracle!.run, c)).toBeUndefined();
    expect(improvingBreaks(production!.run, c)).toBe('stopped at epoch 2 (patience) on a strictly improving sequence');
  });
  it('Lightning casts stopping_threshold to float32: 0.1000000015 becomes fl32(0.1), and v = fl32(0.1) no longer lies below it', () => {
    const i = input([f32(0.1)], { stoppingThreshold: '0.1000000015' });
    expect(exact(lightning(), i)).toMatchObject({ stop: 0, reason: 'stopping-threshold' });
    expect(float(lightning(), i).stop).toBeUndefined();
  });
  it('GL_5 on E_opt = 10, E_va = 10.5: GL is exactly 5, not above α; float64 computes 5.000000000000004 and stops', () => {
    const record = monitorRecordOf('early-stopping-gl');
    const c = configure(generalizationLoss, 'paper', { alpha: '5' });
    const i = { values: seq([10, 10.5]), training: seq([1, 1]) };
    expect(record.oracle(c, i).stopEpoch).toBeUndefined();
    expect(runMonitor(record.production, c, i).stopEpoch).toBe(1);
  });
  it('shift invariance, broken by each framework (shrunk cases)', () => {
    const [oracle, production] = implementationsOf(es);
    const cases = [
      { config: keras({ minDelta: '0.0009665625' }), values: [0, -(2 ** -10)], shift: 512 },
      {
        config: tfjs({ minDelta: '0.0009765624999' }),
        values: [-0.7412109375],
        baseline: '-0.740234375',
        shift: 1024.7412109375,
      },
      { config: lightning({ minDelta: '0.0009665625', patience: '0' }), values: [0, -(2 ** -10)], shift: -256 },
    ];
    for (const { config, values, baseline, shift } of cases) {
      const s = {
        c: { config, input: input(values, { mode: 'min', ...(baseline === undefined ? {} : { baseline }) }) },
        shift,
      };
      expect(shiftBreaks(oracle!.run, s)).toBeUndefined();
      expect(shiftBreaks(production!.run, s)).toMatch(/^shift by/);
    }
  });
});
