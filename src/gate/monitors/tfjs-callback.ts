/**
 * Judging TensorFlow.js's own `tf.callbacks.earlyStopping` (tfjs-layers/src/callbacks.ts) in
 * process, against this project's model of it (production, preset `tfjs`) and the oracle. The
 * callback is driven as `model.fit` drives it: `setModel`, `onTrainBegin`, then `onEpochEnd(epoch,
 * logs)` until it sets `model.stopTraining`, then `onTrainEnd`; the metric values go in the logs as
 * numbers (a float32 metric read from its tensor is the same number). tfjs-layers is not a
 * dependency of this package: the caller passes its `callbacks.earlyStopping`, and a model for
 * `setModel` (tfjs-layers insists on a LayersModel: `tf.sequential()` will do).
 *
 * @module
 */
import type { Configuration } from '../../../core/catalogue/index.js';
import type { MonitorInput } from '../../../core/catalogue/monitors/monitor-types.js';
import { required } from '../../../core/required.js';

/** What the driver needs of a tfjs callback. */
export interface TfjsCallbackLike {
  setModel(model: unknown): void;
  onTrainBegin(logs?: Record<string, number>): Promise<void>;
  onEpochEnd(epoch: number, logs?: Record<string, number>): Promise<void>;
  onTrainEnd(logs?: Record<string, number>): Promise<void>;
}

/** tf.callbacks.earlyStopping's arguments (EarlyStoppingCallbackArgs). */
export interface TfjsEarlyStoppingArgs {
  monitor?: string;
  minDelta?: number;
  patience?: number;
  mode?: 'auto' | 'min' | 'max';
  baseline?: number;
  restoreBestWeights?: boolean;
}

/** `tf.callbacks.earlyStopping`. */
export type TfjsEarlyStoppingFactory = (args: TfjsEarlyStoppingArgs) => TfjsCallbackLike;

/**
 * The epoch at whose end the real callback stops training on `input` under `config` (undefined when
 * it runs through every value). Hyperparameters go in as the JavaScript numbers a user would write.
 */
export async function tfjsStopEpoch(
  factory: TfjsEarlyStoppingFactory,
  config: Configuration,
  input: MonitorInput,
  makeModel: () => { stopTraining: boolean } = () => ({ stopTraining: false }),
): Promise<number | undefined> {
  const o = input.options ?? {};
  const monitor = o.monitor ?? 'val_loss';
  const callback = factory({
    monitor,
    minDelta: Number(config.hyper['minDelta']),
    patience: Number(config.hyper['patience']),
    ...(o.mode === undefined ? {} : { mode: o.mode }),
    ...(o.baseline === undefined ? {} : { baseline: Number(o.baseline) }),
    ...(o.restoreBestWeights === undefined ? {} : { restoreBestWeights: o.restoreBestWeights }),
  });
  const model = makeModel();
  callback.setModel(model);
  await callback.onTrainBegin({});
  for (let epoch = 0; epoch < input.values.values.length; epoch += 1) {
    await callback.onEpochEnd(epoch, { [monitor]: required(input.values.values[epoch], `value ${epoch}`) });
    if (model.stopTraining) {
      await callback.onTrainEnd({});
      return epoch;
    }
  }
  await callback.onTrainEnd({});
  return undefined;
}
