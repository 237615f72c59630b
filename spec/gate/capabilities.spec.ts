/**
 * What an implementation declares beyond plain steps (src/gate/capabilities.ts): the literal names
 * match the catalogue's, a misspelt declaration does not compile (each `@ts-expect-error` below fails
 * the type check if the line compiles), declared schedule options restrict the cases drawn, and the
 * in-process gate refuses a declaration it has no operation for. Also: a wrapper step that changes
 * what a stage left out should pass on (the gradient with no clip option) is caught.
 */
import { describe, expect, it } from 'vitest';
import { OptionError } from '../../core/catalogue/index.js';
import { schedules } from '../../core/schedules/index.js';
import {
  GRADIENT_TRANSFORM_NAMES,
  SCHEDULE_NAMES,
  takesScheduleOf,
  type GradientTransformCall,
  type RuleSupport,
  type ScheduleSupport,
} from '../../src/gate/capabilities.js';
import { gradientTransformRecords } from '../../src/registry/gradient-transforms.js';
import type { CheckReport } from '../../src/runs/check-types.js';
import { gate, type GateTarget } from '../../src/runs/gate.js';
import { sgdTarget } from './protocol/programs/sgd-target.js';

const names = (report: CheckReport) =>
  report.results.flatMap((r) => r.properties.map((p) => `${r.rule}/${r.preset} ${p.name}`));

describe('capabilities', () => {
  it('names every schedule and gradient transform of the catalogue, in its order', () => {
    expect(SCHEDULE_NAMES).toEqual(schedules.map((s) => s.name));
    expect(GRADIENT_TRANSFORM_NAMES).toEqual(gradientTransformRecords.map((r) => r.entry.name));
  });

  it('takes a schedule by name on every path, or only on the flag values its options list', () => {
    const torch = { implementation: 'torch-get-lr', arithmetic: 'float32' };
    expect(takesScheduleOf(['exponential-decay'], 'exponential-decay', torch)).toBe(true);
    expect(takesScheduleOf(['exponential-decay'], 'multi-step', torch)).toBe(false);
    const float64: ScheduleSupport = { schedule: 'exponential-decay', options: { arithmetic: ['float64'] } };
    expect(takesScheduleOf([float64], 'exponential-decay', torch)).toBe(false);
    expect(takesScheduleOf([float64], 'exponential-decay', { ...torch, arithmetic: 'float64' })).toBe(true);
    expect(takesScheduleOf([], 'exponential-decay', torch)).toBe(false);
  });

  it('does not compile a misspelt declaration', () => {
    const rule: RuleSupport = {
      presets: ['pytorch'],
      // @ts-expect-error -- there is no schedule 'cosine-anealing'
      schedules: ['cosine-anealing'],
    };
    const option: ScheduleSupport = {
      schedule: 'exponential-decay',
      // @ts-expect-error -- the flag is 'arithmetic'
      options: { arithmetc: ['float64'] },
    };
    // @ts-expect-error -- arithmetic takes float64 or float32
    const value: ScheduleSupport = { schedule: 'exponential-decay', options: { arithmetic: ['float16'] } };
    // @ts-expect-error -- the option is kerasWrapper
    const wrapper: RuleSupport = { presets: ['keras'], kerasWraper: true };
    const transforms: GateTarget['transforms'] = {
      // @ts-expect-error -- there is no transform 'clip-by-nrm'
      'clip-by-nrm': ['keras'],
    };
    const threshold = (c: GradientTransformCall) =>
      // @ts-expect-error -- value clipping's threshold is clipValue
      c.transform === 'clip-by-value' ? c.hyper.clipvalue : undefined;
    expect([rule, option, value, wrapper, transforms, threshold].length).toBe(6);
  });

  it('draws only the production paths a schedule declaration lists', async () => {
    const seen = new Set<string>();
    const target = sgdTarget(undefined, [
      { schedule: 'exponential-decay', options: { implementation: ['torch-closed-form'], arithmetic: ['float64'] } },
    ]);
    const report = await gate(
      {
        ...target,
        step(config, input) {
          if (config.schedule !== undefined) seen.add(JSON.stringify(config.schedule.flags));
          return target.step(config, input);
        },
      },
      { rule: 'sgd', property: 'one-step-scheduled', runs: 20, seed: 7 },
    );
    expect(report.failed).toBe(0);
    // Keras's ExponentialDecay is implementation 'keras': not among those declared, so sgd/keras has no such property.
    expect(names(report)).toEqual(['sgd/pytorch one-step-scheduled']);
    expect([...seen]).toEqual(['{"staircase":true,"implementation":"torch-closed-form","arithmetic":"float64"}']);
  });

  it("refuses a target that declares Keras's wrapper or a transform without the operation", async () => {
    const { kerasStep: _k, ...noKerasStep } = sgdTarget();
    await expect(gate(noKerasStep, { runs: 1 })).rejects.toThrow(OptionError);
    await expect(gate(noKerasStep, { runs: 1 })).rejects.toThrow(
      /declares Keras's wrapper for sgd but has no kerasStep/,
    );
    const { transform: _t, ...noTransform } = sgdTarget();
    await expect(gate(noTransform, { runs: 1 })).rejects.toThrow(/declares gradient transforms but has no transform/);
  });

  it('fails a wrapper step that changes the gradient when no clip option is set', async () => {
    const target = sgdTarget();
    const kerasStep = target.kerasStep?.bind(target);
    if (kerasStep === undefined) throw new Error('no kerasStep');
    const report = await gate(
      {
        ...target,
        // Halves the gradients before a clipping that is not there: every later stage is consistent with it.
        kerasStep: (config, input) =>
          kerasStep(config, {
            ...input,
            grads: config.keras?.clip === undefined ? input.grads.map((g) => g.map((x) => x / 2)) : input.grads,
          }),
      },
      { rule: 'sgd', property: 'keras-wrapper', runs: 20, seed: 7 },
    );
    expect(names(report)).toEqual(['sgd/keras keras-wrapper']);
    expect(report.failed).toBe(1);
    const error = report.results[0]?.properties[0]?.error ?? '';
    expect(error).toMatch(/copy:grads\[\d+\]: not bitwise equal where the derived bound is 0/);
    expect(error).not.toMatch(/(rule|decay|ema|overwrite)\[?\d*\]?:/);
  });
});
