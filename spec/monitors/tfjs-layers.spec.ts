/**
 * tf.callbacks.earlyStopping itself, in process, judged against this project's model of it (preset
 * `tfjs`, production) on the agreement cases: the same stop epoch on every case, as the model
 * computes with the same float64 operations. tfjs-layers is a development dependency (4.22.0, the
 * version of tfjs-core); OPTIM_ORACLE_TFJS_LAYERS names another build to judge.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { configure } from '../../core/catalogue/index.js';
import { earlyStopping } from '../../core/catalogue/monitors/index.js';
import { patienceCase } from '../../src/gate/monitors/arbitraries.js';
import { tfjsStopEpoch, type TfjsEarlyStoppingFactory } from '../../src/gate/monitors/tfjs-callback.js';
import { runsFromEnv, seedFromEnv } from '../../src/gate/seed.js';
import { runMonitor } from '../../src/production/monitors/index.js';
import { monitorRecordOf } from '../../src/registry/monitors.js';

const moduleName = process.env['OPTIM_ORACLE_TFJS_LAYERS'] ?? '@tensorflow/tfjs-layers';
const layers = (await import(moduleName)) as {
  callbacks: { earlyStopping: TfjsEarlyStoppingFactory };
  LayersModel: { prototype: object };
};
const record = monitorRecordOf('early-stopping');

describe(`tf.callbacks.earlyStopping in process (${moduleName})`, () => {
  const factory = (args: Parameters<TfjsEarlyStoppingFactory>[0]) => {
    return layers.callbacks.earlyStopping(args);
  };
  /** A LayersModel (setModel checks instanceof) whose stopTraining is a plain field, as fit leaves it. */
  const model = () => {
    const m = Object.create(layers.LayersModel.prototype) as { stopTraining: boolean };
    Object.defineProperty(m, 'stopTraining', { value: false, writable: true });
    return m;
  };
  it('stops where the model of it (preset tfjs) stops, on every agreement case', async () => {
    await fc.assert(
      fc.asyncProperty(patienceCase(earlyStopping, 'tfjs'), async (c) => {
        expect(await tfjsStopEpoch(factory, c.config, c.input, model)).toBe(
          runMonitor(record.production, c.config, c.input).stopEpoch,
        );
      }),
      { seed: seedFromEnv(), numRuns: runsFromEnv(200) },
    );
  });
  it('throws on restoreBestWeights (NotImplementedError in tfjs 4.22)', async () => {
    const c = configure(earlyStopping, 'tfjs');
    await expect(
      tfjsStopEpoch(
        factory,
        c,
        { values: { format: 'float32', values: [1] }, options: { restoreBestWeights: true } },
        model,
      ),
    ).rejects.toThrow(/not implemented/i);
  });
  it('stops at epoch 1 on 1 → 0.999 with minDelta 0.001, where the exact rule continues', async () => {
    const c = configure(earlyStopping, 'tfjs', { minDelta: '0.001' });
    const input = { values: { format: 'float64' as const, values: [1, 0.999] }, options: { mode: 'min' as const } };
    expect(await tfjsStopEpoch(factory, c, input, model)).toBe(1);
    expect(record.oracle(c, input).stopEpoch).toBeUndefined();
  });
});
