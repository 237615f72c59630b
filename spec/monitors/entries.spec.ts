/**
 * The monitor entries: kinds, presets and defaults as the frameworks' sources give them, the
 * registry's records pairing each entry with its own oracle and production, and the input checks.
 */
import { describe, expect, it } from 'vitest';
import { configure, HyperparameterError, StepInputError, UnknownNameError } from '../../core/catalogue/index.js';
import { earlyStopping, generalizationLoss, monitors } from '../../core/catalogue/monitors/index.js';
import { monitor, monitorRecordOf, monitorRecords } from '../../src/registry/monitors.js';
import { earlyStoppingAlgorithm } from '../../src/production/monitors/index.js';

describe('monitor entries', () => {
  it('are monitors, each with its record, oracle and production', () => {
    expect(monitors.every((e) => e.kind === 'monitor')).toBe(true);
    expect(monitorRecords.map((r) => r.entry)).toEqual(monitors);
    expect(() =>
      monitor(generalizationLoss, monitorRecordOf('early-stopping-gl').oracle, earlyStoppingAlgorithm),
    ).toThrow(TypeError);
    expect(() => monitorRecordOf('patience')).toThrow(UnknownNameError);
  });
  it("take the frameworks' defaults", () => {
    expect(configure(earlyStopping, 'keras').hyper).toEqual({ patience: '0', minDelta: '0', startFromEpoch: '0' });
    expect(configure(earlyStopping, 'tfjs').hyper).toEqual({ patience: '0', minDelta: '0' });
    expect(configure(earlyStopping, 'lightning').hyper).toEqual({ patience: '3', minDelta: '0' });
    expect(() => configure(earlyStopping, 'tfjs', { startFromEpoch: '1' })).toThrow(HyperparameterError);
    expect(() => configure(earlyStopping, 'keras', { patience: '1.5' })).toThrow(HyperparameterError);
  });
  it('reject values that are not of their format, and Prechelt series that are not positive', () => {
    const record = monitorRecordOf('early-stopping');
    const config = configure(earlyStopping, 'keras');
    expect(() => record.oracle(config, { values: { format: 'float32', values: [0.1] } })).toThrow(StepInputError);
    const gl = monitorRecordOf('early-stopping-gl');
    const paper = configure(generalizationLoss, 'paper');
    const s = (values: number[]) => ({ format: 'float32' as const, values });
    expect(() => gl.oracle(paper, { values: s([1, 0]), training: s([1, 1]) })).toThrow(StepInputError);
    expect(() => gl.oracle(paper, { values: s([1]) })).toThrow(StepInputError);
  });
});
