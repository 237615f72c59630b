/**
 * Rules with a learning-rate schedule (core/catalogue/configure.ts `withSchedule`): update k takes
 * the schedule's value at t = k − 1, in the oracle (exact) and in production (the framework's value,
 * its error counted in the derived bound); SGD, Adam, Momentum and Adafactor under the presets that have
 * schedules, and NAG's look-ahead form (paper only) under every framework's, on the first backend present.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import * as entries from '../../core/catalogue/entries.js';
import { configure, HyperparameterError, withSchedule, PRESET_NAMES, type State } from '../../core/catalogue/index.js';
import { configureSchedule, cosineAnnealing, multiStep } from '../../core/schedules/index.js';
import { production } from '../../src/gate/implementation.js';
import { cachedRate } from '../../src/production/schedules/rates.js';
import { floatOps, learningRateAt } from '../../src/production/schedules/index.js';
import { judgeStep, newTally } from '../../src/gate/properties.js';
import { runsFromEnv, seedFromEnv } from '../../src/gate/seed.js';
import { scheduledStepProperty, takesSchedule } from '../../src/gate/schedules/rule-property.js';
import { oracleRuleOf } from '../../src/registry/index.js';
import { certifyStatistics, fallThroughShare, resetCertifyStatistics, withCertifyStages } from '../../oracle/staged.js';
import { required } from '../../core/required.js';
import { useBackend } from '../../src/production/tfjs/backend.js';
import { backends } from '../backends.js';
import { expectSomeCompared } from '../agreement/agreement.js';

const backend = backends[0] ?? 'cpu';
const impl = production(backend);
beforeAll(async () => {
  await useBackend(backend);
});

// MultiStepLR(lr 0.1, milestones [2], γ 0.5): 0.1 at t = 0, 1 and 0.05 from t = 2.
const halving = configureSchedule(multiStep, 'pytorch', {
  hyper: { lr: '0.1', decayRate: '0.5' },
  lists: { milestones: [2] },
});
const sgd = withSchedule(configure(entries.sgd, 'pytorch', { lr: '7' }), halving);
const one = (t: number) => ({ params: Float32Array.of(1), grads: Float32Array.of(1), state: {}, t });

describe('a rule with a schedule', () => {
  it('update k uses the schedule at t = k − 1, not the constant lr (SGD: θ − α_t g)', () => {
    const oracle = oracleRuleOf('sgd');
    // θ = g = 1: θ' = 1 − α exactly, rounded once (1 − 0.1 = 0.9; 1 − 0.05 = 0.95).
    expect(oracle.step(sgd, one(1)).params[0]).toBe(Math.fround(0.9));
    expect(oracle.step(sgd, one(2)).params[0]).toBe(Math.fround(0.9));
    expect(oracle.step(sgd, one(3)).params[0]).toBe(Math.fround(0.95));
    for (const t of [1, 2, 3, 40]) expect(judgeStep(impl, sgd, one(t)).comparison.mismatches).toEqual([]);
  });

  it('production takes the framework value: θ − float32(α_t) g in float32', () => {
    // PyTorch's 0.1 · 0.5 is the double 0.05; production rounds it to float32 and subtracts in float32.
    expect(impl.step(sgd, one(3)).params[0]).toBe(Math.fround(1 - Math.fround(0.05)));
  });

  it('many elements: the float64 stage on its tape and the refined preparation take the enclosure of a cosine', () => {
    // cos(π · 250/1000) is irrational: the rate is no double, so every stage encloses it.
    const cosine = configureSchedule(cosineAnnealing, 'pytorch', { hyper: { lr: '0.001', decaySteps: 1000 } });
    const adamWith = withSchedule(configure(entries.adam, 'pytorch'), cosine);
    const n = 64;
    const values = (f: (i: number) => number) => Float32Array.from({ length: n }, (_, i) => Math.fround(f(i)));
    const input = {
      params: values((i) => 1 + i / 7),
      grads: values((i) => Math.sin(i) / 3),
      state: { m: values((i) => Math.cos(i) / 10), v: values((i) => 0.01 + i / 1000) },
      t: 251,
    };
    resetCertifyStatistics();
    const { comparison, oracle } = judgeStep(impl, adamWith, input);
    expect(comparison.mismatches).toEqual([]);
    expect(comparison.outputs['params']?.compared).toBe(n);
    // The float64 stage decided most elements, the rational stage the rest, none fell through to the
    // decimal stage (a failure of the scheduled rate in binary64 would leave them all to it).
    const counts = required(certifyStatistics()['adam'], 'the counts');
    expect(fallThroughShare(counts)).toBe(0);
    expect(counts.fast).toBeGreaterThan(n / 2);
    // Against the constant lr 0.001 (the schedule's α₀) the step differs: the schedule was taken.
    const constant = oracleRuleOf('adam').step(configure(entries.adam, 'pytorch'), input);
    expect(Array.from(oracle.params)).not.toEqual(Array.from(constant.params));
  });

  it("a trajectory under CosineAnnealingLR's get_lr: each step agrees, the values computed once and extended", () => {
    const recursive = configureSchedule(cosineAnnealing, 'pytorch', {
      hyper: { lr: '0.05', decaySteps: 7 },
      flags: { implementation: 'torch-get-lr' },
    });
    const momentumWith = withSchedule(configure(entries.momentum, 'pytorch'), recursive);
    let params: Float32Array = Float32Array.of(1, -2, 0.5);
    let state: State = { buffer: Float32Array.of(0, 0, 0) };
    for (let k = 1; k <= 30; k++) {
      const input = { params, grads: Float32Array.of(0.25, -1, 3), state, t: k };
      const { comparison, oracle } = judgeStep(impl, momentumWith, input);
      expect(comparison.mismatches, `step ${k}`).toEqual([]);
      params = oracle.params;
      state = oracle.state;
    }
    // The kept sequence gives what the recursion from t = 0 gives, asked in any order.
    for (const t of [29, 3, 17, 0, 40]) expect(cachedRate(floatOps, recursive, t)).toBe(learningRateAt(recursive, t));
  });

  it('a rate that is exactly 0 keeps the sign IEEE gives it in every stage (FTRL divides by it)', () => {
    // From `check` on wasm (ftrl/keras one-step-scheduled, seed 20171213): Keras's cosine schedule with
    // lr 0 makes α_t an exact zero whose 40-digit enclosure has a lower end of −0; the big-float stage
    // took that end, so σ = (√n' − √n)/α_t was −∞ and z' = z + g − σ θ came out −∞ where the decimal
    // stage, reading the sign of the exact computation, gives +∞.
    const cosine = configureSchedule(cosineAnnealing, 'keras', {
      hyper: { lr: '0', decaySteps: '1', alpha: '0', warmupSteps: '0' },
    });
    const ftrl = withSchedule(
      configure(entries.ftrl, 'keras', {
        lr: '0.001',
        initialAccumulator: '0.1',
        l1: '0',
        l2: '0',
        l2Shrinkage: '5e-324',
        beta: '1',
      }),
      cosine,
    );
    const input = {
      params: Float32Array.of(-(2 ** -149)),
      grads: Float32Array.of(0x1000002 * 2 ** -99),
      state: { accumulator: Float32Array.of(0), linear: Float32Array.of(0) },
      t: 2,
    };
    const oracle = oracleRuleOf('ftrl');
    const staged = oracle.step(ftrl, input);
    const decimal = withCertifyStages('decimal', () => oracle.step(ftrl, input));
    expect(staged.state['linear']?.[0]).toBe(Infinity);
    expect(Array.from(staged.state['linear'] ?? [])).toEqual(Array.from(decimal.state['linear'] ?? []));
    expect(Array.from(staged.params)).toEqual(Array.from(decimal.params));
  });

  it('is refused by an entry without a learning rate (a compile error) and by a configuration not made by configure', () => {
    const monitor = configure(entries.earlyStopping, 'keras');
    // @ts-expect-error early stopping has no lr to schedule
    expect(() => withSchedule(monitor, halving)).toThrow(HyperparameterError);
    expect(() => withSchedule({ ...configure(entries.sgd, 'pytorch') }, halving)).toThrow(/configure\(\)/);
  });

  it("is taken by NAG's look-ahead form, a rule on a gradient function (spec/schedules/nag.spec.ts)", () => {
    expect(withSchedule(configure(entries.nag, 'paper'), halving).schedule).toBe(halving);
  });
});

const runs = runsFromEnv(12);
const seed = seedFromEnv();
const rules = [entries.sgd, entries.adam, entries.momentum, entries.adafactor, entries.nag];
const units = rules.flatMap((entry) =>
  PRESET_NAMES.filter((p) => takesSchedule(entry, p)).map((preset) => ({
    entry,
    preset,
    label: `${entry.name}/${preset}`,
  })),
);

describe('rules with schedules agree with the oracle within the derived bound', () => {
  it('covers SGD, Adam and Momentum under pytorch and keras, Adafactor under keras, and NAG under paper', () => {
    expect(units.map((u) => u.label)).toEqual([
      'sgd/pytorch',
      'sgd/keras',
      'adam/pytorch',
      'adam/keras',
      'momentum/pytorch',
      'momentum/keras',
      'adafactor/keras',
      'nag/paper',
    ]);
  });

  it.each(units)('$label', ({ entry, preset }) => {
    const tally = newTally();
    fc.assert(scheduledStepProperty(impl, entry, preset, tally), { seed, numRuns: runs });
    expectSomeCompared(tally);
  });
});
